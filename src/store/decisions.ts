import { randomUUID } from 'node:crypto';
import type { SealedApplication } from '../privacy/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { buf, iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';
import type { ErasureLedger } from './erasure-ledger.ts';

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
}

export interface ReviewRecord {
  id: string;
  decisionId: string;
  nodeId: string;
  queue: string;
  reason: string;
  status: 'pending' | 'decided';
  verdict: 'approve' | 'decline' | null;
  note: string | null;
  reviewer: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Who has taken the case, while the claim lasts ({@link CLAIM_MINUTES}). */
  claimedBy: string | null;
  claimedAt: string | null;
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
}

interface ReviewRow {
  id: string;
  decision_id: string;
  node_id: string;
  queue: string;
  reason: string;
  status: 'pending' | 'decided';
  verdict: 'approve' | 'decline' | null;
  note: string | null;
  reviewer: string | null;
  created_at: Date | string;
  decided_at: Date | string | null;
  claimed_by: string | null;
  claimed_at: Date | string | null;
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
  };
}

function toReview(r: ReviewRow): ReviewRecord {
  return {
    id: r.id,
    decisionId: r.decision_id,
    nodeId: r.node_id,
    queue: r.queue,
    reason: r.reason,
    status: r.status,
    verdict: r.verdict,
    note: r.note,
    reviewer: r.reviewer,
    createdAt: iso(r.created_at)!,
    decidedAt: iso(r.decided_at),
    claimedBy: r.claimed_by ?? null,
    claimedAt: iso(r.claimed_at ?? null),
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

/** How long a reviewer's claim on a case lasts before anyone may take it. */
export const CLAIM_MINUTES = 30;
const CLAIM_OPEN = `(claimed_by is null or claimed_at < now() - interval '${CLAIM_MINUTES} minutes')`;

/** Is a claim taken at this moment still running (not lapsed after {@link CLAIM_MINUTES})? */
function claimRunning(claimedAt: Date | string | null): boolean {
  return claimedAt !== null && Date.now() - new Date(claimedAt).getTime() < CLAIM_MINUTES * 60_000;
}

function claimedByOther(r: ReviewRow, actor: string): boolean {
  return r.claimed_by !== null && r.claimed_by !== undefined && r.claimed_by !== actor && claimRunning(r.claimed_at);
}

/** Does this person hold the case: a pending review they claimed and whose claim still runs? */
export function holdsClaim(r: ReviewRecord, actor: string): boolean {
  return r.status === 'pending' && r.claimedBy === actor && claimRunning(r.claimedAt);
}

/**
 * A reviewer takes a pending case: nobody else may decide it while the claim lasts. Taking a
 * case one holds already renews the claim; a lapsed claim may be taken by anyone.
 */
export async function claimReview(db: Database, reviewId: string, by: Actor): Promise<ReviewRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReviewRow>(
      `update reviews set claimed_by = $2, claimed_at = now() where id = $1 and status = 'pending' and (claimed_by = $2 or ${CLAIM_OPEN}) returning *`,
      [reviewId, by.actor],
    );
    if (!rows[0]) {
      const { rows: existing } = await tx.query<ReviewRow>('select * from reviews where id = $1', [reviewId]);
      if (!existing[0]) throw new StoreError('not_found', `no review "${reviewId}"`);
      if (existing[0].status === 'decided')
        throw new StoreError('conflict', `review "${reviewId}" was decided already (${existing[0].verdict} by ${existing[0].reviewer})`);
      throw new StoreError(
        'conflict',
        `review "${reviewId}" was taken by ${existing[0].claimed_by} at ${iso(existing[0].claimed_at)}; it is free again ${CLAIM_MINUTES} minutes after that`,
      );
    }
    await appendAudit(tx, {
      actor: by.actor,
      action: 'review.claimed',
      subjectType: 'review',
      subjectId: reviewId,
      requestId: by.requestId,
      data: { decision: rows[0].decision_id },
    });
    return toReview(rows[0]);
  });
}

/**
 * Records a reviewer's verdict. Only a pending review can be decided, so of two reviewers
 * (or two servers) racing, exactly one succeeds; the other gets 'conflict'. A case another
 * reviewer has taken (and whose claim has not lapsed) is refused as a conflict too.
 */
