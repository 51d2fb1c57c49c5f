import type { Tree } from './tree.ts';

/**
 * All trees of a model in one flat array, laid out for scoring: each internal node's two
 * children sit side by side, so the next node is `left + goRight`, computed without a branch.
 * A node is four int32s: feature, threshold, shift, left (-1 for a leaf). A numeric split sends
 * bin b right when `((b + shift) & 0xffff) >= threshold`, which folds in where missing values
 * (bin 0) go: shift 0 and threshold split+1 send bin 0 left; shift 0xffff (b - 1 modulo 2^16,
 * so bin 0 becomes 65535) and threshold split send it right. A categorical split has shift -1
 * and its threshold is where its go-right mask starts in `masks`. A leaf points to itself and
 * never goes right, so a walk can take a tree's full depth without testing for leaves, and
 * several rows can walk a tree side by side: scoring is bound by the latency of each step's
 * loads, which independent walks overlap.
 */
export interface Forest {
  roots: Int32Array;
  /** Levels of each tree: every walk takes this many steps (a leaf steps to itself). */
  depths: Int32Array;
  nodes: Int32Array;
  value: Float64Array;
  /** Per categorical split, a byte per bin (1 goes right), and a last byte 1 for every bin past those. */
  masks: Uint8Array;
  /** At each mask's start, the index of its last byte relative to the start. */
  maskLast: Int32Array;
}

const STRIDE = 4;
const CATEGORICAL = -1;

export function flattenForest(trees: Tree[]): Forest {
  const total = trees.reduce((s, t) => s + t.feature.length, 0);
  const nodes = new Int32Array(total * STRIDE);
  const value = new Float64Array(total);
  const roots = new Int32Array(trees.length);
  const depths = new Int32Array(trees.length);
  const masks: number[] = [];
  const maskSize: number[] = [];
  let next = 0;
  trees.forEach((t, ti) => {
    // Breadth-first, giving each split's children two consecutive slots.
    roots[ti] = next++;
    const queue: [number, number, number][] = [[0, roots[ti]!, 0]];
    while (queue.length) {
      const [n, k, level] = queue.shift()!;
      const o = k * STRIDE;
      value[k] = t.value[n]!;
      if (t.left[n]! < 0) {
        nodes[o + 1] = 0x7fffffff;
        nodes[o + 3] = k;
        depths[ti] = Math.max(depths[ti]!, level);
        continue;
      }
      const left = next;
      next += 2;
      nodes[o] = t.feature[n]!;
      nodes[o + 3] = left;
      const cats = t.categories[n];
      if (cats) {
        // Bin 0 is missing; category bins are code + 1. Right is what is not in the left set.
        const size = Math.max(0, ...cats) + 1;
        nodes[o + 1] = masks.length;
        nodes[o + 2] = CATEGORICAL;
        for (let b = 0; b < size; b++) masks.push(b === 0 ? (t.defaultLeft[n] === 1 ? 0 : 1) : cats.has(b) ? 0 : 1);
        // One more entry, for every bin past the end: those categories never went left in training.
        masks.push(1);
        maskSize.push(size + 1);
      } else if (t.defaultLeft[n] === 1) {
        nodes[o + 1] = t.threshold[n]! + 1;
        nodes[o + 2] = 0;
      } else {
        nodes[o + 1] = t.threshold[n]!;
        nodes[o + 2] = 0xffff;
      }
      queue.push([t.left[n]!, left, level + 1], [t.right[n]!, left + 1, level + 1]);
    }
  });
  const last = new Int32Array(masks.length);
  let at = 0;
  for (const size of maskSize) {
    last[at] = size - 1;
    at += size;
  }
  return { roots, depths, nodes, value, masks: Uint8Array.from(masks), maskLast: last };
}

/**
 * One step down a tree from node k for a row whose bins start at `base`. The numeric test is
 * arithmetic, not a branch: (threshold - 1 - x) is negative exactly when x >= threshold, and
 * its sign bit is the step right. Random splits would mispredict a branch half the time.
 */
function step(nodes: Int32Array, masks: Uint8Array, maskLast: Int32Array, block: Uint16Array, base: number, k: number): number {
  const o = k * STRIDE;
  const b = block[base + nodes[o]!]!;
  const threshold = nodes[o + 1]!;
  const shift = nodes[o + 2]!;
  if (shift === CATEGORICAL) return nodes[o + 3]! + masks[threshold + Math.min(b, maskLast[threshold]!)]!;
  return nodes[o + 3]! + ((threshold - 1 - ((b + shift) & 0xffff)) >>> 31);
}

/** Adds every tree's output to `out[i]` for each row, from column-wise bins. */
export function addForest(f: Forest, bins: Uint16Array[], rows: number, out: Float64Array): void {
  const { roots, depths, nodes, value, masks, maskLast } = f;
  const width = bins.length;
  const trees = roots.length;
  // Rows in blocks, their bins gathered row-major; within a block each tree is walked by four
  // rows at a time, whose steps do not depend on one another.
  const BLOCK = 256;
  const block = new Uint16Array(BLOCK * width);
  const acc = new Float64Array(BLOCK);
  for (let start = 0; start < rows; start += BLOCK) {
    const n = Math.min(BLOCK, rows - start);
    for (let c = 0; c < width; c++) {
      const col = bins[c]!;
      for (let r = 0; r < n; r++) block[r * width + c] = col[start + r]!;
    }
    acc.fill(0);
    for (let t = 0; t < trees; t++) {
      const root = roots[t]!;
      const depth = depths[t]!;
      let r = 0;
      for (; r + 4 <= n; r += 4) {
        const b0 = r * width;
        const b1 = b0 + width;
        const b2 = b1 + width;
        const b3 = b2 + width;
        let k0 = root;
        let k1 = root;
        let k2 = root;
        let k3 = root;
        for (let d = 0; d < depth; d++) {
          k0 = step(nodes, masks, maskLast, block, b0, k0);
          k1 = step(nodes, masks, maskLast, block, b1, k1);
          k2 = step(nodes, masks, maskLast, block, b2, k2);
          k3 = step(nodes, masks, maskLast, block, b3, k3);
        }
        acc[r] += value[k0]!;
        acc[r + 1] += value[k1]!;
        acc[r + 2] += value[k2]!;
        acc[r + 3] += value[k3]!;
      }
      for (; r < n; r++) {
        let k = root;
        for (let d = 0; d < depth; d++) k = step(nodes, masks, maskLast, block, r * width, k);
        acc[r] += value[k]!;
      }
    }
    for (let r = 0; r < n; r++) out[start + r]! += acc[r]!;
  }
}
