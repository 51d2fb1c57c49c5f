import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { CheckpointStore, GENESIS_HASH, hashEvent, loadCheckpointKey } from '../../src/privacy/index.ts';
import {
  appendAudit,
  checkpointAudit,
  grantRuntimeRole,
  migrate,
  openDatabase,
  verifyAudit,
  verifyAuditWithCheckpoints,
  type Database,
} from '../../src/store/index.ts';
import { asAttacker, BACKENDS, POSTGRES_URL } from '../support/backends.ts';

/** What an attacker who owns the tables can do: rewrite an event and recompute every hash after it, and the head. */
async function rewriteWithRecomputedHashes(db: Database, seq: number): Promise<void> {
  const { rows } = await db.query<{
    seq: number;
    at: Date | string;
    actor: string;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    request_id: string | null;
    data: unknown;
  }>('select * from audit_events order by seq');
  let prev = GENESIS_HASH;
  const statements: string[] = [];
  for (const r of rows) {
    const content = {
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actor: Number(r.seq) === seq ? 'someone-else' : r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      requestId: r.request_id,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    };
    const hash = hashEvent(prev, content);
    statements.push(`update audit_events set actor = '${content.actor}', prev_hash = '${prev}', hash = '${hash}' where seq = ${content.seq}`);
    prev = hash;
  }
  statements.push(`update audit_head set hash = '${prev}' where id = 1`);
  await db.exec(asAttacker(statements.join('; ')));
}

for (const backend of BACKENDS) {
  describe(`signed audit checkpoints on ${backend.name}`, () => {
    test('a chain rewritten with recomputed hashes verifies alone, but not against a signed checkpoint; every break is listed', async () => {
      const ctx = await backend.create();
      const dir = mkdtempSync(join(tmpdir(), 'arbiter-checkpoints-'));
      try {
        const checkpoints = { key: loadCheckpointKey(join(dir, 'key.pem'), true), store: new CheckpointStore(join(dir, 'checkpoints')) };
        for (let i = 0; i < 6; i++) await ctx.db.transaction((tx) => appendAudit(tx, { actor: 'test', action: 'test.event', data: { i } }));
        const { checkpoint } = await checkpointAudit(ctx.db, checkpoints);
        assert.equal(checkpoint.seq, 6);
        for (let i = 6; i < 9; i++) await ctx.db.transaction((tx) => appendAudit(tx, { actor: 'test', action: 'test.event', data: { i } }));
        assert.equal((await verifyAuditWithCheckpoints(ctx.db, checkpoints)).ok, true);

        await rewriteWithRecomputedHashes(ctx.db, 3);
        assert.equal((await verifyAudit(ctx.db)).ok, true, 'without checkpoints the rewrite is invisible');
        const held = await verifyAuditWithCheckpoints(ctx.db, checkpoints);
        assert.equal(held.ok, false);
        assert.deepEqual(
          held.breaks.map((b) => [b.seq, b.reason]),
          [[6, 'checkpoint_mismatch']],
        );

        // Two events altered in place: both are named, not only the first.
        await ctx.db.exec(asAttacker("update audit_events set action = 'forged' where seq in (2, 8)"));
        const both = await verifyAudit(ctx.db);
        assert.deepEqual(
          both.breaks.map((b) => [b.seq, b.reason]),
          [
            [2, 'hash_mismatch'],
            [8, 'hash_mismatch'],
          ],
        );

        // A forged checkpoint file (signed by another key) is reported, not trusted.
        const file = readdirSync(join(dir, 'checkpoints'))[0]!;
        const forged = { ...JSON.parse(readFileSync(join(dir, 'checkpoints', file), 'utf8')), hash: 'f'.repeat(64) };
        writeFileSync(join(dir, 'checkpoints', 'audit-checkpoint-000000000007.json'), JSON.stringify(forged));
        assert.deepEqual((await verifyAuditWithCheckpoints(ctx.db, checkpoints)).invalidCheckpoints, ['audit-checkpoint-000000000007.json']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await ctx.cleanup();
      }
    });
  });
}

test('PostgreSQL: the role servers run as can append and read the audit log, but not change, delete, truncate or unguard it', async () => {
  const schema = `arbiter_role_${randomBytes(5).toString('hex')}`;
  const role = `arbiter_rt_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const owner = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
  let runtime: Database | null = null;
  try {
    await migrate(owner);
    await admin.query(`create role ${role} login`);
    await grantRuntimeRole(owner, role);
    const url = new URL(POSTGRES_URL);
    url.username = role;
    runtime = await openDatabase({ databaseUrl: url.toString(), schema });
    await runtime.transaction((tx) => appendAudit(tx, { actor: 'server', action: 'test.by_runtime_role' }));
    assert.equal((await verifyAudit(runtime)).ok, true, 'it reads the chain');
    for (const sql of [
      "update audit_events set actor = 'x' where seq = 1",
      'delete from audit_events where seq = 1',
      'truncate audit_events',
      'alter table audit_events disable trigger all',
    ]) {
      await assert.rejects(runtime.exec(sql), /permission denied|must be owner/, sql);
    }
    // The work of a server still goes through.
    await runtime
      .query("insert into flows (id, name, created_by) values ('f', 'f', 'server')")
      .catch((err: Error) => assert.doesNotMatch(err.message, /permission denied/));
  } finally {
    await runtime?.close();
    await owner.close();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.query(`drop owned by ${role}`).catch(() => {});
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  }
});
