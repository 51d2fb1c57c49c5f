import {
  evaluate,
  performanceCurves,
  type PerformanceCurves,
  logLoss,
  predictPd,
  trainBooster,
  trainScorecard,
  psi,
  type BoostParams,
  type Frame,
  type LoadedModel,
  type NewModel,
} from '../../models/index.ts';
import type { Sample } from '../samples/index.ts';
import type { ModelCheck } from './promotion-policy.ts';
import { recalibrated } from './recalibrate.ts';
import { searchTrees, type SearchReport } from './search.ts';

const pick = (xs: ArrayLike<number>, rows: Int32Array) => Float64Array.from(rows, (r) => xs[r]!);

/** Mean predicted PD against the observed bad rate. */
const calibrationGap = (y: ArrayLike<number>, p: ArrayLike<number>) => {
  let sp = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) (sp += p[i]!), (sy += y[i]!);
  return Math.abs(sp - sy) / Math.max(1, y.length);
};

/**
 * For each feature the champion declares monotone, the challenger's average PD over a grid of
 * the feature's quantiles (other features as they are, on up to 300 rows) must move only the
 * declared way.
 */
function monotonicity(model: LoadedModel, frame: Frame, monotone: Record<string, number>): string[] {
  const out: string[] = [];
  const n = Math.min(300, frame.rows);
  const base = frame.selectRows(Int32Array.from({ length: n }, (_, i) => Math.floor((i * frame.rows) / n)));
  for (const [name, dir] of Object.entries(monotone)) {
    const col = base.byName.get(name);
    if (col?.kind !== 'numeric' || !dir) continue;
    const values = Array.from(col.values)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const grid = [...new Set(Array.from({ length: 11 }, (_, k) => values[Math.floor((k * (values.length - 1)) / 10)]!))];
    let last = dir > 0 ? -Infinity : Infinity;
    for (const g of grid) {
      const probe = new (base.constructor as typeof Frame)(
        base.columns.map((c) => (c.name === name && c.kind === 'numeric' ? { ...c, values: new Float64Array(n).fill(g) } : c)),
        n,
      );
      const pd = predictPd(model, probe);
      const mean = pd.reduce((s, x) => s + x, 0) / n;
      if ((dir > 0 && mean < last - 1e-9) || (dir < 0 && mean > last + 1e-9)) {
        out.push(`${name} should ${dir > 0 ? 'raise' : 'lower'} the PD but does not at ${g}`);
        break;
      }
      last = mean;
    }
  }
  return out;
}

export interface RetrainResult {
  /**
   * retrained: the champion's specification on the recent sample; recalibrated: the champion's
   * trees with a refitted intercept; searched: the features and parameters a search chose.
   */
  method: 'retrained' | 'recalibrated' | 'searched';
  /** What the search tried and why it chose (tree models). */
  search: SearchReport | null;
  /** Every candidate on the out-of-time slice, and which was kept. */
  candidates: { method: RetrainResult['method']; auc: number; logLoss: number }[];
  challenger: NewModel & { version?: string };
  check: ModelCheck;
  split: { trainRows: number; ootRows: number; ootFrom: string };
  /** The challenger on its own training rows. */
  trainMetrics: ReturnType<typeof evaluate>;
  /** The challenger's curves on the out-of-time slice, for the console's charts. */
  curves: PerformanceCurves;
}

/**
 * Trains a challenger with the champion's specification (kind, features, parameters,
 * monotone constraints) on the sample before the out-of-time slice (its last `ootMonths`);
 * for trees, also the champion recalibrated on the same rows, keeping the better of the two;
 * and measures champion and challenger on that slice.
 */
