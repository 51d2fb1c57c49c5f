-- A retraining run's promotion is a release like any other change: the run submits its flow
-- version, and the release also approves the model version the flow now names (so one approval
-- covers both). The run follows its release: published, it is promoted; rejected or withdrawn,
-- rejected; failed, failed. Where releases take two people, a program that promotes without a
-- person must have had that policy confirmed by a second risk manager.
alter table releases add column also_approves jsonb not null default '[]';
alter table retrain_runs add column release_id text references releases (id);
create unique index retrain_runs_release on retrain_runs (release_id) where release_id is not null;
alter table retrain_programs add column confirmed_by text, add column confirmed_at timestamptz;
