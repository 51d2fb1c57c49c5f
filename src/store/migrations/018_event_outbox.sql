-- Decision events for downstream systems, written in the transaction of the change they report
-- (the outbox), then delivered to each configured sink at least once, in order per application.
create table event_outbox (
  seq bigserial primary key,
  id text not null unique,
  type text not null,
  application_id text not null,
  occurred_at timestamptz not null default now(),
  payload jsonb not null
);
create index event_outbox_application on event_outbox (application_id, seq);

-- One row per sink: which server delivers to it now (a lease), and below which sequence number
-- every event is delivered or dead-lettered.
create table event_sinks (
  name text primary key,
  holder text,
  lease_until timestamptz,
  cursor bigint not null default 0
);

-- What happened to an event at a sink: delivered, failing (retried after next_attempt_at), or
-- dead (given up after the sink's attempts; listed for an operator, and retried on request).
create table event_deliveries (
  sink text not null references event_sinks (name),
  seq bigint not null references event_outbox (seq),
  status text not null check (status in ('delivered', 'failing', 'dead')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  last_error text,
  updated_at timestamptz not null default now(),
  primary key (sink, seq)
);
create index event_deliveries_open on event_deliveries (sink, status) where status <> 'delivered';
