import { secondsFromEnv } from '../support/env-seconds.ts';
import { WakeablePause } from '../support/wakeable-pause.ts';
import { hostname } from 'node:os';
import { FlowError, parseApplications } from '../flow/index.ts';
import { newDataKey, openJson, sealJson, type KeyProvider } from '../privacy/index.ts';
import {
  batchResults,
  cancelBatch,
  claimChunk,
  completeChunk,
  createBatch,
  getBatch,
  newId,
  renewChunkLease,
  type Actor,
  type BatchRecord,
  type BatchResultRow,
  type ClaimedChunk,
  type Database,
} from '../store/index.ts';
import type { DecisionService } from './decision-service.ts';
import { applicationsFromParquet } from './parquet-files.ts';
import { ServiceError } from './service-error.ts';

export type BatchFormat = 'csv' | 'jsonl' | 'parquet';

/** Applications per chunk: a chunk is the unit one server takes, decides and commits as done. */
export const BATCH_CHUNK_ROWS = 500;
/** The most applications one batch may hold. */
export const BATCH_MAX_ROWS = 2_000_000;
/** Decisions of one chunk in flight at once, so that they share group commits. */
const CONCURRENCY = 250;
/** Chunks one process decides at once (see start). */
const CHUNKS_AT_ONCE = 2;

/** Each row is decided under its own idempotency key, so a chunk decided again after a crash stores nothing twice. */
export const batchRowKey = (batchId: string, row: number) => `batch:${batchId}:${row}`;
const chunkAad = (batchId: string, chunk: number) => `batch_chunks:${batchId}:${chunk}`;

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * Batch decisioning (a pre-approval campaign over a customer base): a file of applications is
 * stored sealed in chunks, every server's runner takes chunks from the database, and each row
 * is decided exactly as an online decision is (sealed, audited, its own idempotency key), on
 * the flow version that was published when the batch was submitted.
 */
export class BatchService {
  private readonly holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly pause = new WakeablePause();
  /** A chunk whose server stops renewing is taken by another after this (ARBITER_BATCH_LEASE_SECONDS). */
  private readonly leaseSeconds = secondsFromEnv('ARBITER_BATCH_LEASE_SECONDS', 30);

  constructor(
    private readonly db: Database,
    private readonly keys: KeyProvider,
    private readonly decisions: DecisionService,
    private readonly logger: Logger | null = null,
  ) {}

  async submit(input: { flow: string; version?: number; format: BatchFormat; content: string | Uint8Array }, by: Actor): Promise<BatchRecord> {
    const loaded = await this.decisions.catalog.load(input.flow, input.version);
    let applications: Record<string, unknown>[];
    try {
      if (input.format === 'parquet') {
        if (typeof input.content === 'string') throw new ServiceError('invalid', 'invalid_file', 'a Parquet file is binary: send its bytes');
        applications = await applicationsFromParquet(input.content);
      } else {
        const text = typeof input.content === 'string' ? input.content : Buffer.from(input.content).toString('utf8');
        applications = parseApplications(text, input.format, loaded.flow.definition.input.fields, 'the file');
      }
    } catch (err) {
      if (err instanceof FlowError) throw new ServiceError('invalid', 'invalid_file', err.message, err.issues);
      throw err;
    }
    if (applications.length === 0)
      throw new ServiceError('invalid', 'empty_batch', 'the file holds no applications: a CSV needs a header row and one row per application');
    if (applications.length > BATCH_MAX_ROWS)
      throw new ServiceError('invalid', 'batch_too_large', `${applications.length} applications; a batch holds at most ${BATCH_MAX_ROWS}: split the file`);
    const id = newId('bat');
    const chunks = [];
    for (let first = 0, chunk = 0; first < applications.length; first += BATCH_CHUNK_ROWS, chunk++) {
      const rows = applications.slice(first, first + BATCH_CHUNK_ROWS);
      const keyId = newId('dk');
      const dataKey = newDataKey();
      const wrapped = this.keys.wrap(dataKey, keyId);
      chunks.push({ firstRow: first, rows: rows.length, dataKey: { id: keyId, ...wrapped }, sealed: sealJson(dataKey, rows, chunkAad(id, chunk)) });
    }
    // Stored and audited in one transaction: a batch exists only with its audit event.
    const batch = await createBatch(
      this.db,
      { id, flowId: input.flow, flowVersion: loaded.version.version, clientId: by.actor, rows: applications.length },
      chunks,
      {
        actor: by.actor,
        action: 'batch.submitted',
        subjectType: 'batch',
        subjectId: id,
        requestId: by.requestId,
        data: { flow: input.flow, version: loaded.version.version, rows: applications.length, chunks: chunks.length },
      },
    );
    this.pause.wake();
    return batch;
  }

