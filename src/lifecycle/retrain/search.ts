import { auc, binFeature, csi, trainBooster, type Booster, type BoostParams, type Frame } from '../../models/index.ts';
import { recalibrated } from './recalibrate.ts';

/**
 * The search a retraining run makes for a better tree model than its champion's specification:
 * which of the champion's features to keep (information value, stability from the training
 * period into the validation months), then which depth, learning rate and leaf size, by
 * successive halving (every configuration with few trees, the better half with twice as many,
 * and so on) on an out-of-time fold: the last quarter of the training period's months. Besides
 * new models it tries continuing the champion: its trees recalibrated to the recent rows, then a
 * few new trees that learn what they leave unexplained (a change in how a feature relates to risk
 * that a refitted intercept cannot follow, learnt from far fewer rows than a new model needs).
 * Monotone constraints the owner declared are kept, and so are the features they name. It stops
 * when its time budget is spent, with the best configuration found so far.
 */

export interface FeatureChoice {
  feature: string;
  iv: number;
  /** PSI of the feature from the search's training rows to its validation months. */
  stability: number;
  selected: boolean;
  why: string;
}

export interface SearchTrial {
  stage: number;
  /** `continued`: new trees after the champion's (recalibrated) trees rather than a new model. */
  params: { maxDepth: number; learningRate: number; minChildWeight: number; rounds: number; continued: boolean };
  validationAuc: number;
}

export interface SearchReport {
  features: FeatureChoice[];
  trials: SearchTrial[];
  chosen: { params: SearchTrial['params']; features: string[]; validationAuc: number };
  validation: { trainRows: number; validRows: number; from: string };
  budgetMs: number;
  elapsedMs: number;
  stoppedByBudget: boolean;
}

export const MIN_IV = 0.02;
export const MAX_FEATURE_PSI = 0.25;
const GRID = {
  maxDepth: [2, 3, 4, 5],
  learningRate: [0.05, 0.1],
  minChildWeight: [1, 10],
};
/** New models start with 40 trees and go up to 320; continuing the champion takes few: 5 up to 80. */
const ROUNDS = { fresh: { first: 40, max: 320 }, continued: { first: 5, max: 80 } };
const CONTINUED_GRID = { maxDepth: [1, 2, 3], learningRate: [0.05, 0.1], minChildWeight: [1, 10] };

export function searchTrees(
  frame: Frame,
  y: Uint8Array,
  time: Float64Array,
  trainRows: Int32Array,
  champion: { features: string[]; monotone: Record<string, 1 | -1>; params: BoostParams; model?: Booster },
  options: { budgetMs: number; seed: number; now?: () => number },
): SearchReport | null {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // The out-of-time fold: the last quarter of the training period's months.
  const times = [...new Set(Array.from(trainRows, (r) => time[r]!))].sort((a, b) => a - b);
  const from = times[Math.max(1, Math.floor(times.length * 0.75))] ?? times[times.length - 1]!;
  const inner = trainRows.filter((r) => time[r]! < from);
  const valid = trainRows.filter((r) => time[r]! >= from);
  const yValid = Float64Array.from(valid, (r) => y[r]!);
  const validBads = yValid.reduce((s, v) => s + v, 0);
  // Too little history for a fold of its own: the run keeps the champion's specification.
  if (inner.length < 100 || valid.length < 50 || validBads === 0 || validBads === valid.length) return null;

  const innerFrame = frame.selectRows(inner);
  const validFrame = frame.selectRows(valid);
  const shifts = new Map(csi(innerFrame, validFrame, champion.features).map((c) => [c.feature, c.csi]));
  const features: FeatureChoice[] = champion.features.map((feature) => {
    const iv = binFeature(frame.column(feature), y, inner).iv;
    const stability = shifts.get(feature)!;
    const declared = feature in champion.monotone;
    const selected = declared || (iv >= MIN_IV && stability <= MAX_FEATURE_PSI);
    const why = declared
      ? 'monotone constraint declared by the owner'
      : iv < MIN_IV
        ? `IV ${iv.toFixed(3)} below ${MIN_IV}`
        : stability > MAX_FEATURE_PSI
          ? `unstable: PSI ${stability.toFixed(3)} into the validation months`
          : `IV ${iv.toFixed(3)}, PSI ${stability.toFixed(3)}`;
    return { feature, iv, stability, selected, why };
  });
  let chosenFeatures = features.filter((f) => f.selected).map((f) => f.feature);
  if (chosenFeatures.length === 0) chosenFeatures = [...champion.features];

  // The champion's trees with their intercept refitted on the fold's training rows: where continued configurations start.
  const start = champion.model
    ? recalibrated(
        champion.model,
        innerFrame,
        Float64Array.from(inner, (r) => y[r]!),
      )
    : null;
  const score = (p: SearchTrial['params']): number => {
    const { continued, ...params } = p;
    const model = trainBooster(
      frame,
      y,
      continued ? start!.features.map((f) => f.name) : chosenFeatures,
      inner,
      null,
      { ...champion.params, ...params, monotone: champion.monotone, earlyStoppingRounds: 0, seed: options.seed },
      continued ? { continueFrom: start! } : {},
    );
    return auc(yValid, model.predict(validFrame));
  };
  let pool: SearchTrial['params'][] = [];
  for (const maxDepth of GRID.maxDepth)
    for (const learningRate of GRID.learningRate)
      for (const minChildWeight of GRID.minChildWeight) pool.push({ maxDepth, learningRate, minChildWeight, rounds: ROUNDS.fresh.first, continued: false });
  if (start)
    for (const maxDepth of CONTINUED_GRID.maxDepth)
      for (const learningRate of CONTINUED_GRID.learningRate)
        for (const minChildWeight of CONTINUED_GRID.minChildWeight)
          pool.push({ maxDepth, learningRate, minChildWeight, rounds: ROUNDS.continued.first, continued: true });
  const trials: SearchTrial[] = [];
  let stoppedByBudget = false;
  let best: SearchTrial | null = null;
  for (let stage = 1; pool.length > 0; stage++) {
    const results: SearchTrial[] = [];
    for (const params of pool) {
      if (now() - started > options.budgetMs && best) {
        stoppedByBudget = true;
        break;
      }
      const trial = { stage, params, validationAuc: score(params) };
      trials.push(trial);
      results.push(trial);
      if (!best || trial.validationAuc > best.validationAuc) best = trial;
    }
    if (stoppedByBudget || results.length <= 1) break;
    results.sort((a, b) => b.validationAuc - a.validationAuc);
    // The better half goes on with twice the trees, as far as its kind allows.
    pool = results
      .slice(0, Math.ceil(results.length / 2))
      .filter((t) => t.params.rounds * 2 <= ROUNDS[t.params.continued ? 'continued' : 'fresh'].max)
      .map((t) => ({ ...t.params, rounds: t.params.rounds * 2 }));
  }
  return {
    features,
    trials,
    chosen: { params: best!.params, features: best!.params.continued ? [...champion.features] : chosenFeatures, validationAuc: best!.validationAuc },
    validation: { trainRows: inner.length, validRows: valid.length, from: new Date(from).toISOString() },
    budgetMs: options.budgetMs,
    elapsedMs: Math.round(now() - started),
    stoppedByBudget,
  };
}
