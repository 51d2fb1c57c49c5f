import { ChainVerifier, hashEvent, type AuditEvent, type ChainBreak } from '../privacy/index.ts';
import type { Queryable } from './database.ts';

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
  const params: unknown[] = [];
  const tuples: string[] = [];
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
    const base = params.length;
    tuples.push(`(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
    params.push(content.seq, content.at, content.actor, content.action, content.subjectType, content.subjectId, content.requestId, JSON.stringify(content.data), prevHash, hash);
    prevHash = hash;
  }
  await tx.query(`insert into audit_events (seq, at, actor, action, subject_type, subject_id, request_id, data, prev_hash, hash) values ${tuples.join(', ')}`, params);
  await tx.query('update audit_head set seq = $1, hash = $2 where id = 1', [seq, prevHash]);
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
  const { rows } = await db.query<AuditRow>(
    `select * from audit_events where ${where.join(' and ')} order by seq limit $${params.length}`,
    params,
  );
  return rows.map(toEvent);
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBroken: ChainBreak | null;
}

const VERIFY_PAGE = 1000;

export async function verifyAudit(db: Queryable): Promise<AuditVerification> {
  const verifier = new ChainVerifier();
  const { rows: headRows } = await db.query<{ seq: number | string; hash: string }>('select seq, hash from audit_head where id = 1');
  const head = { seq: Number(headRows[0]?.seq ?? 0), hash: headRows[0]?.hash ?? '' };
  let afterSeq = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>('select * from audit_events where seq > $1 order by seq limit $2', [afterSeq, VERIFY_PAGE]);
    for (const row of rows) {
      const broken = verifier.check(toEvent(row));
      if (broken) return { ok: false, checked: verifier.checked, headSeq: head.seq, firstBroken: broken };
    }
    if (rows.length < VERIFY_PAGE) break;
    afterSeq = Number(rows[rows.length - 1]!.seq);
  }
  const broken = verifier.finish(head);
  return { ok: broken === null, checked: verifier.checked, headSeq: head.seq, firstBroken: broken };
}
