import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { useApiFixture, type ApiFixture } from '../support/server.ts';

async function decide(f: ApiFixture, application: Record<string, unknown>) {
  const res = await f.call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application, idempotencyKey: uniqueKey() });
  assert.ok(res.statusCode < 300, res.body);
  const d = (await f.call('auditor', 'GET', `/v1/decisions/${res.json().id}`)).json();
  return d as { flow: { version: number }; outcome: string; versions: { arm?: string; shadow?: { version: number; outcome: string } } };
}

const applications = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...demoApplication(), requestedAmount: 2000 + i * 37, monthlyIncome: 4000 + (i % 17) * 150 }));

for (const backend of SERVER_BACKENDS) {
  describe(`champion and challenger on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => {
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: demoFlow() })).statusCode, 201);
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).statusCode, 200);
      const stricter = JSON.parse(JSON.stringify(demoFlow()).replaceAll('delinquencies >= 3', 'delinquencies >= 1'));
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions', { definition: stricter })).statusCode, 201);
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/2/publish')).statusCode, 200);
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions', { definition: stricter })).statusCode, 201);
    });

    test('a split sends a stable share to the challenger, keeps the champion pinned, and reports both arms', async () => {
      assert.equal((await f.call('analyst', 'PUT', '/v1/flows/consumer-lending/challenger', { version: 2, mode: 'split', share: 0.3 })).statusCode, 403);
      const draft = await f.call('risk-manager', 'PUT', '/v1/flows/consumer-lending/challenger', { version: 3, mode: 'split', share: 0.3 });
      assert.equal(draft.statusCode, 409);
      assert.match(draft.json().error.message, /challenger version 3 .* is not published/);
      const set = await f.call('risk-manager', 'PUT', '/v1/flows/consumer-lending/challenger', { version: 2, mode: 'split', share: 0.3 });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().champion, 1, 'the champion is the latest published version other than the challenger');
      const apps = applications(120);
      const arms: string[] = [];
      for (const a of apps) {
        const d = await decide(f, a);
        arms.push(d.versions.arm!);
        assert.equal(d.flow.version, d.versions.arm === 'challenger' ? 2 : 1);
      }
      const share = arms.filter((a) => a === 'challenger').length / arms.length;
      assert.ok(share > 0.15 && share < 0.45, `challenger share ${share}`);
      for (let i = 0; i < 10; i++) assert.equal((await decide(f, apps[i]!)).versions.arm, arms[i], 'the same application is assigned the same arm');
      const report = (await f.call('analyst', 'GET', '/v1/flows/consumer-lending/challenger')).json();
      assert.deepEqual(report.arms.map((a: { arm: string; version: number }) => `${a.arm}@${a.version}`).sort(), ['challenger@2', 'champion@1']);
      assert.equal(
        report.arms.reduce((s: number, a: { decisions: number }) => s + a.decisions, 0),
        130,
      );
      console.log(
        `split 30%: ${report.arms.map((a: { arm: string; decisions: number; approvalRate: number }) => `${a.arm} ${a.decisions} decisions, approval ${(a.approvalRate * 100).toFixed(1)}%`).join('; ')}`,
      );
    });

    test('a shadow challenger is run and recorded beside every decision but never acted on; clearing it returns all traffic to the latest published version', async () => {
      assert.equal((await f.call('risk-manager', 'PUT', '/v1/flows/consumer-lending/challenger', { version: 2, champion: 1, mode: 'shadow' })).statusCode, 200);
      let disagree = 0;
      for (const a of applications(40)) {
        const d = await decide(f, { ...a, delinquencies: a.requestedAmount % 3 === 0 ? 2 : 0 });
        assert.equal(d.flow.version, 1);
        assert.equal(d.versions.shadow!.version, 2);
        if (d.versions.shadow!.outcome !== d.outcome) disagree++;
      }
      assert.ok(disagree > 0, 'the stricter shadow declines some that the champion does not');
      const report = (await f.call('auditor', 'GET', '/v1/flows/consumer-lending/challenger')).json();
      assert.equal(
        report.shadow.reduce((s: number, c: { count: number }) => s + c.count, 0),
        40,
      );
      assert.equal((await f.call('risk-manager', 'DELETE', '/v1/flows/consumer-lending/challenger')).statusCode, 200);
      const after = await decide(f, applications(1)[0]!);
      assert.equal(after.flow.version, 2);
      assert.equal(after.versions.arm, undefined);
      assert.equal((await f.call('analyst', 'GET', '/v1/flows/consumer-lending/challenger')).statusCode, 404);
    });
  });
}
