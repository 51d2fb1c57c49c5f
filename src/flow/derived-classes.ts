import { parseExpression } from '../expr/index.ts';
import type { DataClass, FlowDefinition } from './definition.ts';
import { freeNames } from './feel-support.ts';
import type { CompiledNode } from './run-types.ts';
import { handlerFor } from './nodes/registry.ts';

export type { DataClass } from './definition.ts';

const RANK: Record<DataClass, number> = { C1: 1, C2: 2, C3: 3 };
const highest = (a: DataClass, b: DataClass): DataClass => (RANK[a] >= RANK[b] ? a : b);

/**
 * The personal-data class of every variable and offer field a flow computes: the highest class
 * of what it is computed from (an annual income from a monthly income is C2 like its source),
 * worked out once when the flow compiles. Reviewers' verdicts (with their notes) are personal;
 * a bureau report's features keep the classes its connector gives them, feature by feature. Names the flow declassifies (`declassify`, with the reason)
 * are C1: that statement is part of the published version and its audit event.
 */
export function derivedClasses(def: FlowDefinition, nodes: ReadonlyMap<string, CompiledNode>, knownNames: string[]): Map<string, DataClass> {
  const classes = new Map<string, DataClass>();
  for (const [name, f] of Object.entries(def.input.fields)) classes.set(name, f.class ?? 'C2');
  const declassified = new Set(Object.keys(def.declassify ?? {}));
  const of = (names: Iterable<string>): DataClass => {
    let c: DataClass = 'C1';
    for (const n of names) c = highest(c, classes.get(n) ?? 'C1');
    return c;
  };
  const raise = (name: string, c: DataClass): boolean => {
    if (declassified.has(name)) return false;
    const before = classes.get(name) ?? 'C1';
    const after = highest(before, c);
    if (after === before && classes.has(name)) return false;
    classes.set(name, after);
    return true;
  };
  const readsOf = (text: string): string[] => {
    try {
      return [...freeNames(parseExpression(text, knownNames))];
    } catch {
      return [];
    }
  };
  // Until nothing changes: a variable may be computed from one that a later node defines on another path.
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of def.nodes) {
      if (n.kind === 'expression') {
        for (const [name, text] of Object.entries(n.assign)) changed = raise(name, of(readsOf(text))) || changed;
        continue;
      }
      if (n.kind === 'output') {
        for (const [field, text] of Object.entries(n.offer ?? {})) changed = raise(field, of(readsOf(text))) || changed;
        continue;
      }
      // A bureau report's features carry their own classes from the connector, and the node
      // masks its C2 features in the trace itself: its output is not classed as a whole.
      if (n.kind === 'bureau') continue;
      const compiled = nodes.get(n.id);
      const floor: DataClass = n.kind === 'review' ? 'C2' : 'C1';
      const c = highest(floor, of(compiled?.reads ?? []));
      for (const name of handlerFor(n).writes(n)) changed = raise(name, c) || changed;
    }
  }
  for (const name of declassified) classes.set(name, 'C1');
  return classes;
}
