-- Performance events of decided applications, as the servicing system reports them. The
-- sender's event id makes a repeat harmless.
create table outcomes (
  event_id        text primary key,
  decision_id     text not null references decisions (id),
  type            text not null check (type in ('disbursement', 'payment', 'delinquency', 'default', 'charge_off', 'recovery')),
  occurred_at     timestamptz not null,
  days_past_due   integer check (days_past_due >= 0),
  amount          numeric(16, 2) check (amount >= 0),
  received_at     timestamptz not null default now(),
  received_by     text not null
);
create index outcomes_decision on outcomes (decision_id, occurred_at);
