-- Batch decisioning: a file of applications decided as online decisions are (each one sealed,
-- audited, with its own idempotency key), in chunks that every running server takes in turn.
create table batches (
  id text primary key,
  flow_id text not null,
  flow_version int,
  client_id text not null,
  rows int not null,
  chunks int not null,
  chunks_done int not null default 0,
  failed_rows int not null default 0,
  status text not null check (status in ('running', 'done')),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

-- A chunk's applications are personal data: sealed with a data key of their own, destroyed with
-- the rows once the chunk is decided. A server holds a chunk by a lease it renews while working;
-- a server that dies loses it, and another takes the chunk again.
create table batch_chunks (
  batch_id text not null references batches (id),
  chunk int not null,
  first_row int not null,
  rows int not null,
  data_key_id text references data_keys (id),
  rows_sealed bytea,
  status text not null check (status in ('queued', 'running', 'done')),
  holder text,
  lease_until timestamptz,
  primary key (batch_id, chunk)
);
create index batch_chunks_open on batch_chunks (status, lease_until) where status <> 'done';

-- Rows that could not be decided, with why (never the row's values).
create table batch_row_errors (
  batch_id text not null references batches (id),
  row int not null,
  code text not null,
  message text not null,
  primary key (batch_id, row)
);
