import { FEATURE_RECORD, GENERAL_NODE, PERFECT_NODE } from './kernel-layout.ts';

/**
 * The scoring kernel trusts the memory it is given: an address out of place reads another
 * region, or past the memory, with no error. In debug builds (ARBITER_KERNEL_CHECKS=1, which the
 * test lanes set) every address a model's memory holds is checked against the region it must
 * point into, once, when the model is laid out.
 */
export const kernelChecks = (): boolean => process.env.ARBITER_KERNEL_CHECKS === '1';

export interface ForestRegions {
  nodes: number;
  nodeBytes: number;
  masks: number;
  maskBytes: number;
  features: number;
  tables: number;
  tableBytes: number;
  /** number of tree roots, for the general layout */
  trees: number;
  roots: number;
  valueCount: number;
  /** 0 for the general layout, else the depth of every tree */
  perfectDepth: number;
  width: number;
  /** bins of each feature: a categorical split's mask has a byte for each */
  binCounts: Int32Array;
}

export class KernelBoundsError extends Error {}

/** Throws KernelBoundsError naming the first address found outside its region. */
export function checkForestMemory(buffer: ArrayBufferLike, r: ForestRegions): void {
  const view = new DataView(buffer);
  const fail = (what: string) => {
    throw new KernelBoundsError(`scoring kernel memory: ${what}`);
  };
  // A row's block holds each feature's bin and its shifted copy, two bytes each.
  const rowBytes = r.width * 4;
  const binOffset = (offset: number, where: string) => {
    if (offset < 0 || offset + 2 > rowBytes || offset % 2) fail(`${where} reads a bin at byte ${offset} of a ${rowBytes}-byte row`);
  };
  const inside = (address: number, bytes: number, start: number, size: number, where: string) => {
    if (address < start || address + bytes > start + size) fail(`${where} points at ${address}, outside [${start}, ${start + size})`);
  };

  for (let f = 0; f < r.width; f++) {
    const o = r.features + f * FEATURE_RECORD.bytes;
    const at = FEATURE_RECORD.at;
    const kind = view.getInt32(o + at.kind, true);
    if (kind === 1) continue;
    if (kind !== 0) fail(`feature ${f} has kind ${kind}`);
    const edges = view.getInt32(o + at.edges, true);
    const count = view.getInt32(o + at.edgeCount, true);
    inside(edges, count * 8, r.tables, r.tableBytes, `feature ${f}'s edges`);
    if (view.getFloat64(o + at.bucketsPerUnit, true) !== 0) inside(view.getInt32(o + at.table, true), 4, r.tables, r.tableBytes, `feature ${f}'s bucket table`);
  }

  if (r.perfectDepth > 0) {
    const nodes = r.nodeBytes / PERFECT_NODE.bytes;
    for (let k = 0; k < nodes; k++) {
      const test = view.getInt32(r.nodes + k * PERFECT_NODE.bytes + PERFECT_NODE.at.test, true);
      binOffset(test & 0x7fffffff, `perfect node ${k}`);
    }
    return;
  }
  const nodes = r.nodeBytes / GENERAL_NODE.bytes;
  if (nodes !== r.valueCount) fail(`${nodes} nodes but ${r.valueCount} values`);
  for (let t = 0; t < r.trees; t++) {
    const root = view.getInt32(r.roots + t * 4, true);
    if (root < 0 || root >= nodes) fail(`tree ${t}'s root is node ${root} of ${nodes}`);
  }
  for (let k = 0; k < nodes; k++) {
    const o = r.nodes + k * GENERAL_NODE.bytes;
    const at = GENERAL_NODE.at;
    const left = view.getInt32(o + at.left, true);
    const leaf = left === k;
    // A split's two children sit side by side; a leaf is its own child.
    if (!leaf && (left < 0 || left + 1 >= nodes)) fail(`node ${k}'s children ${left} and ${left + 1} of ${nodes}`);
    if (leaf) continue;
    binOffset(view.getInt32(o + at.test, true), `node ${k}`);
    const test = view.getInt32(o + at.test, true);
    if (view.getInt32(o + at.categorical, true) === 1)
      inside(view.getInt32(o + at.threshold, true), r.binCounts[test / 2] ?? 0, r.masks, r.maskBytes, `node ${k}'s go-right mask`);
  }
}