  get(id: string): Promise<BatchRecord> {
    return getBatch(this.db, id);
  }

  async results(id: string): Promise<{ batch: BatchRecord; rows: BatchResultRow[] }> {
    const batch = await this.get(id);
    if (batch.status === 'running')
      throw new ServiceError(
        'conflict',
        'not_finished',
        `batch ${id} has ${batch.chunksDone} of ${batch.chunks} chunks decided; its results are ready when all are`,
      );
    const rows = await batchResults(this.db, batch, (row) => batchRowKey(id, row));
    if (batch.status !== 'cancelled') return { batch, rows };
    // A cancelled batch's results hold what was decided; every other row says why it was not.
    return {
      batch,
      rows: rows.map((r) =>
        r.decisionId || r.errorCode
          ? r
          : { ...r, errorCode: 'cancelled', error: `the batch was cancelled by ${batch.cancelledBy} before this row was decided` },
      ),
    };
  }

  /**
   * Stops a batch: chunks not yet decided are dropped with their applications; a chunk being
   * decided stops within a third of the lease (ARBITER_BATCH_LEASE_SECONDS), when its server
   * next renews it. Rows decided by then keep their decisions; the results list the rest.
   */
  async cancel(id: string, by: Actor, onlyOwn: boolean): Promise<BatchRecord> {
    if (onlyOwn && (await this.get(id)).clientId !== by.actor)
      throw new ServiceError('forbidden', 'not_yours', `batch ${id} was submitted by another key; a service key cancels only its own batches`);
    return cancelBatch(this.db, id, by, (cancelled) => ({
      actor: by.actor,
      action: 'batch.cancelled',
      subjectType: 'batch',
      subjectId: id,
      requestId: by.requestId,
      data: { chunksDone: cancelled.chunksDone, chunks: cancelled.chunks },
    }));
  }

  /**
   * Takes chunks from the database until stopped; every server runs one. Two chunks are decided
   * at once, so that one chunk's flows run while the other's decisions are being committed:
   * with one, the process sat idle through every commit.
   */
  start(idleMs = 500, lanes = CHUNKS_AT_ONCE): void {
    if (this.running) return;
    this.stopped = false;
    const lane = async () => {
      while (!this.stopped) {
        let worked = false;
        try {
          worked = await this.runOne();
        } catch (err) {
          this.logger?.warn({ err: { message: (err as Error).message } }, 'batch chunk failed; it will be taken again');
        }
        if (!worked && !this.stopped) await this.pause.wait(idleMs);
      }
    };
    this.running = Promise.all(Array.from({ length: lanes }, lane)).then(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.running;
    this.running = null;
  }

  /** Takes one chunk, if any is free, and decides it; false when there was none. */
  async runOne(): Promise<boolean> {
    const claimed = await claimChunk(this.db, this.holder, this.leaseSeconds);
    if (!claimed) return false;
    await this.decideChunk(claimed);
    return true;
  }

  private async decideChunk(c: ClaimedChunk): Promise<void> {
    const { batch } = c;
    if (!c.dataKey || !c.sealed) {
      await completeChunk(this.db, batch.id, c.chunk, []);
      return;
    }
    const key = this.keys.unwrap(c.dataKey.version, c.dataKey.wrapped, c.dataKey.id);
    const applications = openJson<Record<string, unknown>[]>(key, c.sealed, chunkAad(batch.id, c.chunk));
    let lost = false;
    const renew = setInterval(
      () =>
        void renewChunkLease(this.db, batch.id, c.chunk, this.holder, this.leaseSeconds)
          .then((held) => {
            if (!held) lost = true;
          })
          .catch(() => {}),
      (this.leaseSeconds * 1000) / 3,
    );
    const failures: { row: number; code: string; message: string }[] = [];
    const by = { actor: batch.clientId, requestId: `batch:${batch.id}` };
    let next = 0;
    try {
      const worker = async () => {
        while (!lost && !this.stopped) {
          const i = next++;
          if (i >= applications.length) return;
          const row = c.firstRow + i;
          try {
            await this.decisions.decide(
              { flow: batch.flowId, version: batch.flowVersion ?? undefined, application: applications[i]!, idempotencyKey: batchRowKey(batch.id, row) },
              by,
            );
          } catch (err) {
            // A row the flow refuses is listed with why; anything else (the database gone) stops the chunk for another try.
            if (err instanceof ServiceError || err instanceof FlowError) failures.push({ row, code: err.code, message: err.message });
            else throw err;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      clearInterval(renew);
    }
    if (lost || this.stopped) return;
    await completeChunk(this.db, batch.id, c.chunk, failures);
  }
}
