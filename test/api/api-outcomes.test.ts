import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { bearer, useApiFixture } from '../support/server.ts';

for (const backend of SERVER_BACKENDS) {
  describe(`outcomes on ${backend.name}`, () => {
    const ids: string[] = [];
    const f = useApiFixture(backend, async (fx) => {
      await publishDemoFlow(fx.ctx.db);
      for (let i = 0; i < 3; i++) {
        const d = await fx.call('service', 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: { ...demoApplication(), requestedAmount: 3000 + i },
          idempotencyKey: uniqueKey(),
        });
        ids.push(d.json().id);
      }
    });
    const count = async () => Number((await f.ctx.db.query<{ n: number }>('select count(*)::int as n from outcomes')).rows[0]!.n);

    test('events are recorded once: a repeat is a duplicate, a clash or an unknown decision refuses the whole batch', async () => {
      const events = ids.map((decisionId, i) => ({
        eventId: `e-${i}`,
        decisionId,
        type: 'disbursement',
        occurredAt: '2026-01-05T00:00:00Z',
        amount: 3000 + i,
      }));
      assert.deepEqual((await f.call('service', 'POST', '/v1/outcomes', { events })).json(), { accepted: 3, duplicates: 0 });
      assert.deepEqual(
        (
          await f.call('service', 'POST', '/v1/outcomes', {
            events: [...events, { eventId: 'e-9', decisionId: ids[0], type: 'delinquency', occurredAt: '2026-04-01T00:00:00+08:00', daysPastDue: 30 }],
          })
        ).json(),
        { accepted: 1, duplicates: 3 },
      );
      const clash = await f.call('service', 'POST', '/v1/outcomes', { events: [{ ...events[0], amount: 1 }] });
      assert.equal(clash.statusCode, 409);
      assert.match(clash.json().error.message, /e-0/);
      const unknown = await f.call('service', 'POST', '/v1/outcomes', {
        events: [
          { eventId: 'e-10', decisionId: ids[1], type: 'payment', occurredAt: '2026-02-01T00:00:00Z' },
          { eventId: 'e-11', decisionId: 'dec_nope', type: 'payment', occurredAt: '2026-02-01T00:00:00Z' },
        ],
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.message, /dec_nope/);
      assert.equal(await count(), 4, 'nothing of a refused batch is kept');
      assert.equal((await f.call('analyst', 'POST', '/v1/outcomes', { events })).statusCode, 403);
    });

    test('JSON lines in bulk; a bad line is named and nothing is recorded', async () => {
      const lines = ids.map((decisionId, i) =>
        JSON.stringify({ eventId: `l-${i}`, decisionId, type: 'delinquency', occurredAt: '2026-06-01T00:00:00Z', daysPastDue: 95 }),
      );
      const post = (body: string) =>
        f.server.app.inject({
          method: 'POST',
          url: '/v1/outcomes',
          headers: { ...bearer(f.keys.service), 'content-type': 'application/x-ndjson' },
          payload: body,
        });
      const bad = await post([...lines, '{"eventId": "l-x", "decisionId": 5}', 'not json'].join('\n'));
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /line 4: .*decisionId/);
      assert.match(bad.json().error.message, /line 5: not JSON/);
      const before = await count();
      const ok = await post(`${lines.join('\n')}\n`);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { accepted: 3, duplicates: 0 });
      assert.equal(await count(), before + 3);
    });
  });
}
