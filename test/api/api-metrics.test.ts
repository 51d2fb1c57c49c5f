import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, reviewApplication, uniqueKey } from '../support/flows.ts';
import { bearer, keysForEveryRole, testServer, useApiFixture } from '../support/server.ts';
import { startJobQueue } from '../../src/store/index.ts';

for (const backend of SERVER_BACKENDS) {
  describe(`metrics on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => publishDemoFlow(fx.ctx.db));

    test('/metrics counts decisions, node time and the review queue in the Prometheus format, with no personal data', async () => {
      const application = demoApplication();
      for (const a of [application, { ...application, requestedAmount: 4321 }, reviewApplication()]) {
        assert.ok(
          (await f.call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: a, idempotencyKey: uniqueKey() })).statusCode < 300,
        );
      }
      const res = await f.call('service', 'GET', '/metrics');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/plain/);
      const text = res.body;
      const decided = [...text.matchAll(/^arbiter_decisions_total\{flow="consumer-lending",version="1",outcome="([a-z_]+)",arm="none"\} (\d+)$/gm)];
      assert.equal(
        decided.reduce((s, m) => s + Number(m[2]), 0),
        3,
      );
      assert.match(text, /^arbiter_decision_duration_seconds_count\{flow="consumer-lending"\} 3$/m);
      assert.match(text, /^arbiter_node_duration_seconds_count\{kind="ruleset"\} \d+$/m);
      assert.match(text, /^arbiter_review_queue_size\{queue="[^"]+"\} 1$/m);
      assert.match(text, /^arbiter_process_cpu_seconds_total /m);
      assert.match(text, /^arbiter_nodejs_eventloop_lag_seconds /m);
      for (const value of Object.values(application))
        if (typeof value === 'string' && value.length > 3) assert.ok(!text.includes(value), `"${value}" from an application is in the metrics`);
      assert.equal((await f.server.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
      assert.equal((await f.call('analyst', 'GET', '/metrics')).statusCode, 403);
    });

    test('/metrics shows the job queue by queue and state, and the database pool where there is one', async () => {
      const ctx = await backend.create();
      const queue = await startJobQueue(ctx.db);
      const server = await testServer(ctx.db, { queue });
      try {
        const keys = await keysForEveryRole(ctx.db);
        await queue.boss.send('backtest.run', { backtestId: 'not-run' });
        const text = (await server.app.inject({ method: 'GET', url: '/metrics', headers: bearer(keys.service) })).body;
        const waiting = /^arbiter_jobs\{queue="backtest.run",state="created"\} (\d+)$/m.exec(text);
        assert.ok(waiting && Number(waiting[1]) >= 1, 'the waiting job is counted');
        if (backend.name === 'postgres') {
          assert.match(text, /^arbiter_db_pool_connections\{state="max"\} 10$/m);
          assert.match(text, /^arbiter_db_pool_connections\{state="idle"\} \d+$/m);
        } else {
          assert.doesNotMatch(text, /arbiter_db_pool_connections/, 'the embedded database has no pool');
        }
        const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(ready.statusCode, 200);
        assert.equal(ready.json().queue, 'running');
        await queue.stop();
        const stopped = await server.app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(stopped.statusCode, 503, 'a stopped queue makes the server not ready');
        assert.match(stopped.json().reason, /job queue/);
      } finally {
        await server.app.close();
        await queue.stop().catch(() => {});
        await ctx.cleanup();
      }
    });
  });
}
