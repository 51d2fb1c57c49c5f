import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePopulation, populationFrame } from '../tools/synth/index.ts';
import { featureImportance, ks, performanceCurves, seededRandom, trainBooster, trainScorecard } from './index.ts';

test('performance curves: ROC and KS run from 0 to 1, the KS curve peaks at the KS statistic, the histograms count every row', () => {
  const rand = seededRandom(7);
  const n = 5000;
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = rand();
    y[i] = rand() < p[i]! * 0.4 ? 1 : 0;
  }
  const c = performanceCurves(y, p);
  assert.deepEqual([c.roc.fpr[0], c.roc.tpr[0], c.roc.fpr.at(-1), c.roc.tpr.at(-1)], [0, 0, 1, 1]);
  for (let i = 1; i < c.roc.fpr.length; i++) assert.ok(c.roc.fpr[i]! >= c.roc.fpr[i - 1]! && c.roc.tpr[i]! >= c.roc.tpr[i - 1]!);
  const peak = Math.max(...c.ks.bad.map((b, i) => b - c.ks.good[i]!));
  assert.ok(Math.abs(peak - ks(y, p)) < 0.02, `KS curve peak ${peak} against KS ${ks(y, p)}`);
  assert.equal(c.distribution.good.reduce((s, x) => s + x, 0) + c.distribution.bad.reduce((s, x) => s + x, 0), n);
  assert.equal(c.calibration.length, 10);
});

test('feature importance: shares sum to 1, and the strongest synthetic driver leads for trees and scorecards alike', () => {
  const pop = generatePopulation({ rows: 6000, seed: 3 });
  const frame = populationFrame(pop);
  const y = Uint8Array.from(pop.columns.find((c) => c.name === 'defaulted')!.values as Float64Array);
  const rows = Int32Array.from({ length: pop.rows }, (_, i) => i);
  const features = ['bureauScore', 'dti', 'age', 'product'];
  for (const impl of [
    { kind: 'gbdt' as const, model: trainBooster(frame, y, features, rows, null, { rounds: 20, maxDepth: 3 }) },
    { kind: 'scorecard' as const, model: trainScorecard(frame, y, features, rows) },
  ]) {
    const imp = featureImportance(impl);
    assert.ok(Math.abs(Object.values(imp).reduce((s, x) => s + x, 0) - 1) < 0.01, JSON.stringify(imp));
    assert.equal(Object.keys(imp)[0], 'bureauScore', `${impl.kind}: ${JSON.stringify(imp)}`);
  }
});
