import { createHash } from 'node:crypto';
import { type DmnModel, DmnRuntime, importDmn } from '../rules/index.ts';
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
    const hash = createHash('sha256').update(xml).digest('hex');
    return addDmnModelVersion(this.db, modelId, xml, summaryOf(model, xml), hash, by);
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

  /** One decision (and what it requires) for inputs given as JSON, read by the model's types. */
  async evaluate(modelId: string, version: number, decision: string, input: Record<string, unknown>): Promise<DmnEvaluation> {
    const key = `${modelId}@${version}`;
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      runtime = this.xml(modelId, version).then(async (xml) => new DmnRuntime(await importDmn(xml)));
      this.runtimes.set(key, runtime);
      runtime.catch(() => this.runtimes.delete(key));
    }
    const rt = await runtime;
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
