import { recordEvents } from './event-outbox.ts';
import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Database, Queryable } from './database.ts';
import { iso } from './row-values.ts';
import { StoreError } from './store-error.ts';

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
  /** Who has taken the case, while the claim lasts. */
  claimedBy: string | null;
  claimedAt: string | null;
}

export interface ReviewRow {
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

export function toReview(r: ReviewRow): ReviewRecord {
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

/** The caller's terms for claims: how long one lasts (policy, in the services) and what time it is (their clock). */
export interface ClaimTerms {
  minutes: number;
  now: Date;
}

/** SQL: the case is free to take, its claim absent or lapsed; $3 is the time now, $4 the minutes a claim lasts. */
const CLAIM_OPEN = `(claimed_by is null or claimed_at < $3::timestamptz - make_interval(mins => $4::int))`;

/** Is a claim taken then still running at `terms.now`? */
function claimRunning(claimedAt: Date | string | null, terms: ClaimTerms): boolean {
  return claimedAt !== null && terms.now.getTime() - new Date(claimedAt).getTime() < terms.minutes * 60_000;
}

function claimedByOther(r: ReviewRow, actor: string, terms: ClaimTerms): boolean {
  return r.claimed_by !== null && r.claimed_by !== undefined && r.claimed_by !== actor && claimRunning(r.claimed_at, terms);
}

/** Does this person hold the case: a pending review they claimed and whose claim still runs? */
export function holdsClaim(r: ReviewRecord, actor: string, terms: ClaimTerms): boolean {
  return r.status === 'pending' && r.claimedBy === actor && claimRunning(r.claimedAt, terms);
}

/**
 * A reviewer takes a pending case: nobody else may decide it while the claim lasts. Taking a
 * case one holds already renews the claim; a lapsed claim may be taken by anyone.
 */
export async function claimReview(db: Database, reviewId: string, by: Actor, terms: ClaimTerms): Promise<ReviewRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReviewRow>(
      `update reviews set claimed_by = $2, claimed_at = $3 where id = $1 and status = 'pending' and (claimed_by = $2 or ${CLAIM_OPEN}) returning *`,
      [reviewId, by.actor, terms.now.toISOString(), terms.minutes],
    );
    if (!rows[0]) {
      const { rows: existing } = await tx.query<ReviewRow>('select * from reviews where id = $1', [reviewId]);
      if (!existing[0]) throw new StoreError('not_found', `no review "${reviewId}"`);
      if (existing[0].status === 'decided')
        throw new StoreError('conflict', `review "${reviewId}" was decided already (${existing[0].verdict} by ${existing[0].reviewer})`);
      throw new StoreError(
        'conflict',
        `review "${reviewId}" was taken by ${existing[0].claimed_by} at ${iso(existing[0].claimed_at)}; it is free again ${terms.minutes} minutes after that`,
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
  terms: ClaimTerms,
  enqueue: (tx: Queryable, review: ReviewRecord) => Promise<void>,
): Promise<ReviewRecord> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReviewRow>(
      `update reviews set status = 'decided', verdict = $2, note = $5, reviewer = $6, decided_at = now() where id = $1 and status = 'pending' and (claimed_by = $6 or ${CLAIM_OPEN}) returning *`,
      [reviewId, verdict, terms.now.toISOString(), terms.minutes, note, by.actor],
    );
    if (!rows[0]) {
      const { rows: existing } = await tx.query<ReviewRow>('select * from reviews where id = $1', [reviewId]);
      if (!existing[0]) throw new StoreError('not_found', `no review "${reviewId}"`);
      if (existing[0].status === 'pending' && claimedByOther(existing[0], by.actor, terms))
        throw new StoreError(
          'conflict',
          `review "${reviewId}" was taken by ${existing[0].claimed_by} at ${iso(existing[0].claimed_at)}; only they may decide it until ${terms.minutes} minutes after that`,
        );
      throw new StoreError('conflict', `review "${reviewId}" was decided already (${existing[0].verdict} by ${existing[0].reviewer})`);
    }
    const review = toReview(rows[0]);
    await tx.query(`update decisions set reviews = reviews || $2::jsonb where id = $1`, [
      review.decisionId,
      JSON.stringify({ [review.nodeId]: { verdict, note, reviewer: by.actor } }),
    ]);
    await recordEvents(tx, [{ type: 'review.decided', applicationId: review.decisionId, data: { review: reviewId, node: review.nodeId, verdict } }]);
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
