import type { Column, Frame } from '../frame.ts';
import { sortNumbers } from '../sort-numbers.ts';
import { LOOKUP_BUCKETS } from './kernel-layout.ts';

/** How one feature's values map to histogram bins. Bin 0 is always "missing". */
export type FeatureBins =
  | { kind: 'numeric'; name: string /** upper edge of bins 1..n: value <= uppers[k-1] falls in bin k */; uppers: Float64Array }
  | { kind: 'categorical'; name: string; levels: string[] };

export interface BinnedData {
  features: FeatureBins[];
  /** bins[f][row] */
  bins: Uint16Array[];
  rows: number;
}

export const MAX_BINS = 256;

/** Edges come from at most this many values: quantiles of a quarter million rows are as good as exact for 255 bins. */
const EDGE_SAMPLE = 262_144;

function numericEdges(values: Float64Array, rows: ArrayLike<number>, maxBins: number): Float64Array {
  const step = Math.max(1, Math.ceil(rows.length / EDGE_SAMPLE));
  const sample = new Float64Array(Math.ceil(rows.length / step));
  let n = 0;
  for (let i = 0; i < rows.length; i += step) {
    const v = values[rows[i]!]!;
    if (!Number.isNaN(v)) sample[n++] = v;
  }
  const present = sortNumbers(sample.subarray(0, n));
  const unique: number[] = [];
  for (const v of present) {
    if (unique[unique.length - 1] !== v) unique.push(v);
    if (unique.length > maxBins) break;
  }
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

/** First index whose edge is >= v, searching [lo, hi] (the last edge is Infinity, so one exists). */
function lowerBound(uppers: Float64Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= uppers[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Buckets of a numeric feature's lookup table: the scoring kernel's binning assumes as many. */
export const BUCKETS = LOOKUP_BUCKETS;
/** Per set of edges (a trained model's are fixed), the first edge of each bucket. */
const bucketTables = new WeakMap<Float64Array, Int32Array>();

function bucketStarts(uppers: Float64Array, first: number, scale: number): Int32Array {
  let start = bucketTables.get(uppers);
  if (!start) {
    const n = uppers.length;
    start = new Int32Array(BUCKETS + 3);
    for (let k = 0; k <= BUCKETS; k++) start[k] = lowerBound(uppers, first + k / scale, 0, n - 1);
    start[BUCKETS + 1] = start[BUCKETS + 2] = n - 1;
    bucketTables.set(uppers, start);
  }
  return start;
}

/**
 * How a numeric feature's values are binned: a value at most `first` is bin 1, above
 * `lastFinite` the last bin, and in between the bucket `(v - first) * scale` of `starts`
 * narrows the binary search for its edge to the edges of that bucket and its neighbours
 * (`scale` 0 and no table when the edges leave no range, or when no table is wanted).
 */
export function numericLookup(uppers: Float64Array, table = true): { first: number; lastFinite: number; scale: number; starts: Int32Array | null } {
  const n = uppers.length;
  const first = uppers[0]!;
  const lastFinite = n >= 2 ? uppers[n - 2]! : first;
  const scale = table && lastFinite > first ? BUCKETS / (lastFinite - first) : 0;
  return { first, lastFinite, scale, starts: scale ? bucketStarts(uppers, first, scale) : null };
}

/**
 * Bins a numeric column. A table over the range of the edges narrows each value to the one or
 * two edges near it, so most values take a lookup instead of a full binary search.
 */
function binNumeric(uppers: Float64Array, values: Float64Array, out: Uint16Array, rows: number): void {
  const n = uppers.length;
  // A few rows (scoring one application) are searched directly: building the table costs more.
  const { first, lastFinite, scale, starts } = numericLookup(uppers, rows >= BUCKETS);
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) out[i] = 0;
    else if (v <= first) out[i] = 1;
    else if (v > lastFinite) out[i] = n;
    else if (!starts) out[i] = lowerBound(uppers, v, 0, n - 1) + 1;
    else {
      // Rounding can put v one bucket off: search from the bucket before to the one after.
      const k = Math.min(BUCKETS - 1, ((v - first) * scale) | 0);
      out[i] = lowerBound(uppers, v, starts[k > 0 ? k - 1 : 0]!, starts[k + 2]!) + 1;
    }
  }
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

/**
 * A categorical column's bin per level of this frame: the training level's code + 1, and 0
 * (missing) for a level training never saw. A missing value (code -1) is bin 0 too.
 */
export function categoryBins(spec: Extract<FeatureBins, { kind: 'categorical' }>, col: Extract<Column, { kind: 'categorical' }>): Int32Array {
  return Int32Array.from(col.levels, (l) => spec.levels.indexOf(l) + 1);
}

export function applyBins(spec: FeatureBins, col: Column, rows: number): Uint16Array {
  const out = new Uint16Array(rows);
  if (spec.kind === 'categorical') {
    if (col.kind !== 'categorical') throw new Error(`feature ${spec.name} was categorical in training`);
    const bins = categoryBins(spec, col);
    for (let i = 0; i < rows; i++) {
      const c = col.codes[i]!;
      out[i] = c < 0 ? 0 : bins[c]!;
    }
  } else {
    if (col.kind !== 'numeric') throw new Error(`feature ${spec.name} was numeric in training`);
    binNumeric(spec.uppers, col.values, out, rows);
  }
  return out;
}

/**
 * The shape of the training histograms: each feature's bins and place in a histogram. The
 * training memory lays the bins out row by row from it (two bytes a bin when `wide`).
 */
export interface TrainingMatrix {
  width: number;
  /** some feature has more than 256 bins */
  wide: boolean;
  /** Where feature f's bins start in a histogram of (gradient, hessian) pairs, in bins. */
  offsets: Int32Array;
  binCounts: Int32Array;
  totalBins: number;
  categorical: Uint8Array;
}

/** How many bins a feature has, the missing bin included. */
export function binCount(f: FeatureBins): number {
  return (f.kind === 'numeric' ? f.uppers.length : f.levels.length) + 1;
}

export function trainingMatrix(data: BinnedData): TrainingMatrix {
  const width = data.features.length;
  const binCounts = Int32Array.from(data.features, binCount);
  const offsets = new Int32Array(width);
  let total = 0;
  binCounts.forEach((c, f) => {
    offsets[f] = total;
    total += c;
  });
  return {
    width,
    wide: binCounts.some((c) => c > 256),
    offsets,
    binCounts,
    totalBins: total,
    categorical: Uint8Array.from(data.features, (f) => (f.kind === 'categorical' ? 1 : 0)),
  };
}
