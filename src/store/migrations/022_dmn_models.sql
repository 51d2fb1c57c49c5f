-- DMN models uploaded to the server, versioned by content like models and connectors: the XML
-- as uploaded (so a download is byte for byte what was given) and what was read from it.
create table dmn_models (
  id          text primary key,
  created_at  timestamptz not null default now(),
  created_by  text not null
);

create table dmn_model_versions (
  model_id      text not null references dmn_models (id),
  version       integer not null,
  content_hash  text not null,
  xml           text not null,
  summary       jsonb not null,
  created_at    timestamptz not null default now(),
  created_by    text not null,
  primary key (model_id, version),
  unique (model_id, content_hash)
);
