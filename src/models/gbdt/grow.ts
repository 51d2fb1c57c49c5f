import type { BinnedData } from './binning.ts';
import type { Tree } from './tree.ts';

export interface GrowParams {
  maxDepth: number;
  lambda: number;
  minChildWeight: number;
  /** minimum loss reduction to split */
  gamma: number;
  learningRate: number;
  /** per feature: 1 increasing, -1 decreasing, 0 free */
  monotone: Int8Array;
}

interface Split {
  gain: number;
  feature: number;
  threshold: number;
  categories: Set<number> | null;
  defaultLeft: boolean;
  wl: number;
  wr: number;
}

/**
 * Grows one tree depth-first on gradient histograms. Missing values (bin 0) are tried on both
 * sides of every split; categorical features split by ordering categories by their gradient
 * ratio; monotone features only take splits whose children respect the direction, and pass
 * bounds down so that the whole tree does.
 */
export function growTree(data: BinnedData, features: Int32Array, rows: Int32Array, g: Float64Array, h: Float64Array, p: GrowParams): Tree {
  const feature: number[] = [];
  const threshold: number[] = [];
  const categories: (Set<number> | null)[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const λ = p.lambda;
  const weight = (G: number, H: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, -G / (H + λ)));
  const score = (G: number, H: number, w: number) => -(2 * G * w + (H + λ) * w * w);
  const binCount = data.features.map((f) => (f.kind === 'numeric' ? f.uppers.length + 1 : f.levels.length + 1));

  const build = (nodeRows: Int32Array, depth: number, lo: number, hi: number): number => {
    const id = feature.length;
    let G = 0;
    let H = 0;
    for (let i = 0; i < nodeRows.length; i++) (G += g[nodeRows[i]!]!), (H += h[nodeRows[i]!]!);
    feature.push(-1), threshold.push(0), categories.push(null), defaultLeft.push(0), left.push(-1), right.push(-1), cover.push(H);
    const wNode = weight(G, H, lo, hi);
    value.push(wNode * p.learningRate);
    if (depth >= p.maxDepth || nodeRows.length < 2 || H < 2 * p.minChildWeight) return id;
    const parentScore = score(G, H, wNode);

    let best: Split | null = null;
    for (let fi = 0; fi < features.length; fi++) {
      const f = features[fi]!;
      const nb = binCount[f]!;
      const GH = new Float64Array(nb * 2);
      const col = data.bins[f]!;
      for (let i = 0; i < nodeRows.length; i++) {
        const r = nodeRows[i]!;
        const b = col[r]! * 2;
        GH[b]! += g[r]!;
        GH[b + 1]! += h[r]!;
      }
      const Gm = GH[0]!;
      const Hm = GH[1]!;
      const mono = p.monotone[f]!;
      // `cats` is built only for a split that wins: a categorical scan tries many prefixes.
      const consider = (gl: number, hl: number, defaultLeftSide: boolean, thr: number, cats: (() => Set<number>) | null) => {
        const gr = G - gl;
        const hr = H - hl;
        if (hl < p.minChildWeight || hr < p.minChildWeight) return;
        const wl = weight(gl, hl, lo, hi);
        const wr = weight(gr, hr, lo, hi);
        if ((mono > 0 && wl > wr) || (mono < 0 && wl < wr)) return;
        const gain = score(gl, hl, wl) + score(gr, hr, wr) - parentScore;
        if (gain > p.gamma && (!best || gain > best.gain + 1e-12)) best = { gain, feature: f, threshold: thr, categories: cats ? cats() : null, defaultLeft: defaultLeftSide, wl, wr };
      };
      if (data.features[f]!.kind === 'numeric') {
        let GL = 0;
        let HL = 0;
        for (let k = 1; k < nb - 1; k++) {
          GL += GH[2 * k]!;
          HL += GH[2 * k + 1]!;
          consider(GL, HL, false, k, null);
          if (Hm > 0) consider(GL + Gm, HL + Hm, true, k, null);
        }
      } else {
        const present: number[] = [];
        for (let k = 1; k < nb; k++) if (GH[2 * k + 1]! > 0) present.push(k);
        present.sort((a, b) => GH[2 * a]! / (GH[2 * a + 1]! + λ) - GH[2 * b]! / (GH[2 * b + 1]! + λ));
        let GL = 0;
        let HL = 0;
        for (let j = 0; j < present.length - 1; j++) {
          const k = present[j]!;
          GL += GH[2 * k]!;
          HL += GH[2 * k + 1]!;
          const prefix = () => new Set(present.slice(0, j + 1));
          consider(GL, HL, false, 0, prefix);
          if (Hm > 0) consider(GL + Gm, HL + Hm, true, 0, prefix);
        }
      }
    }
    if (!best) return id;
    const s: Split = best;
    const col = data.bins[s.feature]!;
    const l: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < nodeRows.length; i++) {
      const row = nodeRows[i]!;
      const b = col[row]!;
      const toLeft = b === 0 ? s.defaultLeft : s.categories ? s.categories.has(b) : b <= s.threshold;
      (toLeft ? l : r).push(row);
    }
    feature[id] = s.feature;
    threshold[id] = s.threshold;
    categories[id] = s.categories;
    defaultLeft[id] = s.defaultLeft ? 1 : 0;
    const mono = p.monotone[s.feature]!;
    const mid = (s.wl + s.wr) / 2;
    const [lLo, lHi, rLo, rHi] = mono > 0 ? [lo, mid, mid, hi] : mono < 0 ? [mid, hi, lo, mid] : [lo, hi, lo, hi];
    left[id] = build(Int32Array.from(l), depth + 1, lLo, lHi);
    right[id] = build(Int32Array.from(r), depth + 1, rLo, rHi);
    return id;
  };
  build(rows, 0, -Infinity, Infinity);
  return {
    feature: Int32Array.from(feature),
    threshold: Int32Array.from(threshold),
    categories,
    defaultLeft: Uint8Array.from(defaultLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    cover: Float64Array.from(cover),
  };
}
