-- Champion and challenger: per flow, a published version that takes a share of the traffic
-- (split) or runs beside the champion without acting (shadow). While one is set, the champion
-- is pinned too, so publishing the challenger does not hand it all the traffic. Decisions name
-- their arm in their `versions` record.
create table flow_challengers (
  flow_id             text primary key references flows (id),
  champion_version    integer not null,
  challenger_version  integer not null,
  mode                text not null check (mode in ('split', 'shadow')),
  share               double precision not null check (share >= 0 and share <= 1),
  set_by              text not null,
  set_at              timestamptz not null default now()
);
