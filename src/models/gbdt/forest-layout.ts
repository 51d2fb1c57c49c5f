import { GENERAL_NODE, PERFECT_NODE } from './kernel-layout.ts';
import { treeDepth, type Tree } from './tree.ts';

/**
 * The trees of a model as the scoring kernel reads them (wasm/forest.wat describes both
 * layouts). A numeric split reads the row's bin where missing values go left, or the row's bin
 * minus one (missing: 65535) where they go right, and goes right when that is above its
 * threshold.
 */
export interface ForestLayout {
  /** 0 for the general layout, else the depth every tree is padded to */
  perfectDepth: number;
  /** perfect layout small enough for the first-level cache: rows go through every tree in turn */
  rowsFirst: boolean;
  nodeBytes: number;
  valueCount: number;
  maskBytes: number;
  /** Writes the layout; addresses in it are absolute, from `masksAt`. */
  write(memory: { nodes: DataView; values: Float64Array; roots: Int32Array; depths: Int32Array; masks: Uint8Array; masksAt: number }): void;
}

/** The perfect layout holds every tree as 2^depth leaves: past this depth it grows too large. */
const PERFECT_MAX_DEPTH = 10;
/** Its categorical masks are 32-bit: a categorical feature with more bins needs the general layout. */
const PERFECT_MAX_BINS = 32;
/** A model up to this size (nodes and leaf values) is walked rows first: it stays in the first-level cache. */
const L1_BYTES = 49_152;
const LEAF_NEVER_RIGHT = 0x7fffffff;
const CATEGORICAL_FLAG = 0x80000000 | 0;

/** Byte offset in a block row of the bin a numeric split reads, and its threshold. */
function numericTest(t: Tree, n: number, width: number): [number, number] {
  const f = t.feature[n]!;
  return t.defaultLeft[n] === 1 ? [f * 2, t.threshold[n]!] : [(width + f) * 2, t.threshold[n]! - 1];
}

/** Whether bin b goes right at categorical split n (bin 0 is missing; categories are code + 1). */
function catRight(t: Tree, n: number, b: number): boolean {
  return b === 0 ? t.defaultLeft[n] !== 1 : !t.categories[n]!.has(b);
}

export function forestLayout(trees: Tree[], binCounts: Int32Array): ForestLayout {
  const width = binCounts.length;
  const depth = trees.reduce((d, t) => Math.max(d, treeDepth(t)), 0);
  const wideCategories = trees.some((t) => t.categories.some((c, n) => c !== null && binCounts[t.feature[n]!]! > PERFECT_MAX_BINS));
  return depth > 0 && depth <= PERFECT_MAX_DEPTH && !wideCategories ? perfectLayout(trees, depth, width) : generalLayout(trees, binCounts);
}

/**
 * Every tree padded to `depth` levels: node k's children are 2k + 1 and 2k + 2, so no child
 * index is stored or loaded. A node is a PERFECT_NODE (kernel-layout.ts): the bin's byte offset
 * (sign bit set for a categorical split) and the threshold or a 32-bit go-right mask. A leaf above the last level
 * becomes a split that never goes right (categorical, empty mask) over copies of itself.
 */
function perfectLayout(trees: Tree[], depth: number, width: number): ForestLayout {
  const inner = (1 << depth) - 1;
  return {
    perfectDepth: depth,
    rowsFirst: trees.length * (inner * PERFECT_NODE.bytes + (inner + 1) * 8) <= L1_BYTES,
    nodeBytes: trees.length * inner * PERFECT_NODE.bytes,
    valueCount: trees.length * (inner + 1),
    maskBytes: 0,
    write({ nodes, values }) {
      trees.forEach((t, ti) => {
        const fill = (n: number, k: number, level: number): void => {
          if (level === depth) {
            values[ti * (inner + 1) + (k - inner)] = t.value[n]!;
            return;
          }
          const o = (ti * inner + k) * PERFECT_NODE.bytes;
          const test = o + PERFECT_NODE.at.test;
          const threshold = o + PERFECT_NODE.at.threshold;
          if (t.left[n]! < 0) {
            nodes.setInt32(test, CATEGORICAL_FLAG, true);
            nodes.setInt32(threshold, 0, true);
            fill(n, 2 * k + 1, level + 1);
            fill(n, 2 * k + 2, level + 1);
            return;
          }
          if (t.categories[n]) {
            let mask = 0;
            for (let b = 0; b < PERFECT_MAX_BINS; b++) if (catRight(t, n, b)) mask |= 1 << b;
            nodes.setInt32(test, (t.feature[n]! * 2) | CATEGORICAL_FLAG, true);
            nodes.setInt32(threshold, mask, true);
          } else {
            const [offset, cut] = numericTest(t, n, width);
            nodes.setInt32(test, offset, true);
            nodes.setInt32(threshold, cut, true);
          }
          fill(t.left[n]!, 2 * k + 1, level + 1);
          fill(t.right[n]!, 2 * k + 2, level + 1);
        };
        fill(0, 0, 0);
      });
    },
  };
}

/**
 * Any depth, any number of categories: each split's two children sit side by side, so the next
 * node is `left + goRight`. A node is a GENERAL_NODE (kernel-layout.ts): the bin's byte offset; the threshold, or the
 * address of a categorical split's go-right mask (a byte for every bin of its feature); 1 for a
 * categorical split; left. A leaf points to itself and never goes right, so a walk takes its
 * tree's full depth without testing for leaves.
 */
function generalLayout(trees: Tree[], binCounts: Int32Array): ForestLayout {
  const width = binCounts.length;
  const total = trees.reduce((s, t) => s + t.feature.length, 0);
  const maskBytes = trees.reduce((s, t) => s + t.categories.reduce((m, c, n) => m + (c ? binCounts[t.feature[n]!]! : 0), 0), 0);
  return {
    perfectDepth: 0,
    rowsFirst: false,
    nodeBytes: total * GENERAL_NODE.bytes,
    valueCount: total,
    maskBytes,
    write({ nodes, values, roots, depths, masks, masksAt }) {
      let next = 0;
      let maskAt = 0;
      trees.forEach((t, ti) => {
        // Breadth-first, giving each split's children two consecutive slots.
        roots[ti] = next++;
        const queue: [number, number, number][] = [[0, roots[ti]!, 0]];
        for (let q = 0; q < queue.length; q++) {
          const [n, k, level] = queue[q]!;
          const o = k * GENERAL_NODE.bytes;
          const at = GENERAL_NODE.at;
          values[k] = t.value[n]!;
          if (t.left[n]! < 0) {
            nodes.setInt32(o + at.threshold, LEAF_NEVER_RIGHT, true);
            nodes.setInt32(o + at.left, k, true);
            depths[ti] = Math.max(depths[ti]!, level);
            continue;
          }
          const left = next;
          next += 2;
          nodes.setInt32(o + at.left, left, true);
          if (t.categories[n]) {
            const size = binCounts[t.feature[n]!]!;
            nodes.setInt32(o + at.test, t.feature[n]! * 2, true);
            nodes.setInt32(o + at.threshold, masksAt + maskAt, true);
            nodes.setInt32(o + at.categorical, 1, true);
            for (let b = 0; b < size; b++) masks[maskAt + b] = catRight(t, n, b) ? 1 : 0;
            maskAt += size;
          } else {
            const [offset, threshold] = numericTest(t, n, width);
            nodes.setInt32(o + at.test, offset, true);
            nodes.setInt32(o + at.threshold, threshold, true);
          }
          queue.push([t.left[n]!, left, level + 1], [t.right[n]!, left + 1, level + 1]);
        }
      });
    },
  };
}
