import { randomBytes } from 'node:crypto';
import type { Role } from '../privacy/index.ts';
import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

/** A role's permissions as an admin set them (roles not edited have their routes' defaults). */
export interface EditedRole {
  role: Role;
  permissions: string[];
  updatedBy: string;
  updatedAt: string;
}

export async function editedRoles(db: Queryable): Promise<EditedRole[]> {
  const { rows } = await db.query<{ role: Role; permissions: string[]; updated_by: string; updated_at: Date | string }>(
    'select role, permissions, updated_by, updated_at from role_permissions order by role',
  );
  return rows.map((r) => ({ role: r.role, permissions: r.permissions, updatedBy: r.updated_by, updatedAt: iso(r.updated_at)! }));
}

/** Sets a role's permissions, audited with what was added and removed. */
export async function setRolePermissions(tx: Queryable, role: Role, permissions: readonly string[], before: readonly string[], by: Actor): Promise<void> {
  await tx.query(
    `insert into role_permissions (role, permissions, updated_by) values ($1, $2, $3)
     on conflict (role) do update set permissions = excluded.permissions, updated_by = excluded.updated_by, updated_at = now()`,
    [role, [...permissions], by.actor],
  );
  const was = new Set(before);
  const now = new Set(permissions);
  await appendAudit(tx, {
    actor: by.actor,
    action: 'role.changed',
    subjectType: 'role',
    subjectId: role,
    requestId: by.requestId,
    data: { added: permissions.filter((p) => !was.has(p)), removed: before.filter((p) => !now.has(p)) },
  });
}

export type AdminChangeKind = 'admin_key' | 'role';

export interface AdminChange {
  id: string;
  kind: AdminChangeKind;
  /** The key id (admin_key) or the role (role). */
  subject: string;
  payload: unknown;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

interface ChangeRow {
  id: string;
  kind: AdminChangeKind;
  subject: string;
  payload: unknown;
  status: AdminChange['status'];
  requested_by: string;
  requested_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  comment: string | null;
}

const toChange = (r: ChangeRow): AdminChange => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  payload: json(r.payload),
  status: r.status,
  requestedBy: r.requested_by,
  requestedAt: iso(r.requested_at)!,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  comment: r.comment,
});

export async function createAdminChange(tx: Queryable, change: { kind: AdminChangeKind; subject: string; payload: unknown }, by: Actor): Promise<AdminChange> {
  const id = `chg_${randomBytes(8).toString('hex')}`;
  const { rows } = await tx.query<ChangeRow>(
    `insert into admin_changes (id, kind, subject, payload, status, requested_by) values ($1, $2, $3, $4, 'pending', $5) returning *`,
    [id, change.kind, change.subject, JSON.stringify(change.payload), by.actor],
  );
  await appendAudit(tx, {
    actor: by.actor,
    action: 'admin_change.requested',
    subjectType: change.kind === 'role' ? 'role' : 'api_key',
    subjectId: change.subject,
    requestId: by.requestId,
    data: { change: id, kind: change.kind },
  });
  return toChange(rows[0]!);
}

export async function getAdminChange(db: Queryable, id: string): Promise<AdminChange> {
  const { rows } = await db.query<ChangeRow>('select * from admin_changes where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no change "${id}"; list them with GET /v1/admin-changes`);
  return toChange(rows[0]);
}

export async function listAdminChanges(db: Queryable, status: AdminChange['status'] | null, limit: number): Promise<AdminChange[]> {
  const { rows } = await db.query<ChangeRow>(
    'select * from admin_changes where ($1::text is null or status = $1) order by requested_at desc, id desc limit $2',
    [status, limit],
  );
  return rows.map(toChange);
}

/** Records the second admin's decision on a pending change; what the change does is the caller's, in the same transaction. */
export async function decideAdminChange(tx: Queryable, id: string, status: 'approved' | 'rejected', comment: string | null, by: Actor): Promise<AdminChange> {
  const { rows } = await tx.query<ChangeRow>(
    `update admin_changes set status = $2, decided_by = $3, decided_at = now(), comment = $4 where id = $1 and status = 'pending' returning *`,
    [id, status, by.actor, comment],
  );
  if (!rows[0]) throw new StoreError('conflict', `change ${id} is not pending`);
  const change = toChange(rows[0]);
  await appendAudit(tx, {
    actor: by.actor,
    action: `admin_change.${status}`,
    subjectType: change.kind === 'role' ? 'role' : 'api_key',
    subjectId: change.subject,
    requestId: by.requestId,
    data: { change: id, kind: change.kind, requestedBy: change.requestedBy, comment },
  });
  return change;
}

/** An approved admin key starts to authenticate; a rejected one is revoked. */
export async function settlePendingKey(tx: Queryable, changeId: string, approved: boolean): Promise<void> {
  await tx.query(
    approved
      ? 'update api_keys set pending_change = null where pending_change = $1'
      : 'update api_keys set pending_change = null, revoked_at = now() where pending_change = $1',
    [changeId],
  );
}

/**
 * How many people can act as admins: admin keys that authenticate (a person's keys count once,
 * as that person) and people whose identity-provider groups make them admins.
 */
export async function countAdmins(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    `select count(distinct who)::int as n from (
       select coalesce(user_id, id) as who from api_keys where role = 'admin' and revoked_at is null and pending_change is null
       union select id from users where 'admin' = any(roles)
     ) admins`,
  );
  return Number(rows[0]?.n ?? 0);
}
