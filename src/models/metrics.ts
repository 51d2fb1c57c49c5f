/**
 * Discrimination and calibration of probability-of-default scores. `y` is 1 for bad; `p` the
 * predicted probability (or any score that rises with risk, for AUC and KS).
 */

/** Area under the ROC curve, with tied scores counted half (Mann-Whitney). */
export function auc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && p[order[j + 1]!] === p[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[order[k]!] === 1) (rankSumPos += avgRank), pos++;
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export const gini = (y: ArrayLike<number>, p: ArrayLike<number>) => 2 * auc(y, p) - 1;

/** Kolmogorov-Smirnov: the largest gap between the score distributions of bads and goods. */
export function ks(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b]! - p[a]!);
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i] === 1 ? 1 : 0;
  const neg = n - pos;
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && p[order[j + 1]!] === p[order[i]!]) j++;
    for (let k = i; k <= j; k++) y[order[k]!] === 1 ? tp++ : fp++;
    best = Math.max(best, Math.abs(tp / pos - fp / neg));
    i = j + 1;
  }
  return best;
}

export function brier(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (p[i]! - y[i]!) ** 2;
  return s / y.length;
}

export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]!));
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}

export interface CalibrationBand {
  band: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Predicted against observed default rate in equal-count score bands. */
export function calibration(y: ArrayLike<number>, p: ArrayLike<number>, bands = 10): CalibrationBand[] {
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out: CalibrationBand[] = [];
  for (let b = 0; b < bands; b++) {
    const from = Math.floor((b * order.length) / bands);
    const to = Math.floor(((b + 1) * order.length) / bands);
    if (to <= from) continue;
    let sp = 0;
    let sy = 0;
    for (let k = from; k < to; k++) (sp += p[order[k]!]!), (sy += y[order[k]!]!);
    out.push({ band: b + 1, count: to - from, meanPredicted: sp / (to - from), observedRate: sy / (to - from) });
  }
  return out;
}

/**
 * Population stability index of `actual` against `expected` over the expected distribution's
 * deciles (missing values in a bin of their own). Above 0.25 is usually read as a shift.
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, bins = 10): number {
  const finite = Array.from(expected)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) edges.push(finite[Math.floor((b * finite.length) / bins)]!);
  const cuts = [...new Set(edges)];
  const share = (xs: ArrayLike<number>) => {
    const counts = new Float64Array(cuts.length + 2);
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i]!;
      if (!Number.isFinite(v)) counts[cuts.length + 1]!++;
      else {
        let k = 0;
        while (k < cuts.length && v > cuts[k]!) k++;
        counts[k]!++;
      }
    }
    return Array.from(counts, (c) => Math.max(c / xs.length, 1e-4));
  };
  const e = share(expected);
  const a = share(actual);
  let s = 0;
  for (let k = 0; k < e.length; k++) s += (a[k]! - e[k]!) * Math.log(a[k]! / e[k]!);
  return s;
}

export interface Evaluation {
  auc: number;
  gini: number;
  ks: number;
  brier: number;
  logLoss: number;
}

export function evaluate(y: ArrayLike<number>, p: ArrayLike<number>): Evaluation {
  const a = auc(y, p);
  return { auc: a, gini: 2 * a - 1, ks: ks(y, p), brier: brier(y, p), logLoss: logLoss(y, p) };
}

/** Population stability of a categorical column: shares per level (and missing) compared. */
function categoricalPsi(expected: Int32Array, expectedLevels: string[], actual: Int32Array, actualLevels: string[]): number {
  const levels = [...new Set([...expectedLevels, ...actualLevels])];
  const shares = (codes: Int32Array, own: string[]) => {
    const counts = new Float64Array(levels.length + 1);
    for (const c of codes) counts[c < 0 ? levels.length : levels.indexOf(own[c]!)]!++;
    return Array.from(counts, (n) => Math.max(n / codes.length, 1e-4));
  };
  const e = shares(expected, expectedLevels);
  const a = shares(actual, actualLevels);
  return e.reduce((s, x, k) => s + (a[k]! - x) * Math.log(a[k]! / x), 0);
}

/**
 * Characteristic stability index: PSI of each feature's own distribution, new data against
 * the training data. A model can be stable in score while a feature drifts under it.
 */
export function csi(baseline: import('./frame.ts').Frame, current: import('./frame.ts').Frame, features: string[]): { feature: string; csi: number }[] {
  return features.map((name) => {
    const b = baseline.column(name);
    const c = current.column(name);
    if (b.kind === 'numeric' && c.kind === 'numeric') return { feature: name, csi: psi(b.values, c.values) };
    if (b.kind === 'categorical' && c.kind === 'categorical') return { feature: name, csi: categoricalPsi(b.codes, b.levels, c.codes, c.levels) };
    throw new Error(`feature ${name} is ${b.kind} in the baseline but ${c.kind} now`);
  });
}
