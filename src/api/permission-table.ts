import type { Role } from '../privacy/index.ts';
import { editedRoles, type Database } from '../store/index.ts';

/** How long edited roles are trusted: an edit in another process takes effect within this. */
const ROLES_CACHE_MS = 2000;

/**
 * Who may take each action: the roles a route declares, unless an admin edited a role, in which
 * case that role has exactly the permissions stored for it. Edits are read at most every two seconds.
 */
export class PermissionTable {
  private edited: Map<Role, Set<string>> | null = null;
  private until = 0;
  private loading: Promise<Map<Role, Set<string>>> | null = null;

  constructor(private readonly db: Database) {}

  private async load(): Promise<Map<Role, Set<string>>> {
    if (this.edited && this.until > Date.now()) return this.edited;
    this.loading ??= editedRoles(this.db)
      .then((rows) => {
        this.edited = new Map(rows.map((r) => [r.role, new Set(r.permissions)]));
        this.until = Date.now() + ROLES_CACHE_MS;
        return this.edited;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  async allows(role: Role, permission: string, declared: readonly Role[]): Promise<boolean> {
    const edited = (await this.load()).get(role);
    return edited ? edited.has(permission) : declared.includes(role);
  }

  /** Roles changed here: read them again on the next request. */
  forget(): void {
    this.until = 0;
  }
}
