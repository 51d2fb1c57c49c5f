import type { KeyProvider } from '../privacy/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Database } from './database.ts';

interface KeyRow {
  id: string;
  master_version: number;
  wrapped: Buffer | Uint8Array;
}

/**
 * Re-wraps data keys held by older master versions with the current one, in small
 * transactions so that serving goes on. A row changed meanwhile (erased) is left alone.
 */
export async function rewrapDataKeys(
  db: Database,
  keys: KeyProvider,
  options: { batch?: number; actor: string },
): Promise<{ rewrapped: number; remaining: number }> {
  const batch = options.batch ?? 500;
  let rewrapped = 0;
  for (;;) {
    const { rows } = await db.query<KeyRow>(
      'select id, master_version, wrapped from data_keys where wrapped is not null and master_version <> $1 order by id limit $2',
      [keys.currentVersion, batch],
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const wrappedOld = Buffer.isBuffer(r.wrapped) ? r.wrapped : Buffer.from(r.wrapped);
        const dataKey = keys.unwrap(r.master_version, wrappedOld, r.id);
        const { version, wrapped } = keys.wrap(dataKey, r.id);
        dataKey.fill(0);
        await tx.query('update data_keys set master_version = $2, wrapped = $3 where id = $1 and master_version = $4 and wrapped is not null', [
          r.id,
          version,
          wrapped,
          r.master_version,
        ]);
      }
    });
    rewrapped += rows.length;
  }
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from data_keys where wrapped is not null and master_version <> $1', [
    keys.currentVersion,
  ]);
  if (rewrapped) {
    await db.transaction((tx) => appendAudit(tx, { actor: options.actor, action: 'master_key.rewrapped', data: { version: keys.currentVersion, rewrapped } }));
  }
  return { rewrapped, remaining: Number(rows[0]?.n ?? 0) };
}

/** Master versions still needed to open some data key. */
export async function masterVersionsInUse(db: Database): Promise<number[]> {
  const { rows } = await db.query<{ v: number }>('select distinct master_version as v from data_keys where wrapped is not null order by 1');
  return rows.map((r) => Number(r.v));
}
