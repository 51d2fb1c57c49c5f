import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.ts';

/** What downstream systems are told. Never personal data: ids, versions, outcomes, reasons and offers only. */
export type EventType = 'decision.made' | 'decision.pending_review' | 'decision.completed' | 'review.decided' | 'decision.overridden' | 'personal_data.erased';

export interface NewEvent {
  type: EventType;
  /** The decision (application) the event is about: events of one application are delivered in order. */
  applicationId: string;
  data: Record<string, unknown>;
}

export interface OutboxEvent extends NewEvent {
  seq: number;
  id: string;
  occurredAt: string;
}

/** Adds events to the outbox inside the caller's transaction: they exist if and only if the change commits. */
export async function recordEvents(tx: Queryable, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params: unknown[] = [];
  const tuples = events.map((e) => {
    const base = params.length;
    params.push(`evt_${randomUUID()}`, e.type, e.applicationId, JSON.stringify(e.data));
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4})`;
  });
  await tx.query(`insert into event_outbox (id, type, application_id, payload) values ${tuples.join(', ')}`, params);
}

export interface DeadLetter {
  sink: string;
  event: OutboxEvent;
  attempts: number;
  lastError: string | null;
  at: string;
}

interface OutboxRow {
  seq: string | number;
  id: string;
  type: EventType;
  application_id: string;
  occurred_at: Date | string;
  payload: Record<string, unknown> | string;
}

export function toOutboxEvent(row: OutboxRow): OutboxEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type,
    applicationId: row.application_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    data: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  };
}

/** Events a sink has given up on, oldest first. */
export async function listDeadLetters(db: Queryable, sink: string | null, limit: number): Promise<DeadLetter[]> {
  const { rows } = await db.query<OutboxRow & { sink: string; attempts: number; last_error: string | null; updated_at: Date | string }>(
    `select d.sink, d.attempts, d.last_error, d.updated_at, o.* from event_deliveries d join event_outbox o on o.seq = d.seq
      where d.status = 'dead' and ($1::text is null or d.sink = $1) order by d.seq limit $2`,
    [sink, limit],
  );
  return rows.map((r) => ({ sink: r.sink, event: toOutboxEvent(r), attempts: r.attempts, lastError: r.last_error, at: new Date(r.updated_at).toISOString() }));
}

/** Sends a dead-lettered event to its sink again (with its attempts reset); false if it is not dead there. */
export async function retryDeadLetter(db: Queryable, sink: string, seq: number): Promise<boolean> {
  const { rows } = await db.query(
    `update event_deliveries set status = 'failing', attempts = 0, next_attempt_at = now(), updated_at = now() where sink = $1 and seq = $2 and status = 'dead' returning seq`,
    [sink, seq],
  );
  if (rows.length) await db.query('update event_sinks set cursor = least(cursor, $2 - 1) where name = $1', [sink, seq]);
  return rows.length > 0;
}
