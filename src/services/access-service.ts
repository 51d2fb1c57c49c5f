import { isRole, ROLES, type Role } from '../privacy/index.ts';
import {
  countAdmins,
  createAdminChange,
  decideAdminChange,
  editedRoles,
  getAdminChange,
  listAdminChanges,
  setRolePermissions,
  settlePendingKey,
  type Actor,
  type AdminChange,
  type Database,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** One action of the API, as a permission: who may take it unless an admin changed their role. */
export interface Permission {
  /** "METHOD /v1/route/:param" */
  id: string;
  summary: string | null;
  tag: string | null;
  defaultRoles: Role[];
}

export interface RolePermissions {
  role: Role;
  permissions: string[];
  /** False while the role has its routes' defaults. */
  edited: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What admins must keep, or no admin could ever change roles or approve changes again. */
const ADMIN_KEEPS = ['GET /v1/roles', 'PUT /v1/roles/:role', 'GET /v1/admin-changes', 'POST /v1/admin-changes/:id/approve'];

/**
 * Roles as sets of permissions: the built-in roles' defaults come from what each route declares;
 * an admin may change them. Where more than one person can act as admin, a role change and a new
 * admin key wait for a second admin's approval.
 */
export class AccessService {
  /** Told when roles change, so permission caches drop what they hold. */
  onChanged: (() => void) | null = null;

  constructor(private readonly db: Database) {}

  async roles(catalog: readonly Permission[]): Promise<RolePermissions[]> {
    const edited = new Map((await editedRoles(this.db)).map((r) => [r.role, r]));
    return ROLES.map((role) => {
      const e = edited.get(role);
      return e
        ? { role, permissions: [...e.permissions].sort(), edited: true, updatedBy: e.updatedBy, updatedAt: e.updatedAt }
        : {
            role,
            permissions: catalog
              .filter((p) => p.defaultRoles.includes(role))
              .map((p) => p.id)
              .sort(),
            edited: false,
            updatedBy: null,
            updatedAt: null,
          };
    });
  }

  private async current(role: Role, catalog: readonly Permission[]): Promise<string[]> {
    return (await this.roles(catalog)).find((r) => r.role === role)!.permissions;
  }

  /** Sets a role's permissions, or asks a second admin to (202 with the change) where there is one. */
  async changeRole(
    role: string,
    permissions: readonly string[],
    catalog: readonly Permission[],
    by: Actor,
  ): Promise<{ applied: boolean; change: AdminChange | null }> {
    if (!isRole(role)) throw new ServiceError('not_found', 'not_found', `no role "${role}"; roles are ${ROLES.join(', ')}`);
    const known = new Set(catalog.map((p) => p.id));
    const unknown = permissions.filter((p) => !known.has(p));
    if (unknown.length)
      throw new ServiceError(
        'invalid',
        'unknown_permission',
        `permissions: ${unknown.map((p) => `"${p}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not actions of this API; see GET /v1/permissions`,
      );
    if (role === 'admin') {
      const missing = ADMIN_KEEPS.filter((p) => !permissions.includes(p));
      if (missing.length)
        throw new ServiceError('invalid', 'admin_lockout', `the admin role must keep ${missing.join(', ')}, or no one could change roles again`);
    }
    const next = [...new Set(permissions)].sort();
    if ((await countAdmins(this.db)) > 1) {
      const change = await this.db.transaction((tx) => createAdminChange(tx, { kind: 'role', subject: role, payload: { permissions: next } }, by));
      return { applied: false, change };
    }
    const before = await this.current(role, catalog);
    await this.db.transaction((tx) => setRolePermissions(tx, role, next, before, by));
    this.onChanged?.();
    return { applied: true, change: null };
  }

  changes(status: AdminChange['status'] | null, limit: number): Promise<AdminChange[]> {
    return listAdminChanges(this.db, status, limit);
  }

  /** A second admin's approval: the change is made in the same transaction. */
  async approve(id: string, comment: string | null, catalog: readonly Permission[], by: Actor): Promise<AdminChange> {
    const change = await getAdminChange(this.db, id);
    if (change.requestedBy === by.actor) throw new ServiceError('forbidden', 'four_eyes', `You asked for change ${id}; a different admin must approve it.`);
    const before = change.kind === 'role' ? await this.current(change.subject as Role, catalog) : [];
    const done = await this.db.transaction(async (tx) => {
      const decided = await decideAdminChange(tx, id, 'approved', comment, by);
      if (decided.kind === 'admin_key') await settlePendingKey(tx, id, true);
      else await setRolePermissions(tx, decided.subject as Role, (decided.payload as { permissions: string[] }).permissions, before, by);
      return decided;
    });
    this.onChanged?.();
    return done;
  }

  async reject(id: string, comment: string, by: Actor): Promise<AdminChange> {
    const change = await getAdminChange(this.db, id);
    if (change.requestedBy === by.actor) throw new ServiceError('forbidden', 'four_eyes', `You asked for change ${id}; a different admin decides it.`);
    return this.db.transaction(async (tx) => {
      const decided = await decideAdminChange(tx, id, 'rejected', comment, by);
      if (decided.kind === 'admin_key') await settlePendingKey(tx, id, false);
      return decided;
    });
  }
}
