import { z } from 'zod';
import { frameFromRecords, type Frame } from '../../models/index.ts';
import {
  actionValue,
  applicantsFromFrame,
  optimizePortfolio,
  parseStrategy,
  type Applicant,
  type OptimizationResult,
  type Strategy,
} from '../../optimize/index.ts';
import { honourLimits, type Frontier } from './table-limits.ts';
import { cutoffEdge as flowCutoffEdge, tableNodeOf, withCutoff as flowWithCutoff, withTable, type CutoffEdge, type NodeDefinition } from '../../flow/index.ts';

const strategySchema = z
  .record(z.string(), z.unknown())
  .describe(
    "docs/strategy.schema.json: economics, portfolio constraints, and where the amount, term, income and debt are in the application (the PD column is the score node's)",
  );

/**
 * The part of a flow a retraining program may change besides the model, re-optimised under the
 * lender's strategy whenever the model changes (a new model's PDs sit at a new level, so the old
 * thresholds no longer mean what they meant). Either the PD cutoff on one edge of a switch
 * (`pd < 0.12`), or a decision table the run writes: per segment a cutoff, a rate and a limit
 * (as a multiple of the amount asked), which the flow reads (`policy.cutoff`, `policy.rate`,
 * `policy.limitFactor` for a table whose output is `policy`).
 */
const edgeLogicSchema = z.strictObject({
  switchNode: z.string().min(1).describe('the switch that holds the cutoff'),
  approveTo: z.string().min(1).describe('the node its cutoff edge leads to; the edge reads `<score variable> < <cutoff>`'),
  strategy: strategySchema,
});
const tableLogicSchema = z.strictObject({
  table: z
    .strictObject({
      node: z.string().min(1).describe('an inline decision table node; the run writes its rules'),
      segment: z.string().min(1).describe('the application field that names the segment; its values get a rule each'),
    })
    .describe('the decision table the run writes: one rule per segment with its cutoff, rate and limit factor'),
  strategy: strategySchema,
});
export const decisionLogicSchema = z.union([edgeLogicSchema, tableLogicSchema]);
export type DecisionLogic = z.infer<typeof decisionLogicSchema>;
export type EdgeLogic = z.infer<typeof edgeLogicSchema>;
export type TableLogic = z.infer<typeof tableLogicSchema>;

export const isTableLogic = (logic: DecisionLogic): logic is TableLogic => 'table' in logic;

/** The cutoff edge of a flow, checked: it exists and compares the score node's variable with a number (read with the FEEL parser). */
export function cutoffEdge(definition: unknown, logic: EdgeLogic, scoreNode: string): CutoffEdge {
  return flowCutoffEdge(definition, { switchNode: logic.switchNode, approveTo: logic.approveTo, scoreNode });
}

/** A copy of the stored definition with the cutoff edge set to `cutoff`; nothing else of it changes. */
export function withCutoff<T>(definition: T, logic: EdgeLogic, scoreNode: string, cutoff: number): T {
  return flowWithCutoff(definition, { switchNode: logic.switchNode, approveTo: logic.approveTo, scoreNode }, cutoff);
}

/** The strategy the optimiser runs: the PD is the score node's, and a table's segments are the strategy's segments. */
export function strategyOf(logic: DecisionLogic): Strategy {
  const portfolio = (logic.strategy.portfolio as Record<string, unknown> | undefined) ?? {};
  if (!isTableLogic(logic) && portfolio.segment)
    throw new Error(
      'decisionLogic.strategy.portfolio.segment: one cutoff is re-optimised, so the strategy may not be segmented; write a decision table per segment instead (decisionLogic.table)',
    );
  return parseStrategy({
    ...logic.strategy,
    ...(isTableLogic(logic) ? { portfolio: { ...portfolio, segment: logic.table.segment } } : {}),
    columns: { ...((logic.strategy.columns as object | undefined) ?? {}), pd: '__pd' },
  });
}

/** The applications as the optimiser's frame: the PD first, then the columns the strategy reads. */
function optimiserFrame(applications: Record<string, unknown>[], pds: ArrayLike<number>, strategy: Strategy): Frame {
  const c = strategy.columns;
  const columns = [
    ...new Set([
      c.amount,
      c.term,
      c.income,
      c.debt,
      ...(c.lgd ? [c.lgd] : []),
      ...(c.ead ? [c.ead] : []),
      ...(strategy.portfolio.segment ? [strategy.portfolio.segment] : []),
    ]),
  ];
  const missing = columns.filter((k) => applications.every((a) => a[k] === undefined || a[k] === null));
  if (missing.length)
    throw new Error(`decisionLogic.strategy.columns: the applications have no ${missing.join(', ')}; name the application fields that hold them`);
  const rows = applications.map((a, i) => [String(pds[i]), ...columns.map((k) => (a[k] === null || a[k] === undefined ? '' : String(a[k])))]);
  return frameFromRecords(['__pd', ...columns], rows);
}

function optimizeOn(applications: Record<string, unknown>[], pds: ArrayLike<number>, strategy: Strategy): Promise<OptimizationResult> {
  return optimizePortfolio(optimiserFrame(applications, pds, strategy), strategy);
}

