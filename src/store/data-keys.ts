import type { Queryable } from './database.ts';

/**
 * Crypto-shredding: the wrapped keys go, so whatever they sealed can never be opened again. A key
 * destroyed before keeps the time it was first destroyed.
 */
export async function destroyDataKeys(q: Queryable, ids: readonly string[], at: string = new Date().toISOString()): Promise<void> {
  if (ids.length === 0) return;
  await q.query('update data_keys set wrapped = null, master_version = null, destroyed_at = coalesce(destroyed_at, $2) where id = any($1)', [ids, at]);
}

/** Stores a new data key, wrapped under a master key version, in the caller's transaction. */
export async function insertDataKey(q: Queryable, key: { id: string; version: number; wrapped: Buffer }): Promise<void> {
  await q.query('insert into data_keys (id, master_version, wrapped) values ($1, $2, $3)', [key.id, key.version, key.wrapped]);
}