export async function decideReview(
  db: Database,
  reviewId: string,
  verdict: 'approve' | 'decline',
  note: string,
  by: Actor,
  enqueue: (tx: Queryable, review: ReviewRecord) => Promise<void>,
): Promise<ReviewRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReviewRow>(
      `update reviews set status = 'decided', verdict = $2, note = $3, reviewer = $4, decided_at = now() where id = $1 and status = 'pending' and (claimed_by = $4 or ${CLAIM_OPEN}) returning *`,
      [reviewId, verdict, note, by.actor],
    );
    if (!rows[0]) {
      const { rows: existing } = await tx.query<ReviewRow>('select * from reviews where id = $1', [reviewId]);
      if (!existing[0]) throw new StoreError('not_found', `no review "${reviewId}"`);
      if (existing[0].status === 'pending' && claimedByOther(existing[0], by.actor))
        throw new StoreError(
          'conflict',
          `review "${reviewId}" was taken by ${existing[0].claimed_by} at ${iso(existing[0].claimed_at)}; only they may decide it until ${CLAIM_MINUTES} minutes after that`,
        );
      throw new StoreError('conflict', `review "${reviewId}" was decided already (${existing[0].verdict} by ${existing[0].reviewer})`);
    }
    const review = toReview(rows[0]);
    await tx.query(`update decisions set reviews = reviews || $2::jsonb where id = $1`, [
      review.decisionId,
      JSON.stringify({ [review.nodeId]: { verdict, note, reviewer: by.actor } }),
    ]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'review.decided',
      subjectType: 'review',
      subjectId: reviewId,
      requestId: by.requestId,
      data: { decision: review.decisionId, node: review.nodeId, verdict },
    });
    await enqueue(tx, review);
    return review;
  });
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

export async function getReview(db: Queryable, id: string): Promise<ReviewRecord> {
  const { rows } = await db.query<ReviewRow>('select * from reviews where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no review "${id}"`);
  return toReview(rows[0]);
}

/** Every review case of one decision, oldest first. */
export async function listReviewsOf(db: Queryable, decisionId: string): Promise<ReviewRecord[]> {
  const { rows } = await db.query<ReviewRow>('select * from reviews where decision_id = $1 order by created_at, id', [decisionId]);
  return rows.map(toReview);
}

export async function listReviews(db: Queryable, q: { status?: 'pending' | 'decided'; queue?: string; limit: number }): Promise<ReviewRecord[]> {
  const params: unknown[] = [q.status ?? 'pending'];
  let sql = 'select * from reviews where status = $1';
  if (q.queue) {
    params.push(q.queue);
    sql += ` and queue = $${params.length}`;
  }
  params.push(q.limit);
  const { rows } = await db.query<ReviewRow>(`${sql} order by created_at, id limit $${params.length}`, params);
  return rows.map(toReview);
}

/** Decisions whose searchable C2 field has this blind-index digest. */
export async function findDecisionsByDigest(db: Queryable, field: string, digest: string, limit: number): Promise<DecisionRecord[]> {
  const { rows } = await db.query<DecisionRow>(
    `${DECISION_SELECT} join decision_search s on s.decision_id = d.id where s.field = $1 and s.digest = $2 order by d.created_at desc limit $3`,
    [field, digest, limit],
  );
  return rows.map(toDecision);
}

/**
 * Crypto-shredding: destroys the application's data key and its blind-index entries. The
 * ciphertexts stay but can no longer be opened; the decision, reasons and C1 features remain.
 */
/**
 * Erases an application's personal data: its data key and those of its bureau reports are
 * destroyed, its blind-index rows and request digest deleted, in one transaction with the audit
 * event. The ledger, when given, records the erasure outside the database before the commit.
 */
export async function erasePersonalData(db: Database, decisionId: string, by: Actor, ledger: ErasureLedger | null = null): Promise<{ erasedAt: string }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ data_key_id: string | null }>('select data_key_id from decisions where id = $1 for update', [decisionId]);
    if (!rows[0]) throw new StoreError('not_found', `no application "${decisionId}"`);
    const erasedAt = new Date().toISOString();
    await destroyPersonalData(tx, decisionId, rows[0].data_key_id, erasedAt);
    await appendAudit(tx, { actor: by.actor, action: 'personal_data.erased', subjectType: 'decision', subjectId: decisionId, requestId: by.requestId });
    ledger?.record([{ decisionId, erasedAt }]);
    return { erasedAt };
  });
}

/** What erasure does to the rows; also what a replay of the ledger does again after a restore. */
async function destroyPersonalData(tx: Queryable, decisionId: string, dataKeyId: string | null, erasedAt: string): Promise<void> {
  if (dataKeyId)
    await tx.query('update data_keys set wrapped = null, master_version = null, destroyed_at = coalesce(destroyed_at, $2) where id = $1', [
      dataKeyId,
      erasedAt,
    ]);
  // The bureau reports pulled for this application go with it.
  await tx.query(
    `update data_keys set wrapped = null, master_version = null, destroyed_at = coalesce(destroyed_at, $2)
      where id in (select p.data_key_id from bureau_pulls p join decisions d on d.client_id || '/' || d.idempotency_key = p.request_key where d.id = $1 and p.data_key_id is not null)`,
    [decisionId, erasedAt],
  );
  // Nor a digest of its request, which would confirm a guessed application to anyone replaying the key.
  await tx.query('update decisions set request_hash = null where id = $1', [decisionId]);
  await tx.query('delete from decision_search where decision_id = $1', [decisionId]);
}

