import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { createFlow, publishVersion } from '../../src/store/index.ts';
import { BACKENDS, type TestDatabase } from '../support/backends.ts';
import { uniqueKey } from '../support/flows.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';

/** Personal fields of every class, one collected and never read, and a review point. */
const flow = {
  id: 'pia-check',
  name: 'Impact assessment check',
  input: {
    fields: {
      fullName: { type: 'string', class: 'C2', required: true },
      nationalId: { type: 'string', class: 'C2', required: true, search: true },
      email: { type: 'string', class: 'C2' },
      pin: { type: 'string', class: 'C3' },
      score: { type: 'number', class: 'C1', required: true },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    { id: 'calc', kind: 'expression', assign: { nameLength: 'string length(fullName)', idLength: 'string length(nationalId)' } },
    { id: 'route', kind: 'switch' },
    { id: 'check', kind: 'review', queue: 'credit', reason: 'score <b>between</b> 600 and 700' },
    { id: 'yes', kind: 'output', outcome: 'approve' },
    { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'LOW', text: 'Score below 600' }] },
  ],
  edges: [
    { from: 'in', to: 'calc' },
    { from: 'calc', to: 'route' },
    { from: 'route', to: 'no', when: 'score < 600' },
    { from: 'route', to: 'check', when: 'score < 700' },
    { from: 'route', to: 'yes', default: true },
    { from: 'check', to: 'yes', on: 'approve' },
    { from: 'check', to: 'no', on: 'decline' },
  ],
};

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;
let ctx: TestDatabase;
let server: Server;
let keys: Awaited<ReturnType<typeof keysForEveryRole>>;

before(async () => {
  ctx = await pglite.create();
  server = await testServer(ctx.db);
  keys = await keysForEveryRole(ctx.db);
  await createFlow(ctx.db, flow.id, flow.name, flow, { actor: 'test' });
  await publishVersion(ctx.db, flow.id, 1, { actor: 'test' }, () => {});
  for (const score of [750, 720, 650, 550, 800]) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: bearer(keys.service),
      payload: { flow: flow.id, application: { fullName: 'Wang Wu', nationalId: '110101199003771204', score }, idempotencyKey: uniqueKey() },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
});
after(async () => {
  await server.app.close();
  await ctx.cleanup();
});

const get = (role: keyof typeof keys, query = '') =>
  server.app.inject({ method: 'GET', url: `/v1/flows/${flow.id}/versions/1/impact-assessment${query}`, headers: bearer(keys[role]) });

test('the impact assessment names the personal data, who reads it, the human review, and how much was decided by the machine', async () => {
  const res = await get('auditor');
  assert.equal(res.statusCode, 200, res.body);
  const a = res.json();
  assert.deepEqual(a.classes, { C1: 1, C2: 3, C3: 1, unclassified: 0 });
  const byField = Object.fromEntries(a.personalData.map((p: { field: string }) => [p.field, p]));
  assert.deepEqual(byField.fullName.readBy, ['calc']);
  assert.equal(byField.nationalId.searchable, true);
  assert.deepEqual(byField.score.readBy, ['route']);
  assert.ok(a.findings.some((f: string) => /email \(C2\) is collected but no node reads it/.test(f)));
  assert.deepEqual(a.humanReview, [{ node: 'check', queue: 'credit', reason: 'score <b>between</b> 600 and 700' }]);
  // Five decisions in the window, one of them sent to a person.
  assert.equal(a.automation.decisions, 5);
  assert.equal(a.automation.reviewed, 1);
  assert.equal(a.automation.automatedShare, 0.8);
  assert.ok(a.reveal.some((r: { role: string }) => r.role === 'reviewer'));
  assert.ok(a.applicantRights.some((r: { how: string }) => r.how === 'POST /v1/decisions/:id/contest'));
});

test('as an HTML page, everything a flow author wrote is escaped; analysts and services may not read it', async () => {
  const html = await get('risk-manager', '?format=html');
  assert.equal(html.statusCode, 200);
  assert.match(String(html.headers['content-type']), /text\/html/);
  assert.ok(html.body.includes('score &lt;b&gt;between&lt;/b&gt; 600 and 700'));
  assert.ok(!html.body.includes('<b>between</b>'));
  for (const role of ['analyst', 'service', 'reviewer'] as const) assert.equal((await get(role)).statusCode, 403, role);
  const missing = await server.app.inject({ method: 'GET', url: `/v1/flows/${flow.id}/versions/9/impact-assessment`, headers: bearer(keys.admin) });
  assert.equal(missing.statusCode, 404);
});
