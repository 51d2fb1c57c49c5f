import { ChainVerifier, hashEvent, type AuditEvent, type ChainBreak } from '../privacy/index.ts';
import { prepared, type Queryable } from './database.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType?: string;
  subjectId?: string;
  requestId?: string;
  /** Never personal data: ids, versions, counts and reasons only. */
  data?: Record<string, unknown>;
}

interface AuditRow {
  seq: number | string;
  at: Date | string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const APPEND_EVENTS = prepared(
  'append_audit_events',
  `
with appended as (
  insert into audit_events (seq, at, actor, action, subject_type, subject_id, request_id, data, prev_hash, hash)
  select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
)
update audit_head set seq = $11, hash = $12 where id = 1`,
);

/**
 * Appends events inside the caller's transaction, so they commit if and only if the change
 * they record commits. Locking the head row serialises appenders; a batch takes the lock once.
 */
export async function appendAuditBatch(tx: Queryable, entries: AuditEntry[]): Promise<AuditEvent[]> {
  if (entries.length === 0) return [];
  const { rows } = await tx.query<{ seq: number | string; hash: string }>('select seq, hash from audit_head where id = 1 for update');
  const head = rows[0];
  if (!head) throw new Error('audit_head row is missing: run migrations');
  const at = new Date().toISOString();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const events: AuditEvent[] = [];
  const columns: unknown[][] = Array.from({ length: 10 }, () => []);
  for (const entry of entries) {
    const content = {
      seq: ++seq,
      at,
      actor: entry.actor,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      requestId: entry.requestId ?? null,
      data: entry.data ?? {},
    };
    const hash = hashEvent(prevHash, content);
    events.push({ ...content, prevHash, hash });
    const values = [
      content.seq,
      at,
      content.actor,
      content.action,
      content.subjectType,
      content.subjectId,
      content.requestId,
      JSON.stringify(content.data),
      prevHash,
      hash,
    ];
    values.forEach((v, i) => columns[i]!.push(v));
    prevHash = hash;
  }
  // One statement, of one text whatever the count, for the events and the new head: the chain's lock is held for one round trip less.
  await tx.query(APPEND_EVENTS, [...columns, seq, prevHash]);
  return events;
}

export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<AuditEvent> {
  return (await appendAuditBatch(tx, [entry]))[0]!;
}

export interface AuditQuery {
  afterSeq?: number;
  limit: number;
  action?: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
}

/** Every action the log holds, with how many events each, for filters that offer them. */
export async function auditActions(db: Queryable): Promise<{ action: string; count: number }[]> {
  const { rows } = await db.query<{ action: string; count: number | string }>(
    'select action, count(*) as count from audit_events group by action order by action',
  );
  return rows.map((r) => ({ action: r.action, count: Number(r.count) }));
}

export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditEvent[]> {
  const where = ['seq > $1'];
  const params: unknown[] = [q.afterSeq ?? 0];
  const filters: [keyof AuditQuery, string][] = [
    ['action', 'action'],
    ['actor', 'actor'],
    ['subjectType', 'subject_type'],
    ['subjectId', 'subject_id'],
  ];
  for (const [key, column] of filters) {
    const value = q[key];
    if (value !== undefined) {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
  }
  params.push(q.limit);
  const { rows } = await db.query<AuditRow>(`select * from audit_events where ${where.join(' and ')} order by seq limit $${params.length}`, params);
  return rows.map(toEvent);
}

export interface AuditVerification {
  ok: boolean;
  /** Events verified before the first break. */
  checked: number;
  headSeq: number;
  firstBroken: ChainBreak | null;
  /** Every break found, in order (at most {@link MAX_BREAKS}). */
  breaks: ChainBreak[];
  /** Signed checkpoints held against the chain: how many, and whether each matched. */
  checkpoints: { checked: number; matched: number };
}

const VERIFY_PAGE = 1000;
const MAX_BREAKS = 1000;

/**
 * Walks the whole chain and lists every break; with signed checkpoints of the chain head
 * (kept outside the database), also every checkpointed event whose hash is no longer the one
 * signed: a chain rewritten with its hashes recomputed verifies on its own, but not against them.
 */
export async function verifyAudit(db: Queryable, checkpoints: readonly { seq: number; hash: string }[] = []): Promise<AuditVerification> {
  const verifier = new ChainVerifier();
  const breaks: ChainBreak[] = [];
  const add = (b: ChainBreak) => {
    if (breaks.length < MAX_BREAKS) breaks.push(b);
  };
  const { rows: headRows } = await db.query<{ seq: number | string; hash: string }>('select seq, hash from audit_head where id = 1');
  const head = { seq: Number(headRows[0]?.seq ?? 0), hash: headRows[0]?.hash ?? '' };
  const expected = new Map(checkpoints.map((c) => [c.seq, c.hash]));
  let matched = 0;
  let afterSeq = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>('select * from audit_events where seq > $1 order by seq limit $2', [afterSeq, VERIFY_PAGE]);
    for (const row of rows) {
      const event = toEvent(row);
      for (const b of verifier.check(event)) add(b);
      const signed = expected.get(event.seq);
      if (signed !== undefined) {
        expected.delete(event.seq);
        if (signed === event.hash) matched++;
        else
          add({
            seq: event.seq,
            reason: 'checkpoint_mismatch',
            message: `event ${event.seq} is not the event a signed checkpoint recorded: the chain was rewritten from here or before`,
          });
      }
    }
    if (rows.length < VERIFY_PAGE) break;
    afterSeq = Number(rows[rows.length - 1]!.seq);
  }
  const end = verifier.finish(head);
  if (end) add(end);
  for (const [seq] of expected)
    add({ seq, reason: 'checkpoint_mismatch', message: `a signed checkpoint records event ${seq}, which is no longer in the log: events were deleted` });
  breaks.sort((a, b) => a.seq - b.seq);
  return {
    ok: breaks.length === 0,
    checked: verifier.checked,
    headSeq: head.seq,
    firstBroken: breaks[0] ?? null,
    breaks,
    checkpoints: { checked: checkpoints.length, matched },
  };
}
