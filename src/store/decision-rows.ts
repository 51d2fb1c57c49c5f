import { randomUUID } from 'node:crypto';
import { prepared, type PreparedStatement, type Queryable } from './database.ts';
import { decisionEvent } from './decision-events.ts';
import { newId, type NewDecision } from './decisions.ts';
import type { Actor } from './api-keys.ts';
import { auditHash, hashedAroundSeq, type AuditHash } from '../privacy/index.ts';
import { chainHashSql } from './audit-hashing.ts';

/**
 * Every row a new decision brings, its audit event included, in one statement whose text never
 * changes: one round trip and one commit for a whole group, parsed and planned once per
 * connection, each column sent as one array (`unnest`) instead of one parameter per cell. A
 * decision whose idempotency key is already stored inserts nothing: its data key, search
 * digests, consents, review, event and audit event are filtered on the decisions actually
 * inserted. The rows that refer to a decision go in the same statement, so the references are
 * checked once it has ended.
 *
 * The audit events are numbered and chained here, in the database, after the chain head is
 * locked (last, so the lock is held only for the append and the commit): the hash of event n
 * after head hash h is H(h + "\n" + before + n + after), H the installation's chain hash
 * (audit-hashing.ts), with `before` and `after` the event's canonical JSON around its number
 * (`hashedAroundSeq`), exactly as `hashEvent` computes it for events appended from JavaScript.
 * There is one statement text per hash, prepared under its own name.
 *
 * Each step of the chain reads its event's texts by position from one materialized row of
 * arrays: joining the chain to the entries instead scanned every entry at every step, which
 * cost 60-70 ms for a group of 250 under the chain's lock (quadratic), against about 4 ms.
 */
const insertStatements = new Map<AuditHash, PreparedStatement>();

function insertDecisionsStatement(): PreparedStatement {
  const algorithm = auditHash();
  let statement = insertStatements.get(algorithm);
  if (!statement) {
    statement = prepared(algorithm === 'sha256' ? 'insert_decisions' : `insert_decisions_${algorithm}`, insertDecisionsText(algorithm));
    insertStatements.set(algorithm, statement);
  }
  return statement;
}

/**
 * A bytea column as one parameter: the values end to end in `$blob` (sent in binary), cut at
 * `$starts` and `$lengths` (null for a null value). An array of bytea would travel as hex text
 * in an array literal, escaped in JavaScript and parsed again by the server.
 */
const unpacked = (blob: number, starts: number) =>
  `(select array_agg(substring($${blob}::bytea from p.s for p.l) order by p.n)
      from unnest($${starts}::int[], $${starts + 1}::int[]) with ordinality as p(s, l, n))`;

/**
 * A json or jsonb column as one parameter: a JSON array of the values, one per row (JSON null
 * for SQL null). An array of json would travel as an array literal with every quote escaped.
 */
const asJson = (param: number, type: 'json' | 'jsonb' = 'json') =>
  `(select array_agg(case when ${type}_typeof(j.v) = 'null' then null else j.v end order by j.n)
      from ${type}_array_elements($${param}::${type}) with ordinality as j(v, n))`;

/** Buffers (or nulls) end to end, with where each starts (1-based, as SQL counts) and how long it is. */
function packed(values: readonly (Buffer | null)[]): [Buffer, (number | null)[], (number | null)[]] {
  const starts: (number | null)[] = [];
  const lengths: (number | null)[] = [];
  let at = 1;
  for (const v of values) {
    starts.push(v ? at : null);
    lengths.push(v ? v.length : null);
    if (v) at += v.length;
  }
  return [Buffer.concat(values.filter((v): v is Buffer => v !== null)), starts, lengths];
}

