import { VERDICTS, type BacktestStats, type Cell, type FlowStats, type Verdict } from './backtest-stats.ts';

export interface FlowSummary {
  approvalRate: number;
  outcomes: Record<Verdict, number>;
  /** Bad rate of the approved whose outcome is known; null when none is. */
  approvedBadRate: number | null;
  /** Null when the flow's offers carry no expected profit (no optimize node). */
  expectedProfit: number | null;
  expectedLoss: number | null;
  realisedProfit: number | null;
  realisedLoss: number | null;
  paths: { path: string; outcome: Verdict; count: number; share: number; badRate: number | null }[];
  distinctPaths: number;
}

export interface SwapSummary {
  count: number;
  share: number;
  badRate: number | null;
}

export interface BacktestReport {
  rows: number;
  invalid: number;
  invalidExamples: string[];
  candidate: FlowSummary;
  baseline: FlowSummary;
  /** Approved by the candidate, not by the baseline. */
  swapIns: SwapSummary;
  /** Approved by the baseline, not by the candidate. */
  swapOuts: SwapSummary;
  /** Approved by both. */
  kept: SwapSummary;
  matrix: Record<Verdict, Record<Verdict, Cell>>;
  seconds: number;
}

const badRate = (c: { known: number; bad: number }) => (c.known ? c.bad / c.known : null);

function summarise(f: FlowStats, rows: number, topPaths: number): FlowSummary {
  const approved = f.outcomes.approve;
  const paths = Object.entries(f.paths)
    .map(([path, p]) => ({ path, outcome: p.outcome, count: p.count, share: rows ? p.count / rows : 0, badRate: badRate(p) }))
    .sort((a, b) => b.count - a.count);
  return {
    approvalRate: rows ? approved.count / rows : 0,
    outcomes: Object.fromEntries(VERDICTS.map((v) => [v, f.outcomes[v].count])) as Record<Verdict, number>,
    approvedBadRate: badRate(approved),
    expectedProfit: f.expectedCount ? f.expectedProfit : null,
    expectedLoss: f.expectedCount ? f.expectedLoss : null,
    realisedProfit: f.realisedCount ? f.realisedProfit : null,
    realisedLoss: f.realisedCount ? f.realisedLoss : null,
    paths: paths.slice(0, topPaths),
    distinctPaths: paths.length,
  };
}

/** The cells of the swap matrix that `pick` takes (candidate verdict, baseline verdict), added up. */
export function swapTotals(s: BacktestStats, pick: (c: Verdict, b: Verdict) => boolean): Cell {
  const total = { count: 0, known: 0, bad: 0 };
  for (const c of VERDICTS)
    for (const b of VERDICTS)
      if (pick(c, b)) {
        total.count += s.swaps[c][b].count;
        total.known += s.swaps[c][b].known;
        total.bad += s.swaps[c][b].bad;
      }
  return total;
}

function swap(s: BacktestStats, pick: (c: Verdict, b: Verdict) => boolean): SwapSummary {
  const total = swapTotals(s, pick);
  return { count: total.count, share: s.rows ? total.count / s.rows : 0, badRate: badRate(total) };
}

export function backtestReport(s: BacktestStats, seconds: number, topPaths = 25): BacktestReport {
  return {
    rows: s.rows,
    invalid: s.invalid,
    invalidExamples: s.invalidExamples,
    candidate: summarise(s.candidate, s.rows, topPaths),
    baseline: summarise(s.baseline, s.rows, topPaths),
    swapIns: swap(s, (c, b) => c === 'approve' && b !== 'approve'),
    swapOuts: swap(s, (c, b) => c !== 'approve' && b === 'approve'),
    kept: swap(s, (c, b) => c === 'approve' && b === 'approve'),
    matrix: s.swaps,
    seconds,
  };
}
