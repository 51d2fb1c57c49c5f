import { createHash, type KeyObject } from 'node:crypto';
import { pinnedName, pinnedReference, referencesOf, rewriteReferences, type ReferenceMap } from '../flow/index.ts';
import { bundleSigner, canonicalJson, signBundle, type BundleSignature } from '../privacy/index.ts';
import {
  appendAudit,
  getConnectorVersion,
  getDmnModelVersion,
  getDmnModelXml,
  getFlowVersion,
  getModelFile,
  listFlows,
  type Actor,
  type Database,
} from '../store/index.ts';
import type { ConnectorService } from './connector-service.ts';
import { importPinsOf, type DmnService } from './dmn-service.ts';
import type { FlowService } from './flow-service.ts';
import type { ModelService } from './model-service.ts';
import { ServiceError } from './service-error.ts';

export const BUNDLE_FORMAT = 'arbiter-bundle/1';

interface Artefact {
  id: string;
  version: number;
  /** SHA-256 of the content (canonical JSON, or the DMN XML as written): checked again on import. */
  sha256: string;
}

/** A flow with everything it names, as one file: what moves between installations. */
export interface BundleContent {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  /** The flow exported; its subflows follow it in `flows`. */
  flow: { id: string; version: number };
  flows: (Artefact & { name: string; definition: unknown })[];
  models: (Artefact & { file: unknown })[];
  connectors: (Artefact & { definition: Record<string, unknown> })[];
  dmnModels: (Artefact & { xml: string })[];
}

export interface SignedBundle extends BundleContent {
  signature: BundleSignature;
}

