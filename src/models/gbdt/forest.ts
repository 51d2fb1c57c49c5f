import type { Tree } from './tree.ts';

/**
 * All trees of a model in one set of flat arrays, with categorical splits as bin masks: scoring
 * walks every tree for one row before the next, so the row's bins and the forest stay in cache.
 */
export interface Forest {
  roots: Int32Array;
  feature: Int32Array;
  /** Numeric split: the last bin that goes left. Categorical split: the size of its mask. */
  threshold: Int32Array;
  left: Int32Array;
  right: Int32Array;
  defaultLeft: Uint8Array;
  /** Where a categorical node's mask starts in `masks`, or -1 for a numeric split. */
  maskAt: Int32Array;
  masks: Uint8Array;
  value: Float64Array;
}

export function flattenForest(trees: Tree[]): Forest {
  const total = trees.reduce((s, t) => s + t.feature.length, 0);
  const f: Forest = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Int32Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    defaultLeft: new Uint8Array(total),
    maskAt: new Int32Array(total).fill(-1),
    masks: new Uint8Array(0),
    value: new Float64Array(total),
  };
  const masks: number[] = [];
  let at = 0;
  trees.forEach((t, ti) => {
    f.roots[ti] = at;
    for (let n = 0; n < t.feature.length; n++) {
      const k = at + n;
      f.feature[k] = t.feature[n]!;
      f.threshold[k] = t.threshold[n]!;
      f.left[k] = t.left[n]! < 0 ? -1 : at + t.left[n]!;
      f.right[k] = t.right[n]! < 0 ? -1 : at + t.right[n]!;
      f.defaultLeft[k] = t.defaultLeft[n]!;
      f.value[k] = t.value[n]!;
      const cats = t.categories[n];
      if (cats) {
        f.maskAt[k] = masks.length;
        const size = Math.max(0, ...cats) + 1;
        for (let b = 0; b < size; b++) masks.push(cats.has(b) ? 1 : 0);
        f.threshold[k] = size;
      }
    }
    at += t.feature.length;
  });
  f.masks = Uint8Array.from(masks);
  return f;
}

/** Adds every tree's output to `out[i]` for each row, from column-wise bins. */
export function addForest(f: Forest, bins: Uint16Array[], rows: number, out: Float64Array): void {
  const { roots, feature, threshold, left, right, defaultLeft, maskAt, masks, value } = f;
  const row = new Uint16Array(bins.length);
  for (let i = 0; i < rows; i++) {
    // The row's bins, gathered once: each tree then reads a small array instead of many columns.
    for (let c = 0; c < row.length; c++) row[c] = bins[c]![i]!;
    let sum = 0;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      while (left[node]! >= 0) {
        const b = row[feature[node]!]!;
        const m = maskAt[node]!;
        // Categories past the mask (never seen going left) go right.
        const goLeft = b === 0 ? defaultLeft[node] === 1 : m < 0 ? b <= threshold[node]! : b < threshold[node]! && masks[m + b] === 1;
        node = goLeft ? left[node]! : right[node]!;
      }
      sum += value[node]!;
    }
    out[i]! += sum;
  }
}
