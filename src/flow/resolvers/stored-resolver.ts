import { compileConnector, ConnectorError, type BoundConnector, type BureauGateway } from '../../connectors/index.ts';
import { parseModelFile, type LoadedModel } from '../../models/index.ts';
import { type DmnModel, importDmn } from '../../rules/index.ts';
import { registerPersonalFields } from '../../privacy/index.ts';
import { systemClock, type Clock } from '../../support/clock.ts';
import { compileFlow, type CompiledFlow } from '../compile.ts';
import { FlowError } from '../flow-error.ts';
import { dmnDecisionTable, pinnedReference, referencesOf, refuseDmnFile } from '../references.ts';
import type { FlowResolver } from '../run-types.ts';
import { dmnTableKey, type FlowBundle } from './bundle-resolver.ts';

/** A flow version as it is stored: the catalog compiles it and what it names. */
export interface StoredFlowVersion {
  flowId: string;
  version: number;
  status: 'draft' | 'published';
  definition: unknown;
  contentHash: string;
}

/**
 * Where stored flows, models and connectors are read from (the database, through the
 * services); each read throws for what does not exist, and `isNotFound` says which errors
 * those are, so the catalog can say which reference of a flow names nothing.
 */
export interface StoredFlows<V extends StoredFlowVersion = StoredFlowVersion> {
  flowVersion(flowId: string, version?: number): Promise<V>;
  modelFile(modelId: string, version: number): Promise<unknown>;
  connectorVersion(connectorId: string, version: number): Promise<{ definition: unknown; version: number }>;
  /** A stored DMN model's XML. */
  dmnModelXml(modelId: string, version: number): Promise<string>;
  isNotFound(err: unknown): boolean;
}

export interface LoadedFlow<V extends StoredFlowVersion = StoredFlowVersion> {
  version: V;
  flow: CompiledFlow;
  /** Every flow version the compiled flow uses (itself first, then subflows). */
  versions: { id: string; version: number; contentHash: string }[];
}

/**
 * Compiles flow versions from the database once and keeps them: published versions never
 * change, so a compiled version is valid for the life of the process.
 */
const LATEST_MS = 1000;

export class FlowCatalog<V extends StoredFlowVersion = StoredFlowVersion> {
  private readonly published = new Map<string, Promise<LoadedFlow<V>>>();
  /** Which version is the latest published, per flow, for a short while (publishing elsewhere shows within LATEST_MS). */
  private readonly latest = new Map<string, { version: number; until: number }>();

  /** Stored model versions never change either. */
  private readonly models = new Map<string, Promise<LoadedModel>>();

  /** Stored DMN model versions never change either. */
  private readonly dmnModels = new Map<string, Promise<DmnModel>>();

  /** Connector versions never change; bound to the gateway, which keeps one circuit per connector. */
  private readonly connectors = new Map<string, Promise<BoundConnector>>();

