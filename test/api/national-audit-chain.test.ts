import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { canonicalJson, CheckpointStore, loadCheckpointKey, signatureAlgorithmOf, useAuditHash } from '../../src/privacy/index.ts';
import { appendAudit, checkpointAudit, createFlow, listAudit, publishVersion, verifyAudit, verifyAuditWithCheckpoints } from '../../src/store/index.ts';
import { asAttacker, BACKENDS } from '../support/backends.ts';
import { approvingFlow, uniqueKey } from '../support/flows.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';

const flow = approvingFlow('sm3-chain', 'SM3 chain', {
  fullName: { type: 'string', class: 'C2', required: true },
  score: { type: 'number', class: 'C1', required: true },
});

after(() => {
  delete process.env.ARBITER_AUDIT_HASH;
  useAuditHash('sha256');
});

for (const backend of BACKENDS) {
  describe(`the audit chain hashed with SM3 on ${backend.name}`, () => {
    test('ARBITER_AUDIT_HASH=sm3: decisions (chained in SQL) and other events (chained in JavaScript) are hashed with SM3 after the SHA-256 ones, the whole chain verifies, SM2 checkpoints hold, a change is found', async () => {
      delete process.env.ARBITER_AUDIT_HASH;
      const ctx = await backend.create();
      const dir = mkdtempSync(join(tmpdir(), 'arbiter-sm3-chain-'));
      try {
        for (let i = 0; i < 2; i++) await ctx.db.transaction((tx) => appendAudit(tx, { actor: 'test', action: 'test.before_sm3', data: { i } }));

        process.env.ARBITER_AUDIT_HASH = 'sm3';
        const db = await ctx.reopen();
        const keys = await keysForEveryRole(db);
        await createFlow(db, flow.id, flow.name, flow, { actor: 'test' });
        await publishVersion(db, flow.id, 1, { actor: 'test' }, () => {});
        const server = await testServer(db);
        try {
          const decided = await Promise.all(
            ['Zhang San', 'Li Si', 'Wang Wu', 'Zhao Liu'].map((fullName) =>
              server.app.inject({
                method: 'POST',
                url: '/v1/decisions',
                headers: bearer(keys.service),
                payload: { flow: flow.id, application: { fullName, score: 700 }, idempotencyKey: uniqueKey() },
              }),
            ),
          );
          for (const res of decided) assert.equal(res.statusCode, 201, res.body);
        } finally {
          await server.app.close();
        }

        const rows = await listAudit(db, { limit: 1000 });
        const before = rows.filter((r) => r.action === 'test.before_sm3');
        assert.equal(before.length, 2);
        for (const r of before) assert.match(r.hash, /^[0-9a-f]{64}$/, 'events before the switch keep their SHA-256 hashes');
        const after = rows.slice(2);
        assert.ok(after.length >= 7, `${after.length} events after the switch`);
        for (const r of after) assert.match(r.hash, /^sm3:[0-9a-f]{64}$/, `event ${r.seq} (${r.action})`);
        const made = after.filter((r) => r.action === 'decision.made');
        assert.equal(made.length, 4);

        // A decision's event, chained inside the INSERT by pgcrypto, recomputed here with OpenSSL's SM3.
        const { prevHash, hash, ...content } = made[0]!;
        assert.equal(
          hash,
          `sm3:${createHash('sm3')
            .update(`${prevHash}\n${canonicalJson(content)}`)
            .digest('hex')}`,
        );

        const checkpoints = {
          key: loadCheckpointKey(join(dir, 'key.pem'), true, 'sm2-sm3'),
          store: new CheckpointStore(join(dir, 'checkpoints')),
        };
        assert.equal(signatureAlgorithmOf(checkpoints.key), 'sm2-sm3');
        const { checkpoint, file } = await checkpointAudit(db, checkpoints);
        assert.equal(checkpoint.algorithm, 'sm2-sm3');
        assert.match(JSON.parse(readFileSync(file, 'utf8')).hash, /^sm3:/);
        const verified = await verifyAuditWithCheckpoints(db, checkpoints);
        assert.equal(verified.ok, true, JSON.stringify(verified.breaks));
        assert.deepEqual(verified.invalidCheckpoints, []);

        await db.exec(
          asAttacker(`update audit_events set data = '{"flow":"sm3-chain","version":1,"outcome":"decline","consents":[]}' where seq = ${made[0]!.seq}`),
        );
        assert.deepEqual(
          (await verifyAudit(db)).breaks.map((b) => [b.seq, b.reason]),
          [[made[0]!.seq, 'hash_mismatch']],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await ctx.cleanup();
      }
    });
  });
}
