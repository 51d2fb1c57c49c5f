-- Roles as sets of permissions (one per API action): an admin's edit of a built-in role is kept
-- here whole; a role not here has the permissions its routes declare.
create table role_permissions (
  role        text primary key,
  permissions text[] not null,
  updated_by  text not null,
  updated_at  timestamptz not null default now()
);

-- Changes to who may do what that need a second admin where there is more than one: minting an
-- admin key, and changing a role's permissions.
create table admin_changes (
  id           text primary key,
  kind         text not null check (kind in ('admin_key', 'role')),
  subject      text not null,
  payload      jsonb not null,
  status       text not null check (status in ('pending', 'approved', 'rejected')),
  requested_by text not null,
  requested_at timestamptz not null default now(),
  decided_by   text,
  decided_at   timestamptz,
  comment      text
);
create index admin_changes_pending on admin_changes (requested_at) where status = 'pending';

-- An admin key minted while another admin's approval is awaited: it does not authenticate until then.
alter table api_keys add column pending_change text references admin_changes (id);
