import { appendAuditBatch, type AuditEntry } from './audit-log.ts';
import { decisionEvent } from './decision-events.ts';
import { recordEvents } from './event-outbox.ts';
import type { Actor } from './api-keys.ts';
import type { Database } from './database.ts';
import { newId, scopedRequestKey, type DecisionRecord, type NewDecision } from './decisions.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { StoreError } from './store-error.ts';

interface Pending {
  decision: NewDecision;
  by: Actor;
  resolve(record: DecisionRecord): void;
  reject(err: unknown): void;
}

const COLUMNS = 22;
const MAX_BATCH = 250;
/** Commits in flight at once: the next batch inserts its rows while the one before holds the audit lock. */
const PIPELINE = 2;

/**
 * Commits decisions in groups: every decision that arrives while a commit is under way joins
 * the next one. Each request still gets its answer only after its own decision, its review and
 * its audit event are committed; but one transaction (one lock on the audit chain, one WAL
 * flush) serves many requests, which is what lets decisions outpace the disk.
 */
export class DecisionWriter {
  private queue: Pending[] = [];
  private flushing = 0;

  constructor(private readonly db: Database) {}

  write(decision: NewDecision, by: Actor): Promise<DecisionRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ decision, by, resolve, reject });
      if (this.flushing < PIPELINE) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing++;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.settle(batch);
        } catch (err) {
          // One row the database refuses would fail every request sharing its transaction:
          // each is committed again alone, so only that one fails. A lost connection would
          // fail them all again, so they get its error at once.
          if (batch.length === 1 || isDatabaseUnavailable(err)) for (const p of batch) p.reject(err);
          else for (const p of batch) await this.settle([p]).catch((e: unknown) => p.reject(e));
        }
      }
    } finally {
      this.flushing--;
    }
  }

  /** Commits a batch and answers each of its requests; throws, answering none, when the transaction fails. */
  private async settle(batch: Pending[]): Promise<void> {
    const at = new Date().toISOString();
    const inserted = await this.commit(batch, at);
    for (const p of batch) {
      if (inserted.has(p.decision.id)) p.resolve(this.record(p, at));
      else p.reject(new StoreError('duplicate_key', `idempotency key "${p.decision.idempotencyKey}" is in use`));
    }
  }

  /** One transaction for the batch; returns the ids actually inserted (others lost a key race). */
  private async commit(batch: Pending[], now: string): Promise<Set<string>> {
    // Two requests with one key in the same batch: the first goes in, the second is a duplicate.
    const seen = new Set<string>();
    const keyOf = (p: Pending) => scopedRequestKey(p.decision.clientId, p.decision.idempotencyKey);
    const unique = batch.filter((p) => (seen.has(keyOf(p)) ? false : (seen.add(keyOf(p)), true)));
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const p of unique) {
        const d = p.decision;
        const base = params.length;
        tuples.push(`(${Array.from({ length: COLUMNS }, (_, i) => `$${base + i + 1}`).join(', ')})`);
        params.push(
          d.id,
          d.flowId,
          d.flowVersion,
          d.idempotencyKey,
          d.requestHash,
          d.status,
          d.outcome,
          JSON.stringify(d.result),
          JSON.stringify(d.path),
          d.sealed.trace,
          JSON.stringify(d.sealed.c1),
          d.sealed.c2,
          JSON.stringify(d.sealed.dropped),
          d.sealed.dataKey.id,
          d.reviewId,
          JSON.stringify(d.versions),
          d.status === 'completed' ? now : null,
          d.durationMs,
          now,
          d.scores && Object.keys(d.scores).length ? JSON.stringify(d.scores) : null,
          d.clientId,
          d.traceId ?? null,
        );
      }
      // The data keys go in with their decisions, in one statement (the keys' rows are there when
      // the references are checked at its end); a key whose decision loses a key race is removed below.
      const keyTuples = unique.map((p) => {
        const base = params.length;
        params.push(p.decision.sealed.dataKey.id, p.decision.sealed.dataKey.version, p.decision.sealed.dataKey.wrapped);
        return `($${base + 1}, $${base + 2}, $${base + 3})`;
      });
      const { rows } = await tx.query<{ id: string }>(
        `with keys as (insert into data_keys (id, master_version, wrapped) values ${keyTuples.join(', ')})
         insert into decisions (id, flow_id, flow_version, idempotency_key, request_hash, status, outcome, result, path, trace_sealed, application_c1, application_c2, dropped_fields, data_key_id, pending_review_id, versions, completed_at, duration_ms, created_at, scores, client_id, trace_id)
         values ${tuples.join(', ')} on conflict (client_id, idempotency_key) do nothing returning id`,
        params,
      );
      const inserted = new Set(rows.map((r) => r.id));
      const kept = unique.filter((p) => inserted.has(p.decision.id));
      const unused = unique.filter((p) => !inserted.has(p.decision.id)).map((p) => p.decision.sealed.dataKey.id);
      if (unused.length) await tx.query('delete from data_keys where id = any($1)', [unused]);
      const search = kept.flatMap((p) => p.decision.sealed.search.map((x) => [p.decision.id, x.field, x.digest]));
      if (search.length) {
        await tx.query(
          `insert into decision_search (decision_id, field, digest) values ${search.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ')}`,
          search.flat(),
        );
      }
      const consents = kept.flatMap((p) => p.decision.consents.map((c) => [newId('cns'), p.decision.id, c.scope, c.grantedAt, c.expiresAt ?? null, c.channel]));
      if (consents.length) {
        await tx.query(
          `insert into consents (id, decision_id, scope, granted_at, expires_at, channel) values ${consents.map((_, i) => `(${[1, 2, 3, 4, 5, 6].map((k) => `$${i * 6 + k}`).join(', ')})`).join(', ')}`,
          consents.flat(),
        );
      }
      const waiting = kept.filter((p) => p.decision.reviewId);
      if (waiting.length) {
        const rp: unknown[] = [];
        const rt = waiting.map((p, i) => {
          rp.push(p.decision.reviewId, p.decision.id, p.decision.wait!.node, p.decision.wait!.queue, p.decision.wait!.reason);
          return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, 'pending')`;
        });
        await tx.query(`insert into reviews (id, decision_id, node_id, queue, reason, status) values ${rt.join(', ')}`, rp);
      }
      const audit: AuditEntry[] = kept.map((p) => ({
        actor: p.by.actor,
        action: p.decision.status === 'completed' ? 'decision.made' : 'decision.pending_review',
        subjectType: 'decision',
        subjectId: p.decision.id,
        requestId: p.by.requestId,
        data: { flow: p.decision.flowId, version: p.decision.flowVersion, outcome: p.decision.outcome, consents: p.decision.consents.map((c) => c.scope) },
      }));
      await recordEvents(
        tx,
        kept.map((p) =>
          decisionEvent(p.decision.status === 'completed' ? 'decision.made' : 'decision.pending_review', p.decision.id, {
            flow: p.decision.flowId,
            version: p.decision.flowVersion,
            status: p.decision.status,
            result: p.decision.result,
            reviewId: p.decision.reviewId,
          }),
        ),
      );
      // The audit chain's lock is taken last, so it is held only for the append and the commit.
      await appendAuditBatch(tx, audit);
      return inserted;
    });
  }

  private record(p: Pending, at: string): DecisionRecord {
    const d = p.decision;
    return {
      id: d.id,
      flowId: d.flowId,
      flowVersion: d.flowVersion,
      clientId: d.clientId,
      idempotencyKey: d.idempotencyKey,
      requestHash: d.requestHash,
      status: d.status,
      outcome: d.outcome,
      result: d.result,
      path: d.path,
      applicationC1: d.sealed.c1,
      applicationC2: d.sealed.c2,
      traceSealed: d.sealed.trace,
      droppedFields: d.sealed.dropped,
      dataKey: { id: d.sealed.dataKey.id, version: d.sealed.dataKey.version, wrapped: d.sealed.dataKey.wrapped, destroyedAt: null },
      reviews: {},
      pendingReviewId: d.reviewId,
      override: null,
      versions: d.versions,
      createdAt: at,
      completedAt: d.status === 'completed' ? at : null,
      durationMs: d.durationMs,
      traceId: d.traceId ?? null,
    };
  }
}
