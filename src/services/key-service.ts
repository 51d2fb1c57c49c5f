import type { Role } from '../privacy/index.ts';
import { ServiceError } from './service-error.ts';
import {
  getPreferences,
  setPreferences,
  type Preferences,
  countAdmins,
  createAdminChange,
  createApiKey,
  keyNames,
  listApiKeys,
  listUsers,
  revokeApiKey,
  userNames,
  type User,
  type Actor,
  type ApiKey,
  type CreatedKey,
  type Database,
} from '../store/index.ts';

/** API keys: one per person or service, with one role; secrets are shown once and stored hashed. */
export class KeyService {
  /** Told of each revocation, so a cache of keys in this process drops it at once. */
  onRevoked: ((keyId: string) => void) | null = null;

  constructor(private readonly db: Database) {}

  list(): Promise<ApiKey[]> {
    return listApiKeys(this.db);
  }

  /** The people who have signed in through single sign-on: a key may be made for one of them. */
  people(): Promise<User[]> {
    return listUsers(this.db);
  }

  /** What this person chose in the console (its language), wherever they sign in. */
  preferences(actor: string): Promise<Preferences> {
    return getPreferences(this.db, actor);
  }

  setPreferences(actor: string, preferences: Preferences): Promise<Preferences> {
    return setPreferences(this.db, actor, preferences);
  }

  /** Who acted, by key or user id: names and roles, for people to be shown by name. */
  async names(ids: readonly string[]): Promise<{ id: string; name: string; role: Role }[]> {
    const [keys, users] = await Promise.all([keyNames(this.db, ids), userNames(this.db, ids)]);
    return [...keys, ...users];
  }

  /**
   * A new key; its secret is shown once. An admin key, where more than one person can act as
   * admin already, does not authenticate until a second admin approves it (`pendingChange`).
   */
  async create(input: { name: string; role: Role; userId?: string | null }, by: Actor): Promise<CreatedKey> {
    if (input.userId && !(await userNames(this.db, [input.userId])).length)
      throw new ServiceError('not_found', 'not_found', `no person "${input.userId}"; people appear once they have signed in through single sign-on`);
    const needsSecond = input.role === 'admin' && (await countAdmins(this.db)) > 1;
    return createApiKey(
      this.db,
      input,
      by,
      needsSecond ? async (tx, keyId) => (await createAdminChange(tx, { kind: 'admin_key', subject: keyId, payload: { name: input.name } }, by)).id : undefined,
    );
  }

  async revoke(keyId: string, by: Actor): Promise<ApiKey> {
    const key = await revokeApiKey(this.db, keyId, by);
    this.onRevoked?.(key.id);
    return key;
  }
}
