import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { createApiKey, listAudit } from '../../src/store/index.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { bearer, testServer } from '../support/server.ts';

/** Reads of personal data leave a trail, searches by identifier are limited per key, and callers without a valid key per address. */
for (const backend of SERVER_BACKENDS) {
  describe(`accountability on ${backend.name}`, () => {
    let ctx: TestDatabase;
    let server: Server;
    let service: string;
    let analyst: string;
    before(async () => {
      ctx = await backend.create();
      server = await testServer(ctx.db, { authFailureLimit: { max: 5, windowMs: 60_000 } });
      service = (await createApiKey(ctx.db, { name: 'svc', role: 'service' }, { actor: 'test' })).secret;
      analyst = (await createApiKey(ctx.db, { name: 'analyst', role: 'analyst' }, { actor: 'test' })).secret;
      await publishDemoFlow(ctx.db);
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
    });

    test('opening a decision and searching by national ID are audited, naming the field but never the value', async () => {
      const made = await server.app.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: bearer(service),
        payload: { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() },
      });
      const id = made.json().id as string;
      assert.equal((await server.app.inject({ method: 'GET', url: `/v1/decisions/${id}`, headers: bearer(analyst) })).statusCode, 200);
      const search = await server.app.inject({
        method: 'POST',
        url: '/v1/decisions/search',
        headers: bearer(analyst),
        payload: { field: 'nationalId', value: '110101199003074512' },
      });
      assert.equal(search.statusCode, 200);
      const events = await listAudit(ctx.db, { limit: 1000 });
      const viewed = events.find((e) => e.action === 'personal_data.viewed' && e.subjectId === id);
      assert.ok(viewed, 'the view is audited');
      const searched = events.find((e) => e.action === 'personal_data.searched');
      assert.ok(searched, 'the search is audited');
      assert.equal((searched.data as { field: string }).field, 'nationalId');
      assert.ok(!JSON.stringify(events).includes('110101199003074512'), 'the searched value is in no audit event');
    });

    test('searches by a personal identifier are rate-limited per key', async () => {
      const limited = (await createApiKey(ctx.db, { name: 'guesser', role: 'analyst' }, { actor: 'test' })).secret;
      const statuses: number[] = [];
      for (let i = 0; i < 65; i++) {
        const res = await server.app.inject({
          method: 'POST',
          url: '/v1/decisions/search',
          headers: bearer(limited),
          payload: { field: 'nationalId', value: `1101011990030${String(i).padStart(5, '0')}` },
        });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.filter((s) => s === 200).length, 60);
      assert.equal(statuses.at(-1), 429);
      // Another key is not held back by the first one's searches.
      const other = await server.app.inject({
        method: 'POST',
        url: '/v1/decisions/search',
        headers: bearer(analyst),
        payload: { field: 'nationalId', value: '110101199003074512' },
      });
      assert.equal(other.statusCode, 200);
    });

    test('requests without a valid key are limited per client address', async () => {
      const from = (remoteAddress: string, authorization?: string) =>
        server.app.inject({ method: 'GET', url: '/v1/decisions', remoteAddress, headers: authorization ? { authorization } : {} });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await from('10.9.9.9', i % 2 ? 'Bearer arb_guess' : undefined)).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
      const blocked = await from('10.9.9.9');
      assert.match(blocked.json().error.message, /without a valid API key from this address/);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      assert.equal((await from('10.9.9.10')).statusCode, 401, 'another address is not held back');
      // A key that worked lately still works from the refused address (a client behind the attacker's NAT).
      assert.equal((await from('127.0.0.1', `Bearer ${analyst}`)).statusCode, 200);
      const shared = await from('10.9.9.9', `Bearer ${analyst}`);
      assert.equal(shared.statusCode, 200);
    });
  });
}
