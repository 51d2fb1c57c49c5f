import type { FlowDefinition, NodeDefinition } from './definition.ts';
import { handlerFor } from './nodes/registry.ts';

export interface FlowPath {
  /** Same form as a run's `path`: `node` or `node:branch` per step. */
  steps: string[];
  /** The conditions met along the way, in order. */
  conditions: string[];
  /** The output node reached, or the review node it waits at. */
  end: string;
  outcome: string;
}

export interface PathEnumeration {
  paths: FlowPath[];
  /** True when enumeration stopped at the limit. */
  truncated: boolean;
}

export function pathKey(steps: readonly string[]): string {
  return steps.join(' > ');
}

/**
 * Every distinct path from the input node to an output. Review nodes fork into their verdicts;
 * an all-match switch forks into every non-empty subset of its branches, each run to the join.
 */
export function enumeratePaths(def: FlowDefinition, limit = 100_000): PathEnumeration {
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  const edgesFrom = new Map<string, FlowDefinition['edges']>();
  for (const e of def.edges) {
    if (!edgesFrom.has(e.from)) edgesFrom.set(e.from, []);
    edgesFrom.get(e.from)!.push(e);
  }
  let truncated = false;
  type Partial = { steps: string[]; conditions: string[]; end: string | null };

  const walk = (from: string, until: string | null): Partial[] => {
    if (from === until) return [{ steps: [], conditions: [], end: null }];
    const node = byId.get(from)!;
    if (node.kind === 'output') return [{ steps: [node.id], conditions: [], end: node.id }];
    const handler = handlerFor(node);
    const branches = handler.branches(node, edgesFrom.get(from) ?? []);
    const out: Partial[] = [];
    const extend = (head: string, condition: string | null, tails: Partial[]) => {
      for (const t of tails) {
        if (out.length >= limit) {
          truncated = true;
          return;
        }
        out.push({ steps: [head, ...t.steps], conditions: condition ? [`${node.id}: ${condition}`, ...t.conditions] : t.conditions, end: t.end });
      }
    };
    if (node.kind === 'switch' && node.mode === 'all') {
      const conditional = branches.filter((b) => b.condition !== 'no other condition holds');
      const fallback = branches.find((b) => b.condition === 'no other condition holds');
      const subsets: (typeof conditional)[] = [];
      for (let mask = 1; mask < 1 << conditional.length; mask++) subsets.push(conditional.filter((_, i) => mask & (1 << i)));
      for (const subset of subsets) {
        let combos: Partial[] = [{ steps: [], conditions: [], end: null }];
        for (const b of subset) {
          const parts = walk(b.to, node.join!);
          combos = combos.flatMap((c) => parts.map((p) => ({ steps: [...c.steps, ...p.steps], conditions: [...c.conditions, ...p.conditions], end: p.end })));
        }
        const rest = walk(node.join!, until);
        const label = subset.map((b) => b.label).join(' + ');
        extend(
          `${node.id}:${label}`,
          subset.map((b) => b.condition).join(' and '),
          combos.flatMap((c) => rest.map((r) => ({ steps: [...c.steps, ...r.steps], conditions: [...c.conditions, ...r.conditions], end: r.end }))),
        );
      }
      if (fallback) extend(`${node.id}:${fallback.label}`, 'no condition holds', walk(fallback.to, until));
      else extend(`${node.id}:none`, 'no condition holds', walk(node.join!, until));
      return out;
    }
    for (const b of branches) {
      const head = b.label === null ? node.id : `${node.id}:${b.label}`;
      extend(head, b.condition, walk(b.to, until));
      if (truncated) break;
    }
    return out;
  };

  const input = def.nodes.find((n) => n.kind === 'input')!;
  const outcomeOf = (id: string | null) => {
    const n = id ? (byId.get(id) as NodeDefinition | undefined) : undefined;
    return n?.kind === 'output' ? n.outcome : 'unknown';
  };
  const paths = walk(input.id, null).map((p) => ({ steps: p.steps, conditions: p.conditions, end: p.end ?? '', outcome: outcomeOf(p.end) }));
  return { paths, truncated };
}
