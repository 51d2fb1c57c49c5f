import type { Column, Frame } from '../frame.ts';

/** How one feature's values map to histogram bins. Bin 0 is always "missing". */
export type FeatureBins =
  | { kind: 'numeric'; name: string; /** upper edge of bins 1..n: value <= uppers[k-1] falls in bin k */ uppers: Float64Array }
  | { kind: 'categorical'; name: string; levels: string[] };

export interface BinnedData {
  features: FeatureBins[];
  /** bins[f][row] */
  bins: Uint16Array[];
  rows: number;
}

export const MAX_BINS = 256;

function numericEdges(values: Float64Array, rows: ArrayLike<number>, maxBins: number): Float64Array {
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]!]!;
    if (!Number.isNaN(v)) present.push(v);
  }
  present.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const v of present) if (unique[unique.length - 1] !== v) unique.push(v);
  if (unique.length <= maxBins - 1) {
    // One bin per distinct value; the edge sits halfway to the next value.
    return Float64Array.from(unique, (v, k) => (k + 1 < unique.length ? (v + unique[k + 1]!) / 2 : Infinity));
  }
  const edges: number[] = [];
  for (let b = 1; b < maxBins - 1; b++) {
    const q = present[Math.floor((b * present.length) / (maxBins - 1))]!;
    if (edges[edges.length - 1] !== q) edges.push(q);
  }
  edges.push(Infinity);
  return Float64Array.from(edges);
}

function binOf(uppers: Float64Array, v: number): number {
  if (Number.isNaN(v)) return 0;
  let lo = 0;
  let hi = uppers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= uppers[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/** Learns bin edges on the training rows and bins every row of the frame. */
export function learnBins(frame: Frame, features: string[], trainRows: ArrayLike<number>, maxBins = MAX_BINS): BinnedData {
  const specs: FeatureBins[] = [];
  const bins: Uint16Array[] = [];
  for (const name of features) {
    const col = frame.column(name);
    const spec = binSpec(col, trainRows, maxBins);
    specs.push(spec);
    bins.push(applyBins(spec, col, frame.rows));
  }
  return { features: specs, bins, rows: frame.rows };
}

function binSpec(col: Column, trainRows: ArrayLike<number>, maxBins: number): FeatureBins {
  if (col.kind === 'categorical') return { kind: 'categorical', name: col.name, levels: col.levels };
  return { kind: 'numeric', name: col.name, uppers: numericEdges(col.values, trainRows, maxBins) };
}

export function applyBins(spec: FeatureBins, col: Column, rows: number): Uint16Array {
  const out = new Uint16Array(rows);
  if (spec.kind === 'categorical') {
    if (col.kind !== 'categorical') throw new Error(`feature ${spec.name} was categorical in training`);
    // Map this frame's codes onto the training levels; unseen levels count as missing.
    const map = col.levels.map((l) => spec.levels.indexOf(l));
    for (let i = 0; i < rows; i++) {
      const c = col.codes[i]!;
      const t = c < 0 ? -1 : map[c]!;
      out[i] = t < 0 ? 0 : t + 1;
    }
  } else {
    if (col.kind !== 'numeric') throw new Error(`feature ${spec.name} was numeric in training`);
    for (let i = 0; i < rows; i++) out[i] = binOf(spec.uppers, col.values[i]!);
  }
  return out;
}
