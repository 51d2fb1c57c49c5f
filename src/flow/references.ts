import type { DecisionTableDefinition, DmnModel } from '../rules/index.ts';
import { FlowError } from './flow-error.ts';
/**
 * What a flow definition points at outside itself, read before it is validated (so it works on
 * any JSON): subflows, DMN files of table nodes, models of score nodes, connectors of bureau nodes.
 */
export interface FlowReferences {
  subflows: { flow: string; version?: number }[];
  dmnFiles: string[];
  /** The decisions of stored DMN models ("id@version") that table nodes run. */
  dmnDecisions: { model: string; decision: string }[];
  models: string[];
  connectors: string[];
}

interface LooseNode {
  kind?: string;
  flow?: unknown;
  version?: unknown;
  dmn?: { file?: unknown; model?: unknown; decision?: unknown };
  model?: unknown;
  connector?: unknown;
}

export function referencesOf(def: unknown): FlowReferences {
  const raw = (def as { nodes?: unknown } | null)?.nodes;
  const nodes = (Array.isArray(raw) ? raw : []).filter((n): n is LooseNode => !!n && typeof n === 'object');
  return {
    subflows: nodes
      .filter((n) => n.kind === 'subflow' && typeof n.flow === 'string')
      .map((n) => ({ flow: n.flow as string, version: typeof n.version === 'number' ? n.version : undefined })),
    dmnFiles: nodes.filter((n) => n.kind === 'table' && typeof n.dmn?.file === 'string').map((n) => n.dmn!.file as string),
    dmnDecisions: nodes
      .filter((n) => n.kind === 'table' && typeof n.dmn?.model === 'string' && typeof n.dmn.decision === 'string')
      .map((n) => ({ model: n.dmn!.model as string, decision: n.dmn!.decision as string })),
    models: nodes.filter((n) => n.kind === 'score' && typeof n.model === 'string').map((n) => n.model as string),
    connectors: nodes.filter((n) => n.kind === 'bureau' && typeof n.connector === 'string').map((n) => n.connector as string),
  };
}

/** How flows name version `version` of a stored model or connector: "id@version". */
export function pinnedName(id: string, version: number): string {
  return `${id}@${version}`;
}

/** A stored model or connector as flows name it, "id@version"; null when the reference is not pinned to a version. */
export function pinnedReference(reference: string): { id: string; version: number } | null {
  const m = /^(.+)@([1-9]\d*)$/.exec(reference);
  return m ? { id: m[1]!, version: Number(m[2]) } : null;
}

/**
 * The resolver answer of flows stored in Arbiter to a table node that names a DMN file: such
 * flows hold their tables inline or name a stored DMN model, and a file reference is for flows
 * run by the CLI.
 */
export function refuseDmnFile(dmn: { file?: string; model?: string }): never {
  throw new FlowError('dmn_reference', [
    {
      path: '$',
      code: 'dmn_reference',
      message: `table nodes stored in Arbiter hold their table inline or name a stored DMN model ("model": "id@version", POST /v1/dmn); "${dmn.file}" is a file reference for the CLI`,
    },
  ]);
}

/** The decision table of a DMN decision, or why it has none (no such decision, or logic of another kind). */
export function dmnDecisionTable(model: DmnModel, where: string, decision: string): DecisionTableDefinition {
  const d = model.decisions.get(decision);
  if (d?.logic?.kind === 'table') return d.logic.table;
  const message = d
    ? `decision "${decision}" of ${where} is not a decision table (${d.logic?.kind ?? 'no logic'}); a table node runs decision tables`
    : `${where} has no decision "${decision}" (decisions: ${[...model.decisions.keys()].join(', ')})`;
  throw new FlowError('unknown_dmn', [{ path: '$', code: 'unknown_dmn', message }]);
}
