import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileFlow, EVALUATION_ERROR, parseFlow } from './index.ts';

/** A flow written in English with its texts for people also in Simplified Chinese. */
const bilingual = (when: string) => ({
  id: 'bilingual',
  name: 'Reasons in two languages',
  input: {
    fields: {
      age: { type: 'number', class: 'C1', required: true, label: 'Age', labels: { 'zh-CN': '年龄' } },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    {
      id: 'rules',
      kind: 'ruleset',
      rules: [{ code: 'KO_AGE', text: 'Applicant is under 18', texts: { 'zh-CN': '申请人未满 18 岁' }, severity: 'knockout', when }],
    },
    { id: 'yes', kind: 'output', outcome: 'approve', reasons: [{ code: 'OK', text: 'Approved', texts: { 'zh-CN': '批准' } }] },
    { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'KO', text: 'Knocked out', texts: { 'zh-CN': '未通过准入规则' } }] },
  ],
  edges: [
    { from: 'in', to: 'rules' },
    { from: 'rules', to: 'yes', on: 'pass' },
    { from: 'rules', to: 'no', on: 'knockout' },
  ],
});

test("a rule's and an output's texts in other languages go with their reasons into the decision", async () => {
  const flow = compileFlow(bilingual('age < 18'));
  const declined = await flow.run({ age: 16 });
  assert.ok(declined.status === 'completed');
  assert.deepEqual(
    declined.output.reasons.map((r) => [r.code, r.text, r.texts]),
    [
      ['KO_AGE', 'Applicant is under 18', { 'zh-CN': '申请人未满 18 岁' }],
      ['KO', 'Knocked out', { 'zh-CN': '未通过准入规则' }],
    ],
  );
  const approved = await flow.run({ age: 30 });
  assert.ok(approved.status === 'completed');
  assert.deepEqual(approved.output.reasons[0]!.texts, { 'zh-CN': '批准' });
});

test("a decision that fails closed gives the error reason in Chinese too, the default one and a flow's own", async () => {
  const failed = await compileFlow(bilingual('age > "old"')).run({ age: 30 });
  assert.ok(failed.status === 'completed');
  assert.equal(failed.output.reasons[0]!.code, EVALUATION_ERROR.code);
  assert.equal(failed.output.reasons[0]!.texts?.['zh-CN'], '无法自动评估此申请，需要人工复核');
  const own = await compileFlow({
    ...bilingual('age > "old"'),
    onError: { outcome: 'decline', reason: { code: 'NOT_ASSESSABLE', text: 'Could not be assessed', texts: { 'zh-CN': '无法评估' } } },
  }).run({ age: 30 });
  assert.ok(own.status === 'completed');
  assert.deepEqual(own.output.reasons[0]!.texts, { 'zh-CN': '无法评估' });
});

test('texts are only for the languages the console has, and never empty; labels likewise', () => {
  const bad = structuredClone(bilingual('age < 18')) as ReturnType<typeof bilingual> & { nodes: { texts?: unknown }[] };
  (bad.nodes[2] as { reasons: { texts: unknown }[] }).reasons[0]!.texts = { fr: 'Approuvé' };
  assert.throws(() => parseFlow(bad), /texts/);
  const empty = structuredClone(bilingual('age < 18'));
  (empty.input.fields.age as { labels: unknown }).labels = { 'zh-CN': '' };
  assert.throws(() => parseFlow(empty), /labels/);
  assert.doesNotThrow(() => parseFlow(bilingual('age < 18')));
});
