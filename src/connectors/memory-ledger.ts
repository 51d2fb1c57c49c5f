import type { BeginResult, ConnectorUsage, PullCompletion, PullLedger, PullRow, PullStatus, SealedReport } from './pull-ledger.ts';
import { latencySummary, usageOf, type UsageGroup } from './usage.ts';

interface Entry extends PullRow {
  status: PullStatus;
  outcome: string | null;
  sourcePullId: string | null;
  cost: number;
  latencyMs: number | null;
  attempts: number;
  report: SealedReport | null;
  error: string | null;
  requestedAt: string;
  completedAt: string | null;
}

/** The ledger of one process, for the CLI and unit tests; the server keeps its ledger in the database. */
export class MemoryLedger implements PullLedger {
  readonly entries: Entry[] = [];

  async begin(row: PullRow, reuse: { since: Date | null }): Promise<BeginResult> {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.connectorId !== row.connectorId || e.subjectIndex !== row.subjectIndex || e.status !== 'success' || !e.report) continue;
      if ((row.requestKey && e.requestKey === row.requestKey) || (reuse.since && Date.parse(e.completedAt!) >= reuse.since.getTime()))
        return { reuse: { pullId: e.id, report: e.report, completedAt: e.completedAt! } };
    }
    const pending = this.entries.find((e) => e.connectorId === row.connectorId && e.subjectIndex === row.subjectIndex && e.status === 'pending');
    if (pending) return { started: false, pendingId: pending.id, requestedAt: pending.requestedAt };
    this.entries.push({
      ...row,
      status: 'pending',
      outcome: null,
      sourcePullId: null,
      cost: 0,
      latencyMs: null,
      attempts: 0,
      report: null,
      error: null,
      requestedAt: new Date().toISOString(),
      completedAt: null,
    });
    return { started: true };
  }

  async complete(id: string, done: PullCompletion) {
    const e = this.entries.find((x) => x.id === id);
    if (e) Object.assign(e, done, { completedAt: new Date().toISOString() });
  }

  async statusOf(id: string) {
    const e = this.entries.find((x) => x.id === id);
    return e ? { status: e.status, outcome: e.outcome, report: e.report } : null;
  }

  async abandon(id: string) {
    const e = this.entries.find((x) => x.id === id && x.status === 'pending');
    if (e) Object.assign(e, { status: 'failed', outcome: 'abandoned', completedAt: new Date().toISOString() });
    return !!e;
  }

  async record(row: PullRow & { status: 'reused' | 'failed'; outcome: string; sourcePullId: string | null; error: string | null }) {
    const at = new Date().toISOString();
    this.entries.push({ ...row, cost: 0, latencyMs: null, attempts: 0, report: null, requestedAt: at, completedAt: at });
  }

  async usage(connectorId: string, since: Date | null): Promise<ConnectorUsage> {
    const rows = this.entries.filter((e) => e.connectorId === connectorId && (!since || Date.parse(e.requestedAt) >= since.getTime()));
    const groups = new Map<string, UsageGroup>();
    for (const r of rows) {
      const key = `${r.status}\u0000${r.outcome}`;
      const g = groups.get(key) ?? { status: r.status, outcome: r.outcome, n: 0, cost: 0, attempts: 0 };
      g.n++;
      g.cost += r.cost;
      g.attempts += r.attempts;
      groups.set(key, g);
    }
    const called = rows.filter((r) => (r.status === 'success' || r.status === 'failed') && r.outcome !== 'no_consent' && r.latencyMs !== null);
    return usageOf(connectorId, since, [...groups.values()], latencySummary(called.map((r) => r.latencyMs!)));
  }
}
