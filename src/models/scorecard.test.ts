import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { binFeature, evaluate, readCsv, stratifiedSplit, trainScorecard } from './index.ts';

const DATA = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'credit-data');

test('a points scorecard on German credit: monotone bins, selection by IV, points that double the odds', () => {
  const frame = readCsv(join(DATA, 'german_credit.csv'));
  const y = frame.target('Class', 'Bad');
  const features = frame.columns.map((c) => c.name).filter((n) => n !== 'Class');
  const { train, test } = stratifiedSplit(y, 0.3, 42);
  const sc = trainScorecard(frame, y, features, train, { pdo: 20, baseScore: 600, baseOdds: 50 });
  const m = evaluate(
    Float64Array.from(test, (r) => y[r]!),
    Float64Array.from(test, (r) => sc.predict(frame)[r]!),
  );
  console.log(`German credit scorecard: test AUC ${m.auc.toFixed(3)}, KS ${m.ks.toFixed(3)}, ${sc.features.length} of ${features.length} features`);
  assert.ok(m.auc > 0.76, `AUC ${m.auc}`);

  // every selected numeric feature's bad rate moves one way across its bins
  for (const f of sc.features.filter((x) => x.binning.kind === 'numeric')) {
    const rates = f.binning.bins.filter((b) => b.upper !== undefined).map((b) => b.bads / b.count);
    const dir = f.binning.trend === 'ascending' ? 1 : -1;
    for (let k = 1; k < rates.length; k++) assert.ok((rates[k]! - rates[k - 1]!) * dir >= 0, `${f.feature} bins are monotone`);
    assert.ok(
      f.binning.bins.every((b) => b.count >= 0.05 * train.length),
      `${f.feature} bins hold at least 5% each`,
    );
  }
  // selection reports why each feature is in or out, in IV order
  const ivs = sc.selection.map((s) => s.iv);
  assert.deepEqual(
    ivs,
    [...ivs].sort((a, b) => b - a),
  );
  assert.ok(sc.selection.filter((s) => !s.selected).every((s) => /IV .* below|correlates/.test(s.why)));

  // points: pdo points double the odds; the base score sits at the base odds
  assert.ok(Math.abs(sc.pdOfScore(600) - 1 / 51) < 1e-12);
  const oddsGood = (s: number) => (1 - sc.pdOfScore(s)) / sc.pdOfScore(s);
  assert.ok(Math.abs(oddsGood(620) / oddsGood(600) - 2) < 1e-9);
  // the score is the sum of attribute points, and reason codes name the points lost
  const pts = sc.points(frame);
  const score = sc.score(frame);
  assert.ok(Math.abs(pts.reduce((s, p) => s + p[5]!, 0) - score[5]!) < 1e-9);
  const reasons = sc.reasons(frame, 5);
  assert.ok(reasons.length > 0 && reasons.length <= 4 && reasons.every((r) => r.pointsLost > 0));
});

test('missing values and special codes get bins of their own', () => {
  const frame = readCsv(join(DATA, 'credit_data.csv'));
  const y = frame.target('Status', 'bad');
  const { train } = stratifiedSplit(y, 0.3, 42);
  const income = binFeature(frame.column('Income'), y, train);
  assert.ok(
    income.bins.some((b) => b.missing),
    'a missing bin',
  );
  // Assets of 0 means "none declared" here: a code, not the low end of a quantity.
  const assets = binFeature(frame.column('Assets'), y, train, { specialValues: [0] });
  const zero = assets.bins.find((b) => b.special === 0);
  assert.ok(zero && zero.count > 1000, 'the code has a bin of its own');
  assert.ok(assets.bins.filter((b) => b.upper !== undefined).every((b) => b.lower! >= 0 || b.lower === -Infinity));
  assert.ok(income.iv > 0.1);
});

test("an analyst's bins: cuts for a number, groups of levels for a category, used as given", () => {
  const frame = readCsv(join(DATA, 'german_credit.csv'));
  const y = frame.target('Class', 'Bad');
  const rows = Int32Array.from({ length: frame.rows }, (_, i) => i);
  const amount = binFeature(frame.column('Amount'), y, rows, { cuts: [2000, 4000, 8000] });
  assert.deepEqual(
    amount.bins.map((b) => [b.lower, b.upper]),
    [
      [-Infinity, 2000],
      [2000, 4000],
      [4000, 8000],
      [8000, Infinity],
    ],
  );
  const col = frame.column('Amount');
  assert.equal(col.kind, 'numeric');
  if (col.kind === 'numeric') assert.equal(amount.bins[0]!.count, Array.from(col.values).filter((v) => v <= 2000).length);
  assert.throws(() => binFeature(col, y, rows, { cuts: [4000, 2000] }), /Amount: cuts must be finite numbers in ascending order/);
  const purpose = binFeature(frame.column('Purpose'), y, rows, { groups: [['NewCar', 'UsedCar'], ['NoSuchLevel']] });
  assert.equal(purpose.bins[0]!.label, 'NewCar, UsedCar');
  // Every other level has a bin of its own; every row is in one.
  assert.equal(
    purpose.bins.reduce((s, b) => s + b.count, 0),
    frame.rows,
  );
  assert.ok(purpose.bins.slice(1).every((b) => b.levels!.length === 1));
});
