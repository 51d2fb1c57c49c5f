import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKENDS } from '../support/backends.ts';
import { bearer, testServer } from '../support/server.ts';
import { createApiKey, verifyAudit } from '../../src/store/index.ts';

for (const backend of BACKENDS) {
  test(`keys and audit survive a restart on ${backend.name}`, async () => {
    const ctx = await backend.create();
    try {
      const admin = await createApiKey(ctx.db, { name: 'admin', role: 'admin' }, { actor: 'test' });
      let server = await testServer(ctx.db);
      const created = await server.app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(admin.secret), payload: { name: 'svc', role: 'service' } });
      assert.equal(created.statusCode, 201);
      await server.app.close();

      const db = await ctx.reopen();
      server = await testServer(db);
      const me = await server.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(created.json().secret) });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().role, 'service');
      const list = await server.app.inject({ method: 'GET', url: '/v1/keys', headers: bearer(admin.secret) });
      assert.deepEqual(
        list.json().keys.map((k: { name: string }) => k.name),
        ['admin', 'svc'],
      );
      const audit = await verifyAudit(db);
      assert.deepEqual([audit.ok, audit.checked], [true, 2]);
      await server.app.close();
    } finally {
      await ctx.cleanup();
    }
  });
}
