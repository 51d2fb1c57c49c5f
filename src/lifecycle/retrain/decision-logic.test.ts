import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePopulation } from '../../tools/synth/index.ts';
import { cutoffEdge, proposeCutoff, withCutoff, type DecisionLogic } from './decision-logic.ts';

const flow = {
  id: 'cutoff',
  name: 'a PD cutoff',
  input: { fields: { income: { type: 'number', class: 'C1' } } },
  nodes: [
    { id: 'in', kind: 'input' },
    { id: 'score', kind: 'score', model: 'pd@1', output: 'pd' },
    { id: 'cut', kind: 'switch' },
    { id: 'yes', kind: 'output', outcome: 'approve' },
    { id: 'no', kind: 'output', outcome: 'decline' },
  ],
  edges: [
    { from: 'in', to: 'score' },
    { from: 'score', to: 'cut' },
    { from: 'cut', to: 'yes', when: 'pd < 0.3' },
    { from: 'cut', to: 'no', default: true },
  ],
};
const logic = (over: Partial<DecisionLogic> = {}): DecisionLogic => ({
  switchNode: 'cut',
  approveTo: 'yes',
  strategy: {
    actions: { limitFactors: [1], rates: [0.13] },
    economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 },
    columns: { amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' },
  },
  ...over,
});

test('the cutoff edge is found, checked and rewritten; anything else is refused with the reason', () => {
  assert.deepEqual(cutoffEdge(flow, logic(), 'score'), { index: 2, variable: 'pd', op: '<', cutoff: 0.3 });
  const moved = withCutoff(flow, logic(), 'score', 0.1234);
  assert.equal(moved.edges[2]!.when, 'pd < 0.1234');
  assert.equal(flow.edges[2]!.when, 'pd < 0.3', 'the original is untouched');
  assert.throws(() => cutoffEdge(flow, logic({ switchNode: 'score' }), 'score'), /no switch "score"/);
  assert.throws(() => cutoffEdge(flow, logic({ approveTo: 'in' }), 'score'), /no edge from "cut" to "in"/);
  assert.throws(
    () => cutoffEdge({ ...flow, edges: flow.edges.map((e, i) => (i === 2 ? { ...e, when: 'pd < 0.3 and age > 18' } : e)) }, logic(), 'score'),
    /must read "pd < <number>"/,
  );
  // Read as FEEL, not by pattern: spacing and a parenthesised number are the same comparison; a string is not one.
  const spaced = { ...flow, edges: flow.edges.map((e, i) => (i === 2 ? { ...e, when: '  pd<=(0.25) ' } : e)) };
  assert.deepEqual(cutoffEdge(spaced, logic(), 'score'), { index: 2, variable: 'pd', op: '<=', cutoff: 0.25 });
  assert.throws(() => cutoffEdge({ ...flow, edges: flow.edges.map((e, i) => (i === 2 ? { ...e, when: 'pd < "0.3"' } : e)) }, logic(), 'score'), /must read/);
  // Only the edge changes: every other part of the stored definition is as it was.
  assert.deepEqual({ ...moved, edges: flow.edges }, flow);
});

test('the proposed cutoff is where lending stops paying under the strategy, and moves with the PDs', async () => {
  const pop = generatePopulation({ rows: 3000, seed: 5 });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  const apps = Array.from({ length: pop.rows }, (_, i) => Object.fromEntries(['requestedAmount', 'term', 'income', 'existingDebt'].map((k) => [k, col(k)[i]])));
  const truePd = col('truePd') as Float64Array;
  const at = await proposeCutoff(apps, truePd, logic());
  assert.ok(at.cutoff > 0.05 && at.cutoff < 0.5, `cutoff ${at.cutoff}`);
  // Profit also depends on the amount and term (the cost per loan is fixed), so one PD cutoff cannot reproduce every choice.
  assert.ok(at.agreement > 0.7, `a cutoff reproduces ${at.agreement} of the optimiser's choices`);
  // Dearer money: fewer loans pay, so the cutoff falls.
  const dear = await proposeCutoff(
    apps,
    truePd,
    logic({ strategy: { ...logic().strategy, economics: { fundingRate: 0.09, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 } } }),
  );
  assert.ok(dear.cutoff < at.cutoff, `${dear.cutoff} against ${at.cutoff}`);
  await assert.rejects(
    proposeCutoff(
      apps.map(({ term: _t, ...rest }) => rest),
      truePd,
      logic(),
    ),
    /have no term/,
  );
  console.log(
    `proposed PD cutoff ${at.cutoff} (agreement ${(at.agreement * 100).toFixed(1)}%, approval ${(at.approvalRate * 100).toFixed(1)}%); with funding at 9%: ${dear.cutoff}`,
  );
});
