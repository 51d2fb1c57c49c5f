import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePopulation } from '../../tools/synth/index.ts';
import { policyTableNode } from '../../../test/support/lifecycle.ts';
import { compileFlow } from '../../flow/index.ts';
import { actionValue } from '../../optimize/index.ts';
import {
  checkSegmentTable,
  cutoffEdge,
  proposeCutoff,
  proposeSegmentTable,
  strategyOf,
  withCutoff,
  withSegmentTable,
  type EdgeLogic,
  type SegmentPolicy,
  type TableLogic,
} from './decision-logic.ts';

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
const logic = (over: Partial<EdgeLogic> = {}): EdgeLogic => ({
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

/** A flow that reads its policy from a table per product: the cutoff on the switch, the rate and limit in the offer. */
const byProduct = {
  id: 'by-product',
  name: 'a policy per product',
  input: {
    fields: {
      pd: { type: 'number', class: 'C1', required: true },
      product: { type: 'string', class: 'C1', required: true },
      requestedAmount: { type: 'number', class: 'C1', required: true },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    policyTableNode({ cutoff: 0.2, rate: 0.1, limitFactor: 1 }),
    { id: 'cut', kind: 'switch' },
    { id: 'yes', kind: 'output', outcome: 'approve', offer: { rate: 'policy.rate', limit: 'requestedAmount * policy.limitFactor' } },
    { id: 'no', kind: 'output', outcome: 'decline' },
  ],
  edges: [
    { from: 'in', to: 'policy' },
    { from: 'policy', to: 'cut' },
    { from: 'cut', to: 'yes', when: 'pd < policy.cutoff' },
    { from: 'cut', to: 'no', default: true },
  ],
};

test('a table per segment: the optimiser proposes each segment its cutoff, rate and limit, and the flow decides by them', async () => {
  const pop = generatePopulation({ rows: 4000, seed: 9 });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  const apps = Array.from({ length: pop.rows }, (_, i) =>
    Object.fromEntries(['requestedAmount', 'term', 'income', 'existingDebt', 'product'].map((k) => [k, col(k)[i]])),
  );
  const truePd = col('truePd') as Float64Array;
  const logic: TableLogic = {
    table: { node: 'policy', segment: 'product' },
    strategy: {
      actions: { limitFactors: [0.5, 1], rates: [0.1, 0.15, 0.2] },
      economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 },
      columns: { amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' },
    },
  };
  const proposal = await proposeSegmentTable(apps, truePd, logic);
  const products = [...new Set(apps.map((a) => String(a.product)))].sort();
  assert.deepEqual(
    proposal.segments.map((s) => s.segment),
    products,
    'every product gets a rule',
  );
  for (const s of proposal.segments) {
    assert.ok(s.cutoff > 0 && s.cutoff < 1, `${s.segment}: cutoff ${s.cutoff}`);
    assert.ok([0.1, 0.15, 0.2].includes(s.rate) && [0.5, 1].includes(s.limitFactor), JSON.stringify(s));
  }
  assert.ok(proposal.agreement > 0.7, `the cutoffs reproduce ${proposal.agreement} of the optimiser's choices`);
  console.log(
    proposal.segments
      .map((s) => `${s.segment}: PD < ${s.cutoff}, rate ${s.rate}, limit ${s.limitFactor}x, agreement ${(s.agreement * 100).toFixed(1)}%`)
      .join('; '),
  );

  const written = withSegmentTable(byProduct, logic, proposal.segments);
  assert.deepEqual({ ...written, nodes: byProduct.nodes }, byProduct, 'only the table changes');
  const flow = compileFlow(written);
  for (const s of proposal.segments) {
    const below = await flow.run({ pd: s.cutoff / 2, product: s.segment, requestedAmount: 1000 });
    assert.ok(below.status === 'completed' && below.output.outcome === 'approve', `${s.segment} below its cutoff`);
    assert.deepEqual(below.output.offer, { rate: s.rate, limit: 1000 * s.limitFactor });
    const above = await flow.run({ pd: s.cutoff + 0.001, product: s.segment, requestedAmount: 1000 });
    assert.ok(above.status === 'completed' && above.output.outcome === 'decline', `${s.segment} above its cutoff`);
  }
  // A product the history did not hold gets the most careful of the rules.
  const careful = Math.min(...proposal.segments.map((s) => s.cutoff));
  const unknown = await flow.run({ pd: careful / 2, product: 'boat', requestedAmount: 1000 });
  assert.ok(unknown.status === 'completed' && unknown.output.outcome === 'approve');
  assert.equal(unknown.output.offer.rate, Math.max(...proposal.segments.map((s) => s.rate)));

  assert.throws(
    () => checkSegmentTable(byProduct, { ...logic, table: { node: 'cut', segment: 'product' } }),
    /no decision table node "cut" \(table nodes: policy\)/,
  );
  assert.throws(
    () => strategyOf({ switchNode: 'cut', approveTo: 'yes', strategy: { ...logic.strategy, portfolio: { segment: 'product' } } }),
    /write a decision table per segment instead/,
  );
});

test('on later months with known outcomes, a cutoff, rate and limit per product realise more profit than one portfolio cutoff, rate and limit', async () => {
  const pop = generatePopulation({ rows: 12000, seed: 31, months: 12 });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  const month = col('month') as Float64Array;
  const truePd = col('truePd') as Float64Array;
  const defaulted = col('defaulted') as Float64Array;
  const apps = Array.from({ length: pop.rows }, (_, i) =>
    Object.fromEntries(['requestedAmount', 'term', 'income', 'existingDebt', 'product'].map((k) => [k, col(k)[i]])),
  );
  // One portfolio: every application in the same segment.
  const portfolio = apps.map((a) => ({ ...a, portfolio: 'all' }));
  const strategy = {
    actions: { limitFactors: [0.5, 1], rates: [0.1, 0.13, 0.16, 0.2] },
    economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 },
    takeUp: { midpointRate: 0.15, slope: 25 },
    columns: { amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' },
  };
  const fit = (i: number) => month[i]! < 8;
  const rows = (keep: (i: number) => boolean) => apps.flatMap((_, i) => (keep(i) ? [i] : []));
  const train = rows(fit);
  const later = rows((i) => !fit(i));
  const bySegment = await proposeSegmentTable(
    train.map((i) => apps[i]!),
    train.map((i) => truePd[i]!),
    { table: { node: 'policy', segment: 'product' }, strategy },
  );
  const single = await proposeSegmentTable(
    train.map((i) => portfolio[i]!),
    train.map((i) => truePd[i]!),
    { table: { node: 'policy', segment: 'portfolio' }, strategy },
  );
  const parsed = strategyOf({ table: { node: 'policy', segment: 'product' }, strategy });
  /** Profit of the later months' loans as they turned out (a default is PD 1), under a policy per segment value. */
  const realised = (policyOf: (i: number) => SegmentPolicy) =>
    later.reduce((sum, i) => {
      const p = policyOf(i);
      if (!(truePd[i]! < p.cutoff)) return sum;
      const a = apps[i]!;
      const applicant = {
        pd: defaulted[i]!,
        amount: Number(a.requestedAmount),
        termMonths: Number(a.term),
        monthlyIncome: Number(a.income),
        monthlyDebt: Number(a.existingDebt),
      };
      return sum + actionValue(applicant, { approve: true, limitFactor: p.limitFactor, rate: p.rate }, parsed).profit;
    }, 0);
  const perProduct = realised((i) => bySegment.segments.find((s) => s.segment === String(apps[i]!.product))!);
  const onePortfolio = realised(() => single.segments[0]!);
  console.log(
    `${later.length} later applications: realised profit ${Math.round(perProduct)} with a policy per product (${bySegment.segments
      .map((s) => `${s.segment} PD < ${s.cutoff} at ${s.rate} for ${s.limitFactor}x`)
      .join(
        '; ',
      )}) against ${Math.round(onePortfolio)} with one portfolio policy (PD < ${single.segments[0]!.cutoff} at ${single.segments[0]!.rate} for ${single.segments[0]!.limitFactor}x)`,
  );
  assert.ok(perProduct > onePortfolio, `${perProduct} against ${onePortfolio}`);
});

test("with portfolio limits the optimiser decides each segment's cutoff: a volume budget lowers them, a segment's minimum approval rate raises its own", async () => {
  const pop = generatePopulation({ rows: 4000, seed: 9 });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  const apps = Array.from({ length: pop.rows }, (_, i) =>
    Object.fromEntries(['requestedAmount', 'term', 'income', 'existingDebt', 'product'].map((k) => [k, col(k)[i]])),
  );
  const pds = col('truePd') as Float64Array;
  const strategy = {
    actions: { limitFactors: [1], rates: [0.13] },
    economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 },
    columns: { amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' },
  };
  const propose = (portfolio: Record<string, unknown>) =>
    proposeSegmentTable(apps, pds, { table: { node: 'policy', segment: 'product' }, strategy: { ...strategy, portfolio } });
  const segmentOf = (p: Awaited<ReturnType<typeof propose>>, name: string) => p.segments.find((s) => s.segment === name)!;
  /** The amount the table lends: every application below its segment's cutoff, at its limit factor. */
  const lent = (p: Awaited<ReturnType<typeof propose>>) =>
    apps.reduce((sum, a, i) => {
      const s = segmentOf(p, String(a.product));
      return pds[i]! < s.cutoff ? sum + Number(a.requestedAmount) * s.limitFactor : sum;
    }, 0);

  const free = await propose({});
  const budget = Math.round(0.6 * lent(free));
  const capped = await propose({ maxVolume: budget });
  for (const s of capped.segments) assert.ok(s.cutoff <= segmentOf(free, s.segment).cutoff + 1e-9, `${s.segment}: ${s.cutoff} under a budget`);
  assert.ok(lent(capped) <= budget * 1.05, `the table lends ${Math.round(lent(capped))} against a budget of ${budget}`);
  assert.deepEqual(capped.unmet, []);
  assert.ok(capped.portfolio.cutoff < free.portfolio.cutoff, 'the one-policy comparison is made under the same budget');
  assert.ok(
    capped.expectedProfit >= capped.portfolio.expectedProfit,
    `under the budget the table is expected to earn ${capped.expectedProfit}, one cutoff ${capped.portfolio.expectedProfit}`,
  );

  const cardFree = segmentOf(free, 'card');
  const floor = Math.min(0.97, cardFree.approvalRate + 0.1);
  const lifted = await propose({ segmentMinApprovalRate: { card: floor } });
  const card = segmentOf(lifted, 'card');
  assert.ok(card.approvalRate >= floor - 0.02, `card approved at ${card.approvalRate}, at least ${floor} asked`);
  assert.ok(card.cutoff > cardFree.cutoff, `card's cutoff ${card.cutoff} against ${cardFree.cutoff} unconstrained`);
  console.log(
    `unconstrained: ${free.segments.map((s) => `${s.segment} PD < ${s.cutoff}`).join(', ')}, lending ${Math.round(lent(free))}; budget ${budget}: ${capped.segments
      .map((s) => `${s.segment} PD < ${s.cutoff}`)
      .join(
        ', ',
      )}, lending ${Math.round(lent(capped))} and earning ${Math.round(capped.expectedProfit)} (one cutoff: ${Math.round(capped.portfolio.expectedProfit)}; the optimiser's choices reproduced for ${(capped.agreement * 100).toFixed(1)}%); card at least ${(floor * 100).toFixed(0)}% approved: card PD < ${card.cutoff} (${(card.approvalRate * 100).toFixed(1)}%)`,
  );
});
