import type { Frame } from '../frame.ts';
import { auc, logLoss } from '../metrics.ts';
import { seededRandom, shuffle } from '../random.ts';
import { applyBins, learnBins, trainingMatrix, type BinnedData, type FeatureBins } from './binning.ts';
import { growTree } from './grow.ts';
import { HistogramPool } from './histogram-pool.ts';
import { predictBinned, treeFromJson, treeToJson, type Tree } from './tree.ts';
import { expectedValue, treeShap } from './tree-shap.ts';
import { Forest } from './forest.ts';

export interface BoostParams {
  rounds: number;
  learningRate: number;
  maxDepth: number;
  lambda: number;
  minChildWeight: number;
  gamma: number;
  subsample: number;
  colsample: number;
  /** feature name → 1 (risk rises with it), -1 (falls), absent = free */
  monotone: Record<string, 1 | -1>;
  earlyStoppingRounds: number;
  maxBins: number;
  /** smoothing of categories' gradient ratios when ordering them for a split (LightGBM's cat_smooth, 10 by default there too) */
  catSmooth: number;
  seed: number;
}

export const DEFAULT_PARAMS: BoostParams = {
  rounds: 300,
  learningRate: 0.05,
  maxDepth: 3,
  lambda: 1,
  minChildWeight: 1,
  gamma: 0,
  subsample: 1,
  colsample: 1,
  monotone: {},
  earlyStoppingRounds: 0,
  maxBins: 256,
  catSmooth: 10,
  seed: 42,
};

export interface TrainingLog {
  round: number;
  /** on at most 65,536 evenly spaced training rows (all of them in smaller sets) */
  trainLogLoss: number;
  validLogLoss?: number;
  validAuc?: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A trained gradient-boosted tree model for the probability of default. */
export class Booster {
  constructor(
    readonly features: FeatureBins[],
    readonly trees: Tree[],
    readonly baseMargin: number,
    readonly params: BoostParams,
    readonly log: TrainingLog[],
  ) {}

  /** Bins a frame's feature columns as in training. */
  bin(frame: Frame): BinnedData {
    return { features: this.features, bins: this.features.map((f) => applyBins(f, frame.column(f.name), frame.rows)), rows: frame.rows };
  }

  private forest: Forest | null = null;

  margins(frame: Frame): Float64Array {
    const out = new Float64Array(frame.rows).fill(this.baseMargin);
    this.forest ??= new Forest(this.trees, this.features);
    this.forest.add(
      this.features.map((f) => frame.column(f.name)),
      frame.rows,
      out,
    );
    return out;
  }

  predict(frame: Frame): Float64Array {
    return this.margins(frame).map(sigmoid);
  }

  toJSON() {
    return {
      format: 'arbiter-gbdt-1',
      features: this.features.map((f) => (f.kind === 'numeric' ? { ...f, uppers: Array.from(f.uppers, (u) => (Number.isFinite(u) ? u : null)) } : f)),
      baseMargin: this.baseMargin,
      params: this.params,
      trees: this.trees.map(treeToJson),
      log: this.log,
    };
  }

