-- Connector definitions, versioned like models: a changed definition under an id is a new version.
create table connectors (
  id          text primary key,
  created_at  timestamptz not null default now(),
  created_by  text not null
);

create table connector_versions (
  connector_id  text not null references connectors (id),
  version       integer not null,
  content_hash  text not null,
  definition    jsonb not null,
  created_at    timestamptz not null default now(),
  created_by    text not null,
  primary key (connector_id, version),
  unique (connector_id, content_hash)
);

-- The pull ledger. A row is committed as 'pending' before the bureau is called; its id is the
-- request reference the bureau sees. The report is sealed under its own data key (in data_keys,
-- so master-key rotation and erasure treat it like an application).
create table bureau_pulls (
  id                 text primary key,
  connector_id       text not null,
  connector_version  integer not null,
  subject_index      text not null,
  request_key        text,
  status             text not null check (status in ('pending', 'success', 'failed', 'reused')),
  outcome            text,
  source_pull_id     text,
  cost               numeric(14, 4) not null default 0,
  latency_ms         double precision,
  attempts           integer not null default 0,
  error              text,
  report_sealed      bytea,
  data_key_id        text references data_keys (id),
  requested_at       timestamptz not null default now(),
  completed_at       timestamptz
);
-- One inquiry in flight per person and connector: a second process waits for it instead of paying twice.
create unique index bureau_pulls_one_pending on bureau_pulls (connector_id, subject_index) where status = 'pending';
create index bureau_pulls_reuse on bureau_pulls (connector_id, subject_index, completed_at desc) where status = 'success';
create index bureau_pulls_request on bureau_pulls (connector_id, request_key) where request_key is not null and status = 'success';
create index bureau_pulls_usage on bureau_pulls (connector_id, requested_at);
