import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explain, reasonCodes } from './gbdt/booster.ts';
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

test("an XGBoost model's trees become Arbiter's own: the kernel scores as the tree walk and XGBoost do, and TreeSHAP explains it", () => {
  const model = XgboostModel.fromJson(JSON.parse(readFileSync(join(FIXTURES, 'model.json'), 'utf8')));
  assert.ok(model.booster, 'a model of numeric splits converts');
  const frame = readCsv(join(FIXTURES, 'data.csv'));
  const kernel = model.margins(frame);
  const walk = model.walkMargins(frame);
  let worst = 0;
  for (let i = 0; i < frame.rows; i++) worst = Math.max(worst, Math.abs(kernel[i]! - walk[i]!));
  console.log(`${frame.rows} rows: kernel and tree walk differ by at most ${worst.toExponential(2)} in the margin`);
  assert.ok(worst < 1e-9, `max margin difference ${worst}`);
  const explained = explain(model.booster, frame);
  for (let i = 0; i < frame.rows; i++) {
    const e = explained[i]!;
    assert.ok(Math.abs(e.expected + e.contributions.reduce((a, b) => a + b, 0) - walk[i]!) < 1e-9, `row ${i}: contributions add up to the margin`);
  }
  const reasons = reasonCodes(model.booster, explained[0]!, 4);
  assert.ok(reasons.length > 0 && reasons.every((r) => model.featureNames.includes(r.feature)));
});

test('a model with a categorical split is scored by walking its trees', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'model.json'), 'utf8'));
  const tree = json.learner.gradient_booster.model.trees[0];
  const node = tree.left_children.findIndex((c: number) => c !== -1);
  tree.split_type[node] = 1;
  tree.categories_nodes = [node];
  tree.categories_segments = [0];
  tree.categories_sizes = [1];
  tree.categories = [1];
  const model = XgboostModel.fromJson(json);
  assert.equal(model.booster, null);
  assert.equal(model.predict(readCsv(join(FIXTURES, 'data.csv'))).length, 1000);
});
