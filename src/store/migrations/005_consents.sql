-- The applicant's consents as given with the application (e.g. scope credit-bureau).
create table consents (
  id          text primary key,
  decision_id text not null references decisions (id),
  scope       text not null,
  granted_at  timestamptz not null,
  expires_at  timestamptz,
  channel     text not null,
  recorded_at timestamptz not null default now()
);
create index consents_decision on consents (decision_id);
