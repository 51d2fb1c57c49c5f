import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { exampleStrategy, historyCsv, synthBaseline, synthCandidate } from '../support/backtests.ts';
import { useApiFixture, type ApiFixture } from '../support/server.ts';

async function waitDone(f: ApiFixture, id: string): Promise<Record<string, unknown> & { report: Record<string, unknown> }> {
  for (let i = 0; i < 600; i++) {
    const r = (await f.call('analyst', 'GET', `/v1/backtests/${id}`)).json();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((x) => setTimeout(x, 50));
  }
  throw new Error('back-test did not finish');
}

for (const backend of SERVER_BACKENDS) {
  describe(`back-tests over the API on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => {
      for (const def of [synthBaseline(), synthCandidate()]) {
        assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: def })).statusCode, 201);
      }
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/synth-baseline/versions/1/publish')).statusCode, 200);
    });
    const csv = historyCsv(3000, 17);
    const body = {
      candidate: { flow: 'synth-candidate', version: 1 },
      baseline: { flow: 'synth-baseline', version: 1 },
      csv,
      outcome: { column: 'defaulted', bad: '1' },
      strategy: exampleStrategy(),
    };

    test('a draft candidate is back-tested against the published flow as a job: progress, report, HTML, and the history is not kept', async () => {
      const started = await f.call('analyst', 'POST', '/v1/backtests', body);
      assert.equal(started.statusCode, 202, started.body);
      assert.equal(started.json().rowsEstimated, 3000);
      const done = await waitDone(f, started.json().id);
      assert.equal(done.status, 'done', String(done.error));
      const report = done.report as {
        rows: number;
        swapIns: { count: number; badRate: number };
        candidate: { approvalRate: number; realisedProfit: number };
        baseline: { approvalRate: number };
      };
      assert.equal(report.rows, 3000);
      assert.ok(report.candidate.approvalRate > report.baseline.approvalRate);
      assert.ok(report.swapIns.count > 0 && report.swapIns.badRate > 0);
      const html = await f.call('auditor', 'GET', `/v1/backtests/${started.json().id}/report.html`);
      assert.equal(html.statusCode, 200);
      assert.match(String(html.headers['content-type']), /text\/html/);
      assert.match(html.body, /Swap set/);
      const { rows } = await f.ctx.db.query<{ data: string | null }>('select data from backtests where id = $1', [started.json().id]);
      assert.equal(rows[0]!.data, null, 'the uploaded history is dropped after the run');
      const list = (await f.call('risk-manager', 'GET', '/v1/backtests')).json();
      assert.equal(list.backtests[0].id, started.json().id);
    });

    test('a bad request is refused before anything runs, with what and where', async () => {
      const unknown = await f.call('analyst', 'POST', '/v1/backtests', { ...body, candidate: { flow: 'nope', version: 1 } });
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.json().error.message, /candidate: .*nope/);
      const strategy = await f.call('analyst', 'POST', '/v1/backtests', {
        ...body,
        strategy: { ...exampleStrategy(), actions: { limitFactors: [], rates: [] } },
      });
      assert.equal(strategy.statusCode, 400);
      assert.match(strategy.json().error.message, /actions\.limitFactors/);
      const outcome = await f.call('analyst', 'POST', '/v1/backtests', { ...body, outcome: { column: 'repaid', bad: 'no' } });
      assert.equal(outcome.statusCode, 400);
      assert.match(outcome.json().error.message, /no outcome column "repaid"/);
      const empty = await f.call('analyst', 'POST', '/v1/backtests', { ...body, csv: 'a,b\n' });
      assert.equal(empty.statusCode, 400);
      assert.equal((await f.call('reviewer', 'POST', '/v1/backtests', body)).statusCode, 403);
      const early = await f.call('analyst', 'GET', '/v1/backtests/bt_missing/report.html');
      assert.equal(early.statusCode, 404);
    });
  });
}
