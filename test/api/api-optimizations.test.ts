import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { exampleStrategy, historyCsv } from '../support/backtests.ts';
import { useApiFixture } from '../support/server.ts';

const strategy = (portfolio: Record<string, unknown>) => {
  const s = exampleStrategy();
  return { ...s, $schema: undefined, portfolio, columns: { ...(s.columns as object), pd: 'truePd' } };
};

for (const backend of SERVER_BACKENDS) {
  describe('POST /v1/optimizations', () => {
    const f = useApiFixture(backend);
    const csv = historyCsv(3000, 8);

    test('optimises off the request thread: constraints priced, cutoffs, and a frontier whose profit rises with the loss ceiling', async () => {
      const started = Date.now();
      const pending = f.call('analyst', 'POST', '/v1/optimizations', { csv, strategy: strategy({ minApprovalRate: 0.7, maxLossRate: 0.02 }), points: 5 });
      // The server answers other requests while HiGHS works on its own thread.
      assert.equal((await f.call('analyst', 'GET', '/v1/flows')).statusCode, 200);
      const res = await pending;
      assert.equal(res.statusCode, 200, res.body);
      const out = res.json();
      assert.equal(out.applications, 3000);
      assert.ok(out.approvalRate >= 0.7 - 1e-9 && out.expectedLossRate <= 0.02 + 1e-9, JSON.stringify({ a: out.approvalRate, l: out.expectedLossRate }));
      assert.ok(out.constraints.length >= 2);
      assert.ok(Object.keys(out.cutoffs).length >= 1);
      assert.equal(out.frontier.length >= 2, true);
      for (let i = 1; i < out.frontier.length; i++) assert.ok(out.frontier[i].expectedProfit >= out.frontier[i - 1].expectedProfit - 1e-6);
      assert.ok(out.choices.length <= 100);
      console.log(`optimised 3000 applications through the API in ${Date.now() - started} ms: ${out.method}, ${out.frontier.length} frontier points`);
    });

    test('infeasible constraints get 422 naming them; a bad strategy or CSV gets 400', async () => {
      const infeasible = await f.call('analyst', 'POST', '/v1/optimizations', { csv, strategy: strategy({ minApprovalRate: 0.95, maxLossRate: 0.001 }) });
      assert.equal(infeasible.statusCode, 422, infeasible.body);
      assert.match(infeasible.json().error.message, /approval|loss/i);
      assert.equal((await f.call('analyst', 'POST', '/v1/optimizations', { csv, strategy: { nonsense: true } })).statusCode, 400);
      const noColumn = await f.call('analyst', 'POST', '/v1/optimizations', { csv: 'a,b\n1,2\n', strategy: strategy({}) });
      assert.equal(noColumn.statusCode, 400);
      assert.match(noColumn.json().error.message, /no column/);
      assert.equal((await f.call('reviewer', 'POST', '/v1/optimizations', { csv, strategy: strategy({}) })).statusCode, 403);
    });
  });
}
