import type { Queryable, Database } from './database.ts';
import type { Actor } from './api-keys.ts';
import { appendAudit, type AuditEntry } from './audit-log.ts';
import { destroyDataKeys, insertDataKey } from './data-keys.ts';
import { StoreError } from './store-error.ts';

export interface BatchRecord {
  id: string;
  flowId: string;
  flowVersion: number | null;
  clientId: string;
  rows: number;
  chunks: number;
  chunksDone: number;
  failedRows: number;
  status: BatchStatus;
  createdAt: string;
  finishedAt: string | null;
  /** Who cancelled it, when it was. */
  cancelledBy: string | null;
}

export type BatchStatus = 'running' | 'done' | 'cancelled';

export interface NewChunk {
  firstRow: number;
  rows: number;
  dataKey: { id: string; version: number; wrapped: Buffer };
  sealed: Buffer;
}

export interface ClaimedChunk {
  batch: BatchRecord;
  chunk: number;
  firstRow: number;
  rows: number;
  dataKey: { id: string; version: number; wrapped: Buffer } | null;
  sealed: Buffer | null;
}

interface BatchRow {
  id: string;
  flow_id: string;
  flow_version: number | null;
  client_id: string;
  rows: number;
  chunks: number;
  chunks_done: number;
  failed_rows: number;
  status: BatchStatus;
  created_at: Date | string;
  finished_at: Date | string | null;
  cancelled_by: string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toBatch(r: BatchRow): BatchRecord {
  return {
    id: r.id,
    flowId: r.flow_id,
    flowVersion: r.flow_version === null ? null : Number(r.flow_version),
    clientId: r.client_id,
    rows: Number(r.rows),
    chunks: Number(r.chunks),
    chunksDone: Number(r.chunks_done),
    failedRows: Number(r.failed_rows),
    status: r.status,
    createdAt: iso(r.created_at)!,
    finishedAt: iso(r.finished_at),
    cancelledBy: r.cancelled_by ?? null,
  };
}

const buf = (v: unknown) => (v === null || v === undefined ? null : Buffer.from(v as Uint8Array));

/** Stores a batch and its sealed chunks in one transaction: accepted whole, or not at all. */
export async function createBatch(
  db: Database,
  batch: { id: string; flowId: string; flowVersion: number | null; clientId: string; rows: number },
  chunks: NewChunk[],
  audit: AuditEntry,
): Promise<BatchRecord> {
  const id = batch.id;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<BatchRow>(
      `insert into batches (id, flow_id, flow_version, client_id, rows, chunks, status) values ($1, $2, $3, $4, $5, $6, 'running') returning *`,
      [id, batch.flowId, batch.flowVersion, batch.clientId, batch.rows, chunks.length],
    );
    for (const [i, c] of chunks.entries()) {
      await insertDataKey(tx, c.dataKey);
      await tx.query(
        `insert into batch_chunks (batch_id, chunk, first_row, rows, data_key_id, rows_sealed, status) values ($1, $2, $3, $4, $5, $6, 'queued')`,
        [id, i, c.firstRow, c.rows, c.dataKey.id, c.sealed],
      );
    }
    await appendAudit(tx, audit);
    return toBatch(rows[0]!);
  });
}

