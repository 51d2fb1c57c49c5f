import { checkFlow, checkPublishable, FlowError, parseFlow, type FlowIssue } from '../flow/index.ts';
import { getFlowVersion, publishVersion, StoreError, type Actor, type Database, type FlowVersion } from '../store/index.ts';
import type { FlowCatalog } from '../flow/index.ts';

/** Every problem with a definition, schema and static checks; an empty list means it compiles. */
export async function flowIssues(catalog: FlowCatalog, v: FlowVersion): Promise<FlowIssue[]> {
  try {
    const def = parseFlow(v.definition);
    const issues = checkFlow(def);
    if (issues.length) return issues;
    await catalog.compileVersion(v, new Set());
    return [];
  } catch (err) {
    if (err instanceof FlowError) return err.issues;
    throw err;
  }
}

/**
 * Publishes a draft that passes every check. Checked before the publishing transaction:
 * compiling reads subflows and models, and on the embedded database (one connection) a read
 * beside an open transaction waits for it.
 */
export async function publishChecked(db: Database, catalog: FlowCatalog, flowId: string, version: number, by: Actor): Promise<FlowVersion> {
  const draft = await getFlowVersion(db, flowId, version);
  if (draft.status === 'draft') {
    const issues = await flowIssues(catalog, draft);
    const all = issues.length ? issues : checkPublishable(parseFlow(draft.definition));
    if (all.length) throw new FlowError('not_publishable', all);
  }
  const published = await publishVersion(db, flowId, version, by, (v) => {
    if (v.contentHash !== draft.contentHash)
      throw new StoreError('conflict', `version ${v.version} of flow "${v.flowId}" changed while it was being checked; publish it again`);
  });
  catalog.forgetLatest(flowId);
  return published;
}
