import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loggerOptions } from '../../src/api/logger.ts';
import { registerPersonalFields } from '../../src/privacy/index.ts';
import { verifyAudit } from '../../src/store/index.ts';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

for (const backend of BACKENDS) {
  describe(`retention and legal holds on ${backend.name}`, () => {
    const f = useApiFixture(backend, (fx) => publishDemoFlow(fx.ctx.db));
    const call = f.call;
    const decide = async (application: object) =>
      (await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application, idempotencyKey: uniqueKey() })).json();
    const opened = async (id: string) => (await call('analyst', 'GET', `/v1/decisions/${id}`)).json().personalDataErased === false;

    test('legal holds and the adverse-action period delay erasure; the purge erases what nothing holds', async () => {
      const approved = await decide(demoApplication());
      const declined = await decide({ ...demoApplication(), bureauScore: 500 });
      const held = await decide(demoApplication());
      assert.deepEqual([approved.outcome, declined.outcome, held.outcome], ['approve', 'decline', 'approve']);

      const refused = await call('admin', 'DELETE', `/v1/applications/${declined.id}/personal-data`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().error.message, /must be kept until/);
      const hold = await call('admin', 'POST', `/v1/applications/${held.id}/legal-holds`, { reason: 'litigation 2026-117', heldUntil: '2040-01-01T00:00:00Z' });
      assert.equal(hold.statusCode, 201);
      assert.equal((await call('admin', 'DELETE', `/v1/applications/${held.id}/personal-data`)).statusCode, 409);

      // Within the retention period nothing is purged.
      assert.equal(await f.server.services.decisions.purgeExpired(365), 0);
      // Two years on: the approval is past a one-year retention; the decline is still an adverse-action record.
      const twoYears = new Date(Date.now() + 2 * 365 * 86400_000);
      assert.equal(await f.server.services.decisions.purgeExpired(365, twoYears), 1);
      assert.deepEqual([await opened(approved.id), await opened(declined.id), await opened(held.id)], [false, true, true]);
      // Three years on, the adverse-action period is over too; the legal hold still keeps the third.
      const threeYears = new Date(Date.now() + 3 * 365 * 86400_000);
      assert.equal(await f.server.services.decisions.purgeExpired(365, threeYears), 1);
      assert.deepEqual([await opened(declined.id), await opened(held.id)], [false, true]);
      const kept = (await call('analyst', 'GET', `/v1/decisions/${declined.id}`)).json();
      assert.deepEqual([kept.outcome, kept.reasons.length > 0], ['decline', true], 'the decision and its reasons outlive the personal data');
      assert.equal((await verifyAudit(f.ctx.db)).ok, true);
    });

    test('logs lose the values of personal fields wherever they appear', async () => {
      const lines: string[] = [];
      const logger = pino({ ...loggerOptions, level: 'info' }, new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
      registerPersonalFields(['monthlyIncome']);
      logger.info(
        { decision: { application: { nationalId: '110101199003074512' }, inputs: [{ phone: '13812345678', monthlyIncome: 9000, score: 700 }] } },
        'debugging',
      );
      const text = lines.join('');
      assert.ok(!text.includes('110101199003074512') && !text.includes('13812345678') && !text.includes('9000'), text);
      assert.match(text, /"score":700/);
    });
  });
}
