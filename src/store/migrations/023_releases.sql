-- Four-eyes release. The version that decides is now pointed at (flows.live_version) rather than
-- being the highest published one, so a rollback returns to an earlier version without a copy.
alter table flows add column live_version int;
update flows f set live_version = (select max(version) from flow_versions v where v.flow_id = f.id and v.status = 'published');

-- A change asked for by one person and decided by another: publishing a draft, or returning
-- the flow to an earlier published version. The content hash pins what was approved.
create table releases (
  id            text primary key,
  subject_type  text not null check (subject_type in ('flow')),
  subject_id    text not null,
  action        text not null check (action in ('publish', 'rollback')),
  version       int not null,
  from_version  int,
  content_hash  text not null,
  status        text not null check (status in ('submitted', 'approved', 'rejected', 'withdrawn', 'published', 'failed')),
  note          text not null,
  authors       text[] not null,
  submitted_by  text not null,
  submitted_at  timestamptz not null default now(),
  decided_by    text,
  decided_at    timestamptz,
  comment       text,
  effective_at  timestamptz,
  published_at  timestamptz,
  emergency     boolean not null default false,
  confirmed_by  text,
  confirmed_at  timestamptz,
  error         text,
  impact_decisions int not null default 0,
  impact_status text not null default 'none' check (impact_status in ('none', 'pending', 'running', 'done', 'failed')),
  impact        jsonb,
  impact_error  text
);
-- One open request per version: a second submission of the same draft is a conflict.
create unique index releases_open on releases (subject_type, subject_id, version, action) where status in ('submitted', 'approved');
create index releases_due on releases (effective_at) where status = 'approved';
create index releases_subject on releases (subject_type, subject_id, submitted_at);