  static fromJSON(j: ReturnType<Booster['toJSON']>): Booster {
    const features = j.features.map((f) =>
      f.kind === 'numeric'
        ? { kind: 'numeric' as const, name: f.name, uppers: Float64Array.from((f as { uppers: (number | null)[] }).uppers, (u) => (u === null ? Infinity : u)) }
        : (f as FeatureBins),
    );
    return new Booster(features, j.trees.map(treeFromJson), j.baseMargin, j.params, j.log);
  }
}

export interface TrainingOptions {
  /** Called after each tree. */
  onRound?: (done: number, of: number) => void;
  /** Threads for histograms; by default every core on large data, one on small. The model is the same either way. */
  threads?: number;
  /**
   * Continued training (XGBoost's `xgb_model`): the new trees learn what this model leaves
   * unexplained, on its bins and features, and the result is its trees followed by theirs.
   */
  continueFrom?: Booster;
}

/**
 * Trains on `trainRows` (logistic loss), optionally watching `validRows` for early stopping.
 * Deterministic for a seed: row and column sampling draw from a seeded generator, and
 * histograms are summed in the same order on any number of threads.
 */
export function trainBooster(
  frame: Frame,
  y: Uint8Array,
  featureNames: string[],
  trainRows: Int32Array,
  validRows: Int32Array | null,
  params: Partial<BoostParams> = {},
  options: TrainingOptions = {},
): Booster {
  const p: BoostParams = { ...DEFAULT_PARAMS, ...params };
  const from = options.continueFrom;
  if (from && (from.features.length !== featureNames.length || from.features.some((f, i) => f.name !== featureNames[i])))
    throw new Error(`continued training keeps the model's features (${from.features.map((f) => f.name).join(', ')}), in its order`);
  const data: BinnedData = from
    ? { features: from.features, bins: from.features.map((f) => applyBins(f, frame.column(f.name), frame.rows)), rows: frame.rows }
    : learnBins(frame, featureNames, trainRows, p.maxBins);
  const monotone = Int8Array.from(featureNames, (f) => p.monotone[f] ?? 0);
  for (const [f, dir] of Object.entries(p.monotone)) {
    if (!featureNames.includes(f)) throw new Error(`monotone constraint on "${f}", which is not a feature`);
    if (data.features[featureNames.indexOf(f)]!.kind !== 'numeric') throw new Error(`monotone constraint on categorical feature "${f}"`);
    if (dir !== 1 && dir !== -1) throw new Error(`monotone constraint on "${f}" must be 1 or -1`);
  }
  const rnd = seededRandom(p.seed);
  let positives = 0;
  for (const r of trainRows) positives += y[r]!;
  const mean = Math.min(1 - 1e-6, Math.max(1e-6, positives / trainRows.length));
  const baseMargin = from ? from.baseMargin : Math.log(mean / (1 - mean));
  const matrix = trainingMatrix(data);
  const pool = new HistogramPool(
    matrix,
    data.bins,
    frame.rows,
    trainRows.length,
    options.threads ?? HistogramPool.defaultThreads(trainRows.length * featureNames.length),
  );
  const { gh, rows, margin } = pool;
  if (from) margin.set(from.margins(frame));
  else margin.fill(baseMargin);
  pool.labels.set(y.subarray(0, frame.rows));
  pool.trainRows.set(trainRows);
  const trees: Tree[] = [];
  const log: TrainingLog[] = [];
  let bestRound = -1;
  let bestLoss = Infinity;
  const allFeatures = Int32Array.from(featureNames, (_, i) => i);
  const allowed = new Uint8Array(featureNames.length);
  const sampleCount = p.subsample < 1 ? Math.max(1, Math.round(trainRows.length * p.subsample)) : trainRows.length;
  const shuffled = Int32Array.from(trainRows);
  try {
    const lossStep = Math.ceil(trainRows.length / LOSS_ROWS);
    for (let round = 0; round < p.rounds; round++) {
      // The gradients' pass also measures the loss the last round left.
      const loss = pool.gradients(lossStep);
      if (log.length) log[log.length - 1]!.trainLogLoss = loss;
      if (p.subsample < 1) rows.set(shuffle(shuffled, rnd).subarray(0, sampleCount).sort());
      else rows.set(trainRows);
      allowed.fill(p.colsample < 1 ? 0 : 1);
      if (p.colsample < 1)
        for (const f of shuffle(Int32Array.from(allFeatures), rnd).subarray(0, Math.max(1, Math.round(allFeatures.length * p.colsample)))) allowed[f] = 1;
      const { tree, leaves } = growTree(
        { matrix, gh, rows, count: sampleCount, allowed, pool },
        {
          maxDepth: p.maxDepth,
          lambda: p.lambda,
          minChildWeight: p.minChildWeight,
          gamma: p.gamma,
          learningRate: p.learningRate,
          monotone,
          catSmooth: p.catSmooth,
        },
      );
      trees.push(tree);
      // Rows the tree learnt from sit in its leaves' ranges; any others are run down the tree.
      for (const leaf of leaves) for (let i = leaf.start; i < leaf.end; i++) margin[rows[i]!]! += leaf.value;
      if (p.subsample < 1) {
        const inTree = new Uint8Array(frame.rows);
        for (let i = 0; i < sampleCount; i++) inTree[rows[i]!] = 1;
        for (const r of trainRows) if (!inTree[r]) margin[r]! += predictBinned(tree, data.bins, r);
      }
      if (validRows) for (const r of validRows) margin[r]! += predictBinned(tree, data.bins, r);
      const entry: TrainingLog = { round: round + 1, trainLogLoss: Number.NaN };
      if (validRows) {
        const pv = pick(margin, validRows).map(sigmoid);
        const yv = pick(y, validRows);
        entry.validLogLoss = logLoss(yv, pv);
        entry.validAuc = auc(yv, pv);
        if (entry.validLogLoss < bestLoss - 1e-9) {
          bestLoss = entry.validLogLoss;
          bestRound = round;
        } else if (p.earlyStoppingRounds > 0 && round - bestRound >= p.earlyStoppingRounds) {
          log.push(entry);
          break;
        }
      }
      log.push(entry);
      options.onRound?.(round + 1, p.rounds);
    }
    if (log.length) log[log.length - 1]!.trainLogLoss = meanLogLoss(trainRows, margin, y);
  } finally {
    pool.close();
  }
  const kept = validRows && p.earlyStoppingRounds > 0 && bestRound >= 0 ? trees.slice(0, bestRound + 1) : trees;
  return new Booster(data.features, from ? [...from.trees, ...kept] : kept, baseMargin, p, log);
}

/**
 * The training log's loss is taken on at most this many evenly spaced training rows: exact on
 * data sets up to that size, and on a million rows it would cost as much as the gradients.
 */
const LOSS_ROWS = 65_536;

/** Log loss from margins: log(1 + e^-m) for a bad row, log(1 + e^m) for a good one, computed stably. */
function meanLogLoss(rows: Int32Array, margin: Float64Array, y: Uint8Array): number {
  const step = Math.ceil(rows.length / LOSS_ROWS);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < rows.length; i += step, n++) {
    const r = rows[i]!;
    const m = y[r] === 1 ? -margin[r]! : margin[r]!;
    sum += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }
  return sum / n;
}

