import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiKey, verifyAudit } from '../../src/store/index.ts';
import type { ServiceError } from '../../src/services/index.ts';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow, reviewApplication, uniqueKey } from '../support/flows.ts';
import { bearer, testServer, useApiFixture } from '../support/server.ts';

for (const backend of BACKENDS) {
  describe(`flows, decisions and reviews on ${backend.name}`, () => {
    const f = useApiFixture(backend);
    const call = f.call;

    test('a flow goes from draft to published, and a published version never changes', async () => {
      const created = await call('analyst', 'POST', '/v1/flows', { definition: demoFlow() });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().status, 'draft');
      const validation = (await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/validate')).json();
      assert.deepEqual([validation.ok, validation.issues, validation.paths], [true, [], 416]);
      assert.equal((await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).statusCode, 403, 'analysts may not publish');
      const published = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish');
      assert.equal(published.json().status, 'published');
      const edit = await call('risk-manager', 'PUT', '/v1/flows/consumer-lending/versions/1', { definition: demoFlow() });
      assert.equal(edit.statusCode, 409);
      assert.match(edit.json().error.message, /published and cannot change/);
      assert.equal((await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).statusCode, 409);
    });

    test('drafts are edited, diffed against other versions, and checked before publishing', async () => {
      const def = demoFlow();
      const v2 = await call('analyst', 'POST', '/v1/flows/consumer-lending/versions', { definition: def });
      assert.equal(v2.json().version, 2);
      const nodes = def.nodes as Record<string, unknown>[];
      nodes.find((n) => n.id === 'declineRisk')!.reasons = [{ code: 'DC_RISK', text: 'Tier D is outside appetite' }];
      nodes.push({ id: 'unused', kind: 'output', outcome: 'refer' });
      (def.input as { fields: Record<string, unknown> }).fields.segmentCode = { type: 'string' };
      const edited = await call('analyst', 'PUT', '/v1/flows/consumer-lending/versions/2', { definition: def });
      assert.equal(edited.statusCode, 200);
      const diff = (await call('auditor', 'GET', '/v1/flows/consumer-lending/diff?from=1&to=2')).json();
      assert.deepEqual(diff.nodes.added, ['unused']);
      assert.deepEqual(
        diff.nodes.changed.map((c: { id: string }) => c.id),
        ['declineRisk'],
      );
      assert.equal(diff.nodes.changed[0].changes[0].path, '$.reasons[0].text');
      assert.deepEqual(diff.inputFields.added, ['segmentCode']);
      const validation = (await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/2/validate')).json();
      assert.equal(validation.ok, false);
      assert.deepEqual(
        validation.issues.map((i: { code: string }) => i.code),
        ['unreachable'],
      );
      const refused = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/2/publish');
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details[0].path, `$.nodes[${nodes.length - 1}]`);
      nodes.pop();
      await call('analyst', 'PUT', '/v1/flows/consumer-lending/versions/2', { definition: def });
      const unclassified = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/2/publish');
      assert.equal(unclassified.statusCode, 400);
      assert.match(unclassified.json().error.details[0].message, /field "segmentCode" has no personal-data class/);
    });

    test('a decision is committed with its trace and versions; its key replays it', async () => {
      const key = uniqueKey();
      const body = { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: key };
      const first = await call('service', 'POST', '/v1/decisions', body);
      assert.equal(first.statusCode, 201, first.body);
      const d = first.json();
      assert.equal(d.outcome, 'approve');
      assert.deepEqual(d.offer, { product: 'personal', limit: 15000, rate: 0.124, termMonths: 36, monthlyPayment: 450 });
      assert.equal(d.flow.version, 1);
      const stored = (await call('analyst', 'GET', `/v1/decisions/${d.id}`)).json();
      assert.equal(stored.trace.length, d.path.length);
      assert.deepEqual(stored.versions.flows[0].id, 'consumer-lending');
      assert.match(stored.versions.flows[0].contentHash, /^[0-9a-f]{64}$/);
      const again = await call('service', 'POST', '/v1/decisions', body);
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers['idempotent-replay'], 'true');
      assert.equal(again.json().id, d.id);
      const other = await call('service', 'POST', '/v1/decisions', { ...body, application: { ...demoApplication(), age: 41 } });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().error.code, 'idempotency_key_reused');
      const { rows } = await f.ctx.db.query<{ n: number }>('select count(*)::int as n from decisions where idempotency_key = $1', [key]);
      assert.equal(rows[0]!.n, 1);
    });

    test('a repeat while the first is still running gets 409', async () => {
      const request = { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() };
      const results = await Promise.allSettled([
        f.server.services.decisions.decide(request, { actor: 't' }),
        f.server.services.decisions.decide(request, { actor: 't' }),
      ]);
      const kinds = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as ServiceError).kind));
      assert.deepEqual(kinds.sort(), ['conflict', 'ok']);
    });

    test('bad applications and unpublished flows are refused readably', async () => {
      const bad = await call('service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        application: { ...demoApplication(), age: 'old' },
        idempotencyKey: uniqueKey(),
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad.json().error.details.map((i: { path: string }) => i.path),
        ['application.age'],
      );
      const missing = await call('service', 'POST', '/v1/decisions', { flow: 'no-such-flow', application: {}, idempotencyKey: uniqueKey() });
      assert.equal(missing.statusCode, 404);
      const draft = await call('service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        version: 2,
        application: demoApplication(),
        idempotencyKey: uniqueKey(),
      });
      assert.equal(draft.statusCode, 409);
      assert.match(draft.json().error.message, /is a draft; publish it/);
    });

    test('a decision waits at a review, and the verdict finishes it once', async () => {
      const waiting = (
        await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() })
      ).json();
      assert.equal(waiting.status, 'pending_review');
      const queue = (await call('reviewer', 'GET', '/v1/reviews')).json().reviews;
      const review = queue.find((r: { decisionId: string }) => r.decisionId === waiting.id);
      assert.equal(review.nodeId, 'riskReview');
      assert.equal(review.queue, 'underwriting');
      const shown = (await call('reviewer', 'GET', `/v1/reviews/${review.id}`)).json();
      assert.deepEqual(shown.decision.path.at(-1), 'riskReview');
      const noNote = await call('reviewer', 'POST', `/v1/reviews/${review.id}`, { verdict: 'approve', note: ' ' });
      assert.equal(noNote.statusCode, 400);
      const decided = await call('reviewer', 'POST', `/v1/reviews/${review.id}`, { verdict: 'approve', note: 'payslips checked' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().decision.status, 'completed');
      assert.equal(decided.json().decision.outcome, 'approve');
      assert.deepEqual(decided.json().decision.path.slice(-3), ['riskReview:approve', 'affordability:comfortable', 'approveFull']);
      const twice = await call('reviewer', 'POST', `/v1/reviews/${review.id}`, { verdict: 'decline', note: 'changed my mind' });
      assert.equal(twice.statusCode, 409);
      const audit = await verifyAudit(f.ctx.db);
      assert.equal(audit.ok, true);
      const { rows } = await f.ctx.db.query<{ action: string }>(`select action from audit_events where subject_id in ($1, $2) order by seq`, [
        waiting.id,
        review.id,
      ]);
      assert.deepEqual(
        rows.map((r) => r.action),
        ['decision.pending_review', 'review.decided', 'decision.completed'],
      );
    });

    test('a reviewer takes a case: another reviewer can neither take nor decide it while the claim lasts', async () => {
      const waiting = (
        await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() })
      ).json();
      const other = (await createApiKey(f.ctx.db, { name: 'second reviewer', role: 'reviewer' }, { actor: 'test' })).secret;
      const asOther = (url: string, payload?: object) => f.server.app.inject({ method: 'POST', url, headers: bearer(other), ...(payload ? { payload } : {}) });
      const taken = await call('reviewer', 'POST', `/v1/reviews/${waiting.pendingReviewId}/claim`);
      assert.equal(taken.statusCode, 200, taken.body);
      assert.ok(taken.json().review.claimedBy && taken.json().review.claimedAt);
      assert.equal((await call('reviewer', 'POST', `/v1/reviews/${waiting.pendingReviewId}/claim`)).statusCode, 200, 'taking it again renews the claim');
      const stolen = await asOther(`/v1/reviews/${waiting.pendingReviewId}/claim`);
      assert.equal(stolen.statusCode, 409);
      assert.match(stolen.json().error.message, /was taken by .* free again 30 minutes after/);
      const overruled = await asOther(`/v1/reviews/${waiting.pendingReviewId}`, { verdict: 'decline', note: 'not mine to decide' });
      assert.equal(overruled.statusCode, 409);
      assert.match(overruled.json().error.message, /only they may decide it/);
      const decided = await call('reviewer', 'POST', `/v1/reviews/${waiting.pendingReviewId}`, { verdict: 'approve', note: 'checked' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal((await call('reviewer', 'POST', `/v1/reviews/${waiting.pendingReviewId}/claim`)).statusCode, 409, 'a decided case cannot be taken');
      // A lapsed claim: anyone may take the case.
      const second = (
        await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() })
      ).json();
      assert.equal((await call('reviewer', 'POST', `/v1/reviews/${second.pendingReviewId}/claim`)).statusCode, 200);
      await f.ctx.db.query("update reviews set claimed_at = now() - interval '31 minutes' where id = $1", [second.pendingReviewId]);
      assert.equal((await asOther(`/v1/reviews/${second.pendingReviewId}/claim`)).statusCode, 200);
    });

    test('a pending review survives a restart', async () => {
      const waiting = (
        await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() })
      ).json();
      await f.server.app.close();
      const db = await f.ctx.reopen();
      f.server = await testServer(db);
      const decided = await call('reviewer', 'POST', `/v1/reviews/${waiting.pendingReviewId}`, { verdict: 'decline', note: 'no' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().decision.outcome, 'decline');
      assert.equal(decided.json().decision.id, waiting.id);
    });
  });
}
