import {
  usageOf,
  type BeginResult,
  type ConnectorUsage,
  type PullCompletion,
  type PullLedger,
  type PullRow,
  type PullStatus,
  type SealedReport,
} from '../connectors/index.ts';
import type { Database } from './database.ts';
import { buf, iso } from './row-values.ts';

interface ReportRow {
  report_sealed: Buffer | Uint8Array | null;
  data_key_id: string | null;
  master_version: number | null;
  wrapped: Buffer | Uint8Array | null;
}

/** A report whose data key was destroyed (erasure) is gone, even if its ciphertext is not. */
function reportOf(r: ReportRow): SealedReport | null {
  if (!r.report_sealed || !r.data_key_id || r.wrapped === null || r.master_version === null) return null;
  return { sealed: buf(r.report_sealed)!, dataKeyId: r.data_key_id, keyVersion: Number(r.master_version), wrapped: buf(r.wrapped)! };
}

const REPORT_JOIN = 'left join data_keys k on k.id = p.data_key_id';

/** The pull ledger in the database, shared by every server process. */
export class DatabasePullLedger implements PullLedger {
  constructor(private readonly db: Database) {}

  async begin(row: PullRow, reuse: { since: Date | null }): Promise<BeginResult> {
    const { rows } = await this.db.query<ReportRow & { kind: 'reuse' | 'started'; id: string; completed_at: Date | string | null }>(
      `with reusable as (
         select p.id, p.completed_at, p.report_sealed, p.data_key_id, k.master_version, k.wrapped
           from bureau_pulls p join data_keys k on k.id = p.data_key_id
          where p.connector_id = $2 and p.subject_index = $4 and p.status = 'success' and k.wrapped is not null
            and (($5::text is not null and p.request_key = $5) or ($6::timestamptz is not null and p.completed_at >= $6))
          order by p.completed_at desc limit 1
       ), started as (
         insert into bureau_pulls (id, connector_id, connector_version, subject_index, request_key, status)
         select $1, $2, $3, $4, $5, 'pending' where not exists (select 1 from reusable)
         on conflict (connector_id, subject_index) where status = 'pending' do nothing returning id
       )
       select 'reuse' as kind, id, completed_at, report_sealed, data_key_id, master_version, wrapped from reusable
       union all
       select 'started', id, null::timestamptz, null::bytea, null::text, null::int, null::bytea from started`,
      [row.id, row.connectorId, row.connectorVersion, row.subjectIndex, row.requestKey, reuse.since?.toISOString() ?? null],
    );
    const r = rows[0];
    if (r?.kind === 'reuse') {
      const report = reportOf(r);
      if (report) return { reuse: { pullId: r.id, report, completedAt: iso(r.completed_at)! } };
    }
    if (r?.kind === 'started') return { started: true };
    const { rows: other } = await this.db.query<{ id: string; requested_at: Date | string }>(
      "select id, requested_at from bureau_pulls where connector_id = $1 and subject_index = $2 and status = 'pending'",
      [row.connectorId, row.subjectIndex],
    );
    // It finished between the insert and this read: ask again (it is now reusable or gone).
    if (!other[0]) return this.begin(row, reuse);
    return { started: false, pendingId: other[0].id, requestedAt: iso(other[0].requested_at)! };
  }

  async complete(id: string, done: PullCompletion) {
    // One statement: the report's data key and the ledger row land together, in one round trip.
    await this.db.query(
      `with key as (insert into data_keys (id, master_version, wrapped) select $9, $10, $11 where $9::text is not null returning id)
       update bureau_pulls set status = $2, outcome = $3, cost = $4, latency_ms = $5, attempts = $6, error = $7, report_sealed = $8, data_key_id = $9, completed_at = now()
        where id = $1 and status = 'pending'`,
      [
        id,
        done.status,
        done.outcome,
        done.cost,
        done.latencyMs,
        done.attempts,
        done.error,
        done.report?.sealed ?? null,
        done.report?.dataKeyId ?? null,
        done.report?.keyVersion ?? null,
        done.report?.wrapped ?? null,
      ],
    );
  }

  async statusOf(id: string) {
    const { rows } = await this.db.query<ReportRow & { status: PullStatus; outcome: string | null }>(
      `select p.status, p.outcome, p.report_sealed, p.data_key_id, k.master_version, k.wrapped from bureau_pulls p ${REPORT_JOIN} where p.id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { status: r.status, outcome: r.outcome, report: reportOf(r) } : null;
  }

  async abandon(id: string) {
    const { rows } = await this.db.query(
      "update bureau_pulls set status = 'failed', outcome = 'abandoned', error = 'the process making this pull stopped before it finished', completed_at = now() where id = $1 and status = 'pending' returning id",
      [id],
    );
    return rows.length > 0;
  }

  async record(row: PullRow & { status: 'reused' | 'failed'; outcome: string; sourcePullId: string | null; error: string | null }) {
    await this.db.query(
      `insert into bureau_pulls (id, connector_id, connector_version, subject_index, request_key, status, outcome, source_pull_id, error, completed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [row.id, row.connectorId, row.connectorVersion, row.subjectIndex, row.requestKey, row.status, row.outcome, row.sourcePullId, row.error],
    );
  }

  async usage(connectorId: string, since: Date | null): Promise<ConnectorUsage> {
    const where = 'connector_id = $1 and ($2::timestamptz is null or requested_at >= $2)';
    const args = [connectorId, since?.toISOString() ?? null];
    const { rows: counts } = await this.db.query<{ status: PullStatus; outcome: string | null; n: number; cost: string | number; attempts: number }>(
      `select status, outcome, count(*)::int as n, coalesce(sum(cost), 0) as cost, coalesce(sum(attempts), 0)::int as attempts from bureau_pulls where ${where} group by status, outcome`,
      args,
    );
    const { rows: lat } = await this.db.query<{ p50: number | null; p95: number | null; p99: number | null; max: number | null }>(
      `select percentile_disc(0.5) within group (order by latency_ms) as p50, percentile_disc(0.95) within group (order by latency_ms) as p95,
              percentile_disc(0.99) within group (order by latency_ms) as p99, max(latency_ms) as max
         from bureau_pulls where ${where} and status in ('success', 'failed') and outcome <> 'no_consent' and latency_ms is not null`,
      args,
    );
    const groups = counts.map((c) => ({ ...c, cost: Number(c.cost) }));
    return usageOf(connectorId, since, groups, lat[0] ?? { p50: null, p95: null, p99: null, max: null });
  }
}
