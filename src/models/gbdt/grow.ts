import type { TrainingMatrix } from './binning.ts';
import type { HistogramPool } from './histogram-pool.ts';
import type { Tree } from './tree.ts';

/** How far below the best gain the closed-form screen still lets a split through to the exact test (rounding differs). */
const SCREEN_SLACK = 1e-9;

export interface GrowParams {
  maxDepth: number;
  lambda: number;
  minChildWeight: number;
  /** minimum loss reduction to split */
  gamma: number;
  learningRate: number;
  /** per feature: 1 increasing, -1 decreasing, 0 free */
  monotone: Int8Array;
  /** added to each category's hessian when categories are ordered for a split (LightGBM's cat_smooth) */
  catSmooth: number;
}

/** The rows a leaf holds, as a range of the partitioned row array, and its output. */
export interface LeafRange {
  start: number;
  end: number;
  value: number;
}

interface Split {
  gain: number;
  feature: number;
  threshold: number;
  /** categorical: bins that go left, as a mask over the feature's bins */
  categories: Uint8Array | null;
  defaultLeft: boolean;
  gl: number;
  hl: number;
  wl: number;
  wr: number;
}

export interface GrowInputs {
  matrix: TrainingMatrix;
  /** gradient and hessian of row r at 2r and 2r + 1 */
  gh: Float64Array;
  /** rows[0..count) are the rows this tree learns from; partitioned in place as it grows */
  rows: Int32Array;
  count: number;
  /** 1 for the features this tree may split on (column sampling) */
  allowed: Uint8Array;
  pool: HistogramPool;
}

/**
 * Grows one tree depth-first on gradient histograms. A node's rows are a contiguous range of
 * `rows`, partitioned in place when it splits; only the smaller child's histogram is built,
 * the larger one's is the parent's minus it, and children at the last level need none.
 * Missing values (bin 0) are tried on both sides of every split; categorical features split by
 * ordering categories by their gradient ratio, smoothed so that a rare category's ratio is not
 * taken at face value (a few rows make an extreme ratio, and a split that isolates them
 * overfits); monotone features only take splits whose children respect the direction, and
 * pass bounds down so that the whole tree does.
 */
