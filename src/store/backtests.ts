import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface BacktestRecord {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  candidate: { flow: string; version: number };
  baseline: { flow: string; version: number };
  spec: Record<string, unknown>;
  rowsDone: number;
  rowsEstimated: number;
  report: unknown;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface Row {
  id: string;
  status: BacktestRecord['status'];
  candidate_flow: string;
  candidate_version: number;
  baseline_flow: string;
  baseline_version: number;
  spec: unknown;
  rows_done: number;
  rows_estimated: number;
  report: unknown;
  error: string | null;
  created_by: string;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const COLUMNS =
  'id, status, candidate_flow, candidate_version, baseline_flow, baseline_version, spec, rows_done, rows_estimated, report, error, created_by, created_at, started_at, finished_at';

const toRecord = (r: Row): BacktestRecord => ({
  id: r.id,
  status: r.status,
  candidate: { flow: r.candidate_flow, version: Number(r.candidate_version) },
  baseline: { flow: r.baseline_flow, version: Number(r.baseline_version) },
  spec: json(r.spec) as Record<string, unknown>,
  rowsDone: Number(r.rows_done),
  rowsEstimated: Number(r.rows_estimated),
  report: r.report === null ? null : json(r.report),
  error: r.error,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

export async function createBacktest(
  db: Database,
  b: {
    id: string;
    candidate: { flow: string; version: number };
    baseline: { flow: string; version: number };
    spec: Record<string, unknown>;
    data: string;
    rowsEstimated: number;
  },
  by: Actor,
  enqueue?: (tx: Queryable) => Promise<void>,
): Promise<BacktestRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `insert into backtests (id, status, candidate_flow, candidate_version, baseline_flow, baseline_version, spec, data, rows_estimated, created_by)
       values ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
      [b.id, b.candidate.flow, b.candidate.version, b.baseline.flow, b.baseline.version, JSON.stringify(b.spec), b.data, b.rowsEstimated, by.actor],
    );
    await appendAudit(tx, {
      actor: by.actor,
      action: 'backtest.started',
      subjectType: 'backtest',
      subjectId: b.id,
      requestId: by.requestId,
      data: { candidate: b.candidate, baseline: b.baseline, rows: b.rowsEstimated },
    });
    await enqueue?.(tx);
    return toRecord(rows[0]!);
  });
}

/** Takes a queued back-test for this process; null if another took it or it is not queued. */
export async function claimBacktest(db: Queryable, id: string): Promise<(BacktestRecord & { data: string }) | null> {
  // A run still marked running long after any back-test could take was cut off with its process: take it again.
  const { rows } = await db.query<Row & { data: string }>(
    `update backtests set status = 'running', started_at = now(), rows_done = 0 where id = $1 and data is not null and (status = 'queued' or (status = 'running' and started_at < now() - interval '15 minutes')) returning ${COLUMNS}, data`,
    [id],
  );
  return rows[0] ? { ...toRecord(rows[0]), data: rows[0].data } : null;
}

export async function backtestProgress(db: Queryable, id: string, rowsDone: number): Promise<void> {
  await db.query("update backtests set rows_done = $2 where id = $1 and status = 'running'", [id, rowsDone]);
}

/** Ends a run; the uploaded history is dropped either way. */
export async function finishBacktest(db: Database, id: string, result: { report: unknown; html: string } | { error: string }): Promise<void> {
  await db.transaction(async (tx) => {
    if ('error' in result)
      await tx.query("update backtests set status = 'failed', error = $2, data = null, finished_at = now() where id = $1", [id, result.error]);
    else
      await tx.query(
        "update backtests set status = 'done', report = $2, html = $3, rows_done = coalesce(($2::jsonb ->> 'rows')::int, rows_done), data = null, finished_at = now() where id = $1",
        [id, JSON.stringify(result.report), result.html],
      );
    await appendAudit(tx, {
      actor: 'system:backtest',
      action: 'error' in result ? 'backtest.failed' : 'backtest.finished',
      subjectType: 'backtest',
      subjectId: id,
    });
  });
}

export async function getBacktest(db: Queryable, id: string): Promise<BacktestRecord> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from backtests where id = $1`, [id]);
  if (!rows[0]) throw new StoreError('not_found', `no back-test "${id}"`);
  return toRecord(rows[0]);
}

export async function getBacktestHtml(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ html: string | null }>('select html from backtests where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no back-test "${id}"`);
  return rows[0].html;
}

export async function listBacktests(db: Queryable, limit: number): Promise<BacktestRecord[]> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from backtests order by created_at desc, id limit $1`, [limit]);
  return rows.map((r) => ({ ...toRecord(r), report: null }));
}
