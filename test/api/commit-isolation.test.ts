import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';
import { DecisionWriter } from '../../src/store/index.ts';

/**
 * One request must never fail another: input PostgreSQL cannot store is refused before it
 * reaches the group-commit writer, and a batch whose transaction fails anyway is committed
 * again row by row, so only the bad row fails.
 */
for (const backend of BACKENDS) {
  describe(`commit isolation on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => publishDemoFlow(fx.ctx.db));

    test('41 concurrent decisions, one with a NUL in its key: the bad one gets 400, the 40 others 201', async () => {
      const bodies = Array.from({ length: 41 }, (_, i) => ({
        flow: 'consumer-lending',
        application: demoApplication(),
        idempotencyKey: i === 20 ? 'k\u0000' : uniqueKey(),
      }));
      const answers = await Promise.all(bodies.map((b) => f.call('service', 'POST', '/v1/decisions', b)));
      const statuses = answers.map((a) => a.statusCode);
      assert.equal(statuses[20], 400);
      assert.match(answers[20]!.json().error.message, /body\.idempotencyKey: contains a NUL character/);
      assert.equal(statuses.filter((s) => s === 201).length, 40, statuses.join(','));
    });

    test('a NUL in a consent scope is refused with 400 and the field named', async () => {
      const res = await f.call('service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        application: demoApplication(),
        idempotencyKey: uniqueKey(),
        consents: [{ scope: 'bureau\u0000', grantedAt: new Date().toISOString(), channel: 'web' }],
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /body\.consents\[0\]\.scope/);
    });

    test('a NUL anywhere in any route is 400, never 500: key names, path parameters, query strings', async () => {
      const key = await f.call('admin', 'POST', '/v1/keys', { name: 'x\u0000y', role: 'analyst' });
      assert.equal(key.statusCode, 400);
      assert.equal(key.json().error.code, 'invalid_input');
      const path = await f.call('auditor', 'GET', '/v1/decisions/dec_%00');
      assert.equal(path.statusCode, 400);
      const query = await f.call('auditor', 'GET', '/v1/audit?actor=a%00b');
      assert.equal(query.statusCode, 400);
      const nestedName = await f.call('service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        application: { ...demoApplication(), 'x\u0000': 1 },
        idempotencyKey: uniqueKey(),
      });
      assert.equal(nestedName.statusCode, 400);
    });

    test('the writer commits a failed batch row by row: one row the database refuses fails alone', async () => {
      // Behind the API's guard, so the database itself refuses the row: the case of any value it cannot store.
      const writer = new DecisionWriter(f.ctx.db);
      const template = (
        await f.server.services.decisions.decide({ flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() }, { actor: 'test' })
      ).decision;
      const vault = f.server.services.decisions.vault;
      const loaded = await f.server.services.decisions.catalog.load('consumer-lending');
      const decisions = Array.from({ length: 12 }, (_, i) => {
        const id = `dec_isolation_${backend.name}_${i}`;
        return {
          id,
          reviewId: null,
          flowId: 'consumer-lending',
          flowVersion: 1,
          clientId: 'test',
          idempotencyKey: i === 5 ? `bad\u0000${i}` : uniqueKey(),
          requestHash: 'h',
          sealed: vault.seal(id, `dk_isolation_${backend.name}_${i}`, loaded.flow.definition.input.fields, demoApplication(), []),
          consents: [],
          scores: {},
          versions: {},
          status: 'completed' as const,
          outcome: template.outcome,
          result: template.result,
          path: template.path,
          durationMs: 1,
        };
      });
      const settled = await Promise.allSettled(decisions.map((d) => writer.write(d, { actor: 'test' })));
      assert.equal(settled[5]!.status, 'rejected');
      for (const [i, s] of settled.entries()) if (i !== 5) assert.equal(s.status, 'fulfilled', `row ${i}`);
      const stored = await f.ctx.db.query<{ n: string }>(`select count(*) as n from decisions where id like $1`, [`dec_isolation_${backend.name}_%`]);
      assert.equal(Number(stored.rows[0]!.n), 11);
    });
  });
}