export interface ImportedBundle {
  signedBy: string;
  /** The drafts made, subflows first: each goes through approval as any draft does. */
  drafts: { flowId: string; version: number; from: string }[];
  models: { from: string; to: string }[];
  connectors: { from: string; to: string }[];
  dmnModels: { from: string; to: string }[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (content: unknown) => sha256(typeof content === 'string' ? content : canonicalJson(content));

/**
 * Promotion between environments: a flow version is exported with its subflows, models,
 * connectors and DMN models as one signed, content-hashed file; another installation checks the
 * signature against the keys it trusts and every hash, stores the artefacts (the same content is
 * the same version), points the flows at the versions they got here, and makes drafts.
 */
export class BundleService {
  constructor(
    private readonly db: Database,
    private readonly flows: FlowService,
    private readonly models: ModelService,
    private readonly connectors: ConnectorService,
    private readonly dmn: DmnService,
  ) {}

  async export(flowId: string, version: number | undefined, key: KeyObject): Promise<SignedBundle> {
    const root = await getFlowVersion(this.db, flowId, version);
    const content: BundleContent = {
      format: BUNDLE_FORMAT,
      exportedAt: new Date().toISOString(),
      flow: { id: root.flowId, version: root.version },
      flows: [],
      models: [],
      connectors: [],
      dmnModels: [],
    };
    const names = new Map((await listFlows(this.db)).map((f) => [f.id, f.name]));
    const seen = new Set<string>();
    const visit = async (v: Awaited<ReturnType<typeof getFlowVersion>>): Promise<void> => {
      const key = pinnedName(v.flowId, v.version);
      if (seen.has(key)) return;
      seen.add(key);
      content.flows.push({ id: v.flowId, version: v.version, name: names.get(v.flowId) ?? v.flowId, definition: v.definition, sha256: hashOf(v.definition) });
      const refs = referencesOf(v.definition);
      for (const ref of refs.models) {
        const m = pinnedReference(ref);
        if (!m || content.models.some((x) => x.id === m.id && x.version === m.version)) continue;
        const file = await getModelFile(this.db, m.id, m.version);
        content.models.push({ ...m, file, sha256: hashOf(file) });
      }
      for (const ref of refs.connectors) {
        const c = pinnedReference(ref);
        if (!c || content.connectors.some((x) => x.id === c.id && x.version === c.version)) continue;
        const definition = (await getConnectorVersion(this.db, c.id, c.version)).definition as Record<string, unknown>;
        content.connectors.push({ ...c, definition, sha256: hashOf(definition) });
      }
      // A DMN model goes after the models it imports, so that each is stored before it on import.
      const addDmn = async (d: { id: string; version: number } | null): Promise<void> => {
        if (!d || content.dmnModels.some((x) => x.id === d.id && x.version === d.version)) return;
        for (const pin of importPinsOf(await getDmnModelVersion(this.db, d.id, d.version))) await addDmn(pin);
        const xml = await getDmnModelXml(this.db, d.id, d.version);
        content.dmnModels.push({ id: d.id, version: d.version, xml, sha256: hashOf(xml) });
      };
      for (const { model } of refs.dmnDecisions) await addDmn(pinnedReference(model));
      // An unpinned subflow is exported as the version live now, and pinned to it on import.
      for (const sub of refs.subflows) await visit(await getFlowVersion(this.db, sub.flow, sub.version));
    };
    await visit(root);
    return { ...content, signature: signBundle(key, content) };
  }

  /** Checks a bundle (format, signature by a trusted key, every hash) and makes drafts of its flows here. */
  async import(bundle: unknown, trusted: readonly KeyObject[], by: Actor): Promise<ImportedBundle> {
    const { signature, ...content } = (bundle ?? {}) as SignedBundle;
    if (content.format !== BUNDLE_FORMAT)
      throw new ServiceError('invalid', 'invalid_bundle', `not an Arbiter bundle (format "${String(content.format)}", expected "${BUNDLE_FORMAT}")`);
    if (!signature) throw new ServiceError('invalid', 'unsigned_bundle', 'the bundle carries no signature; export it with a signing key');
    const signedBy = bundleSigner(content, signature, trusted);
    if (!signedBy)
      throw new ServiceError(
        'forbidden',
        'untrusted_bundle',
        `the bundle's signature (key ${signature.keyId}) does not verify against the keys trusted here: it was changed after signing, or its key is not trusted (--trust)`,
      );
    const wrong = [
      ...content.flows.map((f) => ({ what: `flow ${pinnedName(f.id, f.version)}`, ok: hashOf(f.definition) === f.sha256 })),
      ...content.models.map((m) => ({ what: `model ${pinnedName(m.id, m.version)}`, ok: hashOf(m.file) === m.sha256 })),
      ...content.connectors.map((c) => ({ what: `connector ${pinnedName(c.id, c.version)}`, ok: hashOf(c.definition) === c.sha256 })),
      ...content.dmnModels.map((d) => ({ what: `DMN model ${pinnedName(d.id, d.version)}`, ok: hashOf(d.xml) === d.sha256 })),
    ].filter((x) => !x.ok);
    if (wrong.length) throw new ServiceError('invalid', 'bundle_hash_mismatch', `content does not match its hash: ${wrong.map((w) => w.what).join(', ')}`);

    const map: ReferenceMap = { models: {}, connectors: {}, dmnModels: {}, subflows: {} };
    const result: ImportedBundle = { signedBy, drafts: [], models: [], connectors: [], dmnModels: [] };
    for (const d of content.dmnModels) {
      const { version } = await this.dmn.upload(d.id, d.xml, by);
      map.dmnModels[pinnedName(d.id, d.version)] = pinnedName(d.id, version.version);
      result.dmnModels.push({ from: pinnedName(d.id, d.version), to: pinnedName(d.id, version.version) });
    }
    for (const m of content.models) {
      const { version } = await this.models.add(m.id, m.file, by);
      map.models[pinnedName(m.id, m.version)] = pinnedName(m.id, version.version);
      result.models.push({ from: pinnedName(m.id, m.version), to: pinnedName(m.id, version.version) });
    }
    for (const c of content.connectors) {
      const { version } = await this.connectors.add({ ...c.definition, id: c.id }, by);
      map.connectors[pinnedName(c.id, c.version)] = pinnedName(c.id, version.version);
      result.connectors.push({ from: pinnedName(c.id, c.version), to: pinnedName(c.id, version.version) });
    }
    // Subflows before the flows that call them, so each call can be pinned to the draft made here.
    const exported = new Map(content.flows.map((f) => [pinnedName(f.id, f.version), f]));
    const known = new Set((await listFlows(this.db)).map((f) => f.id));
    const made = new Map<string, number>();
    const draft = async (key: string): Promise<number> => {
      const done = made.get(key);
      if (done !== undefined) return done;
      const f = exported.get(key)!;
      for (const sub of referencesOf(f.definition).subflows) {
        const subKey = content.flows.find((x) => x.id === sub.flow && (sub.version === undefined || x.version === sub.version));
        if (subKey) map.subflows[`${sub.flow}@${sub.version ?? 'latest'}`] = await draft(pinnedName(subKey.id, subKey.version));
      }
      const definition = rewriteReferences(f.definition, map);
      const v = known.has(f.id) ? await this.flows.addDraft(f.id, definition, by) : await this.flows.create(definition, by);
      known.add(f.id);
      made.set(key, v.version);
      result.drafts.push({ flowId: f.id, version: v.version, from: key });
      return v.version;
    };
    await draft(pinnedName(content.flow.id, content.flow.version));
    await this.db.transaction((tx) =>
      appendAudit(tx, {
        actor: by.actor,
        action: 'bundle.imported',
        subjectType: 'flow',
        subjectId: content.flow.id,
        requestId: by.requestId,
        data: {
          signedBy,
          exportedAt: content.exportedAt,
          flow: pinnedName(content.flow.id, content.flow.version),
          drafts: result.drafts,
          hashes: Object.fromEntries(
            [...content.flows, ...content.models, ...content.connectors, ...content.dmnModels].map((a) => [pinnedName(a.id, a.version), a.sha256]),
          ),
        },
      }),
    );
    return result;
  }
}
