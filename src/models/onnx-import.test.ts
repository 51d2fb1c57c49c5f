import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { coversFrom, explain, featureNamesOf, ModelImportError, OnnxModel, onnxTreesAsBooster, readCsv } from './index.ts';
import { bruteForceShap } from '../../test/support/brute-force-shap.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'onnx');

async function largestDifference(model: string, data: string, predictions: string): Promise<{ worst: number; rows: number; features: number }> {
  const onnx = await OnnxModel.fromBytes(readFileSync(join(FIXTURES, model)));
  const ours = await onnx.predict(readCsv(join(FIXTURES, data)));
  const expected = readFileSync(join(FIXTURES, predictions), 'utf8').trim().split('\n').slice(1).map(Number);
  assert.equal(ours.length, expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - expected[i]!));
  return { worst, rows: expected.length, features: onnx.featureNames.length };
}

test('an ONNX tree ensemble (built from an XGBoost model) reproduces XGBoost, missing values included', async () => {
  const { worst, rows, features } = await largestDifference('trees.onnx', 'data.csv', 'trees-predictions.csv');
  console.log(`trees.onnx: ${rows} rows, ${features} features, largest difference from XGBoost ${worst.toExponential(2)}`);
  assert.ok(worst < 1e-6, `max difference ${worst}`);
});

test("an ONNX linear classifier reproduces scikit-learn's logistic regression", async () => {
  const { worst, rows } = await largestDifference('linear.onnx', 'linear-data.csv', 'linear-predictions.csv');
  console.log(`linear.onnx: ${rows} rows, largest difference from scikit-learn ${worst.toExponential(2)}`);
  assert.ok(worst < 1e-6, `max difference ${worst}`);
});

test('feature names come from the model metadata; files that are not ONNX or do not fit are refused clearly', async () => {
  assert.deepEqual(featureNamesOf(readFileSync(join(FIXTURES, 'linear.onnx'))), [
    'Seniority',
    'Time',
    'Age',
    'Expenses',
    'Income',
    'Assets',
    'Debt',
    'Amount',
    'Price',
  ]);
  await assert.rejects(
    OnnxModel.fromBytes(new TextEncoder().encode('{"not": "onnx"}')),
    (e: Error) => e instanceof ModelImportError && /onnxruntime cannot load/.test(e.message),
  );
  await assert.rejects(OnnxModel.fromBytes(readFileSync(join(FIXTURES, 'linear.onnx')), ['a', 'b']), /2 feature names given for an input of 9 features/);
});

test('an ONNX tree ensemble runs on Arbiter kernel, and with covers from a reference sample TreeSHAP explains it exactly', async () => {
  const bytes = readFileSync(join(FIXTURES, 'trees.onnx'));
  const frame = readCsv(join(FIXTURES, 'data.csv'));
  const plain = await OnnxModel.fromBytes(bytes);
  assert.ok(plain.booster, 'the XGBoost-style TreeEnsembleClassifier is converted');
  assert.equal(plain.explainable, false);
  const model = new OnnxModel(plain.bytes, { ...plain.binding, covers: coversFrom(plain.booster, frame) });
  assert.ok(model.explainable);
  const booster = model.booster!;
  const explained = explain(booster, frame);
  const binned = booster.bin(frame);
  for (const row of [0, 1, 2, 17, 400]) {
    const e = explained[row]!;
    assert.ok(Math.abs(e.expected + e.contributions.reduce((s, c) => s + c, 0) - e.margin) < 1e-9, `row ${row}: contributions sum to the margin`);
    const used = [...new Set(booster.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)))];
    const brute = bruteForceShap(booster.trees, used, (f) => binned.bins[f]![row]!);
    for (const f of used)
      assert.ok(Math.abs(brute.get(f)! - e.contributions[f]!) < 1e-9, `row ${row}, ${booster.features[f]!.name}: TreeSHAP equals brute force`);
  }
  // The graph onnxruntime runs and the converted trees agree row for row.
  const viaRuntime = await plain.runtimePredict(frame);
  assert.ok(booster.predict(frame).every((p, i) => Math.abs(p - viaRuntime[i]!) < 1e-6));
});

test('an ONNX graph that is not a logistic tree ensemble stays with onnxruntime and is not explained', async () => {
  const linear = await OnnxModel.fromBytes(readFileSync(join(FIXTURES, 'linear.onnx')));
  assert.equal(linear.booster, null);
  assert.equal(linear.explainable, false);
});

test('the tree reader never throws on a damaged graph: truncated or with flipped bytes, it converts or declines', () => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'trees.onnx')));
  const names = featureNamesOf(bytes)!;
  let seed = 3;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; k < 300; k++) {
    const damaged = k % 2 ? bytes.slice(0, Math.floor(rnd() * bytes.length)) : bytes.slice();
    if (k % 2 === 0) for (let j = 0; j < 5; j++) damaged[Math.floor(rnd() * damaged.length)] = Math.floor(rnd() * 256);
    const result = onnxTreesAsBooster(damaged, names);
    assert.ok(result === null || result.trees.length > 0);
  }
});

test('every tree the reader accepts is a tree: each node under one parent at most (a cycle is declined, never walked)', () => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'trees.onnx')));
  const booster = onnxTreesAsBooster(bytes, featureNamesOf(bytes)!)!;
  assert.ok(booster);
  // Every tree the reader accepts is a tree: each node under exactly one parent.
  for (const t of booster.trees) {
    const parents = new Uint8Array(t.left.length);
    for (let n = 0; n < t.left.length; n++) if (t.left[n]! >= 0) parents[t.left[n]!]!++, parents[t.right[n]!]!++;
    assert.ok(parents.every((p, n) => (n === 0 ? p === 0 : p <= 1)));
  }
});