export function retrainChallenger(sample: Sample, champion: LoadedModel, ootMonths: number, seed = 42, searchBudgetMs = 20_000): RetrainResult {
  const n = sample.frame.rows;
  if (n < 200) throw new Error(`the sample has ${n} rows; a challenger needs at least 200 matured accounts`);
  const last = sample.time[n - 1]!;
  const cut = new Date(last);
  cut.setUTCMonth(cut.getUTCMonth() - ootMonths);
  const train = Int32Array.from({ length: n }, (_, i) => i).filter((i) => sample.time[i]! < cut.getTime());
  const oot = Int32Array.from({ length: n }, (_, i) => i).filter((i) => sample.time[i]! >= cut.getTime());
  if (train.length < 100 || oot.length < 50)
    throw new Error(
      `an out-of-time split at ${cut.toISOString().slice(0, 10)} leaves ${train.length} training and ${oot.length} out-of-time rows; more matured history is needed`,
    );
  for (const rows of [train, oot]) {
    let bads = 0;
    for (const r of rows) bads += sample.y[r]!;
    if (bads === 0 || bads === rows.length) throw new Error('the training or out-of-time slice has only one outcome; more matured history is needed');
  }
  const features = champion.features.map((f) => f.name);
  const missing = features.filter((f) => !sample.frame.byName.has(f));
  if (missing.length) throw new Error(`the sample lacks the champion's features ${missing.join(', ')}; add them to the sample definition`);
  const target = champion.target ?? { column: 'bad', bad: '1' };
  let retrained: NewModel;
  if (champion.kind === 'gbdt') {
    const params = { ...(champion.model.params as BoostParams), seed };
    const model = trainBooster(sample.frame, sample.y, features, train, null, params);
    retrained = { kind: 'gbdt', model, target, features: champion.features, imported: null, training: null };
  } else if (champion.kind === 'scorecard') {
    const model = trainScorecard(sample.frame, sample.y, features, train, champion.model.options);
    retrained = { kind: 'scorecard', model, target, features: champion.features, imported: null, training: null };
  } else throw new Error(`the champion is an imported ${champion.kind} model; retraining needs a model trained by Arbiter`);
  const ootFrame = sample.frame.selectRows(oot);
  const trainFrame = sample.frame.selectRows(train);
  const yOot = pick(sample.y, oot);
  const yTrain = pick(sample.y, train);
  let search: SearchReport | null = null;
  const candidates: { method: RetrainResult['method']; model: NewModel }[] = [{ method: 'retrained', model: retrained }];
  if (champion.kind === 'gbdt') {
    // With little recent data a refitted intercept often beats a new model.
    const recalibratedChampion = recalibrated(champion.model, trainFrame, yTrain);
    candidates.push({ method: 'recalibrated', model: { ...retrained, kind: 'gbdt', model: recalibratedChampion } as NewModel });
    const params = champion.model.params as BoostParams;
    search = searchTrees(
      sample.frame,
      sample.y,
      sample.time,
      train,
      { features, monotone: params.monotone ?? {}, params, model: champion.model },
      { budgetMs: searchBudgetMs, seed },
    );
    if (search) {
      const chosen = search.chosen;
      const { continued, ...chosenParams } = chosen.params;
      const found = trainBooster(
        sample.frame,
        sample.y,
        // Continued training keeps the champion's features in its trees' order.
        continued ? champion.model.features.map((f) => f.name) : chosen.features,
        train,
        null,
        { ...params, ...chosenParams, seed },
        continued ? { continueFrom: recalibratedChampion } : {},
      );
      candidates.push({
        method: 'searched',
        model: {
          kind: 'gbdt',
          model: found,
          target,
          features: champion.features.filter((f) => chosen.features.includes(f.name)),
          imported: null,
          training: null,
        },
      });
    }
  }
  // The candidate that ranks the out-of-time slice best; within 0.001 of AUC, the better calibrated (log loss).
  const measured = candidates.map((c) => {
    const pd = predictPd(c.model as LoadedModel, ootFrame);
    return { ...c, pd, auc: evaluate(yOot, pd).auc, logLoss: logLoss(yOot, pd) };
  });
  const top = Math.max(...measured.map((c) => c.auc));
  const { model: challenger, method, pd: pn } = measured.filter((c) => c.auc >= top - 0.001).sort((a, b) => a.logLoss - b.logLoss)[0]!;
  const pc = predictPd(champion, ootFrame);
  const pTrain = predictPd(challenger as LoadedModel, trainFrame);
  const monotone = champion.kind === 'gbdt' ? ((champion.model.params as BoostParams).monotone ?? {}) : {};
  return {
    method,
    search,
    candidates: measured.map((c) => ({ method: c.method, auc: c.auc, logLoss: c.logLoss })),
    challenger,
    check: {
      champion: { ...evaluate(yOot, pc), calibrationGap: calibrationGap(yOot, pc) },
      challenger: { ...evaluate(yOot, pn), calibrationGap: calibrationGap(yOot, pn) },
      psi: psi(pTrain, pn),
      monotonicityViolations: monotonicity(challenger as LoadedModel, ootFrame, monotone),
    },
    split: { trainRows: train.length, ootRows: oot.length, ootFrom: cut.toISOString() },
    trainMetrics: evaluate(yTrain, pTrain),
    curves: performanceCurves(yOot, pn),
  };
}
