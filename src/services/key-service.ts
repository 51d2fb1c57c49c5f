import type { Role } from '../privacy/index.ts';
import { createApiKey, keyNames, listApiKeys, revokeApiKey, userNames, type Actor, type ApiKey, type CreatedKey, type Database } from '../store/index.ts';

/** API keys: one per person or service, with one role; secrets are shown once and stored hashed. */
export class KeyService {
  /** Told of each revocation, so a cache of keys in this process drops it at once. */
  onRevoked: ((keyId: string) => void) | null = null;

  constructor(private readonly db: Database) {}

  list(): Promise<ApiKey[]> {
    return listApiKeys(this.db);
  }

  /** Who acted, by key or user id: names and roles, for people to be shown by name. */
  async names(ids: readonly string[]): Promise<{ id: string; name: string; role: Role }[]> {
    const [keys, users] = await Promise.all([keyNames(this.db, ids), userNames(this.db, ids)]);
    return [...keys, ...users];
  }

  create(input: { name: string; role: Role }, by: Actor): Promise<CreatedKey> {
    return createApiKey(this.db, input, by);
  }

  async revoke(keyId: string, by: Actor): Promise<ApiKey> {
    const key = await revokeApiKey(this.db, keyId, by);
    this.onRevoked?.(key.id);
    return key;
  }
}