/**
 * The cutoff the optimiser would set for these applications scored by the new model: it picks
 * the most profitable approvals under the strategy's constraints, and the cutoff is the PD
 * threshold that reproduces the most of its choices (`segmentCutoffs`).
 */
export async function proposeCutoff(
  applications: Record<string, unknown>[],
  pds: ArrayLike<number>,
  logic: EdgeLogic,
): Promise<{ cutoff: number; agreement: number; approvalRate: number; expectedProfit: number }> {
  const result = await optimizeOn(applications, pds, strategyOf(logic));
  const all = Object.values(result.cutoffs)[0];
  if (!all) throw new Error('the optimiser found no cutoff: no applications to optimise');
  return { cutoff: Math.round(all.maxPd * 1e4) / 1e4, agreement: all.agreement, approvalRate: result.approvalRate, expectedProfit: result.objective };
}

/** One segment's policy as the run writes it into the table. */
export interface SegmentPolicy {
  segment: string;
  /** Approve when PD is below this. */
  cutoff: number;
  rate: number;
  limitFactor: number;
  applications: number;
  approvalRate: number;
  /** Share of the segment's applications the cutoff decides as the optimiser did. */
  agreement: number;
  /** What the policy is expected to earn on the segment's applications at their PDs, under the strategy. */
  expectedProfit: number;
}

/** The policy for a set of applications (one segment, or all of them) and what it is expected to earn. */
type Policy = Omit<SegmentPolicy, 'segment' | 'applications' | 'agreement'>;

/** A cutoff between the k-th least risky PD and the next (0 when none is approved). */
function cutoffAt(pd: Float64Array, k: number): number {
  if (k === 0) return 0;
  const last = pd[k - 1]!;
  const next = k < pd.length ? pd[k]! : last + 1e-4;
  return Math.round(((last + next) / 2) * 1e6) / 1e6;
}

/**
 * The most profitable policy for these applications, with its frontier (them from least to most
 * risky, and what approving each is worth under its offer): for each offer, approving the k least
 * risky for the best k, and the offer worth most so.
 */
function bestPolicy(members: number[], pds: ArrayLike<number>, applicants: readonly Applicant[], strategy: Strategy): Policy & { frontier: Frontier } {
  const offers = strategy.actions.rates.flatMap((rate) => strategy.actions.limitFactors.map((limitFactor) => ({ approve: true, rate, limitFactor })));
  const byPd = [...members].sort((a, b) => pds[a]! - pds[b]!);
  const people = byPd.map((i) => applicants[i]!);
  let best = { k: 0, offer: offers[0]!, value: -Infinity };
  for (const offer of offers) {
    let sum = 0;
    let top = { k: 0, value: 0 };
    people.forEach((person, k) => {
      sum += actionValue(person, offer, strategy).profit;
      if (sum > top.value) top = { k: k + 1, value: sum };
    });
    if (top.value > best.value) best = { k: top.k, offer, value: top.value };
  }
  const values = people.map((person) => actionValue(person, best.offer, strategy));
  const frontier: Frontier = {
    pd: Float64Array.from(byPd, (i) => pds[i]!),
    profit: Float64Array.from(values, (v) => v.profit),
    loss: Float64Array.from(values, (v) => v.loss),
    volume: Float64Array.from(values, (v) => v.volume),
    k: best.k,
    min: 0,
    max: members.length,
  };
  return { ...policyAt(frontier), rate: best.offer.rate, limitFactor: best.offer.limitFactor, frontier };
}

/** What a frontier's first k approvals come to. */
function policyAt(f: Frontier): Pick<Policy, 'cutoff' | 'approvalRate' | 'expectedProfit'> {
  let profit = 0;
  for (let i = 0; i < f.k; i++) profit += f.profit[i]!;
  return { cutoff: cutoffAt(f.pd, f.k), approvalRate: f.pd.length ? f.k / f.pd.length : 0, expectedProfit: profit };
}

/**
 * Per segment, a cutoff, a rate and a limit factor for these applications scored by the new
 * model. Each segment starts from the offer and cutoff of most expected profit under its
 * economics (approving the least risky first, for each offer). With limits in the strategy
 * (approval rates, loss rate, volumes, per segment or over the portfolio) the cutoffs then move
 * until the table keeps them as it will decide (`honourLimits`: the portfolio optimiser's own
 * choices need not be a cutoff per segment, so cutoffs copied from them can lend past a budget).
 * A segment where nothing pays gets a cutoff of 0 (decline all). The portfolio optimiser's
 * choices under the same strategy are the yardstick: the share of applications the table decides
 * as it does is recorded, and so is the one policy for the whole portfolio found the same way,
 * to show what segmenting is worth.
 */