  constructor(
    private readonly source: StoredFlows<V>,
    private readonly gateway: BureauGateway,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A stored connector named as a bureau node names it: "id@version". */
  private connector(reference: string): Promise<BoundConnector> {
    const m = pinnedReference(reference);
    if (!m) {
      const message = `bureau nodes stored in Arbiter name a stored connector pinned to a version, such as "${reference.replace(/@.*$/, '')}@1" (see GET /v1/connectors); "${reference}" is not one`;
      return Promise.reject(new FlowError('connector_reference', [{ path: '$', code: 'connector_reference', message }]));
    }
    let bound = this.connectors.get(reference);
    if (!bound) {
      bound = this.source.connectorVersion(m.id, m.version).then(
        (v) => {
          try {
            return this.gateway.bind(compileConnector(v.definition), v.version, reference);
          } catch (err) {
            if (err instanceof ConnectorError)
              throw new FlowError(
                'invalid_connector',
                err.issues.map((i) => ({ path: '$', code: 'invalid_connector', message: `connector ${reference} ${i.path}: ${i.message}` })),
              );
            throw err;
          }
        },
        (err) => {
          if (this.source.isNotFound(err))
            throw new FlowError('unknown_connector', [{ path: '$', code: 'unknown_connector', message: `${err.message}; store it with POST /v1/connectors` }]);
          throw err;
        },
      );
      this.connectors.set(reference, bound);
      bound.catch(() => this.connectors.delete(reference));
    }
    return bound;
  }

  /** A stored DMN model named as a table node names it: "id@version". */
  private dmnModel(reference: string): Promise<DmnModel> {
    const m = pinnedReference(reference);
    if (!m) {
      const message = `table nodes name a stored DMN model pinned to a version, such as "${reference.replace(/@.*$/, '')}@1" (see GET /v1/dmn); "${reference}" is not one`;
      return Promise.reject(new FlowError('dmn_reference', [{ path: '$', code: 'dmn_reference', message }]));
    }
    let loaded = this.dmnModels.get(reference);
    if (!loaded) {
      loaded = this.source.dmnModelXml(m.id, m.version).then(
        (xml) => importDmn(xml),
        (err) => {
          if (this.source.isNotFound(err)) throw new FlowError('unknown_dmn', [{ path: '$', code: 'unknown_dmn', message: `${err.message}` }]);
          throw err;
        },
      );
      this.dmnModels.set(reference, loaded);
      loaded.catch(() => this.dmnModels.delete(reference));
    }
    return loaded;
  }

  /** A stored model named as a score node names it: "id@version". */
  private model(reference: string): Promise<LoadedModel> {
    const m = pinnedReference(reference);
    if (!m) {
      const message = `score nodes stored in Arbiter name a stored model pinned to a version, such as "${reference.replace(/@.*$/, '')}@1" (see GET /v1/models); "${reference}" is not one`;
      return Promise.reject(new FlowError('model_reference', [{ path: '$', code: 'model_reference', message }]));
    }
    let loaded = this.models.get(reference);
    if (!loaded) {
      loaded = this.source.modelFile(m.id, m.version).then(
        (file) => parseModelFile(file, `model ${reference}`),
        (err) => {
          if (this.source.isNotFound(err))
            throw new FlowError('unknown_model', [
              { path: '$', code: 'unknown_model', message: `${err.message}; upload it with POST /v1/models/${m.id}/versions` },
            ]);
          throw err;
        },
      );
      this.models.set(reference, loaded);
      loaded.catch(() => this.models.delete(reference));
    }
    return loaded;
  }

  /** A published version (the latest when none is named), compiled. */
  async load(flowId: string, version?: number): Promise<LoadedFlow<V>> {
    const known = version ?? this.latestKnown(flowId);
    if (known !== undefined) {
      const cached = this.published.get(`${flowId}@${known}`);
      if (cached) return cached;
    }
    const v = await this.source.flowVersion(flowId, version);
    if (version === undefined && v.status === 'published') this.latest.set(flowId, { version: v.version, until: this.clock.now() + LATEST_MS });
    if (v.status !== 'published') {
      throw new FlowError('not_published', [
        { path: '$', code: 'not_published', message: `version ${v.version} of flow "${flowId}" is a draft; publish it before deciding with it` },
      ]);
    }
    const key = `${flowId}@${v.version}`;
    let loaded = this.published.get(key);
    if (!loaded) {
      loaded = this.compileVersion(v, new Set());
      this.published.set(key, loaded);
      loaded.catch(() => this.published.delete(key));
    }
    return loaded;
  }

  private latestKnown(flowId: string): number | undefined {
    const hit = this.latest.get(flowId);
    return hit && hit.until > this.clock.now() ? hit.version : undefined;
  }

  /** Called after a publish in this process, so the new version is used at once here. */
  forgetLatest(flowId: string): void {
    this.latest.delete(flowId);
  }

  /** A version with everything it names, as plain data, for a worker thread that has no database. */
  async bundle(v: V, seen: Set<string> = new Set()): Promise<FlowBundle> {
    const key = `${v.flowId}@${v.version}`;
    if (seen.has(key)) throw new FlowError('subflow_cycle', [{ path: '$', code: 'subflow_cycle', message: `subflows form a loop through ${key}` }]);
    const refs = referencesOf(v.definition);
    const subflows: Record<string, FlowBundle> = {};
    for (const ref of refs.subflows)
      subflows[`${ref.flow}@${ref.version ?? 'latest'}`] = await this.bundle(await this.source.flowVersion(ref.flow, ref.version), new Set([...seen, key]));
    const models: Record<string, unknown> = {};
    // Unpinned references never get here: the version compiled before it is bundled.
    for (const ref of refs.models) {
      const m = pinnedReference(ref);
      if (m) models[ref] = await this.source.modelFile(m.id, m.version);
    }
    const connectors: FlowBundle['connectors'] = {};
    for (const ref of refs.connectors) {
      const m = pinnedReference(ref);
      if (m) {
        const c = await this.source.connectorVersion(m.id, m.version);
        connectors[ref] = { definition: c.definition, version: c.version };
      }
    }
    const dmnTables: FlowBundle['dmnTables'] = {};
    for (const node of refs.dmnDecisions)
      dmnTables[dmnTableKey(node.model, node.decision)] = dmnDecisionTable(await this.dmnModel(node.model), node.model, node.decision);
    return { definition: v.definition, subflows, models, connectors, dmnTables };
  }

  /** Compiles any version (drafts included) without caching, for validation. */
  async compileVersion(v: V, seen: Set<string>): Promise<LoadedFlow<V>> {
    const key = `${v.flowId}@${v.version}`;
    if (seen.has(key)) throw new FlowError('subflow_cycle', [{ path: '$', code: 'subflow_cycle', message: `subflows form a loop through ${key}` }]);
    const refs = referencesOf(v.definition);
    const subflows = new Map<string, LoadedFlow<V>>();
    for (const ref of refs.subflows) {
      const sub = await this.source.flowVersion(ref.flow, ref.version);
      if (sub.status !== 'published')
        throw new FlowError('not_published', [{ path: '$', code: 'not_published', message: `subflow ${ref.flow} version ${sub.version} is not published` }]);
      subflows.set(`${ref.flow}@${ref.version ?? 'latest'}`, await this.compileVersion(sub, new Set([...seen, key])));
    }
    const models = new Map<string, LoadedModel>();
    for (const ref of refs.models) models.set(ref, await this.model(ref));
    const connectors = new Map<string, BoundConnector>();
    for (const ref of refs.connectors) connectors.set(ref, await this.connector(ref));
    const dmnModels = new Map<string, DmnModel>();
    for (const { model } of refs.dmnDecisions) if (!dmnModels.has(model)) dmnModels.set(model, await this.dmnModel(model));
    const resolver: FlowResolver = {
      flow: (id, version) => subflows.get(`${id}@${version ?? 'latest'}`)!.flow,
      model: (ref) => models.get(ref)!,
      connector: (ref) => connectors.get(ref)!,
      dmnTable: (dmn) => (dmn.model !== undefined ? dmnDecisionTable(dmnModels.get(dmn.model)!, dmn.model, dmn.decision) : refuseDmnFile(dmn)),
    };
    const flow = compileFlow(v.definition, resolver);
    registerPersonalFields(
      Object.entries(flow.definition.input.fields)
        .filter(([, f]) => f.class !== 'C1')
        .map(([name]) => name),
    );
    return {
      version: v,
      flow,
      versions: [{ id: v.flowId, version: v.version, contentHash: v.contentHash }, ...[...subflows.values()].flatMap((s) => s.versions)],
    };
  }
}
