/**
 * A regression tree over binned features, as flat arrays. A split node sends a row left when
 * its bin is <= `threshold` (numeric) or its category is in `categories`; missing values go
 * where `defaultLeft` says, a direction learned from the data.
 */
export interface Tree {
  feature: Int32Array;
  /** numeric splits: the last bin that goes left */
  threshold: Int32Array;
  /** categorical splits: the bins (category code + 1) that go left */
  categories: (Set<number> | null)[];
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** leaf output (already multiplied by the learning rate); for split nodes, unused */
  value: Float64Array;
  /** sum of hessians of the training rows that reached the node (for TreeSHAP) */
  cover: Float64Array;
}

export function isLeaf(t: Tree, node: number): boolean {
  return t.left[node]! < 0;
}

/** Levels below `node` to its deepest leaf (0 for a leaf). */
export function treeDepth(t: Tree, node = 0): number {
  return isLeaf(t, node) ? 0 : 1 + Math.max(treeDepth(t, t.left[node]!), treeDepth(t, t.right[node]!));
}

/** The next node for a row, given its bin for the node's feature. */
export function goLeft(t: Tree, node: number, bin: number): boolean {
  if (bin === 0) return t.defaultLeft[node] === 1;
  const cats = t.categories[node];
  return cats ? cats.has(bin) : bin <= t.threshold[node]!;
}

export function predictBinned(t: Tree, bins: Uint16Array[], row: number): number {
  let node = 0;
  while (!isLeaf(t, node)) node = goLeft(t, node, bins[t.feature[node]!]![row]!) ? t.left[node]! : t.right[node]!;
  return t.value[node]!;
}

export function treeToJson(t: Tree) {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    categories: t.categories.map((c) => (c ? [...c].sort((a, b) => a - b) : null)),
    defaultLeft: Array.from(t.defaultLeft),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    cover: Array.from(t.cover),
  };
}

export function treeFromJson(j: ReturnType<typeof treeToJson>): Tree {
  return {
    feature: Int32Array.from(j.feature),
    threshold: Int32Array.from(j.threshold),
    categories: j.categories.map((c) => (c ? new Set(c) : null)),
    defaultLeft: Uint8Array.from(j.defaultLeft),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    value: Float64Array.from(j.value),
    cover: Float64Array.from(j.cover),
  };
}
