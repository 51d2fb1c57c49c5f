-- Envelope encryption: one data key per application, wrapped by a versioned master key.
-- Erasure destroys the wrapped key (crypto-shredding); the ciphertexts then mean nothing.
create table data_keys (
  id             text primary key,
  master_version int,
  wrapped        bytea,
  created_at     timestamptz not null default now(),
  destroyed_at   timestamptz
);
create index data_keys_master_version on data_keys (master_version) where wrapped is not null;

-- Applications and traces leave the clear: C1 stays readable, C2 and the trace are sealed.
alter table decisions drop column application;
alter table decisions drop column trace;
alter table decisions add column application_c1 json not null default '{}';
alter table decisions add column application_c2 bytea;
alter table decisions add column trace_sealed bytea;
alter table decisions add column dropped_fields json not null default '[]';
alter table decisions add column data_key_id text references data_keys (id);

-- Blind index: keyed hashes of searchable C2 values, never the values.
create table decision_search (
  decision_id text not null references decisions (id),
  field       text not null,
  digest      text not null,
  primary key (decision_id, field)
);
create index decision_search_digest on decision_search (field, digest);

-- The audit log is append-only for everyone who connects as the service does.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_events_no_change before update or delete on audit_events for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only();