/**
 * Applies the ledger's erasures to a database restored from a backup: every decision the ledger
 * names whose personal data is readable again is erased again (audited as a replay).
 */
export async function replayErasures(
  db: Database,
  ledger: ErasureLedger,
  by: Actor,
): Promise<{ entries: number; reapplied: number; alreadyErased: number; missing: number }> {
  const entries = ledger.entries();
  let reapplied = 0;
  let alreadyErased = 0;
  let missing = 0;
  for (const e of entries) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ data_key_id: string | null; wrapped: unknown; request_hash: string | null }>(
        'select d.data_key_id, k.wrapped, d.request_hash from decisions d left join data_keys k on k.id = d.data_key_id where d.id = $1 for update of d',
        [e.decisionId],
      );
      if (!rows[0]) return void missing++;
      const { rows: search } = await tx.query('select 1 from decision_search where decision_id = $1 limit 1', [e.decisionId]);
      if ((rows[0].wrapped ?? null) === null && rows[0].request_hash === null && !search.length) return void alreadyErased++;
      await destroyPersonalData(tx, e.decisionId, rows[0].data_key_id, e.erasedAt);
      await appendAudit(tx, {
        actor: by.actor,
        action: 'personal_data.erasure_replayed',
        subjectType: 'decision',
        subjectId: e.decisionId,
        requestId: by.requestId,
        data: { erasedAt: e.erasedAt },
      });
      reapplied++;
    });
  }
  await vacuumErased(db);
  return { entries: entries.length, reapplied, alreadyErased, missing };
}

/**
 * Removes the old row versions that still hold destroyed keys and digests: PostgreSQL keeps
 * an updated row's earlier version on disk until a vacuum, so an erasure is complete on disk
 * only after one (run after every purge and replay; autovacuum does it otherwise).
 */
export async function vacuumErased(db: Database): Promise<void> {
  await db.exec('vacuum data_keys, decision_search, decisions');
}

export interface Consent {
  scope: string;
  grantedAt: string;
  expiresAt?: string | null;
  channel: string;
}

export async function listConsents(db: Queryable, decisionId: string): Promise<(Consent & { id: string })[]> {
  const { rows } = await db.query<{ id: string; scope: string; granted_at: Date | string; expires_at: Date | string | null; channel: string }>(
    'select id, scope, granted_at, expires_at, channel from consents where decision_id = $1 order by granted_at, id',
    [decisionId],
  );
  return rows.map((r) => ({ id: r.id, scope: r.scope, grantedAt: iso(r.granted_at)!, expiresAt: iso(r.expires_at), channel: r.channel }));
}

export const CONTEST_NODE = '$contest';

/** Opens a review case for a contested decision; one open contest per decision at a time. */
export async function openContest(db: Database, decisionId: string, statementSealed: Buffer | null, contestId: string, by: Actor): Promise<ReviewRecord> {
  return db.transaction(async (tx) => {
    const { rows: d } = await tx.query<{ status: string; override: unknown }>('select status, override from decisions where id = $1 for update', [decisionId]);
    if (!d[0]) throw new StoreError('not_found', `no decision "${decisionId}"`);
    if (d[0].status !== 'completed') throw new StoreError('conflict', `decision ${decisionId} is not final yet; it can be contested once decided`);
    if (d[0].override)
      throw new StoreError('conflict', `decision ${decisionId} was already reviewed by a person after a contest; it cannot be contested again`);
    const { rows: open } = await tx.query("select 1 from reviews where decision_id = $1 and node_id = $2 and status = 'pending'", [decisionId, CONTEST_NODE]);
    if (open.length) throw new StoreError('conflict', `decision ${decisionId} already has an open contest`);
    const reviewId = newId('rev');
    const { rows } = await tx.query<ReviewRow>(
      `insert into reviews (id, decision_id, node_id, queue, reason, status) values ($1, $2, $3, 'contest', 'The applicant contests the automated decision', 'pending') returning *`,
      [reviewId, decisionId, CONTEST_NODE],
    );
    await tx.query('insert into contests (id, decision_id, review_id, statement_sealed) values ($1, $2, $3, $4)', [
      contestId,
      decisionId,
      reviewId,
      statementSealed,
    ]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'decision.contested',
      subjectType: 'decision',
      subjectId: decisionId,
      requestId: by.requestId,
      data: { contest: contestId, review: reviewId },
    });
    return toReview(rows[0]!);
  });
}

/** Records the outcome a person chose after a contest, replacing the automated one. */
export async function overrideDecision(db: Database, decisionId: string, outcome: string, note: string, by: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const override = { outcome, reviewer: by.actor, note, at: new Date().toISOString() };
    await tx.query('update decisions set override = $2 where id = $1', [decisionId, JSON.stringify(override)]);
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
