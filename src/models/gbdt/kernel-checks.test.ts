import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Column } from '../frame.ts';
import type { FeatureBins } from './binning.ts';
import { Forest } from './forest.ts';
import { checkForestMemory, KernelBoundsError, type ForestRegions } from './kernel-checks.ts';
import { GENERAL_NODE } from './kernel-layout.ts';
import type { Tree } from './tree.ts';

/** A tree from its nodes: [feature, threshold or left categories, left, right, value]. */
function tree(nodes: [number, number | number[], number, number, number][]): Tree {
  return {
    feature: Int32Array.from(nodes, (n) => n[0]),
    threshold: Int32Array.from(nodes, (n) => (typeof n[1] === 'number' ? n[1] : 0)),
    categories: nodes.map((n) => (Array.isArray(n[1]) ? new Set(n[1]) : null)),
    defaultLeft: Uint8Array.from(nodes, () => 1),
    left: Int32Array.from(nodes, (n) => n[2]),
    right: Int32Array.from(nodes, (n) => n[3]),
    value: Float64Array.from(nodes, (n) => n[4]),
    cover: Float64Array.from(nodes, () => 1),
  };
}

const CHANNELS = Array.from({ length: 40 }, (_, i) => `c${i}`);
const features: FeatureBins[] = [
  { kind: 'numeric', name: 'income', uppers: Float64Array.from([1000, 2000, 3000, Number.POSITIVE_INFINITY]) },
  { kind: 'categorical', name: 'channel', levels: CHANNELS },
];
const shallow = tree([
  [0, 2, 1, 2, 0],
  [0, 0, -1, -1, -1],
  [0, 0, -1, -1, 1],
]);
// Forty categories are too many for the perfect layout's 32-bit masks: this takes the general layout.
const wide = tree([
  [1, [1, 5, 39], 1, 2, 0],
  [0, 0, -1, -1, 0.5],
  [0, 0, -1, -1, -0.5],
]);

test('with kernel checks on, both tree layouts pass the bounds check and score', () => {
  const before = process.env.ARBITER_KERNEL_CHECKS;
  process.env.ARBITER_KERNEL_CHECKS = '1';
  try {
    for (const trees of [[shallow], [shallow, wide]]) {
      const forest = new Forest(trees, features);
      const out = new Float64Array(2);
      const columns: Column[] = [
        { kind: 'numeric', name: 'income', values: Float64Array.from([500, 2500]) },
        { kind: 'categorical', name: 'channel', levels: CHANNELS, codes: Int32Array.from([4, 7]) },
      ];
      forest.add(columns, 2, out);
      // Row 0: income bin 1 goes left (-1), channel c4 (bin 5) left (+0.5); row 1: right (+1), right (-0.5).
      assert.deepEqual([...out], trees.length === 1 ? [-1, 1] : [-0.5, 0.5]);
    }
  } finally {
    if (before === undefined) delete process.env.ARBITER_KERNEL_CHECKS;
    else process.env.ARBITER_KERNEL_CHECKS = before;
  }
});

test('a child, a bin offset or a mask outside its region is reported, not read', () => {
  const regions: ForestRegions = {
    nodes: 0,
    nodeBytes: 3 * GENERAL_NODE.bytes,
    masks: 64,
    maskBytes: 8,
    features: 128,
    tables: 256,
    tableBytes: 0,
    trees: 1,
    roots: 96,
    valueCount: 3,
    perfectDepth: 0,
    width: 1,
    binCounts: Int32Array.from([8]),
  };
  const memory = () => {
    const buffer = new ArrayBuffer(512);
    const view = new DataView(buffer);
    const node = (k: number, test: number, threshold: number, categorical: number, left: number) => {
      const o = k * GENERAL_NODE.bytes;
      view.setInt32(o + GENERAL_NODE.at.test, test, true);
      view.setInt32(o + GENERAL_NODE.at.threshold, threshold, true);
      view.setInt32(o + GENERAL_NODE.at.categorical, categorical, true);
      view.setInt32(o + GENERAL_NODE.at.left, left, true);
    };
    node(0, 0, 64, 1, 1);
    node(1, 0, 0x7fffffff, 0, 1);
    node(2, 0, 0x7fffffff, 0, 2);
    view.setInt32(128, 1, true); // the one feature is already binned
    return { buffer, view };
  };
  const sound = memory();
  checkForestMemory(sound.buffer, regions);

  const child = memory();
  child.view.setInt32(GENERAL_NODE.at.left, 2, true);
  assert.throws(() => checkForestMemory(child.buffer, regions), KernelBoundsError);
  const bin = memory();
  bin.view.setInt32(GENERAL_NODE.at.test, 6, true);
  assert.throws(() => checkForestMemory(bin.buffer, regions), /reads a bin at byte 6 of a 4-byte row/);
  const mask = memory();
  mask.view.setInt32(GENERAL_NODE.at.threshold, 60, true);
  assert.throws(() => checkForestMemory(mask.buffer, regions), /go-right mask points at 60/);
});
