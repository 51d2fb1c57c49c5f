import { recordEvents } from './event-outbox.ts';
import { decisionEvent } from './decision-events.ts';
import { randomUUID } from 'node:crypto';
import type { SealedApplication } from '../privacy/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import type { Consent } from './consents.ts';
import { buf, iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export type DecisionStatus = 'completed' | 'pending_review';

export interface DecisionRecord {
  id: string;
  flowId: string;
  flowVersion: number;
  /** The client (API key, or the process acting) whose idempotency key this is: keys are scoped per client. */
  clientId: string;
  idempotencyKey: string;
  /** A keyed digest of the request without its C3 fields; null once the personal data is erased. */
  requestHash: string | null;
  status: DecisionStatus;
  outcome: string | null;
  result: unknown;
  path: string[];
  /** C1 fields in clear; C3 fields appear as dropped. */
  applicationC1: Record<string, unknown>;
  applicationC2: Buffer | null;
  traceSealed: Buffer | null;
  droppedFields: string[];
  dataKey: { id: string; version: number | null; wrapped: Buffer | null; destroyedAt: string | null } | null;
  reviews: Record<string, { verdict: string; note: string; reviewer: string }>;
  pendingReviewId: string | null;
  /** Set when a person overturned the outcome after a contest. */
  override: { outcome: string; reviewer: string; note: string; at: string } | null;
  versions: unknown;
  createdAt: string;
  completedAt: string | null;
  durationMs: number;
  /** The trace the decision was made in, when tracing is on. */
  traceId: string | null;
}

interface DecisionRow {
  id: string;
  flow_id: string;
  flow_version: number;
  client_id: string;
  idempotency_key: string;
  request_hash: string | null;
  status: DecisionStatus;
  outcome: string | null;
  result: unknown;
  path: unknown;
  application_c1: unknown;
  application_c2: Buffer | Uint8Array | null;
  trace_sealed: Buffer | Uint8Array | null;
  dropped_fields: unknown;
  data_key_id: string | null;
  master_version?: number | null;
  wrapped?: Buffer | Uint8Array | null;
  destroyed_at?: Date | string | null;
  reviews: unknown;
  override?: unknown;
  pending_review_id: string | null;
  versions: unknown;
  created_at: Date | string;
  completed_at: Date | string | null;
  duration_ms: number;
  trace_id?: string | null;
}

/** Decisions with the key that opens their personal data. */
const DECISION_SELECT = 'select d.*, k.master_version, k.wrapped, k.destroyed_at from decisions d left join data_keys k on k.id = d.data_key_id';

function toDecision(r: DecisionRow): DecisionRecord {
  return {
    id: r.id,
    flowId: r.flow_id,
    flowVersion: Number(r.flow_version),
    clientId: r.client_id,
    idempotencyKey: r.idempotency_key,
    requestHash: r.request_hash,
    status: r.status,
    outcome: r.outcome,
    result: json(r.result),
    path: json(r.path) as string[],
    applicationC1: json(r.application_c1) as Record<string, unknown>,
    applicationC2: buf(r.application_c2),
    traceSealed: buf(r.trace_sealed),
    droppedFields: json(r.dropped_fields) as string[],
    dataKey: r.data_key_id
      ? { id: r.data_key_id, version: r.master_version ?? null, wrapped: buf(r.wrapped ?? null), destroyedAt: iso(r.destroyed_at ?? null) }
      : null,
    reviews: json(r.reviews) as DecisionRecord['reviews'],
    pendingReviewId: r.pending_review_id,
    override: (json(r.override ?? null) as DecisionRecord['override']) ?? null,
    versions: json(r.versions),
    createdAt: iso(r.created_at)!,
    completedAt: iso(r.completed_at),
    durationMs: Number(r.duration_ms),
    traceId: r.trace_id ?? null,
  };
}

/** 80 random bits in hex; randomUUID draws from a cached entropy pool, so this costs no syscall per id. */
export const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** What a new decision is written with: the record's own fields, its sealed application and how it waits. */
/** How a decision's bureau pulls are named: the client's idempotency key, scoped to the client. */
export function scopedRequestKey(clientId: string, idempotencyKey: string): string {
  return `${clientId}/${idempotencyKey}`;
}

export interface NewDecision
  extends Pick<
    DecisionRecord,
    'id' | 'flowId' | 'flowVersion' | 'clientId' | 'idempotencyKey' | 'requestHash' | 'status' | 'outcome' | 'result' | 'path' | 'versions' | 'durationMs'
  > {
  traceId?: string | null;
  reviewId: string | null;
  sealed: SealedApplication;
  /** PD by score node id, when the flow scored. */
  scores?: Record<string, number>;
  consents: Consent[];
  wait?: { node: string; reason: string; queue: string };
}

export async function findDecisionByKey(db: Queryable, clientId: string, key: string): Promise<DecisionRecord | null> {
  const { rows } = await db.query<DecisionRow>(`${DECISION_SELECT} where d.client_id = $1 and d.idempotency_key = $2`, [clientId, key]);
  return rows[0] ? toDecision(rows[0]) : null;
}

export async function getDecision(db: Queryable, id: string): Promise<DecisionRecord> {
  const { rows } = await db.query<DecisionRow>(`${DECISION_SELECT} where d.id = $1`, [id]);
  if (!rows[0]) throw new StoreError('not_found', `no decision "${id}"`);
  return toDecision(rows[0]);
}

export async function listDecisions(
  db: Queryable,
  q: { flowId?: string; status?: DecisionStatus; outcome?: string; limit: number; before?: string },
): Promise<DecisionRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.flowId) add('flow_id = ?', q.flowId);
  if (q.status) add('status = ?', q.status);
  if (q.outcome) add('outcome = ?', q.outcome);
  if (q.before) add('created_at < ?', q.before);
  params.push(q.limit);
  const { rows } = await db.query<DecisionRow>(
    `${DECISION_SELECT} ${where.length ? `where ${where.map((w) => `d.${w}`).join(' and ')}` : ''} order by d.created_at desc, d.id limit $${params.length}`,
    params,
  );
  return rows.map(toDecision);
}

