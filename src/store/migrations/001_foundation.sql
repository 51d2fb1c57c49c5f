-- API keys: only the SHA-256 of the secret is kept; the secret is shown once at creation.
create table api_keys (
  id          text primary key,
  name        text not null,
  role        text not null check (role in ('admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service')),
  prefix      text not null,
  secret_hash text not null unique,
  created_at  timestamptz not null default now(),
  created_by  text,
  revoked_at  timestamptz
);

-- The audit chain: each event's hash covers the previous event's hash and its own content.
create table audit_events (
  seq          bigint primary key,
  at           timestamptz not null,
  actor        text not null,
  action       text not null,
  subject_type text,
  subject_id   text,
  request_id   text,
  data         jsonb not null,
  prev_hash    text not null,
  hash         text not null
);
create index audit_events_action on audit_events (action, seq);
create index audit_events_subject on audit_events (subject_type, subject_id, seq);

-- The head of the chain; locking this row serialises appends across processes.
create table audit_head (
  id   int primary key check (id = 1),
  seq  bigint not null,
  hash text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
