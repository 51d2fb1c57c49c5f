import { checkFlow, checkPublishable, FlowError, parseFlow, type FlowIssue } from '../flow/index.ts';
import { getFlowVersion, publishVersion, StoreError, type Actor, type Database, type FlowVersion } from '../store/index.ts';
import type { CompiledFlow, FlowCatalog } from '../flow/index.ts';

/** A definition compiled, or every problem that stops it: schema, static checks, what it names. */
export async function compileChecked(catalog: FlowCatalog, v: FlowVersion): Promise<{ issues: FlowIssue[]; flow: CompiledFlow | null }> {
  try {
    const issues = checkFlow(parseFlow(v.definition));
    if (issues.length) return { issues, flow: null };
    return { issues: [], flow: (await catalog.compileVersion(v, new Set())).flow };
  } catch (err) {
    if (err instanceof FlowError) return { issues: err.issues, flow: null };
    throw err;
  }
}

/** Every problem with a definition, schema and static checks; an empty list means it compiles. */
export async function flowIssues(catalog: FlowCatalog, v: FlowVersion): Promise<FlowIssue[]> {
  return (await compileChecked(catalog, v)).issues;
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
