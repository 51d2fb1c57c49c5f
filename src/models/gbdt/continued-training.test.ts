import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePopulation, populationFrame } from '../../tools/synth/index.ts';
import { auc, logLoss } from '../metrics.ts';
import { Booster, trainBooster } from './booster.ts';

const FEATURES = ['age', 'income', 'bureauScore', 'delinquencies12m', 'utilization', 'dti', 'term', 'product', 'channel'];

/** Months 0-11 before a drift, 12-23 after it: the online channel turns risky at month 12. */
function history() {
  const pop = generatePopulation({ rows: 12_000, seed: 11, months: 24, driftAt: 12 });
  const frame = populationFrame(pop);
  const month = pop.columns.find((c) => c.name === 'month')!.values as Float64Array;
  const y = Uint8Array.from(pop.columns.find((c) => c.name === 'defaulted')!.values as Float64Array);
  const rows = (from: number, to: number) => Int32Array.from({ length: frame.rows }, (_, i) => i).filter((i) => month[i]! >= from && month[i]! < to);
  return { frame, y, before: rows(0, 12), recent: rows(12, 18), later: rows(18, 24) };
}

test('continued training keeps the model it starts from and adds trees that learn what it leaves unexplained', () => {
  const { frame, y, before, recent, later } = history();
  const old = trainBooster(frame, y, FEATURES, before, null, { rounds: 60, maxDepth: 3, learningRate: 0.1 });
  const continued = trainBooster(frame, y, FEATURES, recent, null, { rounds: 30, maxDepth: 2, learningRate: 0.1 }, { continueFrom: old });

  assert.equal(continued.trees.length, old.trees.length + 30);
  assert.equal(continued.baseMargin, old.baseMargin);
  assert.deepEqual(
    continued.features.map((f) => f.name),
    old.features.map((f) => f.name),
    "the champion's bins are kept, so its trees read the same bins",
  );
  for (let t = 0; t < old.trees.length; t++) assert.deepEqual(continued.trees[t], old.trees[t]);
  // No new trees: the same model.
  const none = trainBooster(frame, y, FEATURES, recent, null, { rounds: 0 }, { continueFrom: old });
  assert.deepEqual(none.predict(frame), old.predict(frame));

  // On months after the drift that neither saw, the continued model ranks better and is better calibrated.
  const laterFrame = frame.selectRows(later);
  const yLater = Float64Array.from(later, (r) => y[r]!);
  const pOld = old.predict(laterFrame);
  const pNew = continued.predict(laterFrame);
  console.log(
    `after the drift: AUC ${auc(yLater, pOld).toFixed(4)} → ${auc(yLater, pNew).toFixed(4)}, log loss ${logLoss(yLater, pOld).toFixed(4)} → ${logLoss(yLater, pNew).toFixed(4)}`,
  );
  assert.ok(auc(yLater, pNew) > auc(yLater, pOld));
  assert.ok(logLoss(yLater, pNew) < logLoss(yLater, pOld));

  // It is a model like any other: stored and read back, it predicts the same.
  const back = Booster.fromJSON(JSON.parse(JSON.stringify(continued.toJSON())));
  assert.deepEqual(back.predict(laterFrame), pNew);
});

test("continued training must keep the model's features in their order", () => {
  const { frame, y, before, recent } = history();
  const old = trainBooster(frame, y, FEATURES, before, null, { rounds: 5 });
  assert.throws(
    () => trainBooster(frame, y, FEATURES.slice(1), recent, null, { rounds: 5 }, { continueFrom: old }),
    /continued training keeps the model's features \(age, income/,
  );
});
