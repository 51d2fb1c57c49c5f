import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listAudit } from '../../src/store/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { bearer, useApiFixture } from '../support/server.ts';

for (const backend of SERVER_BACKENDS) {
  describe(`roles as sets of permissions, and changes a second admin approves, on ${backend.name}`, () => {
    const f = useApiFixture(backend);
    const call = f.call;
    const as = (secret: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      f.server.app.inject({ method, url, headers: bearer(secret), ...(payload ? { payload } : {}) });
    const roleOf = async (role: string) =>
      ((await call('auditor', 'GET', '/v1/roles')).json().roles as { role: string; permissions: string[]; edited: boolean }[]).find((r) => r.role === role)!;

    test('every action is a permission with its default roles; with one admin, a role change applies at once and takes effect', async () => {
      const permissions = (await call('admin', 'GET', '/v1/permissions')).json().permissions as { id: string; defaultRoles: string[]; summary: string }[];
      const approve = permissions.find((p) => p.id === 'POST /v1/releases/:id/approve')!;
      assert.deepEqual(approve.defaultRoles, ['risk-manager']);
      assert.ok(approve.summary.length > 0);
      assert.ok(!permissions.some((p) => p.id === 'GET /healthz'), 'public routes need no permission');

      const auditor = await roleOf('auditor');
      assert.equal(auditor.edited, false);
      assert.ok(auditor.permissions.includes('GET /v1/audit'));
      assert.equal((await call('auditor', 'GET', '/v1/keys')).statusCode, 403);
      // The auditor loses the audit log's search and gains the list of keys.
      const next = [...auditor.permissions.filter((p) => p !== 'GET /v1/audit'), 'GET /v1/keys'];
      const changed = await call('admin', 'PUT', '/v1/roles/auditor', { permissions: next });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await call('auditor', 'GET', '/v1/keys')).statusCode, 200);
      const refused = await call('auditor', 'GET', '/v1/audit?limit=1');
      assert.equal(refused.statusCode, 403);
      assert.match(refused.json().error.message, /an admin may have changed the roles/);
      assert.equal((await roleOf('auditor')).edited, true);
      const audit = await listAudit(f.ctx.db, { action: 'role.changed', limit: 5 });
      assert.deepEqual(audit[0]!.data, { added: ['GET /v1/keys'], removed: ['GET /v1/audit'] });

      const unknown = await call('admin', 'PUT', '/v1/roles/auditor', { permissions: ['GET /v1/nothing'] });
      assert.deepEqual([unknown.statusCode, unknown.json().error.code], [400, 'unknown_permission']);
      const lockout = await call('admin', 'PUT', '/v1/roles/admin', { permissions: ['GET /v1/keys'] });
      assert.deepEqual([lockout.statusCode, lockout.json().error.code], [400, 'admin_lockout']);
      assert.equal((await call('admin', 'PUT', '/v1/roles/superuser', { permissions: [] })).statusCode, 404);
      assert.equal((await call('risk-manager', 'PUT', '/v1/roles/auditor', { permissions: next })).statusCode, 403);
    });

    test('with two admins, a new admin key and a role change wait for the other admin; the one who asked cannot approve', async () => {
      const second = await call('admin', 'POST', '/v1/keys', { name: 'Second Admin', role: 'admin' });
      assert.equal(second.statusCode, 201, 'the second admin needs no approval: there was only one');
      const secondAdmin = second.json().secret as string;

      const third = await call('admin', 'POST', '/v1/keys', { name: 'Third Admin', role: 'admin' });
      assert.equal(third.statusCode, 202, third.body);
      const change = third.json().key.pendingChange as string;
      assert.match(change, /^chg_/);
      assert.equal((await as(third.json().secret, 'GET', '/v1/me')).statusCode, 401, 'not before approval');
      const own = await call('admin', 'POST', `/v1/admin-changes/${change}/approve`, {});
      assert.deepEqual([own.statusCode, own.json().error.code], [403, 'four_eyes']);
      const approved = await as(secondAdmin, 'POST', `/v1/admin-changes/${change}/approve`, { comment: 'Known colleague' });
      assert.equal(approved.json().status, 'approved', approved.body);
      assert.equal((await as(third.json().secret, 'GET', '/v1/me')).statusCode, 200);

      const rejectedKey = await call('admin', 'POST', '/v1/keys', { name: 'Unknown Admin', role: 'admin' });
      const rejected = await as(secondAdmin, 'POST', `/v1/admin-changes/${rejectedKey.json().key.pendingChange}/reject`, { comment: 'Who is this?' });
      assert.equal(rejected.json().status, 'rejected');
      assert.equal((await as(rejectedKey.json().secret, 'GET', '/v1/me')).statusCode, 401, 'a rejected admin key never works');

      const reviewer = await roleOf('reviewer');
      const asked = await call('admin', 'PUT', '/v1/roles/reviewer', { permissions: [...reviewer.permissions, 'GET /v1/audit'] });
      assert.equal(asked.statusCode, 202, asked.body);
      assert.equal((await call('reviewer', 'GET', '/v1/audit?limit=1')).statusCode, 403, 'not before approval');
      const pending = (await call('auditor', 'GET', '/v1/admin-changes?status=pending')).json().changes;
      assert.deepEqual(
        pending.map((c: { id: string }) => c.id),
        [asked.json().change.id],
      );
      assert.equal((await as(secondAdmin, 'POST', `/v1/admin-changes/${asked.json().change.id}/approve`, {})).statusCode, 200);
      assert.equal((await call('reviewer', 'GET', '/v1/audit?limit=1')).statusCode, 200);
      const actions = (await listAudit(f.ctx.db, { limit: 200 })).map((e) => e.action);
      for (const a of ['admin_change.requested', 'admin_change.approved', 'admin_change.rejected']) assert.ok(actions.includes(a), a);
    });

    test('a key for a person must name someone who exists', async () => {
      const res = await call('admin', 'POST', '/v1/keys', { name: 'For nobody', role: 'analyst', userId: 'usr_nobody' });
      assert.equal(res.statusCode, 404);
      assert.match(res.json().error.message, /no person "usr_nobody"/);
    });
  });
}
