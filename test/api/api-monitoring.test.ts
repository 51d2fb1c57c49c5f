import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { generatePopulation } from '../../src/tools/synth/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { decideMany } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

/** A flow that approves by a rule on C1 fields, so that its decisions can be monitored without a model. */
const flow = {
  id: 'monitored',
  name: 'monitored',
  input: {
    fields: {
      appliedAt: { type: 'string', class: 'C1', required: true },
      utilization: { type: 'number', class: 'C1', required: true },
      income: { type: 'number', class: 'C1', required: true },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    { id: 'rule', kind: 'switch' },
    { id: 'yes', kind: 'output', outcome: 'approve' },
    { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'HIGH_UTILISATION', text: 'revolving credit used up' }] },
  ],
  edges: [
    { from: 'in', to: 'rule' },
    { from: 'rule', to: 'yes', when: 'utilization < 0.7' },
    { from: 'rule', to: 'no', default: true },
  ],
};

for (const backend of SERVER_BACKENDS) {
  describe(`monitoring on ${backend.name}`, () => {
    const received: unknown[] = [];
    let hook: http.Server;
    let hookUrl: string;
    before(async () => {
      hook = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.end('ok');
        });
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
      hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
    });
    after(() => new Promise<void>((r) => hook.close(() => r())));
    const f = useApiFixture(backend, async (fx) => {
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: flow })).statusCode, 201);
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/monitored/versions/1/publish')).statusCode, 200);
      const pop = generatePopulation({ rows: 2400, seed: 77, months: 12, driftAt: 8 });
      const col = (n: string) => pop.columns.find((c) => c.name === n)!.values as Float64Array;
      const applications = Array.from({ length: pop.rows }, (_, i) => ({
        appliedAt: new Date(Date.UTC(2025, col('month')[i]!, 3)).toISOString(),
        utilization: col('utilization')[i]!,
        income: col('income')[i]!,
      }));
      await decideMany(fx.server, 'monitored', applications);
    });

    test('a drift after the baseline raises alerts once per period, delivered to the webhook; before it, none', async () => {
      const config = {
        dateField: 'appliedAt',
        baseline: { from: '2025-01', to: '2025-06' },
        features: ['utilization', 'income'],
        thresholds: { psi: 0.2, csi: 0.15, approvalRateShift: 0.1 },
        webhook: hookUrl,
      };
      assert.equal((await f.call('risk-manager', 'PUT', '/v1/monitoring/monitored', config)).statusCode, 200);
      const quiet = await f.call('analyst', 'POST', '/v1/monitoring/monitored/run', { asOf: '2025-08-01T00:00:00Z' });
      assert.equal(quiet.statusCode, 200, quiet.body);
      console.log(`before the drift: CSI ${JSON.stringify(quiet.json().snapshot.csi)}`);
      assert.deepEqual(quiet.json().alerts, [], JSON.stringify(quiet.json().snapshot.csi));
      const drifted = (await f.call('analyst', 'POST', '/v1/monitoring/monitored/run', { asOf: '2025-11-01T00:00:00Z' })).json();
      console.log(`after the drift: CSI ${JSON.stringify(drifted.snapshot.csi)}`);
      const kinds = drifted.alerts.map((a: { kind: string; metric: string }) => `${a.kind}:${a.metric}`).sort();
      assert.ok(kinds.includes('csi:utilization'), kinds.join(', '));
      console.log(`after the drift (2025-10): ${drifted.alerts.map((a: { message: string }) => a.message).join(' | ')}`);
      const again = (await f.call('analyst', 'POST', '/v1/monitoring/monitored/run', { asOf: '2025-11-01T00:00:00Z' })).json();
      assert.deepEqual(again.alerts, [], 'an alert is raised once per period');
      assert.equal(received.length, drifted.alerts.length);
      const listed = (await f.call('auditor', 'GET', '/v1/alerts?flow=monitored&open=true')).json().alerts;
      assert.equal(listed.length, drifted.alerts.length);
      assert.match(listed[0].webhook, /^delivered 200/);
      assert.equal((await f.call('risk-manager', 'POST', `/v1/alerts/${listed[0].id}/acknowledge`)).statusCode, 200);
      assert.equal((await f.call('auditor', 'GET', '/v1/alerts?flow=monitored&open=true')).json().alerts.length, listed.length - 1);
      const snapshots = (await f.call('auditor', 'GET', '/v1/monitoring?flow=monitored')).json().snapshots;
      assert.equal(snapshots.length, 3);
      assert.ok(snapshots[0].snapshot.months.length >= 10);
    });

    test('a bad configuration is refused with where', async () => {
      const r = await f.call('risk-manager', 'PUT', '/v1/monitoring/monitored', { baseline: { from: '2025-1', to: '2025-06' } });
      assert.equal(r.statusCode, 400);
      assert.match(r.json().error.message, /baseline\.from: a month as YYYY-MM/);
      assert.equal((await f.call('analyst', 'PUT', '/v1/monitoring/monitored', { baseline: { from: '2025-01', to: '2025-06' } })).statusCode, 403);
    });
  });
}