/**
 * Every decision of a flow, oldest first, a page at a time: keyset pages on (created_at, id),
 * so decisions made at the same instant are neither skipped nor repeated between pages, and
 * no count of decisions is too many.
 */
export async function* flowDecisionPages(db: Queryable, flowId: string, pageSize = 5_000): AsyncGenerator<DecisionRecord[]> {
  let lastId: string | null = null;
  for (;;) {
    // The last row's instant is read back from the table: a JavaScript date would drop its microseconds.
    const page = await db.query<DecisionRow>(
      `${DECISION_SELECT} where d.flow_id = $1 and ($2::text is null or (d.created_at, d.id) > (select created_at, id from decisions where id = $2)) order by d.created_at, d.id limit $3`,
      [flowId, lastId, pageSize],
    );
    const rows: DecisionRow[] = page.rows;
    if (rows.length) yield rows.map(toDecision);
    if (rows.length < pageSize) return;
    lastId = rows[rows.length - 1]!.id;
  }
}
/** A past decision with the consents its application came with. */
export interface DecisionWithConsents {
  decision: DecisionRecord;
  consents: { scope: string; grantedAt: string; expiresAt: string | null; channel: string }[];
}

/**
 * The latest `limit` decisions a flow version made, newest first, a page at a time, each with
 * its consents: what an impact report replays through a draft.
 */
export async function* latestDecisionPages(
  db: Queryable,
  flowId: string,
  version: number,
  limit: number,
  pageSize = 2_000,
): AsyncGenerator<DecisionWithConsents[]> {
  // Which decisions first, narrow rows in one sort; then each page by primary key. A keyset over
  // the wide rows would leave the page order to the planner, which after a bulk load (statistics
  // not yet gathered) sorts every remaining row for each page.
  const { rows: latest } = await db.query<{ id: string }>(
    'select id from decisions where flow_id = $1 and flow_version = $2 order by created_at desc, id desc limit $3',
    [flowId, version, limit],
  );
  for (let at = 0; at < latest.length; at += pageSize) {
    const ids = latest.slice(at, at + pageSize).map((r) => r.id);
    const [{ rows }, { rows: consentRows }] = await Promise.all([
      db.query<DecisionRow>(`${DECISION_SELECT} where d.id = any($1::text[])`, [ids]),
      db.query<{ decision_id: string; scope: string; granted_at: Date | string; expires_at: Date | string | null; channel: string }>(
        'select decision_id, scope, granted_at, expires_at, channel from consents where decision_id = any($1::text[])',
        [ids],
      ),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const consents = new Map<string, DecisionWithConsents['consents']>();
    for (const c of consentRows) {
      const list = consents.get(c.decision_id) ?? [];
      list.push({ scope: c.scope, grantedAt: iso(c.granted_at)!, expiresAt: iso(c.expires_at), channel: c.channel });
      consents.set(c.decision_id, list);
    }
    // A decision erased and purged between the two reads is simply not there.
    yield ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ decision: toDecision(r), consents: consents.get(id) ?? [] }] : [];
    });
  }
}

