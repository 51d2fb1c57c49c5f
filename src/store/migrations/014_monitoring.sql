-- Monitoring per flow: its configuration, the snapshots it computed, and the alerts they raised.
create table monitors (
  flow_id     text primary key references flows (id),
  config      jsonb not null,
  updated_by  text not null,
  updated_at  timestamptz not null default now()
);

create table monitoring_snapshots (
  id          bigserial primary key,
  flow_id     text not null references flows (id),
  as_of       timestamptz not null,
  snapshot    jsonb not null,
  created_at  timestamptz not null default now()
);
create index monitoring_snapshots_flow on monitoring_snapshots (flow_id, as_of desc);

create table alerts (
  id               text primary key,
  flow_id          text not null references flows (id),
  kind             text not null,
  metric           text not null,
  period           text not null,
  value            double precision not null,
  threshold        double precision not null,
  message          text not null,
  raised_at        timestamptz not null default now(),
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  webhook          text,
  -- One alert per flow, kind, metric and period: monitoring run twice raises it once.
  unique (flow_id, kind, metric, period)
);
create index alerts_flow on alerts (flow_id, raised_at desc);
