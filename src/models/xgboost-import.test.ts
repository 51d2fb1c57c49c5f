import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCsv, XgboostModel } from './index.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'xgboost');

test('an XGBoost JSON model (written by XGBoost 1.7) scores as XGBoost does, missing values included', () => {
  const model = XgboostModel.fromJson(JSON.parse(readFileSync(join(FIXTURES, 'model.json'), 'utf8')));
  const frame = readCsv(join(FIXTURES, 'data.csv'));
  const expected = readFileSync(join(FIXTURES, 'predictions.csv'), 'utf8').trim().split('\n').slice(1).map(Number);
  const ours = model.predict(frame);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - expected[i]!));
  console.log(`${expected.length} rows, ${model.featureNames.length} features: largest difference from XGBoost ${worst.toExponential(2)}`);
  // XGBoost sums in float32; the file keeps nine decimals.
  assert.ok(worst < 1e-6, `max difference ${worst}`);
});

test('other boosters and objectives are refused by name', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'model.json'), 'utf8'));
  json.learner.objective.name = 'reg:squarederror';
  assert.throws(() => XgboostModel.fromJson(json), /only binary:logistic/);
  assert.throws(() => XgboostModel.fromJson({}), /not an XGBoost JSON model/);
});