export interface ResumedState {
  status: DecisionStatus;
  outcome: string | null;
  result: unknown;
  path: string[];
  traceSealed: Buffer | null;
  durationMs: number;
  wait?: { node: string; reason: string; queue: string };
}

/**
 * Moves a decision on from the review it waited at. Conditional on that review still being
 * the one it waits at, so a resume job and an inline resume cannot both apply.
 */
export async function resumeDecision(db: Database, decisionId: string, fromReviewId: string, next: ResumedState, by: Actor): Promise<DecisionRecord | null> {
  return db.transaction(async (tx) => {
    const nextReviewId = next.wait ? newId('rev') : null;
    const { rows } = await tx.query<DecisionRow>(
      `update decisions set status = $3, outcome = $4, result = $5, path = $6, trace_sealed = $7, pending_review_id = $8,
         completed_at = case when $3 = 'completed' then now() else null end, duration_ms = duration_ms + $9
       where id = $1 and status = 'pending_review' and pending_review_id = $2 returning *`,
      [
        decisionId,
        fromReviewId,
        next.status,
        next.outcome,
        JSON.stringify(next.result),
        JSON.stringify(next.path),
        next.traceSealed,
        nextReviewId,
        next.durationMs,
      ],
    );
    if (!rows[0]) return null;
    if (next.wait) {
      await tx.query(`insert into reviews (id, decision_id, node_id, queue, reason, status) values ($1, $2, $3, $4, $5, 'pending')`, [
        nextReviewId,
        decisionId,
        next.wait.node,
        next.wait.queue,
        next.wait.reason,
      ]);
    }
    await recordEvents(tx, [
      decisionEvent(next.status === 'completed' ? 'decision.completed' : 'decision.pending_review', decisionId, {
        status: next.status,
        result: next.result,
        reviewId: nextReviewId,
        afterReview: fromReviewId,
      }),
    ]);
    await appendAudit(tx, {
      actor: by.actor,
      action: next.status === 'completed' ? 'decision.completed' : 'decision.pending_review',
      subjectType: 'decision',
      subjectId: decisionId,
      requestId: by.requestId,
      data: { outcome: next.outcome, afterReview: fromReviewId },
    });
    return toDecision(rows[0]);
  });
}

/** Decisions whose searchable C2 field has this blind-index digest. */
export async function findDecisionsByDigest(db: Queryable, field: string, digest: string, limit: number): Promise<DecisionRecord[]> {
  const { rows } = await db.query<DecisionRow>(
    `${DECISION_SELECT} join decision_search s on s.decision_id = d.id where s.field = $1 and s.digest = $2 order by d.created_at desc limit $3`,
    [field, digest, limit],
  );
  return rows.map(toDecision);
}

/** Records the outcome a person chose after a contest, replacing the automated one. */
export async function overrideDecision(db: Database, decisionId: string, outcome: string, note: string, by: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const override = { outcome, reviewer: by.actor, note, at: new Date().toISOString() };
    await tx.query('update decisions set override = $2 where id = $1', [decisionId, JSON.stringify(override)]);
    // The note is a person's free text: it stays out of events.
    await recordEvents(tx, [{ type: 'decision.overridden', applicationId: decisionId, data: { outcome } }]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'decision.overridden',
      subjectType: 'decision',
      subjectId: decisionId,
      requestId: by.requestId,
      data: { outcome },
    });
  });
}
