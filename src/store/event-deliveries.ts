import type { Queryable } from './database.ts';
import { toOutboxEvent, type OutboxEvent } from './event-outbox.ts';

/** An event after a sink's cursor that is not yet delivered there, with what happened at that sink so far. */
export interface PendingEvent {
  event: OutboxEvent;
  attempts: number;
  /** True when it has never been tried or its retry is due; false while it waits out its backoff. */
  due: boolean;
}

/**
 * Takes (or renews) the lease on a sink for `seconds`: the one server that holds it delivers to
 * that sink, so events leave in order. Returns the sink's cursor, or null when another holds it.
 */
export async function takeSinkLease(db: Queryable, sink: string, holder: string, seconds: number): Promise<number | null> {
  await db.query('insert into event_sinks (name) values ($1) on conflict (name) do nothing', [sink]);
  const { rows } = await db.query<{ cursor: string | number }>(
    `update event_sinks set holder = $2, lease_until = now() + make_interval(secs => $3)
      where name = $1 and (holder = $2 or lease_until is null or lease_until < now()) returning cursor`,
    [sink, holder, seconds],
  );
  return rows[0] ? Number(rows[0].cursor) : null;
}

export async function releaseSinkLease(db: Queryable, sink: string, holder: string): Promise<void> {
  await db.query('update event_sinks set holder = null, lease_until = null where name = $1 and holder = $2', [sink, holder]);
}

/** Events after the cursor not delivered or dead-lettered at the sink, in sequence order. */
export async function pendingEvents(db: Queryable, sink: string, cursor: number, limit: number): Promise<PendingEvent[]> {
  const { rows } = await db.query<Parameters<typeof toOutboxEvent>[0] & { attempts: number | null; due: boolean | null }>(
    `select o.*, d.attempts, (d.next_attempt_at is null or d.next_attempt_at <= now()) as due
       from event_outbox o left join event_deliveries d on d.sink = $1 and d.seq = o.seq
      where o.seq > $2 and (d.status is null or d.status = 'failing')
      order by o.seq limit $3`,
    [sink, cursor, limit],
  );
  return rows.map((r) => ({ event: toOutboxEvent(r), attempts: r.attempts ?? 0, due: r.due ?? true }));
}

export async function markDelivered(db: Queryable, sink: string, seq: number): Promise<void> {
  await db.query(
    `insert into event_deliveries (sink, seq, status, attempts) values ($1, $2, 'delivered', 1)
     on conflict (sink, seq) do update set status = 'delivered', attempts = event_deliveries.attempts + 1, next_attempt_at = null, last_error = null, updated_at = now()`,
    [sink, seq],
  );
}

/** Records a failed attempt: retried at `retryAt`, or dead-lettered when that is null. */
export async function markFailed(db: Queryable, sink: string, seq: number, attempts: number, error: string, retryAt: Date | null): Promise<void> {
  await db.query(
    `insert into event_deliveries (sink, seq, status, attempts, next_attempt_at, last_error) values ($1, $2, $3, $4, $5, $6)
     on conflict (sink, seq) do update set status = excluded.status, attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
       last_error = excluded.last_error, updated_at = now()`,
    [sink, seq, retryAt ? 'failing' : 'dead', attempts, retryAt?.toISOString() ?? null, error.slice(0, 500)],
  );
}

/** Moves the cursor forward to `seq` (every event up to it is delivered or dead there), if the holder still holds the sink. */
export async function advanceCursor(db: Queryable, sink: string, holder: string, seq: number): Promise<void> {
  await db.query('update event_sinks set cursor = greatest(cursor, $3) where name = $1 and holder = $2', [sink, holder, seq]);
}

/** Per sink: delivered, waiting (not yet delivered, including failing) and dead events. */
export async function deliveryCounts(db: Queryable): Promise<{ sink: string; delivered: number; failing: number; dead: number; behind: number }[]> {
  const { rows } = await db.query<{ sink: string; delivered: number; failing: number; dead: number; behind: number }>(
    `select s.name as sink,
            (select count(*)::int from event_deliveries d where d.sink = s.name and d.status = 'delivered') as delivered,
            (select count(*)::int from event_deliveries d where d.sink = s.name and d.status = 'failing') as failing,
            (select count(*)::int from event_deliveries d where d.sink = s.name and d.status = 'dead') as dead,
            (select count(*)::int from event_outbox o where o.seq > s.cursor
               and not exists (select 1 from event_deliveries d where d.sink = s.name and d.seq = o.seq and d.status in ('delivered', 'dead'))) as behind
       from event_sinks s order by s.name`,
  );
  return rows;
}
