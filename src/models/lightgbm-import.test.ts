import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explain } from './gbdt/booster.ts';
import { readCsv } from './index.ts';
import { lightgbmAsBooster } from './lightgbm-import.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'lightgbm');
const modelText = readFileSync(join(FIXTURES, 'model.txt'), 'utf8');
const csvRows = (file: string) =>
  readFileSync(join(FIXTURES, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));

test('a LightGBM text model (written by LightGBM 4.7) scores on the kernel as LightGBM does, missing values included', () => {
  const { booster, featureNames } = lightgbmAsBooster(modelText);
  assert.equal(featureNames.length, 57);
  assert.equal(booster.trees.length, 60);
  const frame = readCsv(join(FIXTURES, 'data.csv'));
  const expected = csvRows('predictions.csv').map((r) => r[0]!);
  const ours = booster.margins(frame).map((m) => 1 / (1 + Math.exp(-m)));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - expected[i]!));
  console.log(`${expected.length} rows, ${featureNames.length} features: largest difference from LightGBM ${worst.toExponential(2)}`);
  assert.ok(worst < 1e-9, `max difference ${worst}`);
  const missing = frame.column('Duration');
  assert.ok(missing.kind === 'numeric' && missing.values.some((v) => Number.isNaN(v)), 'the data has missing values to route');
});

test("TreeSHAP on the converted trees gives LightGBM's own contributions (pred_contrib), feature by feature", () => {
  const { booster, featureNames } = lightgbmAsBooster(modelText);
  const frame = readCsv(join(FIXTURES, 'data.csv'));
  const expected = csvRows('contributions.csv');
  const explained = explain(booster, frame);
  let worst = 0;
  for (let i = 0; i < frame.rows; i++) {
    const e = explained[i]!;
    featureNames.forEach((_, f) => {
      worst = Math.max(worst, Math.abs(e.contributions[f]! - expected[i]![f]!));
    });
    worst = Math.max(worst, Math.abs(e.expected - expected[i]![featureNames.length]!));
  }
  console.log(`${frame.rows} rows: TreeSHAP differs from LightGBM's pred_contrib by at most ${worst.toExponential(2)}`);
  assert.ok(worst < 1e-6, `max difference ${worst}`);
});

test('what the kernel cannot express is refused by name: other objectives, categorical splits, zero as missing, damaged files', () => {
  assert.throws(() => lightgbmAsBooster('{"learner": {}}'), /not a LightGBM text model/);
  assert.throws(() => lightgbmAsBooster(modelText.replace('objective=binary sigmoid:1', 'objective=regression')), /only binary models/);
  assert.throws(() => lightgbmAsBooster(modelText.replace('num_cat=0', 'num_cat=1')), /categorical splits and linear trees are not supported/);
  assert.throws(() => lightgbmAsBooster(modelText.replace(/^decision_type=2 /m, 'decision_type=6 ')), /treats zero as missing/);
  assert.throws(() => lightgbmAsBooster(modelText.replace(/^left_child=1 /m, 'left_child=99 ')), /points at a node the tree does not have/);
  assert.throws(() => lightgbmAsBooster(modelText.replace(/^leaf_value=[^\n]*/m, 'leaf_value=1 2')), /leaf_value should hold 15 numbers/);
});
