import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { buildServer } from '../../src/api/index.ts';
import { loggerOptions } from '../../src/api/logger.ts';
import { createApiKey } from '../../src/store/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { TEST_KEYS } from '../support/server.ts';

test('request logs carry the request id and never the body, the key or the query string', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  const ctx = await SERVER_BACKENDS[0]!.create();
  try {
    const admin = await createApiKey(ctx.db, { name: 'admin', role: 'admin' }, { actor: 'test' });
    const { app } = await buildServer({ db: ctx.db, logger: pino({ ...loggerOptions, level: 'info' }, sink), keys: TEST_KEYS });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/keys?phone=13812345678',
      headers: { authorization: `Bearer ${admin.secret}`, 'x-request-id': 'req-under-test' },
      payload: { name: 'Zhang San 110101199003074512', role: 'analyst' },
    });
    assert.equal(res.headers['x-request-id'], 'req-under-test');
    await app.inject({ method: 'POST', url: '/v1/keys', headers: { authorization: `Bearer ${admin.secret}` }, payload: { name: 'Li Si', role: 'nope' } });
    await app.inject({ method: 'GET', url: '/v1/decisions/110101199003074512?nationalId=110101199003074512', headers: { authorization: 'Bearer arb_wrong' } });
    await app.close();
    const text = lines.join('\n');
    assert.ok(lines.length >= 2, 'requests were logged');
    assert.match(text, /"reqId":"req-under-test"/);
    // What an operator needs of every request: method, route, status, latency, key and client address.
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.route !== undefined);
    const created = requests.find((l) => l.reqId === 'req-under-test')!;
    assert.equal(created.method, 'POST');
    assert.equal(created.route, '/v1/keys');
    assert.equal(created.status, 201);
    assert.equal(typeof created.ms, 'number');
    assert.equal(created.keyId, admin.key.id);
    assert.equal(created.client, '127.0.0.1');
    const refused = requests.find((l) => l.status === 401)!;
    assert.equal(refused.msg, 'authentication failed');
    assert.equal(refused.level, 40);
    assert.equal(refused.route, '/v1/decisions/:id', 'the route pattern, never the path as sent');
    for (const secret of [admin.secret, 'Zhang San', '110101199003074512', '13812345678', 'Li Si']) {
      assert.ok(!text.includes(secret), `the log contains ${secret}`);
    }
    console.log(`${lines.length} log lines checked`);
  } finally {
    await ctx.cleanup();
  }
});