const insertDecisionsText = (algorithm: AuditHash) => `
with recursive d as (
  insert into decisions (id, flow_id, flow_version, idempotency_key, request_hash, status, outcome, result, path, trace_sealed,
                         application_c1, application_c2, dropped_fields, data_key_id, pending_review_id, versions, completed_at,
                         duration_ms, created_at, scores, client_id, trace_id)
  select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], ${asJson(8)}, ${asJson(9)},
                       ${unpacked(10, 52)}, ${asJson(11)}, ${unpacked(12, 54)}, ${asJson(13)}, $14::text[], $15::text[], ${asJson(16)}, $17::timestamptz[],
                       $18::float8[], $19::timestamptz[], ${asJson(20)}, $21::text[], $22::text[])
  on conflict (client_id, idempotency_key) do nothing
  returning id, data_key_id
),
keys as (
  insert into data_keys (id, master_version, wrapped)
  select k.id, k.version, k.wrapped from unnest($23::text[], $24::int[], ${unpacked(25, 56)}) as k(id, version, wrapped)
   where k.id in (select data_key_id from d)
),
search as (
  insert into decision_search (decision_id, field, digest)
  select s.decision_id, s.field, s.digest from unnest($26::text[], $27::text[], $28::text[]) as s(decision_id, field, digest)
   where s.decision_id in (select id from d)
),
consent as (
  insert into consents (id, decision_id, scope, granted_at, expires_at, channel)
  select c.* from unnest($29::text[], $30::text[], $31::text[], $32::timestamptz[], $33::timestamptz[], $34::text[])
                  as c(id, decision_id, scope, granted_at, expires_at, channel)
   where c.decision_id in (select id from d)
),
review as (
  insert into reviews (id, decision_id, node_id, queue, reason, status)
  select r.id, r.decision_id, r.node_id, r.queue, r.reason, 'pending'
    from unnest($35::text[], $36::text[], $37::text[], $38::text[], $39::text[]) as r(id, decision_id, node_id, queue, reason)
   where r.decision_id in (select id from d)
),
event as (
  insert into event_outbox (id, type, application_id, payload)
  select e.id, e.type, e.application_id, e.payload
    from unnest($40::text[], $41::text[], $42::text[], ${asJson(43, 'jsonb')}) with ordinality as e(id, type, application_id, payload, n)
   where e.application_id in (select id from d)
   order by e.n
),
head as (select seq, hash from audit_head where id = 1 for update),
entries as (
  select row_number() over (order by a.n) as i, a.*
    from unnest($45::text[], $46::text[], $47::text[], $48::text[], $49::text[], $50::text[], ${asJson(51, 'jsonb')}) with ordinality
         as a(before, after, actor, action, subject_id, request_id, data, n)
   where a.subject_id in (select id from d)
),
texts as materialized (select array_agg(before order by i) as before, array_agg(after order by i) as after from entries),
chain as (
  select 0::bigint as i, h.seq, h.hash, null::text as prev_hash from head h
  union all
  select c.i + 1, c.seq + 1, ${chainHashSql(algorithm, "c.hash || E'\\n' || t.before[c.i + 1] || (c.seq + 1)::text || t.after[c.i + 1]")}, c.hash
    from chain c cross join texts t where c.i < cardinality(t.before)
),
appended as (
  insert into audit_events (seq, at, actor, action, subject_type, subject_id, request_id, data, prev_hash, hash)
  select c.seq, $44::timestamptz, e.actor, e.action, 'decision', e.subject_id, e.request_id, e.data, c.prev_hash, c.hash
    from chain c join entries e on e.i = c.i
),
moved as (
  update audit_head set seq = last.seq, hash = last.hash
    from (select seq, hash from chain order by i desc limit 1) last
   where audit_head.id = 1 and last.seq > audit_head.seq
)
select id from d`;

/** Inserts new decisions with everything that belongs to them, and audits each as made by `by`; returns the ids inserted (the others' keys were taken). */
export async function insertDecisions(q: Queryable, decisions: readonly { decision: NewDecision; by: Actor }[], now: string): Promise<Set<string>> {
  const columns: unknown[][] = Array.from({ length: 43 }, () => []);
  const audit: unknown[][] = Array.from({ length: 7 }, () => []);
  const push = (from: number, ...values: unknown[]) => values.forEach((v, i) => columns[from + i]!.push(v));
  for (const { decision: d, by } of decisions) {
    push(
      0,
      d.id,
      d.flowId,
      d.flowVersion,
      d.idempotencyKey,
      d.requestHash,
      d.status,
      d.outcome,
      d.result ?? null,
      d.path ?? null,
      d.sealed.trace,
      d.sealed.c1,
      d.sealed.c2,
      d.sealed.dropped,
      d.sealed.dataKey.id,
      d.reviewId,
      d.versions ?? null,
      d.status === 'completed' ? now : null,
      d.durationMs,
      now,
      d.scores && Object.keys(d.scores).length ? d.scores : null,
      d.clientId,
      d.traceId ?? null,
    );
    push(22, d.sealed.dataKey.id, d.sealed.dataKey.version, d.sealed.dataKey.wrapped);
    for (const s of d.sealed.search) push(25, d.id, s.field, s.digest);
    for (const c of d.consents) push(28, newId('cns'), d.id, c.scope, c.grantedAt, c.expiresAt ?? null, c.channel);
    if (d.reviewId && d.wait) push(34, d.reviewId, d.id, d.wait.node, d.wait.queue, d.wait.reason);
    const event = decisionEvent(d.status === 'completed' ? 'decision.made' : 'decision.pending_review', d.id, {
      flow: d.flowId,
      version: d.flowVersion,
      status: d.status,
      result: d.result,
      reviewId: d.reviewId,
    });
    push(39, `evt_${randomUUID()}`, event.type, event.applicationId, event.data);
    const entry = {
      at: now,
      actor: by.actor,
      action: d.status === 'completed' ? 'decision.made' : 'decision.pending_review',
      subjectType: 'decision',
      subjectId: d.id,
      requestId: by.requestId ?? null,
      data: { flow: d.flowId, version: d.flowVersion, outcome: d.outcome, consents: d.consents.map((c) => c.scope) },
    };
    const { before, after } = hashedAroundSeq(entry);
    [before, after, entry.actor, entry.action, entry.subjectId, entry.requestId, entry.data].forEach((v, i) => audit[i]!.push(v));
  }
  const params: unknown[] = [...columns, now, ...audit];
  // The json columns ($8 $9 $11 $13 $16 $20, $43 event payloads, $51 audit data) go as one JSON array each.
  for (const column of [7, 8, 10, 12, 15, 19, 42, 50]) params[column] = JSON.stringify(params[column]);
  // The bytea columns ($10 traces, $12 sealed C2 fields, $25 wrapped keys) go packed, cut by $52-$57.
  for (const column of [9, 11, 24]) {
    const [blob, starts, lengths] = packed(columns[column] as (Buffer | null)[]);
    params[column] = blob;
    params.push(starts, lengths);
  }
  const { rows } = await q.query<{ id: string }>(insertDecisionsStatement(), params);
  return new Set(rows.map((r) => r.id));
}
