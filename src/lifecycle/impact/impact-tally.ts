import type { FlowResult } from '../../flow/index.ts';
import { verdictOf, VERDICTS, type Verdict } from '../backtest/backtest-stats.ts';

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

function side() {
  return { outcomes: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>, profit: 0, loss: 0, valued: 0 };
}

const reasonKey = (r: FlowResult): string =>
  r.status === 'completed'
    ? r.output.reasons
        .map((x) => x.code)
        .sort()
        .join(',') || '(none)'
    : `review at ${r.wait.node}`;

const offerKey = (r: FlowResult): string => (r.status === 'completed' ? JSON.stringify(r.output.offer ?? null) : '');

function expected(r: FlowResult): { profit: number; loss: number } | null {
  if (r.status !== 'completed' || r.output.outcome !== 'approve') return null;
  const offer = (r.output.offer ?? {}) as Record<string, unknown>;
  return typeof offer.expectedProfit === 'number' && typeof offer.expectedLoss === 'number' ? { profit: offer.expectedProfit, loss: offer.expectedLoss } : null;
}

/** Counts what a draft would have changed over past decisions; add pairs, then read the report. */
export class ImpactTally {
  private n = 0;
  private readonly errors = { live: new Map<string, number>(), draft: new Map<string, number>() };
  private readonly sides = { live: side(), draft: side() };
  private readonly matrix = Object.fromEntries(VERDICTS.map((d) => [d, Object.fromEntries(VERDICTS.map((l) => [l, 0]))])) as Record<
    Verdict,
    Record<Verdict, number>
  >;
  private readonly swaps = { in: { count: 0, known: 0, bad: 0 }, out: { count: 0, known: 0, bad: 0 } };
  private changedOutcome = 0;
  private changedReasons = 0;
  private readonly reasonMoves = new Map<string, number>();
  private changedOffer = 0;
  private readonly paths = { live: new Map<string, number>(), draft: new Map<string, number>() };
  readonly bureau = { replayed: 0, unavailable: 0 };

  add(pair: ReplayedPair): void {
    this.n++;
    const live = 'error' in pair.live ? null : pair.live;
    const draft = 'error' in pair.draft ? null : pair.draft;
    if ('error' in pair.live) bump(this.errors.live, pair.live.error);
    if ('error' in pair.draft) bump(this.errors.draft, pair.draft.error);
    for (const [name, r] of [
      ['live', live],
      ['draft', draft],
    ] as const) {
      if (!r) continue;
      const s = this.sides[name];
      s.outcomes[verdictOf(r)]++;
      const e = expected(r);
      if (e) {
        s.profit += e.profit;
        s.loss += e.loss;
        s.valued++;
      }
      bump(this.paths[name], r.path.join(' > '));
    }
    if (!live || !draft) return;
    const lv = verdictOf(live);
    const dv = verdictOf(draft);
    this.matrix[dv][lv]++;
    if (lv !== dv) {
      this.changedOutcome++;
      const group = dv === 'approve' ? this.swaps.in : lv === 'approve' ? this.swaps.out : null;
      if (group) {
        group.count++;
        if (pair.bad !== null) {
          group.known++;
          if (pair.bad) group.bad++;
        }
      }
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
    const n = this.n;
    const share = (x: number) => (n ? x / n : 0);
    const sideReport = (s: ReturnType<typeof side>): ImpactSide => ({
      approvalRate: share(s.outcomes.approve),
      outcomes: s.outcomes,
      expectedProfit: s.valued ? s.profit : null,
      expectedLoss: s.valued ? s.loss : null,
    });
    const group = (g: { count: number; known: number; bad: number }): SwapGroup => ({
      ...g,
      share: share(g.count),
      badRate: g.known ? g.bad / g.known : null,
    });
    const all = new Set([...this.paths.live.keys(), ...this.paths.draft.keys()]);
    const changes = [...all].map((path) => ({ path, live: this.paths.live.get(path) ?? 0, draft: this.paths.draft.get(path) ?? 0 }));
    const byMove = (a: PathChange, b: PathChange) => Math.abs(b.draft - b.live) - Math.abs(a.draft - a.live) || a.path.localeCompare(b.path);
    return {
      decisions: n,
      errors: { live: Object.fromEntries(this.errors.live), draft: Object.fromEntries(this.errors.draft) },
      live: sideReport(this.sides.live),
      draft: sideReport(this.sides.draft),
      swapIns: group(this.swaps.in),
      swapOuts: group(this.swaps.out),
      matrix: this.matrix,
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
        distinctLive: this.paths.live.size,
        distinctDraft: this.paths.draft.size,
      },
      bureau: { ...this.bureau },
    };
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}
