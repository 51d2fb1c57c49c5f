import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileFlow } from '../compile.ts';

const strategy = {
  actions: { limitFactors: [0.5, 1], rates: [0.08, 0.14, 0.2] },
  economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 100, lgd: 0.6 },
  takeUp: { midpointRate: 0.15, slope: 20 },
  affordability: { maxDti: 0.5 },
};

const flow = compileFlow({
  id: 'priced',
  name: 'priced offer',
  input: {
    fields: {
      pd: { type: 'number', class: 'C1' },
      amount: { type: 'number', class: 'C1' },
      term: { type: 'number', class: 'C1' },
      income: { type: 'number', class: 'C2' },
      debt: { type: 'number', class: 'C1' },
      cutoff: { type: 'number', class: 'C1' },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    {
      id: 'price',
      kind: 'optimize',
      strategy,
      inputs: { pd: 'pd', amount: 'amount', term: 'term', income: 'income', debt: 'debt', maxPd: 'cutoff' },
      output: 'offer',
    },
    { id: 'yes', kind: 'output', outcome: 'approve', offer: { limit: 'offer.limit', rate: 'offer.rate' } },
    { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'NOT_PROFITABLE', text: 'no offer is worth making' }] },
  ],
  edges: [
    { from: 'in', to: 'price' },
    { from: 'price', to: 'yes', on: 'approve' },
    { from: 'price', to: 'no', on: 'decline' },
  ],
});

const base = { pd: 0.03, amount: 10000, term: 36, income: 5000, debt: 400 };

test('the optimize node offers the most profitable affordable action, and shows every candidate', async () => {
  const r = await flow.run(base);
  assert.equal(r.status === 'completed' && r.output.outcome, 'approve');
  const entry = r.trace!.find((t) => t.node === 'price')!;
  const candidates = entry.wrote.candidates as { approve: boolean; expectedProfit: number; refused?: string }[];
  assert.equal(candidates.length, 7);
  const best = Math.max(...candidates.filter((c) => !c.refused).map((c) => c.expectedProfit));
  assert.equal((entry.wrote.offer as { expectedProfit: number }).expectedProfit, best);
  assert.match(String(entry.wrote.why), /expected profit .*next best/);
});

test('a risky applicant, an unaffordable one, and one above the cutoff are declined, each with its reason', async () => {
  for (const [app, why] of [
    [{ ...base, pd: 0.6 }, /not above nothing/],
    [{ ...base, income: 600 }, /no offer is affordable/],
    [{ ...base, cutoff: 0.02 }, /above the cutoff 0.02/],
  ] as const) {
    const r = await flow.run(app);
    assert.equal(r.status === 'completed' && r.output.outcome, 'decline');
    assert.match(String(r.trace!.find((t) => t.node === 'price')!.wrote.why), why);
  }
});

test('a lower PD never gets a smaller expected profit', async () => {
  let last = -Infinity;
  for (const pd of [0.4, 0.2, 0.1, 0.05, 0.02, 0.01]) {
    const r = await flow.run({ ...base, pd });
    const offer = r.trace!.find((t) => t.node === 'price')!.wrote.offer as { expectedProfit: number };
    assert.ok(offer.expectedProfit >= last);
    last = offer.expectedProfit;
  }
});
