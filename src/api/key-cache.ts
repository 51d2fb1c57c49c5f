import { findActiveKey, hashSecret, type ApiKey, type Database } from '../store/index.ts';

/** How long a key lookup is trusted: a revocation in another process takes effect within this. */
export const KEY_CACHE_MS = 2000;
/** How long a key that worked still passes an address's failure limit. */
const KNOWN_MS = 10 * 60_000;

/**
 * Remembers recent API-key lookups so that a busy client costs one query every few seconds,
 * not one per request. Entries are keyed by the secret's hash; revocation here clears them.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: ApiKey | null; until: number }>();
  /** Hashes of keys that were valid lately: while an address is refused for failed attempts, these still get through. */
  private readonly known = new Map<string, number>();

  constructor(private readonly db: Database) {}

  async lookup(secret: string): Promise<ApiKey | null> {
    const hash = hashSecret(secret);
    const now = Date.now();
    const hit = this.entries.get(hash);
    if (hit && hit.until > now) return hit.key;
    const key = await findActiveKey(this.db, secret);
    if (this.entries.size > 10_000) this.entries.clear();
    // Unknown keys are not remembered: a key created elsewhere must work at once.
    if (key) {
      this.entries.set(hash, { key, until: now + KEY_CACHE_MS });
      if (this.known.size > 10_000) this.known.clear();
      this.known.set(hash, now + KNOWN_MS);
    }
    return key;
  }

  /** Was this key valid within the last few minutes? Answered from memory, without the database. */
  knownRecently(secret: string): boolean {
    const until = this.known.get(hashSecret(secret));
    return until !== undefined && until > Date.now();
  }

  revoked(keyId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.key?.id !== keyId) continue;
      this.entries.delete(hash);
      this.known.delete(hash);
    }
  }
}
