-- People, apart from keys: who signed in through the identity provider, with the roles its groups
-- map to. Keys may belong to a person; a key without one is a named service's.
create table users (
  id              text primary key,
  issuer          text not null,
  subject         text not null,
  email           text,
  name            text not null,
  roles           text[] not null,
  created_at      timestamptz not null default now(),
  last_sign_in_at timestamptz,
  unique (issuer, subject)
);

alter table api_keys add column user_id text references users (id);

-- Console sessions: only the token's SHA-256 is stored, as for keys.
create table sessions (
  id          text primary key,
  token_hash  text not null unique,
  user_id     text not null references users (id),
  role        text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  ended_at    timestamptz
);
create index sessions_user on sessions (user_id);

-- A sign-in in progress: what the callback must match (state, nonce) and prove (the PKCE verifier).
create table sign_ins (
  state       text primary key,
  verifier    text not null,
  nonce       text not null,
  created_at  timestamptz not null default now()
);
