import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { appendAudit, verifyAudit } from '../../src/store/index.ts';
import { BACKENDS, asAttacker, type TestDatabase } from '../support/backends.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';

for (const backend of BACKENDS) {
  describe(`audit log on ${backend.name}`, () => {
    let ctx: TestDatabase;
    let server: Server;
    let auditor: string;
    let admin: string;

    before(async () => {
      ctx = await backend.create();
      server = await testServer(ctx.db);
      const keys = await keysForEveryRole(ctx.db);
      auditor = keys.auditor;
      admin = keys.admin;
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
    });

    const verify = async () => (await server.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: bearer(auditor) })).json();

    test('changes of state append chained events, paged in order', async () => {
      const created = await server.app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(admin), payload: { name: 'ops', role: 'service' } });
      assert.equal(created.statusCode, 201);
      const id = created.json().key.id;
      await server.app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: bearer(admin) });

      interface Page {
        events: { seq: number; hash: string; prevHash: string; action: string; subjectId: string; actor: string; requestId: string }[];
        nextAfterSeq: number | null;
      }
      const all: Page['events'] = [];
      let after: number | null = 0;
      while (after !== null) {
        const page: Page = (await server.app.inject({ method: 'GET', url: `/v1/audit?limit=3&afterSeq=${after}`, headers: bearer(auditor) })).json();
        all.push(...page.events);
        after = page.nextAfterSeq;
      }
      // six role keys, then one created and revoked over the API
      assert.equal(all.length, 8);
      assert.deepEqual(
        all.map((e) => e.seq),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      for (let i = 1; i < all.length; i++) assert.equal(all[i].prevHash, all[i - 1].hash);
      const revoked = all[7];
      assert.equal(revoked.action, 'key.revoked');
      assert.equal(revoked.subjectId, id);
      assert.match(revoked.actor, /^key_/);
      assert.ok(revoked.requestId, 'the request id is recorded');

      const filtered = (await server.app.inject({ method: 'GET', url: `/v1/audit?action=key.revoked`, headers: bearer(auditor) })).json();
      assert.deepEqual(
        filtered.events.map((e: { seq: number }) => e.seq),
        [8],
      );
      assert.deepEqual(await verify(), {
        ok: true,
        checked: 8,
        headSeq: 8,
        firstBroken: null,
        breaks: [],
        checkpoints: { checked: 0, matched: 0 },
        invalidCheckpoints: [],
      });
    });

    test('concurrent appends keep one unbroken chain', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => ctx.db.transaction((tx) => appendAudit(tx, { actor: 'test', action: 'test.concurrent', data: { i } }))),
      );
      const result = await verifyAudit(ctx.db);
      assert.equal(result.ok, true);
      assert.equal(result.checked, 28);
    });

    test('altering one event breaks verification at that event', async () => {
      await ctx.db.exec(asAttacker(`update audit_events set data = '{"role":"admin","name":"ops"}' where seq = 7`));
      const result = await verify();
      assert.equal(result.ok, false);
      assert.equal(result.firstBroken.seq, 7);
      assert.equal(result.firstBroken.reason, 'hash_mismatch');
      assert.equal(result.checked, 6);
    });

    test('deleting one event breaks verification at that event', async () => {
      await ctx.db.exec(asAttacker(`delete from audit_events where seq = 3`));
      const result = await verify();
      assert.equal(result.ok, false);
      assert.deepEqual([result.firstBroken.seq, result.firstBroken.reason], [3, 'missing']);
    });

    test('deleting the newest events is detected through the chain head', async () => {
      const fresh = await backend.create();
      try {
        for (let i = 0; i < 5; i++) await fresh.db.transaction((tx) => appendAudit(tx, { actor: 'test', action: 'test.event', data: { i } }));
        assert.equal((await verifyAudit(fresh.db)).ok, true);
        await fresh.db.exec(asAttacker('delete from audit_events where seq >= 4'));
        const result = await verifyAudit(fresh.db);
        assert.equal(result.ok, false);
        assert.equal(result.firstBroken?.seq, 4);
        // rewriting an event together with its own hash still breaks the next link
        await fresh.db.exec(asAttacker(`update audit_events set action = 'forged', hash = repeat('a', 64) where seq = 2`));
        const rewritten = await verifyAudit(fresh.db);
        assert.equal(rewritten.firstBroken?.seq, 2);
      } finally {
        await fresh.cleanup();
      }
    });
  });
}
