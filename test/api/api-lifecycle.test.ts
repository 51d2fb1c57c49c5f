import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { history, scoredFlow, synthChampion, SYNTH_FEATURES, tableScoredFlow, waitRun } from '../support/lifecycle.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

const FEATURES = SYNTH_FEATURES;
const SAMPLE = { dateField: 'appliedAt', performanceMonths: 6, badDaysPastDue: 90, features: FEATURES };
const AS_OF = '2026-01-01T00:00:00Z';

for (const backend of SERVER_BACKENDS) {
  describe(`retraining on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => {
      for (const [id, rows] of [
        ['weak', 250],
        ['strong', 30000],
      ] as const) {
        assert.equal((await fx.call('risk-manager', 'POST', `/v1/models/${id}/versions`, synthChampion(rows, 101, 12, 40))).statusCode, 201);
        assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: scoredFlow(`f-${id}`, `${id}@1`, 0.35) })).statusCode, 201);
        assert.equal((await fx.call('risk-manager', 'POST', `/v1/flows/f-${id}/versions/1/publish`)).statusCode, 200);
      }
      await history(fx, 'f-weak', 1600);
      // No drift for the strong champion: nothing new to learn, so a challenger from 1,600 applications cannot do better.
      await history(fx, 'f-strong', 1600, [], null);
    });

    test('a challenger that beats the champion out of time waits for a risk manager, is promoted as a new flow version, and rolls back in one call', async () => {
      const program = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/weak', {
        flow: 'f-weak',
        scoreNode: 'score',
        sample: SAMPLE,
        ootMonths: 4,
        policy: { minAucGain: 0, maxCalibrationGap: 0.1, approval: 'risk-manager' },
      });
      assert.equal(program.statusCode, 200, program.body);
      const started = await f.call('analyst', 'POST', '/v1/lifecycle/programs/weak/runs', { asOf: AS_OF });
      assert.equal(started.statusCode, 202, started.body);
      const run = await waitRun(f, started.json().id);
      assert.equal(run.status, 'awaiting_approval', `${run.error ?? ''} ${run.reasons.join(' | ')}`);
      assert.equal(run.championVersion, 1);
      assert.equal(run.challengerVersion, 2);
      assert.ok(
        run.sampleReport.rows > 500 && run.sampleReport.excluded.immature > 0 && run.sampleReport.excluded.declined > 0,
        JSON.stringify(run.sampleReport),
      );
      console.log(
        `weak champion: out-of-time AUC ${run.checks.champion.auc.toFixed(4)} vs challenger ${run.checks.challenger.auc.toFixed(4)}; sample ${JSON.stringify(run.sampleReport)}`,
      );
      const lineage = (await f.call('analyst', 'GET', '/v1/models/weak/versions/2')).json().summary.lineage;
      assert.equal(lineage.parent, 'weak@1');
      assert.equal(lineage.run, run.id);
      assert.match(lineage.dataSha256, /^[0-9a-f]{64}$/);
      // The promotion is a release like any other change: a draft naming the challenger, submitted by the run with its reasons, approving the model version too.
      const versions = (await f.call('analyst', 'GET', '/v1/flows/f-weak/versions')).json().versions;
      assert.deepEqual(
        versions.map((v: { status: string }) => v.status),
        ['published', 'draft'],
        'nothing is published before approval',
      );
      const release = (await f.call('auditor', 'GET', `/v1/releases/${run.releaseId}`)).json();
      assert.equal(release.status, 'submitted');
      assert.equal(release.submittedBy, 'system:retrain');
      assert.equal(release.version, 2);
      assert.deepEqual(release.alsoApproves, [{ kind: 'model', id: 'weak', version: 2 }]);
      assert.match(release.note, /^Retraining run rt_\w+ \(model weak, as of 2026-01-01\): weak@1 → weak@2\./);

      assert.equal((await f.call('analyst', 'POST', `/v1/lifecycle/runs/${run.id}/approve`)).statusCode, 403);
      const approved = await f.call('risk-manager', 'POST', `/v1/lifecycle/runs/${run.id}/approve`);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'promoted');
      assert.equal((await f.call('auditor', 'GET', `/v1/releases/${run.releaseId}`)).json().status, 'published');
      const v2 = (await f.call('analyst', 'GET', `/v1/flows/f-weak/versions/${approved.json().flowVersionAfter}`)).json();
      assert.equal(v2.status, 'published');
      assert.equal(v2.definition.nodes.find((n: { id: string }) => n.id === 'score').model, 'weak@2');

      const back = await f.call('risk-manager', 'POST', '/v1/lifecycle/programs/weak/rollback');
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().status, 'rolled_back');
      const latest = (await f.call('analyst', 'GET', '/v1/flows/f-weak/versions')).json().versions.at(-1);
      assert.equal(latest.status, 'published');
      assert.equal(latest.definition.nodes.find((n: { id: string }) => n.id === 'score').model, 'weak@1');
      const emergency = (await f.call('auditor', 'GET', '/v1/releases?flow=f-weak')).json().releases[0];
      assert.equal(emergency.emergency, true, 'the rollback is listed for a second person to confirm');
      assert.equal(emergency.version, latest.version);
      const { rows } = await f.ctx.db.query<{ action: string }>(
        "select action from audit_events where subject_id = 'weak' and action like 'retrain.%' order by seq",
      );
      assert.deepEqual(
        rows.map((r) => r.action),
        ['retrain.program_set', 'retrain.started', 'retrain.awaiting_approval', 'retrain.promoted', 'retrain.rolled_back'],
      );
    });

    test('a challenger worse than the champion is not promoted, even when the policy would promote without a person', async () => {
      assert.equal(
        (
          await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/strong', {
            flow: 'f-strong',
            scoreNode: 'score',
            sample: SAMPLE,
            ootMonths: 4,
            policy: { minAucGain: 0.005, maxAucLossToRecalibrate: 0, approval: 'auto' },
          })
        ).statusCode,
        200,
      );
      const run = await waitRun(f, (await f.call('risk-manager', 'POST', '/v1/lifecycle/programs/strong/runs', { asOf: AS_OF })).json().id);
      assert.equal(run.status, 'rejected', run.error ?? '');
      assert.ok(
        run.reasons.some((r: string) => r.startsWith('NOT met: AUC')),
        run.reasons.join(' | '),
      );
      assert.equal((await f.call('analyst', 'GET', '/v1/flows/f-strong/versions')).json().versions.length, 1);
      assert.equal((await f.call('risk-manager', 'POST', '/v1/lifecycle/programs/strong/rollback')).statusCode, 409);
    });

    test('a program must name a score node that uses the model', async () => {
      const wrong = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/strong', { flow: 'f-weak', scoreNode: 'score', sample: SAMPLE });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.json().error.message, /not a version of model "strong"/);
      const badSample = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/weak', {
        flow: 'f-weak',
        scoreNode: 'score',
        sample: { ...SAMPLE, features: [] },
      });
      assert.equal(badSample.statusCode, 400);
      assert.match(badSample.json().error.message, /sample: features/);
    });

    test('the sample-growth trigger starts a run when the matured sample has grown by its share, and not again without growth', async () => {
      const put = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/weak', {
        flow: 'f-weak',
        scoreNode: 'score',
        sample: SAMPLE,
        ootMonths: 4,
        policy: { approval: 'risk-manager' },
        triggers: { sampleGrowth: 0.5, minAccounts: 20 },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual(put.json().triggers, { sampleGrowth: 0.5, minAccounts: 20 });
      const check = async (iso: string) => {
        const runs = await f.server.services.lifecycle.checkSampleGrowth(new Date(iso));
        for (const r of runs) await waitRun(f, r.id);
        return runs.length;
      };
      assert.equal(await check('2025-03-01T00:00:00Z'), 1, 'the first matured sample starts a run');
      assert.equal(await check('2025-03-01T00:00:00Z'), 0, 'no growth since that run');
      assert.equal(await check('2025-04-01T00:00:00Z'), 0, 'one more month of bookings is less than half again');
      assert.equal(await check('2025-12-01T00:00:00Z'), 1, 'nine more months double the sample');
      const bad = await f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/weak', {
        flow: 'f-weak',
        scoreNode: 'score',
        sample: SAMPLE,
        triggers: { sampleGrowth: -1 },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /triggers: sampleGrowth/);
    });

    test('with a decision table to write, a run proposes a cutoff, a rate and a limit per product, the back-test judges the flow with it, and promotion publishes it', async () => {
      assert.equal((await f.call('risk-manager', 'POST', '/v1/models/segmented/versions', synthChampion(250, 101, 12, 40))).statusCode, 201);
      // The flow reads its policy from a table: one rule for everyone until the program writes one per product.
      const definition = tableScoredFlow('f-table', 'segmented@1', { cutoff: 0.35, rate: 0.13, limitFactor: 1 });
      assert.equal((await f.call('risk-manager', 'POST', '/v1/flows', { definition })).statusCode, 201);
      assert.equal((await f.call('risk-manager', 'POST', '/v1/flows/f-table/versions/1/publish')).statusCode, 200);
      await history(f, 'f-table', 1600, ['requestedAmount']);

      const strategy = {
        actions: { limitFactors: [0.5, 1], rates: [0.1, 0.13, 0.16] },
        economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 120, lgd: 0.6, eadFactor: 0.8 },
        columns: { amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' },
      };
      const put = (decisionLogic: unknown) =>
        f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/segmented', {
          flow: 'f-table',
          scoreNode: 'score',
          sample: SAMPLE,
          ootMonths: 4,
          policy: { minAucGain: 0, maxCalibrationGap: 0.1, approval: 'risk-manager' },
          decisionLogic,
        });
      const noTable = await put({ table: { node: 'cut', segment: 'product' }, strategy });
      assert.equal(noTable.statusCode, 400);
      assert.match(noTable.json().error.message, /no decision table node "cut" \(table nodes: policy\)/);
      const program = await put({ table: { node: 'policy', segment: 'product' }, strategy });
      assert.equal(program.statusCode, 200, program.body);

      const started = await f.call('analyst', 'POST', '/v1/lifecycle/programs/segmented/runs', { asOf: AS_OF });
      assert.equal(started.statusCode, 202, started.body);
      const run = await waitRun(f, started.json().id);
      assert.equal(run.status, 'awaiting_approval', `${run.error ?? ''} ${run.reasons.join(' | ')}`);
      const proposed = run.checks.segmentTable as { segment: string; segments: { segment: string; cutoff: number; rate: number; limitFactor: number }[] };
      assert.equal(proposed.segment, 'product');
      assert.deepEqual(proposed.segments.map((s) => s.segment).sort(), ['auto', 'card', 'personal']);
      assert.ok(run.checks.backtest, 'the back-test judged the flow with the table');
      assert.ok(
        run.reasons.some((r: string) => /proposed: a decision table by product: auto PD below [\d.]+ at/.test(r)),
        run.reasons.join(' | '),
      );
      console.log(run.reasons.join('\n'));

      const approved = await f.call('risk-manager', 'POST', `/v1/lifecycle/runs/${run.id}/approve`);
      assert.equal(approved.statusCode, 200, approved.body);
      const published = (await f.call('analyst', 'GET', `/v1/flows/f-table/versions/${approved.json().flowVersionAfter}`)).json();
      assert.equal(published.status, 'published');
      const table = published.definition.nodes.find((n: { id: string }) => n.id === 'policy').table;
      const rules = table.rules as { inputEntries: string[]; outputEntries: string[] }[];
      assert.deepEqual(
        rules.slice(0, -1).map((r) => [r.inputEntries[0], r.outputEntries]),
        proposed.segments.map((s) => [JSON.stringify(s.segment), [String(s.cutoff), String(s.rate), String(s.limitFactor)]]),
        'one rule per product, as proposed',
      );
      assert.equal(rules.at(-1)!.inputEntries[0], 'not("auto", "card", "personal")', 'and one for any other product');
      assert.equal(published.definition.nodes.find((n: { id: string }) => n.id === 'score').model, 'segmented@2');
    });

    test('decision logic must name a switch whose edge compares the score with a number, and a strategy that parses', async () => {
      const put = (decisionLogic: unknown) =>
        f.call('risk-manager', 'PUT', '/v1/lifecycle/programs/weak', { flow: 'f-weak', scoreNode: 'score', sample: SAMPLE, decisionLogic });
      const strategy = { actions: { limitFactors: [1], rates: [0.13] }, economics: { fundingRate: 0.04 } };
      const noSwitch = await put({ switchNode: 'nope', approveTo: 'yes', strategy });
      assert.equal(noSwitch.statusCode, 400);
      assert.match(noSwitch.json().error.message, /no switch "nope"/);
      const badStrategy = await put({ switchNode: 'cut', approveTo: 'yes', strategy: { actions: {} } });
      assert.equal(badStrategy.statusCode, 400);
      assert.match(badStrategy.json().error.message, /actions/);
      const ok = await put({ switchNode: 'cut', approveTo: 'yes', strategy });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().decisionLogic.switchNode, 'cut');
      assert.equal((await put(null)).json().decisionLogic, null);
    });
  });
}
