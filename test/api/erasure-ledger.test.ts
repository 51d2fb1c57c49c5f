import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { ErasureLedger, getDecision, migrate, openDatabase, replayErasures, verifyAudit, type Database } from '../../src/store/index.ts';
import { createScratchDatabase } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { testServer } from '../support/server.ts';

/** A server on `db` (recording erasures in `ledger`) for the length of `use`. */
async function withServer<T>(db: Database, ledger: ErasureLedger | null, use: (server: Server) => Promise<T>): Promise<T> {
  const server = await testServer(db, { consoleDir: null, erasureLedger: ledger });
  try {
    return await use(server);
  } finally {
    await server.app.close();
  }
}

/** Whether a decision's personal data can be opened with the master keys. */
const readable = (db: Database, id: string) => withServer(db, null, async (server) => !server.services.decisions.open(await getDecision(db, id)).erased);

const twoDecisions = (db: Database, ledger: ErasureLedger) =>
  withServer(db, ledger, async (server) => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (await server.services.decisions.decide({ flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() }, { actor: 'test' }))
          .decision.id,
      );
    return ids as [string, string];
  });

const erase = (db: Database, ledger: ErasureLedger, id: string) => withServer(db, ledger, (server) => server.services.decisions.erase(id, { actor: 'test' }));

test('embedded database: backup, erase, restore the backup, replay the ledger: the erased application no longer decrypts', async () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-erasure-'));
  const dir = join(root, 'data');
  const ledger = new ErasureLedger(join(root, 'elsewhere', 'erasure-ledger.jsonl'));
  try {
    let db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await publishDemoFlow(db);
    const [erased, kept] = await twoDecisions(db, ledger);
    await db.close();
    cpSync(dir, join(root, 'backup'), { recursive: true });
    db = await openDatabase({ dataDir: dir });
    await erase(db, ledger, erased);
    assert.equal(await readable(db, erased), false);
    await db.close();
    // The restore brings the backup back, data key and all.
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(root, 'backup'), dir, { recursive: true });
    db = await openDatabase({ dataDir: dir });
    assert.equal(await readable(db, erased), true, 'the restored backup decrypts: this is what the replay is for');
    const r = await replayErasures(db, ledger, { actor: 'test' });
    assert.deepEqual(r, { entries: 1, reapplied: 1, alreadyErased: 0, missing: 0 });
    assert.equal(await readable(db, erased), false);
    assert.equal(await readable(db, kept), true, 'what was not erased stays');
    assert.deepEqual(
      await replayErasures(db, ledger, { actor: 'test' }),
      { entries: 1, reapplied: 0, alreadyErased: 1, missing: 0 },
      'a second replay changes nothing',
    );
    assert.equal((await verifyAudit(db)).ok, true);
    await db.close();
    assert.ok(!JSON.stringify(ledger.entries()).includes('Wang'), 'the ledger holds ids only');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('PostgreSQL: pg_dump, erase, pg_restore, replay: the erased application no longer decrypts', async () => {
  const scratch = await createScratchDatabase();
  const root = mkdtempSync(join(tmpdir(), 'arbiter-erasure-pg-'));
  const ledger = new ErasureLedger(join(root, 'erasure-ledger.jsonl'));
  let db = await openDatabase({ databaseUrl: scratch.url });
  try {
    await migrate(db);
    await publishDemoFlow(db);
    const [erased, kept] = await twoDecisions(db, ledger);
    const dump = join(root, 'backup.dump');
    const dumped = spawnSync('pg_dump', ['--format=custom', '--file', dump, scratch.url], { encoding: 'utf8' });
    assert.equal(dumped.status, 0, dumped.stderr);
    await erase(db, ledger, erased);
    await db.close();
    const restored = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--dbname', scratch.url, dump], { encoding: 'utf8' });
    assert.equal(restored.status, 0, restored.stderr);
    db = await openDatabase({ databaseUrl: scratch.url });
    assert.equal(await readable(db, erased), true, 'the restored backup decrypts');
    assert.deepEqual(await replayErasures(db, ledger, { actor: 'test' }), { entries: 1, reapplied: 1, alreadyErased: 0, missing: 0 });
    assert.equal(await readable(db, erased), false);
    assert.equal(await readable(db, kept), true);
    assert.equal((await verifyAudit(db)).ok, true);
  } finally {
    await db.close().catch(() => {});
    await scratch.drop();
    rmSync(root, { recursive: true, force: true });
  }
});
