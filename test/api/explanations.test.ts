import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

for (const backend of BACKENDS.slice(0, 1)) {
  describe(`explanations and contests on ${backend.name}`, () => {
    const f = useApiFixture(backend, (fx) => publishDemoFlow(fx.ctx.db));
    const call = f.call;

    test('a decline is explained by the specific reasons behind it, never internal warnings', async () => {
      const d = (
        await call('service', 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: { ...demoApplication(), delinquencies: 4, age: 17, monthlyDebt: 4000 },
          idempotencyKey: uniqueKey(),
        })
      ).json();
      assert.equal(d.outcome, 'decline');
      const e = (await call('service', 'GET', `/v1/decisions/${d.id}/explanation`)).json();
      assert.deepEqual(
        e.reasons.map((r: { code: string }) => r.code),
        ['KO_AGE', 'KO_DELINQUENT'],
      );
      assert.equal(e.decidedBy, 'automated');
      assert.equal(e.canContest, true);
      assert.ok(e.reasons.every((r: { text: string }) => r.text.length > 10));
    });

    test('contesting opens a review; a person overturns or upholds the decision', async () => {
      const d = (
        await call('service', 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: { ...demoApplication(), bureauScore: 500 },
          idempotencyKey: uniqueKey(),
        })
      ).json();
      assert.equal(d.outcome, 'decline');
      const contest = await call('service', 'POST', `/v1/decisions/${d.id}/contest`, { statement: 'The bureau score is from before I repaid my card' });
      assert.equal(contest.statusCode, 201);
      assert.equal((await call('service', 'POST', `/v1/decisions/${d.id}/contest`, { statement: 'again' })).statusCode, 409, 'one open contest at a time');
      const queue = (await call('reviewer', 'GET', '/v1/reviews?queue=contest')).json().reviews;
      assert.deepEqual(
        queue.map((r: { id: string }) => r.id),
        [contest.json().reviewId],
      );
      const verdict = await call('reviewer', 'POST', `/v1/reviews/${contest.json().reviewId}`, {
        verdict: 'approve',
        note: 'bureau data was stale; approved on updated report',
      });
      assert.equal(verdict.statusCode, 200, verdict.body);
      const after = (await call('analyst', 'GET', `/v1/decisions/${d.id}`)).json();
      assert.deepEqual([after.outcome, after.automatedOutcome, after.override.outcome], ['approve', 'decline', 'approve']);
      const e = (await call('service', 'GET', `/v1/decisions/${d.id}/explanation`)).json();
      assert.deepEqual([e.outcome, e.decidedBy, e.canContest], ['approve', 'person', false]);
      const { rows } = await f.ctx.db.query<{ statement_sealed: unknown }>('select statement_sealed from contests where decision_id = $1', [d.id]);
      assert.ok(rows[0]!.statement_sealed, 'the statement is kept, sealed');
      assert.ok(!JSON.stringify(rows).includes('repaid my card'));
    });

    test('consents travel with the application, are stored, audited and visible to the flow', async () => {
      const consents = [{ scope: 'credit-bureau', grantedAt: '2026-11-20T09:30:00Z', expiresAt: '2027-11-20T09:30:00Z', channel: 'web' }];
      const d = (
        await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey(), consents })
      ).json();
      const { rows } = await f.ctx.db.query<{ scope: string; channel: string }>('select scope, channel from consents where decision_id = $1', [d.id]);
      assert.deepEqual(rows, [{ scope: 'credit-bureau', channel: 'web' }]);
      const events = (await call('auditor', 'GET', `/v1/audit?subjectId=${d.id}`)).json().events;
      assert.deepEqual(events[0].data.consents, ['credit-bureau']);
      const bad = await call('service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        application: demoApplication(),
        idempotencyKey: uniqueKey(),
        consents: [{ scope: 'credit-bureau', grantedAt: 'yesterday', channel: 'web' }],
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /body\.consents\.0\.grantedAt/);
    });

    test('a pending decision cannot be contested yet', async () => {
      const d = (
        await call('service', 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: { ...demoApplication(), bureauScore: 600 },
          idempotencyKey: uniqueKey(),
        })
      ).json();
      assert.equal(d.status, 'pending_review');
      assert.equal((await call('service', 'POST', `/v1/decisions/${d.id}/contest`, { statement: 'too early' })).statusCode, 409);
    });
  });
}
