import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Database } from './database.ts';
import { newId } from './decisions.ts';
import { type ReviewRecord, type ReviewRow, toReview } from './reviews.ts';
import { StoreError } from './store-error.ts';

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
