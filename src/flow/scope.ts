import type { FlowDefinition } from './definition.ts';
import { handlerFor } from './nodes/registry.ts';

/**
 * The names each node has set once it has run: the input fields, what every node on some path
 * to it wrote, and what it writes itself. An editor offers these, not every name in the flow,
 * when the analyst writes an expression of that node or a condition on an edge leaving it.
 * Cycles and dangling edges (a flow being edited) are tolerated: each node is settled once.
 */
export function namesAfter(def: FlowDefinition): Map<string, string[]> {
  const fields = Object.keys(def.input.fields);
  const writes = new Map(def.nodes.map((n) => [n.id, handlerFor(n).writes(n)]));
  const parents = new Map<string, string[]>(def.nodes.map((n) => [n.id, []]));
  for (const e of def.edges) if (parents.has(e.to) && writes.has(e.from)) parents.get(e.to)!.push(e.from);
  const after = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const settle = (id: string): Set<string> => {
    const done = after.get(id);
    if (done) return done;
    const names = new Set<string>(fields);
    if (!visiting.has(id)) {
      visiting.add(id);
      for (const p of parents.get(id) ?? []) for (const name of settle(p)) names.add(name);
      visiting.delete(id);
    }
    for (const name of writes.get(id) ?? []) names.add(name);
    after.set(id, names);
    return names;
  };
  return new Map(def.nodes.map((n) => [n.id, [...settle(n.id)].sort()]));
}
