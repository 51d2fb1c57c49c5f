import { calibration, type CalibrationBand } from './metrics.ts';

/**
 * What a risk team looks at to judge a PD model on a holdout: the ROC curve, the KS curve
 * (cumulative shares of bads and goods by PD, riskiest first), PD histograms of goods and bads,
 * and calibration by band. Curves are thinned to `points`, so they travel inside the model file.
 */
export interface PerformanceCurves {
  roc: { fpr: number[]; tpr: number[] };
  ks: { share: number[]; bad: number[]; good: number[] };
  distribution: { edges: number[]; good: number[]; bad: number[] };
  calibration: CalibrationBand[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function performanceCurves(y: ArrayLike<number>, p: ArrayLike<number>, points = 50): PerformanceCurves {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b]! - p[a]!);
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i]! ? 1 : 0;
  const goods = n - bads;
  const roc = { fpr: [0], tpr: [0] };
  const ks = { share: [0], bad: [0], good: [0] };
  let tp = 0;
  let fp = 0;
  const step = Math.max(1, Math.floor(n / points));
  for (let k = 0; k < n; k++) {
    if (y[order[k]!]) tp++;
    else fp++;
    if ((k + 1) % step === 0 || k === n - 1) {
      roc.fpr.push(round(goods ? fp / goods : 0));
      roc.tpr.push(round(bads ? tp / bads : 0));
      ks.share.push(round((k + 1) / n));
      ks.bad.push(round(bads ? tp / bads : 0));
      ks.good.push(round(goods ? fp / goods : 0));
    }
  }
  const bins = 20;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, p[i]!);
  const top = Math.min(1, Math.max(0.05, Math.ceil(max * 20) / 20));
  const edges = Array.from({ length: bins + 1 }, (_, b) => round((b * top) / bins));
  const good = new Array<number>(bins).fill(0);
  const bad = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor((p[i]! / top) * bins));
    if (y[i]) bad[b]!++;
    else good[b]!++;
  }
  return { roc, ks, distribution: { edges, good, bad }, calibration: calibration(y, p, 10) };
}
