import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import { destroyDataKeys } from './data-keys.ts';
import { recordEvents } from './event-outbox.ts';
import type { Database, Queryable } from './database.ts';
import type { ErasureLedger } from './erasure-ledger.ts';
import { StoreError } from './store-error.ts';

/**
 * Erases an application's personal data: its data key and those of its bureau reports are
 * destroyed, its blind-index rows and request digest deleted, in one transaction with the audit
 * event. The ledger, when given, records the erasure outside the database before the commit.
 */
export async function erasePersonalData(db: Database, decisionId: string, by: Actor, ledger: ErasureLedger | null = null): Promise<{ erasedAt: string }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ data_key_id: string | null }>('select data_key_id from decisions where id = $1 for update', [decisionId]);
    if (!rows[0]) throw new StoreError('not_found', `no application "${decisionId}"`);
    const erasedAt = new Date().toISOString();
    await destroyPersonalData(tx, decisionId, rows[0].data_key_id, erasedAt);
    await recordEvents(tx, [{ type: 'personal_data.erased', applicationId: decisionId, data: {} }]);
    await appendAudit(tx, { actor: by.actor, action: 'personal_data.erased', subjectType: 'decision', subjectId: decisionId, requestId: by.requestId });
    ledger?.record([{ decisionId, erasedAt }]);
    return { erasedAt };
  });
}

/** What erasure does to the rows; also what a replay of the ledger does again after a restore. */
async function destroyPersonalData(tx: Queryable, decisionId: string, dataKeyId: string | null, erasedAt: string): Promise<void> {
  if (dataKeyId) await destroyDataKeys(tx, [dataKeyId], erasedAt);
  // The bureau reports pulled for this application go with it.
  await tx.query(
    `update data_keys set wrapped = null, master_version = null, destroyed_at = coalesce(destroyed_at, $2)
      where id in (select p.data_key_id from bureau_pulls p join decisions d on d.client_id || '/' || d.idempotency_key = p.request_key where d.id = $1 and p.data_key_id is not null)`,
    [decisionId, erasedAt],
  );
  // Nor a digest of its request, which would confirm a guessed application to anyone replaying the key.
  await tx.query('update decisions set request_hash = null where id = $1', [decisionId]);
  await tx.query('delete from decision_search where decision_id = $1', [decisionId]);
}

/**
 * Applies the ledger's erasures to a database restored from a backup: every decision the ledger
 * names whose personal data is readable again is erased again (audited as a replay).
 */
export async function replayErasures(
  db: Database,
  ledger: ErasureLedger,
  by: Actor,
): Promise<{ entries: number; reapplied: number; alreadyErased: number; missing: number }> {
  const entries = ledger.entries();
  let reapplied = 0;
  let alreadyErased = 0;
  let missing = 0;
  for (const e of entries) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ data_key_id: string | null; wrapped: unknown; request_hash: string | null }>(
        'select d.data_key_id, k.wrapped, d.request_hash from decisions d left join data_keys k on k.id = d.data_key_id where d.id = $1 for update of d',
        [e.decisionId],
      );
      if (!rows[0]) return void missing++;
      const { rows: search } = await tx.query('select 1 from decision_search where decision_id = $1 limit 1', [e.decisionId]);
      if ((rows[0].wrapped ?? null) === null && rows[0].request_hash === null && !search.length) return void alreadyErased++;
      await destroyPersonalData(tx, e.decisionId, rows[0].data_key_id, e.erasedAt);
      await appendAudit(tx, {
        actor: by.actor,
        action: 'personal_data.erasure_replayed',
        subjectType: 'decision',
        subjectId: e.decisionId,
        requestId: by.requestId,
        data: { erasedAt: e.erasedAt },
      });
      reapplied++;
    });
  }
  await vacuumErased(db);
  return { entries: entries.length, reapplied, alreadyErased, missing };
}

/**
 * Removes the old row versions that still hold destroyed keys and digests: PostgreSQL keeps
 * an updated row's earlier version on disk until a vacuum, so an erasure is complete on disk
 * only after one (run after every purge and replay; autovacuum does it otherwise).
 */
export async function vacuumErased(db: Database): Promise<void> {
  await db.exec('vacuum data_keys, decision_search, decisions');
}
