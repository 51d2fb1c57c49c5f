import type { Queryable } from './database.ts';

/**
 * Crypto-shredding: the wrapped keys go, so whatever they sealed can never be opened again. A key
 * destroyed before keeps the time it was first destroyed.
 */
export async function destroyDataKeys(q: Queryable, ids: readonly string[], at: string = new Date().toISOString()): Promise<void> {
  if (ids.length === 0) return;
  await q.query('update data_keys set wrapped = null, master_version = null, destroyed_at = coalesce(destroyed_at, $2) where id = any($1)', [ids, at]);
}
