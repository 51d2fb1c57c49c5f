import type { FlowResult } from '../../flow/index.ts';

export type Verdict = 'approve' | 'decline' | 'refer' | 'review';

export const VERDICTS: readonly Verdict[] = ['approve', 'decline', 'refer', 'review'];

/** Outcome counts with the bads among those whose performance is known. */
export interface Cell {
  count: number;
  known: number;
  bad: number;
}

export interface PathStats extends Cell {
  outcome: Verdict;
}

export interface FlowStats {
  outcomes: Record<Verdict, Cell>;
  expectedProfit: number;
  expectedLoss: number;
  /** Approvals whose offer carried an expected profit (from an optimize node). */
  expectedCount: number;
  /** Sums over approved applications whose outcome is known, valued with the strategy's economics. */
  realisedProfit: number;
  realisedLoss: number;
  realisedCount: number;
  paths: Record<string, PathStats>;
}

/** Everything a back-test counts; two of them (from two workers) add up to one. */
export interface BacktestStats {
  rows: number;
  invalid: number;
  invalidExamples: string[];
  candidate: FlowStats;
  baseline: FlowStats;
  /** candidate verdict → baseline verdict → cell: swap-ins are approve → not approve, swap-outs the reverse. */
  swaps: Record<Verdict, Record<Verdict, Cell>>;
}

const cell = (): Cell => ({ count: 0, known: 0, bad: 0 });
const byVerdict = <T>(make: () => T): Record<Verdict, T> => ({ approve: make(), decline: make(), refer: make(), review: make() });

export function emptyStats(): BacktestStats {
  const flow = (): FlowStats => ({
    outcomes: byVerdict(cell),
    expectedProfit: 0,
    expectedLoss: 0,
    expectedCount: 0,
    realisedProfit: 0,
    realisedLoss: 0,
    realisedCount: 0,
    paths: {},
  });
  return { rows: 0, invalid: 0, invalidExamples: [], candidate: flow(), baseline: flow(), swaps: byVerdict(() => byVerdict(cell)) };
}

export function verdictOf(r: FlowResult): Verdict {
  return r.status === 'pending_review' ? 'review' : r.output.outcome;
}

function addCell(c: Cell, bad: boolean | null): void {
  c.count++;
  if (bad !== null) {
    c.known++;
    if (bad) c.bad++;
  }
}

/** What one flow's decision on one row adds. `value` is the realised profit and loss when it can be told. */
export function addDecision(s: FlowStats, r: FlowResult, bad: boolean | null, value: { profit: number; loss: number } | null): void {
  const v = verdictOf(r);
  addCell(s.outcomes[v], bad);
  const key = r.path.join(' > ');
  const p = (s.paths[key] ??= { outcome: v, count: 0, known: 0, bad: 0 });
  addCell(p, bad);
  if (r.status === 'completed' && v === 'approve') {
    const offer = r.output.offer as Record<string, unknown>;
    if (typeof offer.expectedProfit === 'number') {
      s.expectedProfit += offer.expectedProfit;
      s.expectedCount++;
    }
    if (typeof offer.expectedLoss === 'number') s.expectedLoss += offer.expectedLoss;
    if (value) {
      s.realisedProfit += value.profit;
      s.realisedLoss += value.loss;
      s.realisedCount++;
    }
  }
}

export function addSwap(s: BacktestStats, candidate: FlowResult, baseline: FlowResult, bad: boolean | null): void {
  addCell(s.swaps[verdictOf(candidate)][verdictOf(baseline)], bad);
}

const mergeCell = (into: Cell, c: Cell) => {
  into.count += c.count;
  into.known += c.known;
  into.bad += c.bad;
};

function mergeFlow(into: FlowStats, f: FlowStats): void {
  for (const v of VERDICTS) mergeCell(into.outcomes[v], f.outcomes[v]);
  into.expectedProfit += f.expectedProfit;
  into.expectedLoss += f.expectedLoss;
  into.expectedCount += f.expectedCount;
  into.realisedProfit += f.realisedProfit;
  into.realisedLoss += f.realisedLoss;
  into.realisedCount += f.realisedCount;
  for (const [k, p] of Object.entries(f.paths)) mergeCell((into.paths[k] ??= { outcome: p.outcome, count: 0, known: 0, bad: 0 }), p);
}

export function mergeStats(into: BacktestStats, s: BacktestStats): BacktestStats {
  into.rows += s.rows;
  into.invalid += s.invalid;
  into.invalidExamples.push(...s.invalidExamples.slice(0, Math.max(0, 5 - into.invalidExamples.length)));
  mergeFlow(into.candidate, s.candidate);
  mergeFlow(into.baseline, s.baseline);
  for (const a of VERDICTS) for (const b of VERDICTS) mergeCell(into.swaps[a][b], s.swaps[a][b]);
  return into;
}
