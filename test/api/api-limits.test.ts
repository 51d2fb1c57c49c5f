import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';

describe('rate limits and security headers', () => {
  let ctx: TestDatabase;
  let server: Server;
  let keys: Record<string, string>;
  before(async () => {
    ctx = await SERVER_BACKENDS[0]!.create();
    server = await testServer(ctx.db, { rateLimit: { max: 5, windowMs: 60_000 } });
    keys = await keysForEveryRole(ctx.db);
  });
  after(async () => {
    await server.app.close();
    await ctx.cleanup();
  });

  test('each key has its own allowance; past it, 429 with Retry-After and a readable error', async () => {
    const me = (key: string) => server.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(key) });
    for (let i = 0; i < 5; i++) assert.equal((await me(keys.analyst!)).statusCode, 200);
    const limited = await me(keys.analyst!);
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0, `Retry-After: ${limited.headers['retry-after']}`);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.match(limited.json().error.message, /more than 5 requests in 60 s/);
    assert.equal((await me(keys.auditor!)).statusCode, 200, 'another key is not limited by the first');
  });

  test('answers carry security headers and never a stack trace', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['strict-transport-security']);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: { ...bearer(keys.service!), 'content-type': 'application/json' },
      payload: '{"flow": ',
    });
    assert.equal(bad.statusCode, 400);
    assert.doesNotMatch(bad.body, /at .*\.ts:\d+|node_modules/);
  });

  test('a hostile FEEL expression in a flow is a 400 naming where, and a runaway loop at decision time is bounded', async () => {
    const flow = (expr: string, id: string) => ({
      definition: {
        id,
        name: 'hostile',
        input: { fields: { n: { type: 'number', class: 'C1' } } },
        nodes: [
          { id: 'in', kind: 'input' },
          { id: 'calc', kind: 'expression', assign: { x: expr } },
          { id: 'out', kind: 'output', outcome: 'approve', offer: { x: 'x' } },
        ],
        edges: [
          { from: 'in', to: 'calc' },
          { from: 'calc', to: 'out' },
        ],
      },
    });
    // A draft may hold anything; publishing checks it.
    assert.equal(
      (
        await server.app.inject({
          method: 'POST',
          url: '/v1/flows',
          headers: bearer(keys['risk-manager']!),
          payload: flow(`${'('.repeat(3000)}n${')'.repeat(3000)}`, 'deep'),
        })
      ).statusCode,
      201,
    );
    const deep = await server.app.inject({ method: 'POST', url: '/v1/flows/deep/versions/1/publish', headers: bearer(keys['risk-manager']!) });
    assert.equal(deep.statusCode, 400);
    assert.match(deep.body, /nested more than 200 deep/);
    assert.match(deep.body, /nodes\[1\]\.assign/);
    const loop = await server.app.inject({
      method: 'POST',
      url: '/v1/flows',
      headers: bearer(keys['risk-manager']!),
      payload: flow('count(for i in 1..n, j in 1..n return i)', 'loop'),
    });
    assert.equal(loop.statusCode, 201, loop.body);
    assert.equal(
      (await server.app.inject({ method: 'POST', url: '/v1/flows/loop/versions/1/publish', headers: bearer(keys['risk-manager']!) })).statusCode,
      200,
    );
    const t0 = Date.now();
    const d = await server.app.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: bearer(keys.service!),
      payload: { flow: 'loop', application: { n: 100000 }, idempotencyKey: `loop-${Date.now()}` },
    });
    assert.equal(d.statusCode, 201, d.body);
    // Fails closed: the budget is spent, so the application is referred, not approved with x = null.
    assert.equal(d.json().outcome, 'refer');
    assert.equal(d.json().reasons[0].code, 'EVALUATION_ERROR');
    assert.ok(Date.now() - t0 < 5000, 'bounded in time');
  });
});
