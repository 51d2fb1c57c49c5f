import { goLeft, isLeaf, type Tree } from './tree.ts';

interface PathElement {
  feature: number;
  zero: number;
  one: number;
  weight: number;
}

function extend(path: PathElement[], zero: number, one: number, feature: number): PathElement[] {
  const l = path.length;
  const m = path.map((e) => ({ ...e }));
  m.push({ feature, zero, one, weight: l === 0 ? 1 : 0 });
  for (let i = l - 1; i >= 0; i--) {
    m[i + 1]!.weight += (one * m[i]!.weight * (i + 1)) / (l + 1);
    m[i]!.weight = (zero * m[i]!.weight * (l - i)) / (l + 1);
  }
  return m;
}

function unwind(path: PathElement[], i: number): PathElement[] {
  const l = path.length - 1;
  const m = path.map((e) => ({ ...e }));
  const { one, zero } = m[i]!;
  let n = m[l]!.weight;
  for (let j = l - 1; j >= 0; j--) {
    if (one !== 0) {
      const t = m[j]!.weight;
      m[j]!.weight = (n * (l + 1)) / ((j + 1) * one);
      n = t - (m[j]!.weight * zero * (l - j)) / (l + 1);
    } else {
      m[j]!.weight = (m[j]!.weight * (l + 1)) / (zero * (l - j));
    }
  }
  for (let j = i; j < l; j++) {
    m[j]!.feature = m[j + 1]!.feature;
    m[j]!.zero = m[j + 1]!.zero;
    m[j]!.one = m[j + 1]!.one;
  }
  m.pop();
  return m;
}

function unwoundSum(path: PathElement[], i: number): number {
  const l = path.length - 1;
  const { one, zero } = path[i]!;
  let total = 0;
  if (one !== 0) {
    let n = path[l]!.weight;
    for (let j = l - 1; j >= 0; j--) {
      const t = (n * (l + 1)) / ((j + 1) * one);
      total += t;
      n = path[j]!.weight - (t * zero * (l - j)) / (l + 1);
    }
  } else {
    for (let j = l - 1; j >= 0; j--) total += (path[j]!.weight * (l + 1)) / (zero * (l - j));
  }
  return total;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee, 2018) for one row: adds each
 * feature's contribution to `phi`. Over every tree, the contributions plus the expected
 * margin sum to the row's margin exactly.
 */
export function treeShap(tree: Tree, binOf: (feature: number) => number, phi: Float64Array): void {
  const recurse = (node: number, path: PathElement[], zero: number, one: number, feature: number) => {
    let m = extend(path, zero, one, feature);
    if (isLeaf(tree, node)) {
      for (let i = 1; i < m.length; i++) {
        const w = unwoundSum(m, i);
        phi[m[i]!.feature]! += w * (m[i]!.one - m[i]!.zero) * tree.value[node]!;
      }
      return;
    }
    const f = tree.feature[node]!;
    const left = goLeft(tree, node, binOf(f));
    const hot = left ? tree.left[node]! : tree.right[node]!;
    const cold = left ? tree.right[node]! : tree.left[node]!;
    let iz = 1;
    let io = 1;
    const k = m.findIndex((e, idx) => idx > 0 && e.feature === f);
    if (k > 0) {
      iz = m[k]!.zero;
      io = m[k]!.one;
      m = unwind(m, k);
    }
    const c = tree.cover[node]!;
    recurse(hot, m, (iz * tree.cover[hot]!) / c, io, f);
    recurse(cold, m, (iz * tree.cover[cold]!) / c, 0, f);
  };
  recurse(0, [], 1, 1, -1);
}

/** The margin a tree gives on average over its training rows (leaves weighted by cover). */
export function expectedValue(tree: Tree): number {
  const walk = (node: number): number => {
    if (isLeaf(tree, node)) return tree.value[node]!;
    const l = tree.left[node]!;
    const r = tree.right[node]!;
    return (walk(l) * tree.cover[l]! + walk(r) * tree.cover[r]!) / tree.cover[node]!;
  };
  return walk(0);
}
