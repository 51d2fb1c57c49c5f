import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../privacy/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Database, Queryable } from './database.ts';
import { iso } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  /** The person the key belongs to; null for a named service's key. */
  userId: string | null;
  /** An admin key waiting for a second admin's approval (this change): it does not authenticate yet. */
  pendingChange: string | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  created_at: Date | string;
  created_by: string | null;
  revoked_at: Date | string | null;
  user_id: string | null;
  pending_change: string | null;
}

function toKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    revokedAt: iso(row.revoked_at),
    userId: row.user_id ?? null,
    pendingChange: row.pending_change ?? null,
  };
}

/** Keys carry 256 random bits, so a plain SHA-256 is enough: there is nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface CreatedKey {
  key: ApiKey;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export interface Actor {
  actor: string;
  requestId?: string;
}

export async function createApiKey(
  db: Database,
  input: { name: string; role: Role; userId?: string | null },
  by: Actor,
  /** Runs in the same transaction before the key is stored; what it returns is the change the key waits for, if any. */
  pending?: (tx: Queryable, keyId: string) => Promise<string | null>,
): Promise<CreatedKey> {
  const secret = `arb_${randomBytes(32).toString('base64url')}`;
  const id = `key_${randomBytes(8).toString('hex')}`;
  const prefix = secret.slice(0, 10);
  return db.transaction(async (tx) => {
    const change = pending ? await pending(tx, id) : null;
    const { rows } = await tx.query<ApiKeyRow>(
      `insert into api_keys (id, name, role, prefix, secret_hash, created_by, user_id, pending_change) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
      [id, input.name, input.role, prefix, hashSecret(secret), by.actor, input.userId ?? null, change],
    );
    await appendAudit(tx, {
      actor: by.actor,
      action: 'key.created',
      subjectType: 'api_key',
      subjectId: id,
      requestId: by.requestId,
      data: { role: input.role, name: input.name, ...(input.userId ? { user: input.userId } : {}), ...(change ? { pendingChange: change } : {}) },
    });
    return { key: toKey(rows[0]!), secret };
  });
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKeyRow>('select * from api_keys order by created_at, id');
  return rows.map(toKey);
}

/** The names and roles of the keys with these ids (what people are shown as, instead of key ids). */
export async function keyNames(db: Queryable, ids: readonly string[]): Promise<{ id: string; name: string; role: Role }[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<{ id: string; name: string; role: Role }>('select id, name, role from api_keys where id = any($1::text[]) order by id', [
    ids,
  ]);
  return rows;
}

export async function revokeApiKey(db: Database, id: string, by: Actor): Promise<ApiKey> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ApiKeyRow>('update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning *', [id]);
    const row = rows[0];
    if (!row) throw new StoreError('not_found', `No API key with id "${id}"; list keys with GET /v1/keys or \`arbiter keys list\`.`);
    await appendAudit(tx, { actor: by.actor, action: 'key.revoked', subjectType: 'api_key', subjectId: id, requestId: by.requestId });
    return toKey(row);
  });
}

/** The active key for a presented secret, or null; revoked keys, and admin keys awaiting a second admin, never authenticate. */
export async function findActiveKey(db: Queryable, secret: string): Promise<ApiKey | null> {
  const { rows } = await db.query<ApiKeyRow>('select * from api_keys where secret_hash = $1 and revoked_at is null and pending_change is null', [
    hashSecret(secret),
  ]);
  return rows[0] ? toKey(rows[0]) : null;
}

export async function countApiKeys(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>('select count(*)::int as n from api_keys');
  return Number(rows[0]?.n ?? 0);
}
