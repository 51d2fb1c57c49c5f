import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { newId } from './decisions.ts';
import { erasePersonalData, vacuumErased } from './erasure.ts';
import type { ErasureLedger } from './erasure-ledger.ts';
import { StoreError } from './store-error.ts';

/** How long personal data is kept (the lender's policy, set in the services): in general, and after an adverse action (a decline or refer). */
export interface RetentionTerms {
  retentionDays: number;
  adverseActionMonths: number;
}

export interface LegalHold {
  id: string;
  decisionId: string;
  reason: string;
  heldUntil: string;
  createdBy: string;
}

export async function addLegalHold(db: Database, decisionId: string, reason: string, heldUntil: string, by: Actor): Promise<LegalHold> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('select 1 from decisions where id = $1', [decisionId]);
    if (!rows.length) throw new StoreError('not_found', `no application "${decisionId}"`);
    const id = newId('hold');
    await tx.query('insert into legal_holds (id, decision_id, reason, held_until, created_by) values ($1, $2, $3, $4, $5)', [
      id,
      decisionId,
      reason,
      heldUntil,
      by.actor,
    ]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'legal_hold.added',
      subjectType: 'decision',
      subjectId: decisionId,
      requestId: by.requestId,
      data: { hold: id, until: heldUntil },
    });
    return { id, decisionId, reason, heldUntil: new Date(heldUntil).toISOString(), createdBy: by.actor };
  });
}

/**
 * The latest date until which a decision's personal data must be kept: its explicit legal
 * holds, and for declines and refers the adverse-action period. Null when nothing holds it.
 */
export async function heldUntil(db: Queryable, decisionId: string, now: Date, adverseActionMonths: number): Promise<string | null> {
  const { rows } = await db.query<{ until: Date | string | null }>(
    `select greatest(
       (select max(held_until) from legal_holds where decision_id = d.id),
       case when coalesce(d.override->>'outcome', d.outcome) in ('decline', 'refer') then d.created_at + make_interval(months => $2) end
     ) as until from decisions d where d.id = $1`,
    [decisionId, adverseActionMonths],
  );
  const until = rows[0]?.until;
  if (!until) return null;
  const iso = new Date(until).toISOString();
  return new Date(iso) > now ? iso : null;
}

/**
 * Applications past the retention period, not erased, and held by nothing: the purge's work.
 */
export async function dueForPurge(db: Queryable, terms: RetentionTerms, now: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select d.id from decisions d join data_keys k on k.id = d.data_key_id
     where k.wrapped is not null
       and d.created_at < $1::timestamptz - make_interval(days => $2)
       and not exists (select 1 from legal_holds h where h.decision_id = d.id and h.held_until > $1::timestamptz)
       and not (coalesce(d.override->>'outcome', d.outcome) in ('decline', 'refer') and d.created_at + make_interval(months => $3) > $1::timestamptz)
     order by d.created_at limit $4`,
    [now.toISOString(), terms.retentionDays, terms.adverseActionMonths, limit],
  );
  return rows.map((r) => r.id);
}

/** Erases every application that is due, in batches; returns how many. */
export async function purgeDue(db: Database, terms: RetentionTerms, now: Date, by: Actor, ledger: ErasureLedger | null = null): Promise<number> {
  let erased = 0;
  for (;;) {
    const due = await dueForPurge(db, terms, now, 200);
    for (const id of due) await erasePersonalData(db, id, by, ledger);
    erased += due.length;
    if (due.length < 200) break;
  }
  if (erased) await vacuumErased(db);
  return erased;
}