export async function proposeSegmentTable(
  applications: Record<string, unknown>[],
  pds: ArrayLike<number>,
  logic: TableLogic,
): Promise<{ segments: SegmentPolicy[]; approvalRate: number; agreement: number; expectedProfit: number; portfolio: Policy; unmet: string[] }> {
  const strategy = strategyOf(logic);
  const frame = optimiserFrame(applications, pds, strategy);
  const result = await optimizePortfolio(frame, strategy);
  // The applicants and their segments as the optimiser read them (LGD and EAD columns, missing debt, missing segments alike).
  const { applicants, segments: segmentOf } = applicantsFromFrame(frame, strategy, null);
  const { segment: _field, segmentMinApprovalRate, segmentMaxVolume, ...limits } = strategy.portfolio;
  // Without portfolio limits each segment's policy is simply its most profitable one; with them, the optimiser's choices carry the limits.
  const unconstrained = [...Object.values(limits), segmentMinApprovalRate, segmentMaxVolume].every((v) => v === undefined);
  const found = Object.entries(result.cutoffs).map(([segment, c]) => {
    const members = applications.flatMap((_, i) => (segmentOf![i] === segment ? [i] : []));
    const policy = bestPolicy(members, pds, applicants, strategy);
    const floor = segmentMinApprovalRate?.[segment];
    if (floor !== undefined) policy.frontier.min = Math.min(members.length, Math.ceil(floor * members.length));
    const cap = segmentMaxVolume?.[segment];
    if (cap !== undefined) {
      let k = 0;
      for (let lent = 0; k < members.length && lent + policy.frontier.volume[k]! <= cap; k++) lent += policy.frontier.volume[k]!;
      policy.frontier.max = k;
    }
    return { segment, members, applications: c.applications, policy };
  });
  if (!found.length) throw new Error('the optimiser found no segments: no applications to optimise');
  const unmet = unconstrained
    ? []
    : honourLimits(
        found.map((f) => f.policy.frontier),
        limits,
        applications.length,
      );
  const segments: SegmentPolicy[] = found.map(({ segment, members, applications: n, policy }) => {
    const { frontier: _f, ...kept } = { ...policy, ...policyAt(policy.frontier) };
    const agreement = members.length ? members.filter((i) => pds[i]! < kept.cutoff === result.choices[i]!.approve).length / members.length : 1;
    return { segment, ...kept, applications: n, agreement };
  });
  const everyone = applications.map((_, i) => i);
  // One policy for all, under the portfolio's own limits (a segment's limits cannot bind one cutoff).
  const one = bestPolicy(everyone, pds, applicants, strategy);
  if (!unconstrained) honourLimits([one.frontier], limits, applications.length);
  const { frontier: _one, ...portfolio } = { ...one, ...policyAt(one.frontier) };
  const total = segments.reduce((n, s) => n + s.applications, 0);
  // Both as the table decides, weighted by each segment's applications.
  return {
    segments,
    approvalRate: segments.reduce((a, s) => a + s.approvalRate * s.applications, 0) / total,
    agreement: segments.reduce((a, s) => a + s.agreement * s.applications, 0) / total,
    expectedProfit: segments.reduce((a, s) => a + s.expectedProfit, 0),
    portfolio,
    unmet,
  };
}

const feelString = (s: string) => JSON.stringify(s);

/**
 * The table the run writes: one rule per segment, and one for any other value (a segment the
 * history did not hold) with the most careful of them: the lowest cutoff, the highest rate, the
 * lowest limit. Its outputs are `cutoff`, `rate` and `limitFactor`.
 */
export function segmentTable(logic: TableLogic, segments: SegmentPolicy[]): NonNullable<Extract<NodeDefinition, { kind: 'table' }>['table']> {
  const rule = (entry: string, p: Pick<SegmentPolicy, 'cutoff' | 'rate' | 'limitFactor'>, annotation: string) => ({
    inputEntries: [entry],
    outputEntries: [String(p.cutoff), String(p.rate), String(p.limitFactor)],
    annotation,
  });
  const careful = {
    cutoff: Math.min(...segments.map((s) => s.cutoff)),
    rate: Math.max(...segments.map((s) => s.rate)),
    limitFactor: Math.min(...segments.map((s) => s.limitFactor)),
  };
  return {
    hitPolicy: 'UNIQUE',
    inputs: [{ expression: logic.table.segment, label: logic.table.segment }],
    outputs: [{ name: 'cutoff' }, { name: 'rate' }, { name: 'limitFactor' }],
    rules: [
      ...segments.map((s) =>
        rule(
          feelString(s.segment),
          s,
          `optimised on ${s.applications} applications: approval ${(s.approvalRate * 100).toFixed(1)}%, the cutoff agrees with ${(s.agreement * 100).toFixed(1)}% of the optimiser's choices`,
        ),
      ),
      rule(`not(${segments.map((s) => feelString(s.segment)).join(', ')})`, careful, 'any other segment: the most careful of the above'),
    ],
  };
}

/** A copy of the stored definition with the table the run wrote; nothing else of it changes. */
export function withSegmentTable<T>(definition: T, logic: TableLogic, segments: SegmentPolicy[]): T {
  return withTable(definition, logic.table.node, segmentTable(logic, segments));
}

/** The table node the program writes, checked: it exists in the flow and is inline. */
export function checkSegmentTable(definition: unknown, logic: TableLogic): void {
  tableNodeOf(definition, logic.table.node);
}
