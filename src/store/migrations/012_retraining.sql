-- Retraining: per model, how to rebuild it (the flow and score node that use it, the sample,
-- the out-of-time slice, the promotion policy); and every run with its checks and outcome.
create table retrain_programs (
  model_id     text primary key references models (id),
  flow_id      text not null references flows (id),
  score_node   text not null,
  sample       jsonb not null,
  oot_months   integer not null check (oot_months between 1 and 24),
  policy       jsonb not null,
  updated_by   text not null,
  updated_at   timestamptz not null default now()
);

create table retrain_runs (
  id                   text primary key,
  model_id             text not null references retrain_programs (model_id),
  status               text not null check (status in ('queued', 'running', 'rejected', 'awaiting_approval', 'promoted', 'rolled_back', 'failed')),
  as_of                timestamptz not null,
  champion_version     integer,
  challenger_version   integer,
  flow_version_before  integer,
  flow_version_after   integer,
  checks               jsonb,
  reasons              jsonb,
  sample_report        jsonb,
  error                text,
  created_by           text not null,
  created_at           timestamptz not null default now(),
  finished_at          timestamptz,
  decided_by           text
);
create index retrain_runs_model on retrain_runs (model_id, created_at desc);
