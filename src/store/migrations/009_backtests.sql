-- Sandbox back-tests started over the API. The uploaded history is kept only until the run
-- ends (it may hold personal data); the report holds aggregates only.
create table backtests (
  id                 text primary key,
  status             text not null check (status in ('queued', 'running', 'done', 'failed')),
  candidate_flow     text not null,
  candidate_version  integer not null,
  baseline_flow      text not null,
  baseline_version   integer not null,
  spec               jsonb not null,
  data               text,
  rows_done          integer not null default 0,
  rows_estimated     integer not null default 0,
  report             jsonb,
  html               text,
  error              text,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  started_at         timestamptz,
  finished_at        timestamptz
);
create index backtests_created on backtests (created_at desc);
