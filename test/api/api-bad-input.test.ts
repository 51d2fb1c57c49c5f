import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';
import { createApiKey } from '../../src/store/index.ts';

const BODY_LIMIT = 64 * 1024;

/** Deterministic pseudo-random values, so a failure can be replayed. */
function* randomValues(seed: number): Generator<unknown> {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const atoms: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    '',
    'admin',
    'x'.repeat(300),
    '\u0000',
    '"; drop table api_keys; --',
    [],
    {},
    [1, 'a'],
    { role: 'admin' },
    { __proto__: { role: 'admin' } },
  ];
  for (;;) {
    const value: Record<string, unknown> = {};
    const fields = ['name', 'role', 'extra', 'constructor', '__proto__', 'secret'];
    for (const f of fields) if (next() < 0.5) value[f] = atoms[Math.floor(next() * atoms.length)];
    yield next() < 0.15 ? atoms[Math.floor(next() * atoms.length)] : value;
  }
}

for (const backend of SERVER_BACKENDS) {
  describe(`bad input on ${backend.name}`, () => {
    let ctx: TestDatabase;
    let server: Server;
    let admin: string;
    before(async () => {
      ctx = await backend.create();
      server = await testServer(ctx.db, { bodyLimit: BODY_LIMIT });
      admin = (await keysForEveryRole(ctx.db)).admin;
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
    });

    const post = (payload: string, contentType = 'application/json') =>
      server.app.inject({ method: 'POST', url: '/v1/keys', headers: { ...bearer(admin), 'content-type': contentType }, payload });

    test('malformed JSON gets 400 invalid_json', async () => {
      for (const body of ['{"name":', '{name: "x"}', '[1,2', 'nul']) {
        const res = await post(body);
        assert.equal(res.statusCode, 400, body);
        assert.equal(res.json().error.code, 'invalid_json');
      }
    });

    test('wrong types name the field', async () => {
      const res = await post(JSON.stringify({ name: 42, role: 'analyst' }));
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'invalid_request');
      assert.match(res.json().error.message, /body\.name/);
      const role = await post(JSON.stringify({ name: 'x', role: 'root' }));
      assert.match(role.json().error.message, /body\.role: Invalid option/);
    });

    test('missing fields name the field', async () => {
      const res = await post(JSON.stringify({ role: 'analyst' }));
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /body\.name/);
    });

    test('unknown fields are refused by name', async () => {
      const res = await post(JSON.stringify({ name: 'x', role: 'analyst', isAdmin: true }));
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /unknown field "isAdmin"/);
    });

    test('oversized bodies get 413', async () => {
      const res = await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT), role: 'analyst' }));
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'body_too_large');
    });

    test('other content types get 415', async () => {
      const res = await post('name=x&role=admin', 'application/x-www-form-urlencoded');
      assert.equal(res.statusCode, 415);
      assert.equal(res.json().error.code, 'unsupported_media_type');
    });

    test('bad query parameters name the parameter', async () => {
      for (const url of ['/v1/audit?limit=0', '/v1/audit?limit=abc', '/v1/audit?afterSeq=-1', '/v1/audit?bogus=1']) {
        const res = await server.app.inject({ method: 'GET', url, headers: bearer(admin) });
        assert.equal(res.statusCode, 400, url);
        assert.match(res.json().error.message, /^querystring/, url);
      }
    });

    test('unknown routes and ids get 404 with a JSON error', async () => {
      const missing = await server.app.inject({ method: 'GET', url: '/v1/nothing', headers: bearer(admin) });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      const key = await server.app.inject({ method: 'DELETE', url: '/v1/keys/key_missing', headers: bearer(admin) });
      assert.equal(key.statusCode, 404);
      assert.match(key.json().error.message, /key_missing/);
    });

    test('JSON nested 100,000 deep gets 400 naming the depth limit, on any route', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      // This suite's body limit is 64 KiB: 20,000 levels fit in it.
      const key = await post(`{"name":${'['.repeat(20_000) + ']'.repeat(20_000)},"role":"analyst"}`);
      assert.equal(key.statusCode, 400);
      assert.match(key.json().error.message, /^body: nested more than 256 levels deep/);
      const analyst = (await createApiKey(ctx.db, { name: 'deep analyst', role: 'analyst' }, { actor: 'test' })).secret;
      const model = await server.app.inject({
        method: 'POST',
        url: '/v1/models/deep/versions',
        headers: { ...bearer(analyst), 'content-type': 'application/json' },
        payload: `{"kind":${deep}}`,
      });
      assert.equal(model.statusCode, 400);
      assert.match(model.json().error.message, /nested more than 256/);
    });

    test('random and mutated bodies never get a 5xx', async () => {
      const values = randomValues(7);
      const statuses = new Map<number, number>();
      for (let i = 0; i < 300; i++) {
        const value = values.next().value;
        let text = JSON.stringify(value) ?? 'null';
        if (i % 5 === 0) text = text.slice(0, Math.floor(text.length / 2));
        const res = await post(text);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `body ${text} got ${res.statusCode} ${res.body}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.message.length > 0);
      }
      console.log(`300 random bodies: ${JSON.stringify(Object.fromEntries(statuses))}`);
    });
  });
}
