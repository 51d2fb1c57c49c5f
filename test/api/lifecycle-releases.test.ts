import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { approveArtefact, artefactVersion, createApiKey, publishVersion } from '../../src/store/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { history, scoredFlow, synthChampion, SYNTH_FEATURES, waitRun } from '../support/lifecycle.ts';
import { bearer, FOUR_EYES, useApiFixture } from '../support/server.ts';

// The card of each challenger gives performance per product and a fairness report by employment, which the model does not use.
const SAMPLE = {
  dateField: 'appliedAt',
  performanceMonths: 6,
  badDaysPastDue: 90,
  features: SYNTH_FEATURES,
  segment: 'product',
  protectedAttributes: ['employment'],
};
const PROGRAM = {
  flow: 'f-pd',
  scoreNode: 'score',
  sample: SAMPLE,
  ootMonths: 4,
  policy: { minAucGain: 0, maxCalibrationGap: 0.1, approval: 'auto' },
};

// Where releases take two people (a real installation's default), a retraining run's promotion
// goes through the release queue like any other change, and a program approves its own
// promotions only once a second risk manager has confirmed it.
for (const backend of SERVER_BACKENDS) {
  describe(`retraining promotions as releases, four-eyes, on ${backend.name}`, () => {
    let second = '';
    const f = useApiFixture(
      backend,
      async (fx) => {
        second = (await createApiKey(fx.ctx.db, { name: 'second risk manager', role: 'risk-manager' }, { actor: 'test' })).secret;
        // The champion and the flow that scores with it, released earlier (approved and published as a release would).
        assert.equal((await fx.call('risk-manager', 'POST', '/v1/models/pd/versions', synthChampion(250, 101, 12, 40))).statusCode, 201);
        await fx.ctx.db.transaction((tx) => approveArtefact(tx, 'model', 'pd', 1, { actor: 'test' }));
        const flow = scoredFlow('f-pd', 'pd@1', 0.35) as { input: { fields: Record<string, unknown> } };
        flow.input.fields.employment = { type: 'string', class: 'C2' };
        assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: flow })).statusCode, 201);
        await publishVersion(fx.ctx.db, 'f-pd', 1, { actor: 'test' }, () => {});
        await history(fx, 'f-pd', 1600, ['employment']);
      },
      { governance: FOUR_EYES },
    );
    const asSecond = (method: 'GET' | 'POST', url: string, payload?: object) =>
      f.server.app.inject({ method, url, headers: bearer(second), ...(payload ? { payload } : {}) });

    test('an automatic program waits for a person until a second risk manager confirms it; its promotions are releases that approve the model too', async () => {
      const unfair = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/pd', { ...PROGRAM, sample: { ...SAMPLE, protectedAttributes: ['age'] } });
      assert.equal(unfair.statusCode, 400);
      assert.match(unfair.json().error.message, /sample.protectedAttributes: age is a feature of the model/);
      const set = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/pd', PROGRAM);
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().confirmedBy, null);

      // Not confirmed: the run submits its release and waits, saying why.
      const first = await waitRun(f, (await f.call('analyst', 'POST', '/v1/lifecycle/programs/pd/runs', { asOf: '2026-01-01T00:00:00Z' })).json().id);
      assert.equal(first.status, 'awaiting_approval', `${first.error ?? ''} ${first.reasons.join(' | ')}`);
      assert.ok(
        first.reasons.some((r: string) => r.includes('confirms it (POST /v1/lifecycle/programs/pd/confirm)')),
        first.reasons.join(' | '),
      );
      const queued = (await f.call('risk-manager', 'GET', '/v1/releases?status=submitted')).json().releases;
      assert.deepEqual(
        queued.map((r: { id: string }) => r.id),
        [first.releaseId],
        "the promotion is in the release queue with everyone else's changes",
      );
      assert.deepEqual(queued[0].alsoApproves, [{ kind: 'model', id: 'pd', version: 2 }]);
      assert.equal((await artefactVersion(f.ctx.db, 'model', 'pd', 2)).approvedAt, null, 'the challenger is not approved for use before its release');

      // A person rejects it in the release queue; the run follows.
      const rejected = await asSecond('POST', `/v1/releases/${first.releaseId}/reject`, { comment: 'not this month' });
      assert.equal(rejected.statusCode, 200, rejected.body);
      const afterReject = (await f.call('auditor', 'GET', `/v1/lifecycle/runs/${first.id}`)).json();
      assert.equal(afterReject.status, 'rejected');
      assert.match(afterReject.reasons.at(-1), /^rejected: release rel_\w+ by .*\(not this month\)$/);
      assert.equal((await f.call('analyst', 'GET', '/v1/flows')).json().flows.find((x: { id: string }) => x.id === 'f-pd').liveVersion, 1);

      // The person who set the program cannot confirm it; a stale read cannot either.
      const own = await f.call('risk-manager', 'POST', '/v1/lifecycle/programs/pd/confirm', { updatedAt: set.json().updatedAt });
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.code, 'four_eyes');
      const stale = await asSecond('POST', '/v1/lifecycle/programs/pd/confirm', { updatedAt: '2020-01-01T00:00:00.000Z' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.json().error.message, /changed at .*read it again/);
      const confirmed = await asSecond('POST', '/v1/lifecycle/programs/pd/confirm', { updatedAt: set.json().updatedAt });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const confirmer = confirmed.json().confirmedBy;
      assert.ok(confirmer && confirmer !== set.json().updatedBy, `confirmed by ${confirmer}, set by ${set.json().updatedBy}`);

      // Confirmed: the next run's release is approved by the program's policy and goes live, the model with it.
      const second_ = await waitRun(f, (await f.call('analyst', 'POST', '/v1/lifecycle/programs/pd/runs', { asOf: '2026-01-02T00:00:00Z' })).json().id);
      assert.equal(second_.status, 'promoted', `${second_.error ?? ''} ${second_.reasons.join(' | ')}`);
      const release = (await f.call('auditor', 'GET', `/v1/releases/${second_.releaseId}`)).json();
      assert.equal(release.status, 'published');
      assert.equal(release.submittedBy, 'system:retrain');
      assert.equal(release.decidedBy, 'policy:pd');
      assert.ok(release.comment.includes(`set by ${set.json().updatedBy} and confirmed by ${confirmer}`), release.comment);
      const live = (await f.call('analyst', 'GET', '/v1/flows')).json().flows.find((x: { id: string }) => x.id === 'f-pd').liveVersion;
      assert.equal(live, second_.flowVersionAfter);
      const published = (await f.call('analyst', 'GET', `/v1/flows/f-pd/versions/${live}`)).json();
      assert.equal(published.definition.nodes.find((n: { id: string }) => n.id === 'score').model, `pd@${second_.challengerVersion}`);
      assert.ok((await artefactVersion(f.ctx.db, 'model', 'pd', second_.challengerVersion)).approvedAt, 'the release approved the model it names');

      // The challenger's card, made by its run on the out-of-time applications.
      const card = (await f.call('auditor', 'GET', `/v1/models/pd/versions/${second_.challengerVersion}/card`)).json();
      assert.ok(card.performance.byMonth.length >= 2, JSON.stringify(card.performance.byMonth));
      assert.equal(
        card.performance.byMonth.reduce((n: number, m: { rows: number }) => n + m.rows, 0),
        second_.checks.split.ootRows,
      );
      assert.deepEqual(card.performance.bySegment.map((g: { group: string }) => g.group).sort(), ['auto', 'card', 'personal']);
      assert.equal(card.stability.length, card.performance.byMonth.length - 1);
      assert.equal(card.fairness[0].attribute, 'employment');
      assert.ok(card.fairness[0].groups.some((g: { group: string }) => g.group === 'unemployed'));
      assert.match(card.data.file, /^out-of-time applications of flow f-pd as of 2026-01-02/);
      assert.ok(card.limitations.some((l: string) => l.startsWith('measured on the')));
      const html = await f.call('auditor', 'GET', `/v1/models/pd/versions/${second_.challengerVersion}/card?format=html`);
      assert.match(html.body, /employment/);

      // Changing the program takes its confirmation away.
      const changed = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/pd', { ...PROGRAM, ootMonths: 3 });
      assert.equal(changed.json().confirmedBy, null);

      const { rows } = await f.ctx.db.query<{ action: string }>(
        "select action from audit_events where subject_id = 'pd' and action like 'retrain.%' order by seq",
      );
      assert.deepEqual(
        rows.map((r) => r.action),
        [
          'retrain.program_set',
          'retrain.started',
          'retrain.awaiting_approval',
          'retrain.rejected',
          'retrain.program_confirmed',
          'retrain.started',
          // checked, its release submitted: the program approves it, so it never waits
          'retrain.running',
          'retrain.promoted',
          'retrain.program_set',
        ],
      );
    });

    test('a risk manager approves a waiting promotion from the run, under the release rules', async () => {
      await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/pd', { ...PROGRAM, policy: { ...PROGRAM.policy, approval: 'risk-manager' } });
      // Later, on more matured history: a different challenger. Then a run a day later: only the latest waits for a person.
      const superseded = await waitRun(f, (await f.call('analyst', 'POST', '/v1/lifecycle/programs/pd/runs', { asOf: '2026-04-01T00:00:00Z' })).json().id);
      assert.equal(superseded.status, 'awaiting_approval', `${superseded.error ?? ''} ${superseded.reasons.join(' | ')}`);
      const run = await waitRun(f, (await f.call('analyst', 'POST', '/v1/lifecycle/programs/pd/runs', { asOf: '2026-04-02T00:00:00Z' })).json().id);
      assert.equal(run.status, 'awaiting_approval', `${run.error ?? ''} ${run.reasons.join(' | ')}`);
      const before = (await f.call('auditor', 'GET', `/v1/lifecycle/runs/${superseded.id}`)).json();
      assert.equal(before.status, 'rejected');
      assert.equal(before.reasons.at(-1), `withdrawn: release ${superseded.releaseId} by system:retrain (superseded by retraining run ${run.id})`);
      assert.equal((await f.call('auditor', 'GET', `/v1/releases/${superseded.releaseId}`)).json().status, 'withdrawn');
      const approved = await f.call('risk-manager', 'POST', `/v1/lifecycle/runs/${run.id}/approve`);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'promoted');
      const release = (await f.call('auditor', 'GET', `/v1/releases/${run.releaseId}`)).json();
      assert.equal(release.status, 'published');
      assert.equal(release.comment, `approved from retraining run ${run.id}`);
    });
  });
}