export async function getBatch(db: Queryable, id: string): Promise<BatchRecord> {
  const { rows } = await db.query<BatchRow>('select * from batches where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no batch "${id}"`);
  return toBatch(rows[0]);
}

/**
 * Takes the next chunk nobody holds (queued, or running under a lease that lapsed: its server
 * died) for `leaseSeconds`. Of several servers asking at once each gets a different chunk.
 */
export async function claimChunk(db: Queryable, holder: string, leaseSeconds: number): Promise<ClaimedChunk | null> {
  const { rows } = await db.query<{ batch_id: string; chunk: number; first_row: number; rows: number; data_key_id: string | null; rows_sealed: unknown }>(
    `update batch_chunks c set status = 'running', holder = $1, lease_until = now() + make_interval(secs => $2)
      where (c.batch_id, c.chunk) = (
        select batch_id, chunk from batch_chunks
         where status = 'queued' or (status = 'running' and lease_until < now())
         order by batch_id, chunk limit 1 for update skip locked)
      returning c.batch_id, c.chunk, c.first_row, c.rows, c.data_key_id, c.rows_sealed`,
    [holder, leaseSeconds],
  );
  const r = rows[0];
  if (!r) return null;
  const batch = await getBatch(db, r.batch_id);
  let dataKey: ClaimedChunk['dataKey'] = null;
  if (r.data_key_id) {
    const { rows: k } = await db.query<{ master_version: number | null; wrapped: unknown }>('select master_version, wrapped from data_keys where id = $1', [
      r.data_key_id,
    ]);
    if (k[0]?.wrapped && k[0].master_version !== null) dataKey = { id: r.data_key_id, version: Number(k[0].master_version), wrapped: buf(k[0].wrapped)! };
  }
  return { batch, chunk: Number(r.chunk), firstRow: Number(r.first_row), rows: Number(r.rows), dataKey, sealed: buf(r.rows_sealed) };
}

/** Keeps a chunk while working on it; false when the lease was lost (another server took it). */
export async function renewChunkLease(db: Queryable, batchId: string, chunk: number, holder: string, leaseSeconds: number): Promise<boolean> {
  const { rows } = await db.query(
    `update batch_chunks set lease_until = now() + make_interval(secs => $4) where batch_id = $1 and chunk = $2 and holder = $3 and status = 'running' returning chunk`,
    [batchId, chunk, holder, leaseSeconds],
  );
  return rows.length > 0;
}

/**
 * Marks a chunk decided: its rows and their key are destroyed, its failures recorded, and the
 * batch finished with its last chunk. Done at most once per chunk, whoever finishes it.
 */
export async function completeChunk(
  db: Database,
  batchId: string,
  chunk: number,
  failures: { row: number; code: string; message: string }[],
): Promise<BatchRecord | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ data_key_id: string | null }>(
      `update batch_chunks set status = 'done', rows_sealed = null, holder = null, lease_until = null where batch_id = $1 and chunk = $2 and status in ('queued', 'running') returning data_key_id`,
      [batchId, chunk],
    );
    if (!rows[0]) return null;
    if (rows[0].data_key_id) await destroyDataKeys(tx, [rows[0].data_key_id]);
    for (const f of failures) {
      await tx.query('insert into batch_row_errors (batch_id, row, code, message) values ($1, $2, $3, $4) on conflict do nothing', [
        batchId,
        f.row,
        f.code,
        f.message.slice(0, 500),
      ]);
    }
    const { rows: b } = await tx.query<BatchRow>(
      `update batches set chunks_done = chunks_done + 1, failed_rows = failed_rows + $2,
         status = case when chunks_done + 1 = chunks and status = 'running' then 'done' else status end,
         finished_at = case when chunks_done + 1 = chunks and status = 'running' then now() else finished_at end
       where id = $1 returning *`,
      [batchId, failures.length],
    );
    return toBatch(b[0]!);
  });
}

/**
 * Cancels a running batch: its chunks not yet decided are dropped, their applications and data
 * keys destroyed; a chunk a server is deciding stops at its next lease renewal. Rows already
 * decided keep their decisions. A finished or cancelled batch cannot be cancelled.
 */
export async function cancelBatch(db: Database, id: string, by: Actor, audit: (cancelled: BatchRecord) => AuditEntry): Promise<BatchRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<BatchRow>(
      `update batches set status = 'cancelled', cancelled_by = $2, finished_at = now() where id = $1 and status = 'running' returning *`,
      [id, by.actor],
    );
    if (!rows[0]) {
      const existing = await getBatch(tx, id);
      throw new StoreError(
        'conflict',
        `batch ${id} is ${existing.status === 'done' ? 'finished' : 'cancelled already'}: only a running batch can be cancelled`,
      );
    }
    const { rows: dropped } = await tx.query<{ data_key_id: string | null }>(
      `update batch_chunks set status = 'cancelled', rows_sealed = null, holder = null, lease_until = null
        where batch_id = $1 and status in ('queued', 'running') returning data_key_id`,
      [id],
    );
    await destroyDataKeys(
      tx,
      dropped.map((d) => d.data_key_id).filter((k): k is string => k !== null),
    );
    const cancelled = toBatch(rows[0]);
    await appendAudit(tx, audit(cancelled));
    return cancelled;
  });
}

export interface BatchResultRow {
  row: number;
  decisionId: string | null;
  status: string | null;
  outcome: string | null;
  result: unknown;
  errorCode: string | null;
  error: string | null;
}

/** Every row of a batch in order: its decision (found by the row's idempotency key), or why it has none. */
export async function batchResults(db: Queryable, batch: BatchRecord, keyOf: (row: number) => string): Promise<BatchResultRow[]> {
  const { rows: decided } = await db.query<{ idempotency_key: string; id: string; status: string; outcome: string | null; result: unknown }>(
    `select idempotency_key, id, status, outcome, result from decisions where client_id = $1 and idempotency_key like $2`,
    [batch.clientId, `${keyOf(0).replace(/:0$/, ':')}%`],
  );
  const byKey = new Map(decided.map((d) => [d.idempotency_key, d]));
  const { rows: errors } = await db.query<{ row: number; code: string; message: string }>(
    'select row, code, message from batch_row_errors where batch_id = $1',
    [batch.id],
  );
  const errorOf = new Map(errors.map((e) => [Number(e.row), e]));
  return Array.from({ length: batch.rows }, (_, row) => {
    const d = byKey.get(keyOf(row));
    const e = errorOf.get(row);
    return {
      row,
      decisionId: d?.id ?? null,
      status: d?.status ?? null,
      outcome: d?.outcome ?? null,
      result: d ? (typeof d.result === 'string' ? JSON.parse(d.result) : d.result) : null,
      errorCode: d ? null : (e?.code ?? null),
      error: d ? null : (e?.message ?? null),
    };
  });
}
