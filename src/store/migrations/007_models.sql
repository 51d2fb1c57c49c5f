-- Stored models: every upload of a different model file under an id is a new version.
-- The file is kept as written (json, not jsonb: its content hash is over the text).
create table models (
  id          text primary key,
  created_at  timestamptz not null default now(),
  created_by  text not null
);

create table model_versions (
  model_id      text not null references models (id),
  version       integer not null,
  content_hash  text not null,
  kind          text not null,
  summary       jsonb not null,
  file          json not null,
  created_at    timestamptz not null default now(),
  created_by    text not null,
  primary key (model_id, version),
  unique (model_id, content_hash)
);
