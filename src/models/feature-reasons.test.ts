import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureReason, withFeatureReasons } from './feature-reasons.ts';
import { modelFile, modelFileText, parseModelFile, type ModelFeature } from './model-file.ts';
import { trainScorecard } from './index.ts';
import { frameFromRecords } from './frame.ts';

test('a feature is worded from its name when its owner gave no words', () => {
  assert.deepEqual(featureReason({ name: 'debtToIncome', kind: 'numeric' }), {
    code: 'DEBT_TO_INCOME',
    text: 'Debt to income raised the estimated risk of default',
  });
  assert.deepEqual(featureReason({ name: 'months_since_last_delinquency', kind: 'numeric' }).code, 'MONTHS_SINCE_LAST_DELINQUENCY');
  assert.deepEqual(featureReason({ name: 'Credit History', kind: 'categorical' }).text, 'Credit history raised the estimated risk of default');
  assert.equal(featureReason({ name: '12m utilisation', kind: 'numeric' }).code, 'F_12M_UTILISATION');
  assert.deepEqual(featureReason({ name: 'x', kind: 'numeric', reason: { code: 'OWNER', text: 'As the owner says' } }), {
    code: 'OWNER',
    text: 'As the owner says',
  });
});

test("the owner's wording is checked: features of the model, codes in capitals, texts that say something", () => {
  const features: ModelFeature[] = [
    { name: 'term', kind: 'numeric' },
    { name: 'utilization', kind: 'numeric' },
  ];
  const worded = withFeatureReasons(features, { term: { code: 'LONG_TERM', text: 'The loan term is long' } });
  assert.deepEqual(worded[0]!.reason, { code: 'LONG_TERM', text: 'The loan term is long' });
  assert.equal(worded[1]!.reason, undefined);
  assert.throws(
    () => withFeatureReasons(features, { income: { code: 'LOW_INCOME', text: 'Income is low' } }),
    /"income" is not a feature of the model \(its features: term, utilization\)/,
  );
  assert.throws(() => withFeatureReasons(features, { term: { code: 'long term', text: 'x' } }), /"term": code must be capitals/);
  assert.throws(() => withFeatureReasons(features, { term: { code: 'LONG', text: ' ' } }), /"term": text must be a sentence/);
});

test('a model file whose feature reasons are malformed is refused, even with a matching version', () => {
  const frame = frameFromRecords(
    ['term', 'utilization'],
    [...Array(200)].map((_, i) => [String((i % 5) * 12), String((i % 7) / 7)]),
  );
  const y = Uint8Array.from({ length: 200 }, (_, i) => (i % 5 === 4 || i % 7 === 6 ? 1 : 0));
  const card = trainScorecard(
    frame,
    y,
    ['term', 'utilization'],
    Int32Array.from({ length: 200 }, (_, i) => i),
  );
  const base = { kind: 'scorecard' as const, model: card, target: null, training: null, imported: null };
  const good = modelFile({ ...base, features: [{ name: 'term', kind: 'numeric', reason: { code: 'LONG_TERM', text: 'The term is long' } }] });
  assert.equal(parseModelFile(JSON.parse(modelFileText(good))).features[0]!.reason!.code, 'LONG_TERM');
  const bad = modelFile({ ...base, features: [{ name: 'term', kind: 'numeric', reason: { code: 'long', text: '' } }] });
  assert.throws(() => parseModelFile(JSON.parse(modelFileText(bad))), /the reason of feature "term" needs a code of capitals/);
});
