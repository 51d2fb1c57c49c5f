import type { Frame } from '../frame.ts';
import { binFeature, binIndex, type BinningOptions, type FeatureBinning } from './binning.ts';
import { fitLogistic } from './logistic.ts';

export interface ScorecardOptions {
  binning: Partial<BinningOptions>;
  /** per-feature binning overrides (trend, special values) */
  features: Record<string, Partial<BinningOptions>>;
  /** features below this information value are left out */
  minIv: number;
  /** of two features whose WoE correlate more than this, the one with less IV is left out */
  maxCorrelation: number;
  /** points to double the odds (good:bad) */
  pdo: number;
  /** score at `baseOdds` */
  baseScore: number;
  baseOdds: number;
}

export const DEFAULT_SCORECARD: ScorecardOptions = { binning: {}, features: {}, minIv: 0.02, maxCorrelation: 0.7, pdo: 20, baseScore: 600, baseOdds: 50 };

export interface ScorecardAttribute {
  label: string;
  woe: number;
  points: number;
}

export interface ScorecardFeature {
  feature: string;
  iv: number;
  coefficient: number;
  binning: FeatureBinning;
  attributes: ScorecardAttribute[];
}

export interface Selection {
  feature: string;
  iv: number;
  selected: boolean;
  why: string;
}

function pearson(a: Float64Array, b: Float64Array, rows: Int32Array): number {
  let ma = 0;
  let mb = 0;
  for (const r of rows) (ma += a[r]!), (mb += b[r]!);
  ma /= rows.length;
  mb /= rows.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const r of rows) {
    const da = a[r]! - ma;
    const db = b[r]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * A points scorecard: WoE binning, selection by IV and correlation, logistic regression on the
 * WoE values, and points scaled so that `pdo` points double the odds and `baseScore` sits at
 * `baseOdds`. A higher score means a lower risk.
 */
export class Scorecard {
  constructor(
    readonly features: ScorecardFeature[],
    readonly intercept: number,
    readonly options: ScorecardOptions,
    readonly selection: Selection[],
  ) {}

  private factor(): number {
    return this.options.pdo / Math.LN2;
  }

  /** Points for each feature, for each row. */
  points(frame: Frame): Float64Array[] {
    return this.features.map((f) => {
      const col = frame.column(f.feature);
      return Float64Array.from({ length: frame.rows }, (_, i) => {
        const b = binIndex(f.binning, col, i);
        return b < 0 ? this.neutralPoints() : f.attributes[b]!.points;
      });
    });
  }

  /** What a feature scores when its value fits no bin (WoE 0). */
  private neutralPoints(): number {
    const n = this.features.length;
    const offset = this.options.baseScore - this.factor() * Math.log(this.options.baseOdds);
    return -this.factor() * (this.intercept / n) + offset / n;
  }

  score(frame: Frame): Float64Array {
    const pts = this.points(frame);
    return Float64Array.from({ length: frame.rows }, (_, i) => pts.reduce((s, p) => s + p[i]!, 0));
  }

  /** The probability of default a score stands for. */
  pdOfScore(score: number): number {
    const offset = this.options.baseScore - this.factor() * Math.log(this.options.baseOdds);
    const lnOddsGood = (score - offset) / this.factor();
    return 1 / (1 + Math.exp(lnOddsGood));
  }

  predict(frame: Frame): Float64Array {
    return this.score(frame).map((s) => this.pdOfScore(s));
  }

  /** Reason codes: the features where this applicant lost the most points against the best attribute. */
  reasons(frame: Frame, row: number, count = 4, pts: Float64Array[] = this.points(frame)): { feature: string; attribute: string; pointsLost: number }[] {
    return this.features
      .map((f, k) => {
        const best = Math.max(...f.attributes.map((a) => a.points));
        const b = binIndex(f.binning, frame.column(f.feature), row);
        return { feature: f.feature, attribute: b < 0 ? 'not binned' : f.attributes[b]!.label, pointsLost: best - pts[k]![row]! };
      })
      .filter((r) => r.pointsLost > 1e-9)
      .sort((a, b) => b.pointsLost - a.pointsLost)
      .slice(0, count);
  }
}

export function trainScorecard(
  frame: Frame,
  y: Uint8Array,
  candidates: string[],
  trainRows: Int32Array,
  options: Partial<ScorecardOptions> = {},
  onFeature?: (done: number, of: number) => void,
): Scorecard {
  const o: ScorecardOptions = { ...DEFAULT_SCORECARD, ...options };
  const binned = candidates.map((name, i) => {
    const b = binFeature(frame.column(name), y, trainRows, { ...o.binning, ...o.features[name] });
    onFeature?.(i + 1, candidates.length);
    return b;
  });
  const woe = binned.map((b) => {
    const col = frame.column(b.feature);
    return Float64Array.from({ length: frame.rows }, (_, i) => {
      const k = binIndex(b, col, i);
      return k < 0 ? 0 : b.bins[k]!.woe;
    });
  });
  const order = binned.map((b, i) => ({ b, i })).sort((a, c) => c.b.iv - a.b.iv);
  const chosen: number[] = [];
  const selection: Selection[] = [];
  for (const { b, i } of order) {
    if (b.iv < o.minIv) {
      selection.push({ feature: b.feature, iv: b.iv, selected: false, why: `IV ${b.iv.toFixed(3)} below ${o.minIv}` });
      continue;
    }
    const clash = chosen.find((j) => Math.abs(pearson(woe[i]!, woe[j]!, trainRows)) > o.maxCorrelation);
    if (clash !== undefined) {
      selection.push({ feature: b.feature, iv: b.iv, selected: false, why: `correlates with ${binned[clash]!.feature} beyond ${o.maxCorrelation}` });
      continue;
    }
    chosen.push(i);
    selection.push({ feature: b.feature, iv: b.iv, selected: true, why: `IV ${b.iv.toFixed(3)}` });
  }
  if (chosen.length === 0) throw new Error(`no feature has an information value of ${o.minIv} or more`);
  // Regress the log-odds of bad on WoE (itself the log-odds of good): slopes come out negative.
  const fit = fitLogistic(
    chosen.map((i) => woe[i]!),
    y,
    trainRows,
  );
  const factor = o.pdo / Math.LN2;
  const offset = o.baseScore - factor * Math.log(o.baseOdds);
  const n = chosen.length;
  const features: ScorecardFeature[] = chosen.map((i, k) => {
    const beta = fit.coefficients[k]!;
    return {
      feature: binned[i]!.feature,
      iv: binned[i]!.iv,
      coefficient: beta,
      binning: binned[i]!,
      attributes: binned[i]!.bins.map((bin) => ({ label: bin.label, woe: bin.woe, points: -factor * (beta * bin.woe + fit.intercept / n) + offset / n })),
    };
  });
  return new Scorecard(features, fit.intercept, o, selection);
}
