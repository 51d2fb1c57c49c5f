import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainBooster, type Frame, type LoadedModel } from '../../models/index.ts';
import { generatePopulation, populationFrame } from '../../tools/synth/index.ts';
import type { Sample } from '../samples/index.ts';
import { judge, promotionPolicySchema, retrainChallenger } from './index.ts';

const FEATURES = ['age', 'income', 'existingDebt', 'bureauScore', 'delinquencies12m', 'inquiries6m', 'utilization', 'dti', 'term', 'product', 'channel'];

/** A synthetic history as a sample: month m of 24 dated 2024-01 + m. */
function sampleOf(rows: number, seed: number, driftAt: number | null): Sample {
  const pop = generatePopulation({ rows, seed, months: 24, driftAt });
  const frame = populationFrame(pop);
  const month = pop.columns.find((c) => c.name === 'month')!.values as Float64Array;
  const y = Uint8Array.from(pop.columns.find((c) => c.name === 'defaulted')!.values as Float64Array);
  return {
    frame,
    y,
    time: Float64Array.from(month, (m) => Date.UTC(2024, m, 1)),
    decisionIds: [],
    report: { rows, bads: 0, badRate: 0, excluded: { outsideWindow: 0, immature: 0, indeterminate: 0, notBooked: 0, declined: 0, noDate: 0 }, inferred: 0 },
  };
}

function champion(frame: Frame, y: Uint8Array, rows: Int32Array, monotone: Record<string, 1 | -1> = {}): LoadedModel {
  const model = trainBooster(frame, y, FEATURES, rows, null, { rounds: 60, maxDepth: 3, learningRate: 0.1, monotone });
  return {
    kind: 'gbdt',
    model,
    target: { column: 'defaulted', bad: '1' },
    features: FEATURES.map((name) => ({ name, kind: frame.column(name).kind })),
    imported: null,
    training: null,
    version: 'champion',
  } as LoadedModel;
}

test('after drift a challenger trained on recent history beats the old champion out of time and is promoted; checks are reported', () => {
  const history = sampleOf(30000, 3, 12);
  const before = Int32Array.from({ length: history.frame.rows }, (_, i) => i).filter((i) => history.time[i]! < Date.UTC(2024, 12, 1));
  const old = champion(history.frame, history.y, before, { bureauScore: -1, delinquencies12m: 1 });
  const r = retrainChallenger(history, old, 4);
  assert.ok(r.split.ootRows > 0 && r.split.trainRows > r.split.ootRows);
  assert.deepEqual(r.check.monotonicityViolations, [], "the challenger keeps the champion's monotone constraints");
  const verdict = judge(r.check, promotionPolicySchema.parse({ minAucGain: 0, maxCalibrationGap: 0.05, approval: 'auto' }));
  assert.ok(
    r.check.challenger.calibrationGap < r.check.champion.calibrationGap,
    `calibration ${r.check.challenger.calibrationGap} vs ${r.check.champion.calibrationGap}`,
  );
  assert.equal(verdict.promote, true, verdict.reasons.join('\n'));
  console.log(
    `after drift: champion OOT AUC ${r.check.champion.auc.toFixed(4)} (calibration gap ${r.check.champion.calibrationGap.toFixed(4)}), challenger ${r.check.challenger.auc.toFixed(4)} (${r.check.challenger.calibrationGap.toFixed(4)}), PSI ${r.check.psi.toFixed(4)}`,
  );
  // The search: what it tried, and a model that ranks the out-of-time months better than the old
  // champion recalibrated (its trees with a new intercept).
  const byMethod = Object.fromEntries(r.candidates.map((c) => [c.method, c]));
  console.log(
    `candidates out of time: ${r.candidates.map((c) => `${c.method} AUC ${c.auc.toFixed(4)} log loss ${c.logLoss.toFixed(4)}`).join('; ')}; kept ${r.method}; search tried ${r.search!.trials.length} configurations in ${r.search!.elapsedMs} ms, chose ${JSON.stringify(r.search!.chosen.params)} on ${r.search!.chosen.features.length} features`,
  );
  assert.ok(r.search && r.search.trials.length >= 16, 'every configuration was tried at least once');
  assert.ok(byMethod.searched!.auc > byMethod.recalibrated!.auc, `searched ${byMethod.searched!.auc} against recalibrated ${byMethod.recalibrated!.auc}`);
  assert.ok(r.search.features.every((f) => f.why.length > 0));
  assert.ok(
    r.search.chosen.features.includes('bureauScore') && r.search.chosen.features.includes('delinquencies12m'),
    'features under a declared monotone constraint are kept',
  );
});

test('a worse challenger is not promoted, and the policy says which rule it failed', () => {
  const rich = sampleOf(40000, 5, null);
  const strong = champion(
    rich.frame,
    rich.y,
    Int32Array.from({ length: rich.frame.rows }, (_, i) => i),
  );
  // The same specification retrained on a small slice of history is worse out of time.
  const small = sampleOf(1500, 6, null);
  const r = retrainChallenger(small, strong, 4);
  const verdict = judge(r.check, promotionPolicySchema.parse({}));
  assert.equal(verdict.promote, false);
  assert.ok(
    verdict.reasons.some((x) => x.startsWith('NOT met: AUC')),
    verdict.reasons.join('\n'),
  );
});

test('too little matured history is a clear error, not a model', () => {
  const tiny = sampleOf(150, 7, null);
  assert.throws(
    () =>
      retrainChallenger(
        tiny,
        champion(
          tiny.frame,
          tiny.y,
          Int32Array.from({ length: 150 }, (_, i) => i),
        ),
        4,
      ),
    /at least 200 matured accounts/,
  );
});
