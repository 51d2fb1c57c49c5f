-- Idempotency keys belong to the client (API key) that sent them: another client replaying
-- the same key gets a decision of its own, never the first client's.
alter table decisions add column client_id text not null default '';
update decisions d set client_id = a.actor
  from audit_events a
 where a.subject_type = 'decision' and a.subject_id = d.id and a.action in ('decision.made', 'decision.pending_review');
alter table decisions drop constraint decisions_idempotency_key_key;
create unique index decisions_client_idempotency_key on decisions (client_id, idempotency_key);

-- Bureau reports are reused by the request that pulled them, named the same way.
update bureau_pulls p set request_key = d.client_id || '/' || d.idempotency_key
  from decisions d
 where d.idempotency_key = p.request_key;

-- An erased application keeps no digest of its request: a digest would let anyone holding the
-- key confirm a guessed application by replaying it.
alter table decisions alter column request_hash drop not null;
update decisions d set request_hash = null
  from data_keys k
 where k.id = d.data_key_id and k.wrapped is null;
