import { BUILTIN_NAMES } from '../expr/index.ts';
import type { FlowDefinition, NodeDefinition } from './definition.ts';
import { compileFeel, freeNames } from './feel-support.ts';
import { FlowError, type FlowIssue } from './flow-error.ts';
import { handlerFor } from './nodes/registry.ts';

/** Names every flow may use without defining them. */
const ALWAYS_DEFINED = new Set(['review', 'consents']);

export function knownNamesOf(def: FlowDefinition): string[] {
  return [...Object.keys(def.input.fields), ...def.nodes.flatMap((n) => handlerFor(n).writes(n))];
}

/**
 * Checks a schema-valid flow for what a schema cannot see: dangling and misplaced edges,
 * cycles, unreachable nodes, FEEL errors, undefined variables and never-taken branches.
 * Returns every issue found, each with the JSON path it concerns.
 */
export function checkFlow(def: FlowDefinition): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const nodePath = new Map<string, string>();
  const byId = new Map<string, NodeDefinition>();
  def.nodes.forEach((n, i) => {
    if (byId.has(n.id)) issues.push({ path: `$.nodes[${i}].id`, code: 'duplicate_node', message: `node id "${n.id}" is used twice` });
    byId.set(n.id, n);
    nodePath.set(n.id, `$.nodes[${i}]`);
  });
  const inputs = def.nodes.filter((n) => n.kind === 'input');
  if (inputs.length !== 1) issues.push({ path: '$.nodes', code: 'input_node', message: `a flow needs exactly one input node, it has ${inputs.length}` });

  const outgoing = new Map<string, FlowDefinition['edges']>();
  def.edges.forEach((e, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!byId.has(e[end]))
        issues.push({ path: `$.edges[${i}].${end}`, code: 'dangling_edge', message: `edge ${e.from} → ${e.to} points at no node "${e[end]}"` });
    }
    if (!outgoing.has(e.from)) outgoing.set(e.from, []);
    outgoing.get(e.from)!.push(e);
  });

  const nodeKinds = new Map(def.nodes.map((n) => [n.id, n.kind]));
  for (const n of def.nodes) {
    const handler = handlerFor(n);
    const edges = outgoing.get(n.id) ?? [];
    const path = nodePath.get(n.id)!;
    if (handler.exits === 'none' && edges.length)
      issues.push({ path, code: 'bad_edges', message: `${n.kind} node ${n.id} ends the flow and can have no outgoing edges` });
    if (handler.exits === 'one' && edges.length !== 1)
      issues.push({ path, code: 'bad_edges', message: `${n.kind} node ${n.id} needs exactly one outgoing edge, it has ${edges.length}` });
    if (handler.exits === 'conditions' && edges.length === 0) issues.push({ path, code: 'bad_edges', message: `switch ${n.id} has no outgoing edges` });
    if (Array.isArray(handler.exits)) {
      const ports = handler.exits as readonly string[];
      for (const e of edges) {
        if (!e.on || !ports.includes(e.on)) issues.push({ path, code: 'bad_edges', message: `edge ${n.id} → ${e.to} needs "on": one of ${ports.join(', ')}` });
      }
      for (const port of handler.requiredPorts?.(n) ?? []) {
        const count = edges.filter((e) => e.on === port).length;
        if (count !== 1) issues.push({ path, code: 'bad_edges', message: `${n.kind} node ${n.id} needs one edge on "${port}", it has ${count}` });
      }
    }
    issues.push(...(handler.check?.(n, { edges, path, inputFields: def.input.fields, nodeKinds }) ?? []));
  }

  // cycles
  const state = new Map<string, 'visiting' | 'done'>();
  const cycle: string[] = [];
  // One path, pushed and popped: copying it at every step made a long chain quadratic.
  const path: string[] = [];
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') {
      cycle.push(...path.slice(path.indexOf(id)), id);
      return true;
    }
    state.set(id, 'visiting');
    path.push(id);
    for (const e of outgoing.get(id) ?? []) if (byId.has(e.to) && visit(e.to)) return true;
    path.pop();
    state.set(id, 'done');
    return false;
  };
  for (const n of def.nodes) if (!state.has(n.id) && visit(n.id)) break;
  if (cycle.length) issues.push({ path: nodePath.get(cycle[0]!)!, code: 'cycle', message: `the flow loops: ${cycle.join(' → ')}` });

  // reachability
  if (inputs.length === 1) {
    const reached = new Set<string>([inputs[0]!.id]);
    const queue = [inputs[0]!.id];
    while (queue.length) for (const e of outgoing.get(queue.shift()!) ?? []) if (!reached.has(e.to)) reached.add(e.to), queue.push(e.to);
    for (const n of def.nodes)
      if (!reached.has(n.id)) issues.push({ path: nodePath.get(n.id)!, code: 'unreachable', message: `node ${n.id} cannot be reached from the input node` });
  }

  // FEEL: syntax and undefined variables
  const known = knownNamesOf(def);
  const defined = new Set([...known, ...ALWAYS_DEFINED, ...BUILTIN_NAMES]);
  const checkExpression = (path: string, text: string) => {
    try {
      const { ast } = compileFeel(text, known, path);
      for (const name of freeNames(ast)) {
        if (!defined.has(name))
          issues.push({ path, code: 'undefined_variable', message: `"${name}" is not an input field nor set by any node (in "${text}")` });
      }
    } catch (err) {
      if (err instanceof FlowError) issues.push(...err.issues);
      else throw err;
    }
  };
  for (const n of def.nodes) for (const x of handlerFor(n).expressions(n)) checkExpression(`${nodePath.get(n.id)}.${x.path}`, x.text);
  def.edges.forEach((e, i) => e.when && checkExpression(`$.edges[${i}].when`, e.when));
  return issues;
}

/**
 * What publishing needs beyond a valid flow: every input field classified for privacy, and
 * every decline or refer explained by specific reasons (its own, or those of the ruleset
 * whose knock-out or refer rules lead to it).
 */
export function checkPublishable(def: FlowDefinition): FlowIssue[] {
  const issues: FlowIssue[] = Object.entries(def.input.fields)
    .filter(([, f]) => !f.class)
    .map(([name]) => ({
      path: `$.input.fields[${JSON.stringify(name)}].class`,
      code: 'unclassified_field',
      message: `field "${name}" has no personal-data class; set "class" to C1, C2 or C3`,
    }));
  const kinds = new Map(def.nodes.map((n) => [n.id, n.kind]));
  def.nodes.forEach((n, i) => {
    if (n.kind !== 'output' || n.outcome === 'approve' || (n.reasons?.length ?? 0) > 0) return;
    const unexplained = def.edges.filter((e) => e.to === n.id && !(kinds.get(e.from) === 'ruleset' && (e.on === 'knockout' || e.on === 'refer')));
    if (unexplained.length) {
      issues.push({
        path: `$.nodes[${i}].reasons`,
        code: 'unexplained_outcome',
        message: `output ${n.id} ${n.outcome}s without reasons when reached from ${unexplained.map((e) => e.from).join(', ')}; give it one to four specific reasons`,
      });
    }
  });
  return issues;
}
