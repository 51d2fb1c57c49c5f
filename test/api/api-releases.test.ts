import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiKey, listAudit, verifyAudit } from '../../src/store/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow, reviewApplication, uniqueKey } from '../support/flows.ts';
import { bearer, FOUR_EYES, useApiFixture } from '../support/server.ts';

/** Polls until the release's impact report is written (it runs after the submission commits). */
async function impactOf(f: ReturnType<typeof useApiFixture>, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = (await f.call('auditor', 'GET', `/v1/releases/${id}`)).json();
    if (r.impactStatus === 'done' || r.impactStatus === 'failed') return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`impact report of ${id} not written`);
}

// On PostgreSQL here; the console's release path in Chromium runs it on the embedded database.
for (const backend of SERVER_BACKENDS) {
  describe(`four-eyes release on ${backend.name}`, () => {
    const f = useApiFixture(backend, undefined, { governance: FOUR_EYES });
    const call = f.call;
    let secondRiskManager = '';
    const asSecond = (method: 'GET' | 'POST', url: string, payload?: object) =>
      f.server.app.inject({ method, url, headers: bearer(secondRiskManager), ...(payload ? { payload } : {}) });

    test('a draft is not published by one person: submitted with a note, approved by another, audited with both', async () => {
      secondRiskManager = (await createApiKey(f.ctx.db, { name: 'second risk manager', role: 'risk-manager' }, { actor: 'test' })).secret;
      assert.equal((await call('analyst', 'POST', '/v1/flows', { definition: demoFlow() })).statusCode, 201);
      const direct = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish');
      assert.equal(direct.statusCode, 403);
      assert.equal(direct.json().error.code, 'approval_required');
      assert.match(direct.json().error.message, /submit the draft/);

      const noNote = await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/submit', { note: '  ' });
      assert.equal(noNote.statusCode, 400);
      assert.match(noNote.json().error.message, /note/);
      const submitted = await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/submit', { note: 'First release of the consumer policy' });
      assert.equal(submitted.statusCode, 201, submitted.body);
      const release = submitted.json();
      assert.equal(release.status, 'submitted');
      assert.equal(release.impactStatus, 'none', 'nothing is live yet, so there is nothing to compare');

      const frozen = await call('analyst', 'PUT', '/v1/flows/consumer-lending/versions/1', { definition: demoFlow() });
      assert.equal(frozen.statusCode, 409, 'a submitted draft cannot change under its approver');
      assert.match(frozen.json().error.message, /withdraw/);
      assert.equal((await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/submit', { note: 'again' })).statusCode, 409);

      // The analyst wrote and submitted it: analysts may not approve at all, and the author may not either.
      assert.equal((await call('analyst', 'POST', `/v1/releases/${release.id}/approve`, {})).statusCode, 403);
      const approved = await call('risk-manager', 'POST', `/v1/releases/${release.id}/approve`, { comment: 'Paths and tests reviewed' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'published');
      const flows = (await call('auditor', 'GET', '/v1/flows')).json().flows;
      assert.equal(flows[0].liveVersion, 1);
      const decided = await f.server.services.decisions.decide(
        { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() },
        { actor: 'test' },
      );
      assert.equal(decided.decision.flowVersion, 1);

      const audit = await listAudit(f.ctx.db, { subjectType: 'flow', subjectId: 'consumer-lending', limit: 50 });
      const actions = audit.map((e) => e.action);
      for (const a of ['release.submitted', 'release.approved', 'flow.published', 'release.published']) assert.ok(actions.includes(a), `${a} in ${actions}`);
      assert.equal((await verifyAudit(f.ctx.db)).ok, true);
    });

    test('the submitter cannot approve their own change; the impact report compares the draft with live decisions', async () => {
      for (let i = 0; i < 30; i++)
        await f.server.services.decisions.decide(
          { flow: 'consumer-lending', application: i % 3 ? demoApplication() : reviewApplication(), idempotencyKey: uniqueKey() },
          { actor: 'test' },
        );
      const def = demoFlow();
      // Tier C goes straight to decline instead of to an underwriter.
      const gone = new Set(['riskReview', 'declineRiskReview']);
      def.nodes = (def.nodes as { id: string }[]).filter((n) => !gone.has(n.id));
      def.edges = (def.edges as { from: string; to: string }[])
        .filter((e) => !gone.has(e.from))
        .map((e) => (e.to === 'riskReview' ? { ...e, to: 'declineRisk' } : e));
      assert.equal((await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions', { definition: def })).statusCode, 201);
      const submitted = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/2/submit', { note: 'Decline tier C instead of reviewing it' });
      assert.equal(submitted.statusCode, 201, submitted.body);
      const id = submitted.json().id;
      assert.equal(submitted.json().fromVersion, 1);

      const own = await call('risk-manager', 'POST', `/v1/releases/${id}/approve`, {});
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.code, 'four_eyes');
      assert.match(own.json().error.message, /You submitted release .*a different person must approve it/);

      const done = await impactOf(f, id);
      assert.equal(done.impactStatus, 'done', done.impactError);
      const impact = done.impact;
      assert.ok(impact.decisions >= 30, `replayed ${impact.decisions}`);
      assert.ok(impact.live.outcomes.review > 0, 'the live version sends tier C to review');
      assert.equal(impact.draft.outcomes.review, 0, 'the draft reviews nothing');
      assert.equal(impact.matrix.decline.review, impact.live.outcomes.review, 'every review becomes a decline');
      assert.equal(impact.swapIns.count, 0);
      assert.ok(impact.paths.removed.some((p: { path: string }) => p.path.includes('riskReview')));
      assert.ok(impact.paths.added.length > 0);
      assert.equal(JSON.stringify(impact).includes(String(reviewApplication().nationalId)), false, 'aggregates only');

      // Approved for a moment from now by a second risk manager: live once that moment passes.
      const at = new Date(Date.now() + 1500).toISOString();
      const approved = await asSecond('POST', `/v1/releases/${id}/approve`, { comment: 'Accepted: tier C losses', effectiveAt: at });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'approved');
      assert.equal((await call('auditor', 'GET', '/v1/flows')).json().flows[0].liveVersion, 1, 'not yet');
      let live = 1;
      for (let i = 0; i < 100 && live !== 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        live = (await call('auditor', 'GET', '/v1/flows')).json().flows[0].liveVersion;
      }
      assert.equal(live, 2, 'published at its effective time');
      assert.equal((await call('auditor', 'GET', `/v1/releases/${id}`)).json().status, 'published');
    });

    test('rollback: through a second person, or at once in an emergency and confirmed after', async () => {
      // Decisions of the live version (v2, which declines tier C) for the rollback's impact report to replay.
      for (let i = 0; i < 10; i++)
        await f.server.services.decisions.decide(
          { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() },
          { actor: 'test' },
        );
      const asked = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/rollback', { version: 1, reason: 'Tier C declines hurt approvals' });
      assert.equal(asked.statusCode, 201, asked.body);
      assert.equal(asked.json().status, 'submitted');
      const rollbackImpact = await impactOf(f, asked.json().id);
      assert.equal(rollbackImpact.impactStatus, 'done', rollbackImpact.impactError);
      assert.ok(
        rollbackImpact.impact.live.outcomes.review === 0 && rollbackImpact.impact.draft.outcomes.review > 0,
        'going back to v1 sends tier C to review again',
      );
      assert.equal((await call('risk-manager', 'POST', `/v1/releases/${asked.json().id}/approve`, {})).statusCode, 403);
      const rolled = await asSecond('POST', `/v1/releases/${asked.json().id}/approve`, {});
      assert.equal(rolled.json().status, 'published', rolled.body);
      const flows = (await call('auditor', 'GET', '/v1/flows')).json().flows;
      assert.deepEqual([flows[0].liveVersion, flows[0].publishedVersion], [1, 2]);
      const after = await f.server.services.decisions.decide(
        { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() },
        { actor: 'test' },
      );
      assert.equal(after.decision.flowVersion, 1, 'decisions after a rollback use the version rolled back to');
      assert.equal(after.decision.status, 'pending_review');

      assert.equal((await call('risk-manager', 'POST', '/v1/flows/consumer-lending/rollback', { version: 1, reason: 'x' })).statusCode, 409, 'already live');
      const emergency = await call('risk-manager', 'POST', '/v1/flows/consumer-lending/rollback', { version: 2, reason: 'Incident 42', emergency: true });
      assert.equal(emergency.statusCode, 201, emergency.body);
      assert.deepEqual([emergency.json().status, emergency.json().emergency, emergency.json().confirmedBy], ['published', true, null]);
      assert.equal((await call('auditor', 'GET', '/v1/flows')).json().flows[0].liveVersion, 2);
      const unconfirmed = (await call('auditor', 'GET', '/v1/releases?unconfirmed=true')).json().releases;
      assert.deepEqual(
        unconfirmed.map((r: { id: string }) => r.id),
        [emergency.json().id],
      );
      assert.equal((await call('risk-manager', 'POST', `/v1/releases/${emergency.json().id}/confirm`, {})).statusCode, 403);
      const confirmed = await asSecond('POST', `/v1/releases/${emergency.json().id}/confirm`, { comment: 'Seen' });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal((await call('auditor', 'GET', '/v1/releases?unconfirmed=true')).json().releases.length, 0);
      const actions = (await listAudit(f.ctx.db, { subjectType: 'flow', subjectId: 'consumer-lending', limit: 100 })).map((e) => e.action);
      assert.equal(actions.filter((a) => a === 'flow.rolled_back').length, 2);
      assert.ok(actions.includes('release.emergency_rollback') && actions.includes('release.emergency_confirmed'));
    });

    test('a request is withdrawn only by its submitter, rejected with a comment by another', async () => {
      assert.equal((await call('analyst', 'POST', '/v1/flows/consumer-lending/versions', { definition: demoFlow() })).statusCode, 201);
      const id = (await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/3/submit', { note: 'Same as v1' })).json().id;
      assert.equal((await call('risk-manager', 'POST', `/v1/releases/${id}/withdraw`)).statusCode, 403);
      assert.equal((await call('risk-manager', 'POST', `/v1/releases/${id}/reject`, {})).statusCode, 400, 'a rejection says why');
      const rejected = await call('risk-manager', 'POST', `/v1/releases/${id}/reject`, { comment: 'No change note detail' });
      assert.equal(rejected.json().status, 'rejected');
      assert.equal((await call('risk-manager', 'POST', `/v1/releases/${id}/approve`, {})).statusCode, 409);
      const again = (await call('analyst', 'POST', '/v1/flows/consumer-lending/versions/3/submit', { note: 'Same as v1, explained' })).json().id;
      const withdrawn = await call('analyst', 'POST', `/v1/releases/${again}/withdraw`);
      assert.equal(withdrawn.json().status, 'withdrawn');
      assert.equal((await call('analyst', 'PUT', '/v1/flows/consumer-lending/versions/3', { definition: demoFlow() })).statusCode, 200, 'editable again');
      assert.equal((await call('auditor', 'GET', '/v1/governance')).json().singlePersonRelease, false);
    });
    test('a flow naming a stored DMN model is released only once another person approved that version for use', async () => {
      const s = f.server.services;
      const inline = demoFlow();
      inline.id = 'inline-tiers';
      await s.flows.create(inline, { actor: 'test' });
      const analyst = (await (await f.server.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(f.keys.analyst) })).json()).actor as string;
      await s.dmn.upload('tiers', await s.flows.tableAsDmn('inline-tiers', 1, 'personalTier'), { actor: analyst });
      const byModel = demoFlow();
      byModel.id = 'by-model';
      const node = (byModel.nodes as Record<string, unknown>[]).find((n) => n.id === 'personalTier')!;
      delete node.table;
      node.dmn = { model: 'tiers@1', decision: 'risk' };
      assert.equal((await call('analyst', 'POST', '/v1/flows', { definition: byModel })).statusCode, 201);
      const blocked = await call('analyst', 'POST', '/v1/flows/by-model/versions/1/submit', { note: 'Tiers from the DMN model' });
      assert.equal(blocked.statusCode, 400);
      assert.match(blocked.json().error.message, /DMN model tiers@1 is not approved for use: submit it/);

      const asked = await call('analyst', 'POST', '/v1/releases', { kind: 'dmn_model', id: 'tiers', version: 1, note: 'The tier table as DMN' });
      assert.equal(asked.statusCode, 201, asked.body);
      assert.deepEqual([asked.json().subjectType, asked.json().action], ['dmn_model', 'approve']);
      const approved = await call('risk-manager', 'POST', `/v1/releases/${asked.json().id}/approve`, { comment: 'Same table' });
      assert.equal(approved.json().status, 'published', approved.body);
      const dmn = (await call('auditor', 'GET', '/v1/dmn/tiers/versions/1')).json();
      assert.ok(dmn.approvedBy, 'the version records who approved it');
      assert.equal((await call('analyst', 'POST', '/v1/releases', { kind: 'dmn_model', id: 'tiers', version: 1, note: 'again' })).statusCode, 409);
      assert.equal((await call('analyst', 'POST', '/v1/flows/by-model/versions/1/submit', { note: 'Tiers from the DMN model' })).statusCode, 201);
    });
    test('a first release has no decisions to replay: an uploaded sample is run through the draft, sealed, and destroyed after', async () => {
      const def = demoFlow();
      def.id = 'fresh-flow';
      assert.equal((await call('analyst', 'POST', '/v1/flows', { definition: def })).statusCode, 201);
      const lines = [demoApplication(), reviewApplication(), { ...demoApplication(), bureauScore: 500 }].map((a) => JSON.stringify(a)).join('\n');
      const bad = await call('analyst', 'POST', '/v1/flows/fresh-flow/versions/1/submit', {
        note: 'First',
        sample: { format: 'jsonl', content: 'not a JSON line' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'invalid_sample');
      const submitted = await call('analyst', 'POST', '/v1/flows/fresh-flow/versions/1/submit', { note: 'First', sample: { format: 'jsonl', content: lines } });
      assert.equal(submitted.statusCode, 201, submitted.body);
      assert.equal(submitted.json().impactStatus, 'pending');
      const { rows: stored } = await f.ctx.db.query<{ sealed: Buffer }>('select sealed from release_samples where release_id = $1', [submitted.json().id]);
      assert.ok(
        stored.length === 0 || !Buffer.from(stored[0]!.sealed).toString('latin1').includes(String(demoApplication().nationalId)),
        'sealed, not in clear',
      );
      const done = await impactOf(f, submitted.json().id);
      assert.equal(done.impactStatus, 'done', done.impactError);
      assert.equal(done.impact.source, 'sample');
      assert.equal(done.impact.decisions, 3);
      assert.deepEqual(done.impact.errors.live, { no_live_version: 3 });
      assert.equal(
        Object.values(done.impact.draft.outcomes as Record<string, number>).reduce((a, b) => a + b, 0),
        3,
      );
      const { rows: left } = await f.ctx.db.query('select 1 from release_samples where release_id = $1', [submitted.json().id]);
      assert.equal(left.length, 0, 'the sample is gone once the report is written');
    });
  });
}
