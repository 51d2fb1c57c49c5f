import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileFlow, EVALUATION_ERROR, nullableConditions, parseFlow } from './index.ts';

/** A knock-out ruleset in front of an approval: the shape in which a rule that errors would let an application through. */
function knockoutFlow(when: string, extra: Record<string, unknown> = {}) {
  return {
    id: 'ko',
    name: 'Knock-out in front of an approval',
    input: { fields: { age: { type: 'number', class: 'C1', required: true }, income: { type: 'number', class: 'C2' } } },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'rules', kind: 'ruleset', rules: [{ code: 'KO_TEST', text: 'Knocked out', severity: 'knockout', when }] },
      { id: 'yes', kind: 'output', outcome: 'approve' },
      { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'KO', text: 'Knocked out' }] },
    ],
    edges: [
      { from: 'in', to: 'rules' },
      { from: 'rules', to: 'yes', on: 'pass' },
      { from: 'rules', to: 'no', on: 'knockout' },
    ],
    ...extra,
  };
}

describe('failing closed', () => {
  test('a knock-out rule that hits the evaluation budget refers the application, never approves it', async () => {
    const flow = compileFlow(knockoutFlow('count(for i in 1..(age*100000) return i) > 0'));
    const r = await flow.run({ age: 30, income: 5000 });
    assert.equal(r.status, 'completed');
    if (r.status !== 'completed') return;
    assert.equal(r.output.outcome, 'refer');
    assert.deepEqual(
      r.output.reasons.map((x) => x.code),
      [EVALUATION_ERROR.code],
    );
    assert.equal(r.output.reasons[0]!.node, 'rules');
    assert.deepEqual(r.path, ['in', 'rules:error']);
    const entry = r.trace!.at(-1)!;
    assert.equal(entry.error?.code, 'limit_exceeded');
    assert.match(entry.error!.message, /too_many_iterations/);
  });

  test('a type error in a rule is an evaluation error too; the flow may send errors to decline instead', async () => {
    const refer = await compileFlow(knockoutFlow('income > "a lot"')).run({ age: 30, income: 5000 });
    assert.ok(refer.status === 'completed' && refer.output.outcome === 'refer');
    assert.equal(refer.trace!.at(-1)!.error?.code, 'evaluation_error');
    const decline = await compileFlow(
      knockoutFlow('income > "a lot"', { onError: { outcome: 'decline', reason: { code: 'NOT_ASSESSABLE', text: 'Could not be assessed' } } }),
    ).run({ age: 30, income: 5000 });
    assert.ok(decline.status === 'completed');
    if (decline.status !== 'completed') return;
    assert.equal(decline.output.outcome, 'decline');
    assert.equal(decline.output.reasons[0]!.code, 'NOT_ASSESSABLE');
  });

  test('an error in an expression node stops the run at that node, even without a rule after it', async () => {
    const def = {
      id: 'calc',
      name: 'Calculation',
      input: { fields: { income: { type: 'number', class: 'C2', required: true } } },
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'calc', kind: 'expression', assign: { dti: 'date(income)' } },
        { id: 'yes', kind: 'output', outcome: 'approve' },
      ],
      edges: [
        { from: 'in', to: 'calc' },
        { from: 'calc', to: 'yes' },
      ],
    };
    const r = await compileFlow(def).run({ income: 5000 });
    assert.ok(r.status === 'completed' && r.output.outcome === 'refer');
    assert.deepEqual(r.path, ['in', 'calc:error']);
  });

  test("the budget is the flow's: its default stops a million steps, and a flow may raise it", async () => {
    const heavy = 'count(for i in 1..1000, j in 1..1000 return 1) < 0';
    const stopped = await compileFlow(knockoutFlow(heavy)).run({ age: 30 });
    assert.ok(stopped.status === 'completed' && stopped.output.outcome === 'refer');
    const raised = await compileFlow(knockoutFlow(heavy, { limits: { steps: 2_000_000 } })).run({ age: 30 });
    assert.ok(raised.status === 'completed' && raised.output.outcome === 'approve');
    const big = await compileFlow(knockoutFlow(`string length(string join(for i in 1..10000 return "${'x'.repeat(2000)}")) > 0`)).run({ age: 30 });
    assert.ok(big.status === 'completed' && big.output.outcome === 'refer');
    assert.equal(big.trace!.at(-1)!.error?.code, 'limit_exceeded');
    assert.throws(() => parseFlow(knockoutFlow('age > 1', { limits: { steps: 10 } })), /limits\.steps/);
  });

  test('a rule whose condition is null without an error does not fire (FEEL), and the static checks warn about it', async () => {
    const def = knockoutFlow('income < 1000');
    const r = await compileFlow(def).run({ age: 30 });
    assert.ok(r.status === 'completed' && r.output.outcome === 'approve');
    const warnings = nullableConditions(parseFlow(def));
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.path, '$.nodes[1].rules[0].when');
    assert.match(warnings[0]!.message, /"income", which the application may leave out/);
    assert.deepEqual(nullableConditions(parseFlow(knockoutFlow('income = null or income < 1000'))), []);
    assert.deepEqual(nullableConditions(parseFlow(knockoutFlow('age < 18'))), [], 'required fields are never missing');
  });
  test('a table output of another type than its column declares refers the application; a conforming one decides', async () => {
    const flow = compileFlow({
      id: 'typed',
      name: 'A typed table',
      input: { fields: { score: { type: 'number', class: 'C1', required: true } } },
      nodes: [
        { id: 'in', kind: 'input' },
        {
          id: 'limits',
          kind: 'table',
          output: 'limit',
          table: {
            hitPolicy: 'FIRST',
            inputs: [{ expression: 'score', typeRef: 'number' }],
            outputs: [{ name: 'limit', typeRef: 'number' }],
            rules: [
              { inputEntries: ['>= 700'], outputEntries: ['5000'] },
              { inputEntries: ['-'], outputEntries: ['"ask a person"'] },
            ],
          },
        },
        { id: 'yes', kind: 'output', outcome: 'approve', offer: { limit: 'limit' } },
      ],
      edges: [
        { from: 'in', to: 'limits' },
        { from: 'limits', to: 'yes' },
      ],
    });
    const good = await flow.run({ score: 720 });
    assert.deepEqual(good.status === 'completed' && [good.output.outcome, good.output.offer], ['approve', { limit: 5000 }]);
    const bad = await flow.run({ score: 640 });
    assert.equal(bad.status === 'completed' && bad.output.outcome, 'refer');
    assert.deepEqual(bad.path, ['in', 'limits:error']);
    assert.match(bad.trace!.at(-1)!.error!.message, /output_type_mismatch/);
  });
});
