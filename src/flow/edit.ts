import { parseExpression, toDouble, type Node } from '../expr/index.ts';
import type { FlowDefinition, NodeDefinition } from './definition.ts';
import { parseFlow } from './compile.ts';
import { pinnedName, pinnedReference } from './references.ts';

/**
 * Changes a program makes to a stored flow definition, typed and checked: the definition is
 * read through the flow schema, and the change is made on a copy of the stored JSON at the
 * place the typed reading found, so nothing else of the stored text (key order, fields left
 * to their defaults) changes and the content hash moves only for what was meant.
 */
export class FlowEditError extends Error {
  constructor(
    /** Where in the program or definition the problem is, e.g. `scoreNode` or `decisionLogic.approveTo`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'FlowEditError';
  }
}

type ScoreNode = Extract<NodeDefinition, { kind: 'score' }>;

/** The score node `nodeId` of a flow, and the version of `modelId` it pins. */
export function scoreNodeOf(definition: unknown, nodeId: string, modelId: string): { node: ScoreNode; index: number; version: number } {
  const def = parseFlow(definition);
  const index = def.nodes.findIndex((n) => n.id === nodeId);
  const node = def.nodes[index];
  if (node?.kind !== 'score') {
    const scores = def.nodes.filter((n) => n.kind === 'score').map((n) => n.id);
    throw new FlowEditError('scoreNode', `the flow has no score node "${nodeId}" (score nodes: ${scores.join(', ') || 'none'})`);
  }
  const pinned = pinnedReference(node.model);
  if (pinned?.id !== modelId) throw new FlowEditError('scoreNode', `node "${nodeId}" uses "${node.model}", not a version of model "${modelId}"`);
  return { node, index, version: pinned.version };
}

/** A copy of the stored definition whose score node names another version of the model. */
export function withModelVersion<T>(definition: T, nodeId: string, modelId: string, version: number): T {
  const { index } = scoreNodeOf(definition, nodeId, modelId);
  const copy = structuredClone(definition) as T & { nodes: Record<string, unknown>[] };
  copy.nodes[index] = { ...copy.nodes[index], model: pinnedName(modelId, version) };
  return copy;
}

/** The edge from `switchNode` to `approveTo` that approves below a cutoff on the score variable. */
export interface CutoffEdge {
  index: number;
  variable: string;
  op: '<' | '<=';
  cutoff: number;
}

/** `variable < number` or `variable <= number`, read with the FEEL parser; anything else is null. */
function cutoffOf(when: string, variable: string): { op: '<' | '<='; cutoff: number } | null {
  let ast: Node;
  try {
    ast = parseExpression(when, [variable]);
  } catch {
    return null;
  }
  if (ast.t !== 'cmp' || (ast.op !== '<' && ast.op !== '<=')) return null;
  if (ast.l.t !== 'name' || ast.l.name !== variable) return null;
  const r = ast.r.t === 'neg' && ast.r.e.t === 'num' ? -toDouble(ast.r.e.v) : ast.r.t === 'num' ? toDouble(ast.r.v) : null;
  return r === null ? null : { op: ast.op, cutoff: r };
}

/** The cutoff edge of a flow, checked: the switch exists, the edge exists and compares the score node's output with a number. */
export function cutoffEdge(definition: unknown, where: { switchNode: string; approveTo: string; scoreNode: string }, field = 'decisionLogic'): CutoffEdge {
  const def: FlowDefinition = parseFlow(definition);
  const score = def.nodes.find((n) => n.id === where.scoreNode);
  if (score?.kind !== 'score') throw new FlowEditError(field, `the flow has no score node "${where.scoreNode}"`);
  const variable = score.output;
  const sw = def.nodes.find((n) => n.id === where.switchNode);
  if (sw?.kind !== 'switch') throw new FlowEditError(`${field}.switchNode`, `the flow has no switch "${where.switchNode}"`);
  const index = def.edges.findIndex((e) => e.from === where.switchNode && e.to === where.approveTo);
  if (index < 0) throw new FlowEditError(`${field}.approveTo`, `no edge from "${where.switchNode}" to "${where.approveTo}"`);
  const when = def.edges[index]!.when ?? '';
  const found = cutoffOf(when, variable);
  if (!found)
    throw new FlowEditError(
      field,
      `the edge ${where.switchNode} → ${where.approveTo} must read "${variable} < <number>" to be re-optimised; it reads "${when}"`,
    );
  return { index, variable, ...found };
}

/** A copy of the stored definition with the cutoff edge set to `cutoff`. */
export function withCutoff<T>(definition: T, where: { switchNode: string; approveTo: string; scoreNode: string }, cutoff: number): T {
  const { index, variable, op } = cutoffEdge(definition, where);
  const copy = structuredClone(definition) as T & { edges: Record<string, unknown>[] };
  copy.edges[index] = { ...copy.edges[index], when: `${variable} ${op} ${cutoff}` };
  return copy;
}

type TableNode = Extract<NodeDefinition, { kind: 'table' }>;
type Table = NonNullable<TableNode['table']>;

/** The inline decision table node `nodeId` of a flow (a table taken from a DMN model is not the program's to write). */
export function tableNodeOf(definition: unknown, nodeId: string, field = 'decisionLogic.table.node'): { node: TableNode; index: number } {
  const def = parseFlow(definition);
  const index = def.nodes.findIndex((n) => n.id === nodeId);
  const node = def.nodes[index];
  if (node?.kind !== 'table') {
    const tables = def.nodes.filter((n) => n.kind === 'table').map((n) => n.id);
    throw new FlowEditError(field, `the flow has no decision table node "${nodeId}" (table nodes: ${tables.join(', ') || 'none'})`);
  }
  if (node.dmn) throw new FlowEditError(field, `node "${nodeId}" takes its table from a DMN model; the program writes inline tables only`);
  return { node, index };
}

/** A copy of the stored definition whose table node holds `table`; nothing else changes. */
export function withTable<T>(definition: T, nodeId: string, table: Table): T {
  const { index } = tableNodeOf(definition, nodeId);
  const copy = structuredClone(definition) as T & { nodes: Record<string, unknown>[] };
  copy.nodes[index] = { ...copy.nodes[index], table };
  return copy;
}
