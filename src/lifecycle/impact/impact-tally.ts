import type { FlowResult } from '../../flow/index.ts';
import { swapTotals } from '../backtest/backtest-report.ts';
import { addDecision, addSwap, emptyStats, verdictOf, VERDICTS, type BacktestStats, type FlowStats, type Verdict } from '../backtest/backtest-stats.ts';

/** What became of a past decision's application under the live version and under the draft. */
export interface ReplayedPair {
  live: FlowResult | { error: string };
  draft: FlowResult | { error: string };
  /** From the outcomes reported since: null when nothing is known yet. */
  bad: boolean | null;
}

export interface ImpactSide {
  approvalRate: number;
  outcomes: Record<Verdict, number>;
  /** Sums over approvals whose offer carries an expected profit and loss (an optimize node); null without. */
  expectedProfit: number | null;
  expectedLoss: number | null;
}

export interface SwapGroup {
  count: number;
  share: number;
  /** Of these, how many have a known outcome, and how many of those went bad. */
  known: number;
  bad: number;
  badRate: number | null;
}

export interface PathChange {
  path: string;
  live: number;
  draft: number;
}

/** Aggregates only: codes, counts and node ids, never an application's values. */
export interface ImpactReport {
  decisions: number;
  /** Runs either version refused or failed, by error code. */
  errors: { live: Record<string, number>; draft: Record<string, number> };
  live: ImpactSide;
  draft: ImpactSide;
  /** Approved by the draft, not by the live version; and the reverse. */
  swapIns: SwapGroup;
  swapOuts: SwapGroup;
  /** Draft verdict → live verdict → count. */
  matrix: Record<Verdict, Record<Verdict, number>>;
  changedOutcome: number;
  /** Same verdict, different reason codes. */
  changedReasons: { count: number; share: number; top: { from: string; to: string; count: number }[] };
  changedOffer: { count: number; share: number };
  paths: { added: PathChange[]; removed: PathChange[]; changed: PathChange[]; distinctLive: number; distinctDraft: number };
  /** Bureau nodes answered from the decision's recorded pull, or as unavailable when none was recorded. */
  bureau: { replayed: number; unavailable: number };
}

const TOP = 20;

const reasonKey = (r: FlowResult): string =>
  r.status === 'completed'
    ? r.output.reasons
        .map((x) => x.code)
        .sort()
        .join(',') || '(none)'
    : `review at ${r.wait.node}`;

const offerKey = (r: FlowResult): string => (r.status === 'completed' ? JSON.stringify(r.output.offer ?? null) : '');

/**
 * Counts what a draft would have changed over past decisions; add pairs, then read the report.
 * Outcomes, swaps, expected value and paths are counted as a back-test counts them (the live
 * version as its baseline, the draft as its candidate); errors, reasons and offers besides.
 */
export class ImpactTally {
  private readonly stats: BacktestStats = emptyStats();
  private readonly errors = { live: new Map<string, number>(), draft: new Map<string, number>() };
  private changedOutcome = 0;
  private changedReasons = 0;
  private readonly reasonMoves = new Map<string, number>();
  private changedOffer = 0;
  readonly bureau = { replayed: 0, unavailable: 0 };

  add(pair: ReplayedPair): void {
    this.stats.rows++;
    const live = 'error' in pair.live ? null : pair.live;
    const draft = 'error' in pair.draft ? null : pair.draft;
    if ('error' in pair.live) bump(this.errors.live, pair.live.error);
    if ('error' in pair.draft) bump(this.errors.draft, pair.draft.error);
    if (live) addDecision(this.stats.baseline, live, pair.bad, null);
    if (draft) addDecision(this.stats.candidate, draft, pair.bad, null);
    if (!live || !draft) return;
    addSwap(this.stats, draft, live, pair.bad);
    if (verdictOf(live) !== verdictOf(draft)) {
      this.changedOutcome++;
      return;
    }
    const from = reasonKey(live);
    const to = reasonKey(draft);
    if (from !== to) {
      this.changedReasons++;
      bump(this.reasonMoves, `${from}\u0000${to}`);
    } else if (offerKey(live) !== offerKey(draft)) this.changedOffer++;
  }

  report(): ImpactReport {
    const { stats } = this;
    const n = stats.rows;
    const share = (x: number) => (n ? x / n : 0);
    const side = (f: FlowStats): ImpactSide => ({
      approvalRate: share(f.outcomes.approve.count),
      outcomes: Object.fromEntries(VERDICTS.map((v) => [v, f.outcomes[v].count])) as Record<Verdict, number>,
      expectedProfit: f.expectedCount ? f.expectedProfit : null,
      expectedLoss: f.expectedCount ? f.expectedLoss : null,
    });
    const group = (pick: (draft: Verdict, live: Verdict) => boolean): SwapGroup => {
      const g = swapTotals(stats, pick);
      return { ...g, share: share(g.count), badRate: g.known ? g.bad / g.known : null };
    };
    const all = new Set([...Object.keys(stats.baseline.paths), ...Object.keys(stats.candidate.paths)]);
    const changes = [...all].map((path) => ({ path, live: stats.baseline.paths[path]?.count ?? 0, draft: stats.candidate.paths[path]?.count ?? 0 }));
    const byMove = (a: PathChange, b: PathChange) => Math.abs(b.draft - b.live) - Math.abs(a.draft - a.live) || a.path.localeCompare(b.path);
    return {
      decisions: n,
      errors: { live: Object.fromEntries(this.errors.live), draft: Object.fromEntries(this.errors.draft) },
      live: side(stats.baseline),
      draft: side(stats.candidate),
      swapIns: group((d, l) => d === 'approve' && l !== 'approve'),
      swapOuts: group((d, l) => d !== 'approve' && l === 'approve'),
      matrix: Object.fromEntries(VERDICTS.map((d) => [d, Object.fromEntries(VERDICTS.map((l) => [l, stats.swaps[d][l].count]))])) as Record<
        Verdict,
        Record<Verdict, number>
      >,
      changedOutcome: this.changedOutcome,
      changedReasons: {
        count: this.changedReasons,
        share: share(this.changedReasons),
        top: [...this.reasonMoves]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, TOP)
          .map(([k, count]) => {
            const [from, to] = k.split('\u0000') as [string, string];
            return { from, to, count };
          }),
      },
      changedOffer: { count: this.changedOffer, share: share(this.changedOffer) },
      paths: {
        added: changes
          .filter((c) => c.live === 0)
          .sort(byMove)
          .slice(0, TOP),
        removed: changes
          .filter((c) => c.draft === 0)
          .sort(byMove)
          .slice(0, TOP),
        changed: changes
          .filter((c) => c.live > 0 && c.draft > 0 && c.live !== c.draft)
          .sort(byMove)
          .slice(0, TOP),
        distinctLive: Object.keys(stats.baseline.paths).length,
        distinctDraft: Object.keys(stats.candidate.paths).length,
      },
      bureau: { ...this.bureau },
    };
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}
