-- Applications uploaded with a release for its impact report (a new flow has no decisions to
-- replay): sealed with a key of their own, destroyed once the report is written.
create table release_samples (
  release_id  text primary key references releases (id),
  data_key_id text not null references data_keys (id),
  rows        int not null,
  sealed      bytea not null
);
