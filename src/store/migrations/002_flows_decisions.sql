-- Flows and their versions: drafts are edited in place, published versions never change.
create table flows (
  id         text primary key,
  name       text not null,
  created_at timestamptz not null default now(),
  created_by text not null
);

create table flow_versions (
  flow_id      text not null references flows (id),
  version      int not null,
  status       text not null check (status in ('draft', 'published')),
  -- json, not jsonb: the text is kept as written, and key order matters (assignments run in order).
  definition   json not null,
  content_hash text not null,
  created_at   timestamptz not null default now(),
  created_by   text not null,
  updated_at   timestamptz not null default now(),
  published_at timestamptz,
  published_by text,
  primary key (flow_id, version)
);

-- One row per decision request; the idempotency key makes a retry return the same row.
create table decisions (
  id                text primary key,
  flow_id           text not null,
  flow_version      int not null,
  idempotency_key   text not null unique,
  request_hash      text not null,
  status            text not null check (status in ('completed', 'pending_review')),
  outcome           text,
  -- json, not jsonb: stored as sent, never queried into, and cheaper to write at volume.
  result            json,
  path              json not null,
  trace             json,
  application       json not null,
  reviews           jsonb not null default '{}',
  pending_review_id text,
  versions          json not null,
  created_at        timestamptz not null default now(),
  completed_at      timestamptz,
  duration_ms       double precision not null
);
create index decisions_flow on decisions (flow_id, created_at desc);
create index decisions_status on decisions (status, created_at desc);

-- The manual review queue: a decision waiting at a review node.
create table reviews (
  id          text primary key,
  decision_id text not null references decisions (id),
  node_id     text not null,
  queue       text not null,
  reason      text not null,
  status      text not null check (status in ('pending', 'decided')),
  verdict     text check (verdict in ('approve', 'decline')),
  note        text,
  reviewer    text,
  created_at  timestamptz not null default now(),
  decided_at  timestamptz
);
create index reviews_pending on reviews (status, queue, created_at);