function pick<T extends Float64Array | Uint8Array>(xs: T, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (r) => xs[r]!);
}

export interface Explanation {
  /** The expected margin (base plus every tree's average). */
  expected: number;
  /** Per feature, in model feature order; with `expected` they sum to the row's margin. */
  contributions: Float64Array;
  margin: number;
}

/** Exact TreeSHAP contributions for every row of a frame. */
export function explain(model: Booster, frame: Frame): Explanation[] {
  const data = model.bin(frame);
  const expected = model.baseMargin + model.trees.reduce((s, t) => s + expectedValue(t), 0);
  const out: Explanation[] = [];
  for (let i = 0; i < frame.rows; i++) {
    const phi = new Float64Array(model.features.length);
    for (const t of model.trees) treeShap(t, (f) => data.bins[f]![i]!, phi);
    let margin = model.baseMargin;
    for (const t of model.trees) margin += predictBinned(t, data.bins, i);
    out.push({ expected, contributions: phi, margin });
  }
  return out;
}

/** Reason codes: the features that raised this applicant's risk most, largest first. */
export function reasonCodes(model: Booster, e: Explanation, count = 4): { feature: string; contribution: number }[] {
  return Array.from(e.contributions, (c, f) => ({ feature: model.features[f]!.name, contribution: c }))
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count);
}
