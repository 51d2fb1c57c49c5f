import { canonicalJson } from '../privacy/index.ts';
import type { FlowDefinition } from './definition.ts';

export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface FlowDiff {
  nodes: { added: string[]; removed: string[]; changed: { id: string; changes: Change[] }[] };
  edges: { added: string[]; removed: string[]; changed: { edge: string; changes: Change[] }[] };
  inputFields: { added: string[]; removed: string[]; changed: { field: string; changes: Change[] }[] };
  other: Change[];
}

/** Leaf-level differences between two JSON values, as JSON paths. */
export function jsonDiff(a: unknown, b: unknown, path = '$'): Change[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => jsonDiff(a[k], b[k], `${path}.${k}`));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((x, i) => jsonDiff(x, b[i], `${path}[${i}]`));
  return [{ path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) }];
}

const edgeKey = (e: FlowDefinition['edges'][number]) => `${e.from} → ${e.to}${e.on ? ` on ${e.on}` : ''}`;

function keyed<T>(items: T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((x) => [key(x), x]));
}

function compare<T>(before: Map<string, T>, after: Map<string, T>) {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.keys()]
    .filter((k) => before.has(k))
    .map((k) => ({ key: k, changes: jsonDiff(before.get(k), after.get(k)) }))
    .filter((c) => c.changes.length);
  return { added, removed, changed };
}

/** What changed from one flow version to another: nodes, edges and input fields by identity. */
export function diffFlows(a: FlowDefinition, b: FlowDefinition): FlowDiff {
  const nodes = compare(
    keyed(a.nodes, (n) => n.id),
    keyed(b.nodes, (n) => n.id),
  );
  const edges = compare(keyed(a.edges, edgeKey), keyed(b.edges, edgeKey));
  const fields = compare(new Map(Object.entries(a.input.fields)), new Map(Object.entries(b.input.fields)));
  const { nodes: _an, edges: _ae, input: _ai, ...restA } = a;
  const { nodes: _bn, edges: _be, input: _bi, ...restB } = b;
  return {
    nodes: { added: nodes.added, removed: nodes.removed, changed: nodes.changed.map((c) => ({ id: c.key, changes: c.changes })) },
    edges: { added: edges.added, removed: edges.removed, changed: edges.changed.map((c) => ({ edge: c.key, changes: c.changes })) },
    inputFields: { added: fields.added, removed: fields.removed, changed: fields.changed.map((c) => ({ field: c.key, changes: c.changes })) },
    other: jsonDiff(restA, restB),
  };
}
