-- An applicant may contest an automated decision; a person then reviews it.
create table contests (
  id               text primary key,
  decision_id      text not null references decisions (id),
  review_id        text not null references reviews (id),
  statement_sealed bytea,
  created_at       timestamptz not null default now()
);
create index contests_decision on contests (decision_id);

-- A person's decision that replaces the automated outcome after a contest.
alter table decisions add column override json;
