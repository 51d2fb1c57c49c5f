import { goLeft, isLeaf, type Tree } from '../../src/models/gbdt/tree.ts';

/**
 * Shapley values the slow way, to check TreeSHAP against: every subset of the other features, with
 * E[f(x) | x_S] as path-dependent TreeSHAP defines it (a feature outside S follows the covers).
 */
/** E[f(x) | x_S] the way path-dependent TreeSHAP defines it: unknown features follow the covers. */
function conditional(tree: Tree, known: Set<number>, binOf: (f: number) => number, node = 0): number {
  if (isLeaf(tree, node)) return tree.value[node]!;
  const f = tree.feature[node]!;
  if (known.has(f)) return conditional(tree, known, binOf, goLeft(tree, node, binOf(f)) ? tree.left[node]! : tree.right[node]!);
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  return (conditional(tree, known, binOf, l) * tree.cover[l]! + conditional(tree, known, binOf, r) * tree.cover[r]!) / tree.cover[node]!;
}

export function bruteForceShap(trees: Tree[], features: number[], binOf: (f: number) => number): Map<number, number> {
  const n = features.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const value = (set: Set<number>) => trees.reduce((s, t) => s + conditional(t, set, binOf), 0);
  const out = new Map<number, number>();
  for (const f of features) {
    const others = features.filter((x) => x !== f);
    let phi = 0;
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const s = new Set(others.filter((_, i) => mask & (1 << i)));
      const w = (fact(s.size) * fact(n - s.size - 1)) / fact(n);
      phi += w * (value(new Set([...s, f])) - value(s));
    }
    out.set(f, phi);
  }
  return out;
}
