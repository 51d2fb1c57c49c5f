import { createHash } from 'node:crypto';
import { canonicalJson } from '../privacy/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso } from './row-values.ts';
import { StoreError } from './store-error.ts';

export const OUTCOME_TYPES = ['disbursement', 'payment', 'delinquency', 'default', 'charge_off', 'recovery'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export interface OutcomeEvent {
  eventId: string;
  decisionId: string;
  type: OutcomeType;
  occurredAt: string;
  daysPastDue?: number | null;
  amount?: number | null;
}

export interface OutcomeReceipt {
  accepted: number;
  /** Events sent before with the same content: nothing to do. */
  duplicates: number;
}

/** The part of an event that must match when its id is sent again. */
const fingerprint = (e: OutcomeEvent) =>
  createHash('sha256')
    .update(canonicalJson({ d: e.decisionId, t: e.type, at: new Date(e.occurredAt).toISOString(), dpd: e.daysPastDue ?? null, amt: e.amount ?? null }))
    .digest('hex');

/**
 * Records a batch of events in one transaction: all or nothing. An event id seen before with
 * the same content is a duplicate; with other content, or for an unknown decision, the batch is
 * refused with every offending event named.
 */
export async function recordOutcomes(db: Database, events: OutcomeEvent[], by: Actor): Promise<OutcomeReceipt> {
  return db.transaction(async (tx) => {
    const decisionIds = [...new Set(events.map((e) => e.decisionId))];
    const { rows: known } = await tx.query<{ id: string }>('select id from decisions where id = any($1)', [decisionIds]);
    const knownIds = new Set(known.map((r) => r.id));
    const unknown = decisionIds.filter((d) => !knownIds.has(d));
    if (unknown.length)
      throw new StoreError(
        'invalid',
        `${unknown.length} event(s) name decisions that do not exist: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ', ...' : ''}`,
      );
    const { rows: before } = await tx.query<{
      event_id: string;
      decision_id: string;
      type: OutcomeType;
      occurred_at: Date | string;
      days_past_due: number | null;
      amount: string | null;
    }>('select event_id, decision_id, type, occurred_at, days_past_due, amount from outcomes where event_id = any($1)', [events.map((e) => e.eventId)]);
    const seen = new Map(
      before.map((r) => [
        r.event_id,
        fingerprint({
          eventId: r.event_id,
          decisionId: r.decision_id,
          type: r.type,
          occurredAt: iso(r.occurred_at)!,
          daysPastDue: r.days_past_due,
          amount: r.amount === null ? null : Number(r.amount),
        }),
      ]),
    );
    const fresh: OutcomeEvent[] = [];
    const clashes: string[] = [];
    const inBatch = new Map<string, string>();
    for (const e of events) {
      const f = fingerprint(e);
      const prior = seen.get(e.eventId) ?? inBatch.get(e.eventId);
      if (prior === undefined) {
        inBatch.set(e.eventId, f);
        fresh.push(e);
      } else if (prior !== f) clashes.push(e.eventId);
    }
    if (clashes.length)
      throw new StoreError(
        'conflict',
        `${clashes.length} event id(s) were sent before with different content: ${clashes.slice(0, 20).join(', ')}; an event id names one event`,
      );
    for (let i = 0; i < fresh.length; i += 500) {
      const part = fresh.slice(i, i + 500);
      const params: unknown[] = [];
      const tuples = part.map((e) => {
        params.push(e.eventId, e.decisionId, e.type, e.occurredAt, e.daysPastDue ?? null, e.amount ?? null, by.actor);
        const b = params.length - 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await tx.query(`insert into outcomes (event_id, decision_id, type, occurred_at, days_past_due, amount, received_by) values ${tuples.join(', ')}`, params);
    }
    if (fresh.length)
      await appendAudit(tx, {
        actor: by.actor,
        action: 'outcomes.recorded',
        subjectType: 'outcomes',
        requestId: by.requestId,
        data: { events: fresh.length, decisions: new Set(fresh.map((e) => e.decisionId)).size },
      });
    return { accepted: fresh.length, duplicates: events.length - fresh.length };
  });
}

/** Per decision: the worst days past due reached within `days` of the decision date, and whether it defaulted. */
export async function performanceOf(
  db: Queryable,
  decisionIds: string[],
): Promise<Map<string, { events: { type: OutcomeType; at: string; dpd: number | null }[] }>> {
  const { rows } = await db.query<{ decision_id: string; type: OutcomeType; occurred_at: Date | string; days_past_due: number | null }>(
    'select decision_id, type, occurred_at, days_past_due from outcomes where decision_id = any($1) order by decision_id, occurred_at',
    [decisionIds],
  );
  const out = new Map<string, { events: { type: OutcomeType; at: string; dpd: number | null }[] }>();
  for (const r of rows) {
    let p = out.get(r.decision_id);
    if (!p) out.set(r.decision_id, (p = { events: [] }));
    p.events.push({ type: r.type, at: iso(r.occurred_at)!, dpd: r.days_past_due });
  }
  return out;
}