export function growTree(inp: GrowInputs, p: GrowParams): { tree: Tree; leaves: LeafRange[] } {
  const { matrix, gh, rows, pool } = inp;
  const { width, offsets, binCounts } = matrix;
  const feature: number[] = [];
  const threshold: number[] = [];
  const categories: (Set<number> | null)[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const leaves: LeafRange[] = [];
  const λ = p.lambda;
  const weight = (G: number, H: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, -G / (H + λ)));
  const score = (G: number, H: number, w: number) => -(2 * G * w + (H + λ) * w * w);
  const free: Float64Array[] = [];
  const take = () => {
    const b = free.pop();
    return b ? b.fill(0) : new Float64Array(pool.histogramLength);
  };

  const bestSplit = (hist: Float64Array, G: number, H: number, lo: number, hi: number, parentScore: number): Split | null => {
    let best: Split | null = null;
    const unbounded = lo === -Infinity && hi === Infinity;
    const parentGain = (G * G) / (H + λ);
    /** The closed-form screen of an unbounded split: whether it may beat the best so far. */
    const mayWin = (gl: number, hl: number): boolean => {
      if (hl < p.minChildWeight || H - hl < p.minChildWeight) return false;
      const bar = best === null ? p.gamma : (best as Split).gain;
      return (gl * gl) / (hl + λ) + ((G - gl) * (G - gl)) / (H - hl + λ) > bar - SCREEN_SLACK * (1 + Math.abs(bar)) + parentGain;
    };
    const consider = (f: number, gl: number, hl: number, dl: boolean, thr: number, cats: Uint8Array | null, mono: number) => {
      const gr = G - gl;
      const hr = H - hl;
      if (hl < p.minChildWeight || hr < p.minChildWeight) return false;
      const wl = weight(gl, hl, lo, hi);
      const wr = weight(gr, hr, lo, hi);
      if ((mono > 0 && wl > wr) || (mono < 0 && wl < wr)) return false;
      const gain = score(gl, hl, wl) + score(gr, hr, wr) - parentScore;
      if (gain > p.gamma && (!best || gain > best.gain + 1e-12)) {
        best = { gain, feature: f, threshold: thr, categories: cats, defaultLeft: dl, gl, hl, wl, wr };
        return true;
      }
      return false;
    };
    for (let f = 0; f < width; f++) {
      if (!inp.allowed[f]) continue;
      const nb = binCounts[f]!;
      const o = offsets[f]! * 2;
      const Gm = hist[o]!;
      const Hm = hist[o + 1]!;
      const mono = p.monotone[f]!;
      if (!matrix.categorical[f]) {
        // Without bounds the gain has a closed form, G²/(H + λ) per side: a cheap screen, so
        // that `consider` (which decides, with the same arithmetic as every other split) runs
        // only for a split that may beat the best so far.
        const screened = unbounded && mono === 0;
        let GL = 0;
        let HL = 0;
        for (let k = 1; k < nb - 1; k++) {
          GL += hist[o + 2 * k]!;
          HL += hist[o + 2 * k + 1]!;
          if (!screened || mayWin(GL, HL)) consider(f, GL, HL, false, k, null, mono);
          if (Hm > 0 && (!screened || mayWin(GL + Gm, HL + Hm))) consider(f, GL + Gm, HL + Hm, true, k, null, mono);
        }
      } else {
        const present: number[] = [];
        for (let k = 1; k < nb; k++) if (hist[o + 2 * k + 1]! > 0) present.push(k);
        present.sort((a, b) => hist[o + 2 * a]! / (hist[o + 2 * a + 1]! + p.catSmooth) - hist[o + 2 * b]! / (hist[o + 2 * b + 1]! + p.catSmooth));
        let GL = 0;
        let HL = 0;
        for (let j = 0; j < present.length - 1; j++) {
          const k = present[j]!;
          GL += hist[o + 2 * k]!;
          HL += hist[o + 2 * k + 1]!;
          // The mask is built only for a split that wins: a categorical scan tries many prefixes.
          const right = consider(f, GL, HL, false, 0, null, mono);
          const leftToo = Hm > 0 && consider(f, GL + Gm, HL + Hm, true, 0, null, mono);
          if (right || leftToo) {
            const mask = new Uint8Array(nb);
            for (let q = 0; q <= j; q++) mask[present[q]!] = 1;
            best!.categories = mask;
          }
        }
      }
    }
    return best;
  };

  const partition = (start: number, end: number, s: Split): number => {
    if (s.categories) {
      const goLeft = s.categories.slice();
      goLeft[0] = s.defaultLeft ? 1 : 0;
      return pool.partition(start, end, s.feature, { goLeft });
    }
    // As in scoring: ((bin + shift) & 0xffff) >= threshold goes right, which sends missing
    // values (bin 0) left with shift 0 and threshold last + 1, right with shift 0xffff.
    return pool.partition(start, end, s.feature, s.defaultLeft ? { threshold: s.threshold + 1, shift: 0 } : { threshold: s.threshold, shift: 0xffff });
  };

  const build = (start: number, end: number, G: number, H: number, hist: Float64Array | null, depth: number, lo: number, hi: number): number => {
    const id = feature.length;
    feature.push(-1), threshold.push(0), categories.push(null), defaultLeft.push(0), left.push(-1), right.push(-1), cover.push(H);
    const wNode = weight(G, H, lo, hi);
    value.push(wNode * p.learningRate);
    const s = hist && end - start >= 2 && H >= 2 * p.minChildWeight ? bestSplit(hist, G, H, lo, hi, score(G, H, wNode)) : null;
    if (!s) {
      if (hist) free.push(hist);
      leaves.push({ start, end, value: value[id]! });
      return id;
    }
    const mid = partition(start, end, s);
    feature[id] = s.feature;
    threshold[id] = s.threshold;
    categories[id] = s.categories ? new Set(Array.from(s.categories.keys()).filter((k) => s.categories![k] === 1)) : null;
    defaultLeft[id] = s.defaultLeft ? 1 : 0;
    const mono = p.monotone[s.feature]!;
    const bound = (s.wl + s.wr) / 2;
    const [lLo, lHi, rLo, rHi] = mono > 0 ? [lo, bound, bound, hi] : mono < 0 ? [bound, hi, lo, bound] : [lo, hi, lo, hi];
    let lh: Float64Array | null = null;
    let rh: Float64Array | null = null;
    if (depth + 1 < p.maxDepth) {
      // Build the smaller child's histogram; the larger child's is what is left of the parent's.
      const leftSmaller = mid - start <= end - mid;
      const small = take();
      pool.histogram(leftSmaller ? start : mid, leftSmaller ? mid : end, small);
      for (let k = 0; k < small.length; k++) hist![k]! -= small[k]!;
      [lh, rh] = leftSmaller ? [small, hist] : [hist, small];
    } else free.push(hist!);
    left[id] = build(start, mid, s.gl, s.hl, lh, depth + 1, lLo, lHi);
    right[id] = build(mid, end, G - s.gl, H - s.hl, rh, depth + 1, rLo, rHi);
    return id;
  };

  let G = 0;
  let H = 0;
  for (let i = 0; i < inp.count; i++) (G += gh[2 * rows[i]!]!), (H += gh[2 * rows[i]! + 1]!);
  let rootHist: Float64Array | null = null;
  if (p.maxDepth > 0) {
    rootHist = take();
    pool.histogram(0, inp.count, rootHist);
  }
  build(0, inp.count, G, H, rootHist, 0, -Infinity, Infinity);
  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Int32Array.from(threshold),
      categories,
      defaultLeft: Uint8Array.from(defaultLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
      cover: Float64Array.from(cover),
    },
    leaves,
  };
}
