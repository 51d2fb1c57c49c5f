-- Legal holds keep personal data past its retention period (e.g. adverse-action records).
create table legal_holds (
  id          text primary key,
  decision_id text not null references decisions (id),
  reason      text not null,
  held_until  timestamptz not null,
  created_at  timestamptz not null default now(),
  created_by  text not null
);
create index legal_holds_decision on legal_holds (decision_id, held_until);

-- Nobody but the owner may change the audit log; the triggers stop the owner too.
revoke update, delete, truncate on audit_events from public;
