import { createHash } from 'node:crypto';
import { pinnedName, pinnedReference } from '../flow/index.ts';
import { type DmnModel, DmnRuntime, importDmn, importLabel } from '../rules/index.ts';
import {
  type Actor,
  addDmnModelVersion,
  type Database,
  type DmnModelVersion,
  getDmnModelVersion,
  getDmnModelXml,
  listDmnModels,
  listDmnModelVersions,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** 5 MB of XML: the largest published DMN examples are a few hundred kilobytes. */
export const MAX_DMN_BYTES = 5 * 1024 * 1024;
export const DMN_MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The DMN version a document's namespace names. */
const VERSIONS: Record<string, string> = { '20151101': '1.1', '20180521': '1.2', '20191111': '1.3', '20211108': '1.4', '20230324': '1.5' };

function dmnVersionOf(xml: string): string | null {
  const m = /omg\.org\/spec\/DMN\/(\d{8})\/(?:MODEL\/|dmn\.xsd)/.exec(xml);
  return m ? (VERSIONS[m[1]!] ?? null) : null;
}

/** What a model declares, kept beside its XML so that lists and pickers need not parse it. */
function summaryOf(model: DmnModel, xml: string): Record<string, unknown> {
  return {
    name: model.name,
    namespace: model.namespace,
    dmnVersion: dmnVersionOf(xml),
    decisions: [...model.decisions.values()].map((d) => ({ name: d.name, logic: d.logic?.kind ?? null, typeRef: d.typeRef ?? null })),
    inputData: [...model.inputData.values()].map((i) => ({ name: i.name, typeRef: i.typeRef ?? null })),
    knowledgeModels: [...model.bkms.keys()],
    decisionServices: [...model.services.keys()],
    imports: model.imports,
  };
}

/** An import of a stored model's version: the import's name and namespace, and the version it was linked to. */
interface PinnedImport {
  name: string;
  namespace: string;
  /** "id@version" */
  model: string;
}

/**
 * The versions a stored DMN model version was linked to at upload, by import name. Versions
 * stored before imports were pinned have none.
 */
export function importPinsOf(stored: DmnModelVersion): { name: string; id: string; version: number }[] {
  const pins: { name: string; id: string; version: number }[] = [];
  for (const pin of (stored.summary.imports ?? []) as Partial<PinnedImport>[]) {
    const m = pin.model ? pinnedReference(pin.model) : null;
    // An empty name is an import without a prefix (DMN 1.5), not a missing one.
    if (m && typeof pin.name === 'string') pins.push({ name: pin.name, ...m });
  }
  return pins;
}

export interface DmnEvaluation {
  decision: string;
  value: unknown;
  /** Decisions that could not be evaluated, with why (a non-conforming input, a failed dependency). */
  errors: { decision: string; message: string }[];
  warnings: { code: string; message: string }[];
}

/**
 * DMN models on the server: uploaded (checked by reading them), versioned by content, downloaded
 * as uploaded, evaluated with JSON inputs; flows' table nodes name their decisions by "id@version".
 */
export class DmnService {
  private readonly runtimes = new Map<string, Promise<DmnRuntime>>();

  constructor(private readonly db: Database) {}

  async upload(modelId: string, xml: string, by: Actor): Promise<{ version: DmnModelVersion; created: boolean }> {
    if (!DMN_MODEL_ID.test(modelId))
      throw new ServiceError('invalid', 'invalid_id', `id "${modelId}": letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit`);
    if (Buffer.byteLength(xml) > MAX_DMN_BYTES) throw new ServiceError('invalid', 'too_large', `the model is over ${MAX_DMN_BYTES / 1024 / 1024} MB of XML`);
    let model: DmnModel;
    try {
      model = await importDmn(xml);
    } catch (err) {
      throw new ServiceError(
        'invalid',
        'invalid_dmn',
        `the XML is not a DMN model Arbiter can read: ${(err as Error).message}. DMN 1.1 to 1.5 documents (<definitions> in the OMG DMN namespace) are read`,
      );
    }
    if (model.decisions.size === 0) throw new ServiceError('invalid', 'invalid_dmn', 'the model has no decisions');
    const imports = await this.pinImports(modelId, model);
    // A version is its XML and, where it imports, the versions it was linked to: the same XML
    // uploaded after an imported model changed is a new version, linked to the new one.
    const hash = createHash('sha256')
      .update(imports.length ? `${xml}\n${JSON.stringify(imports.map((i) => i.model))}` : xml)
      .digest('hex');
    return addDmnModelVersion(this.db, modelId, xml, { ...summaryOf(model, xml), imports }, hash, by);
  }

  /**
   * The stored model each import names by namespace, pinned to its latest version: a version is
   * evaluated with the versions it was uploaded against, whatever is uploaded after.
   */
  private async pinImports(modelId: string, model: DmnModel): Promise<PinnedImport[]> {
    if (!model.imports.length) return [];
    const stored = (await listDmnModels(this.db)).filter((v) => v.modelId !== modelId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return model.imports.map((i) => {
      const found = stored.find((v) => v.summary.namespace === i.namespace);
      if (!found)
        throw new ServiceError(
          'invalid',
          'import_missing',
          `the model imports ${importLabel(i.name)} from namespace ${i.namespace}, which no stored DMN model has; upload that model first (POST /v1/dmn)`,
        );
      return { name: i.name, namespace: i.namespace, model: pinnedName(found.modelId, found.version) };
    });
  }

  list(): Promise<DmnModelVersion[]> {
    return listDmnModels(this.db);
  }

  versions(modelId: string): Promise<DmnModelVersion[]> {
    return listDmnModelVersions(this.db, modelId);
  }

  version(modelId: string, version: number): Promise<DmnModelVersion> {
    return getDmnModelVersion(this.db, modelId, version);
  }

  xml(modelId: string, version: number): Promise<string> {
    return getDmnModelXml(this.db, modelId, version);
  }

  /** A version's runtime, with the versions it imports (pinned at upload) linked in at every depth. */
  private runtime(modelId: string, version: number, importedBy: readonly string[]): Promise<DmnRuntime> {
    const key = pinnedName(modelId, version);
    if (importedBy.includes(key))
      return Promise.reject(new ServiceError('invalid', 'import_cycle', `DMN models import each other: ${[...importedBy, key].join(' -> ')}`));
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      runtime = (async () => {
        const [xml, stored] = await Promise.all([this.xml(modelId, version), this.version(modelId, version)]);
        const imports: { name: string; runtime: DmnRuntime }[] = [];
        for (const pin of importPinsOf(stored)) imports.push({ name: pin.name, runtime: await this.runtime(pin.id, pin.version, [...importedBy, key]) });
        return DmnRuntime.linked(await importDmn(xml), imports);
      })();
      this.runtimes.set(key, runtime);
      runtime.catch(() => this.runtimes.delete(key));
    }
    return runtime;
  }

  /** One decision (and what it requires) for inputs given as JSON, read by the model's types. */
  async evaluate(modelId: string, version: number, decision: string, input: Record<string, unknown>): Promise<DmnEvaluation> {
    const rt = await this.runtime(modelId, version, []);
    // An unknown decision is a RuleError, which the API answers as a 400 naming the model's decisions.
    const r = rt.evaluateDecision(decision, rt.inputsFromJson(input));
    return {
      decision,
      value: r.value,
      errors: r.errors.map((e) => ({ decision: e.decision, message: e.message })),
      warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
    };
  }
}
