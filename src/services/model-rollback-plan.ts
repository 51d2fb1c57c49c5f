import { pinnedName, pinnedReference, referencesOf, rewriteReferences } from '../flow/index.ts';
import { getFlowVersion, listFlows, type Queryable } from '../store/index.ts';

/** One flow whose live version scores with another version of the model, and what it becomes. */
export interface ModelRollbackStep {
  flowId: string;
  liveVersion: number;
  /** The versions of the model the live version names now. */
  from: number[];
  /** The live definition with every score node on the model pointed at the target version. */
  definition: unknown;
}

/**
 * Which live flows a model's rollback changes: every flow whose live version has a score node on
 * another version of the model. Nothing else in those flows changes; flows already on the target
 * version, or not using the model, are left alone.
 */
export async function planModelRollback(db: Queryable, modelId: string, version: number): Promise<ModelRollbackStep[]> {
  const target = pinnedName(modelId, version);
  const steps: ModelRollbackStep[] = [];
  for (const flow of await listFlows(db)) {
    if (flow.liveVersion === null) continue;
    const live = await getFlowVersion(db, flow.id, flow.liveVersion);
    const others = referencesOf(live.definition)
      .models.map((ref) => ({ ref, pinned: pinnedReference(ref) }))
      .filter((m) => m.pinned?.id === modelId && m.pinned.version !== version);
    if (!others.length) continue;
    const models = Object.fromEntries(others.map((m) => [m.ref, target]));
    steps.push({
      flowId: flow.id,
      liveVersion: flow.liveVersion,
      from: [...new Set(others.map((m) => m.pinned!.version))].sort((a, b) => a - b),
      definition: rewriteReferences(live.definition, { models, connectors: {}, dmnModels: {}, subflows: {} }),
    });
  }
  return steps;
}
