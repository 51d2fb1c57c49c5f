import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow } from '../support/flows.ts';
import { demoTables } from '../support/tables.ts';
import { useApiFixture } from '../support/server.ts';

const table = (rules: [string, string][]) => ({
  hitPolicy: 'UNIQUE',
  inputs: [{ expression: 'age' }],
  outputs: [{ name: 'band' }],
  rules: rules.map(([i, o]) => ({ inputEntries: [i], outputEntries: [o] })),
});

for (const backend of SERVER_BACKENDS) {
  describe('FEEL and decision-table checks for editors', () => {
    const f = useApiFixture(backend);

    test('POST /v1/feel/check names the line and column of a syntax error, and passes good FEEL', async () => {
      const bad = await f.call('analyst', 'POST', '/v1/feel/check', { text: '> 18 and', kind: 'unary-tests' });
      assert.equal(bad.statusCode, 200);
      assert.equal(bad.json().ok, false);
      assert.match(bad.json().error.message, /line 1, column \d+/);
      assert.deepEqual((await f.call('analyst', 'POST', '/v1/feel/check', { text: '[18..65]', kind: 'unary-tests' })).json(), { ok: true, error: null });
      assert.equal((await f.call('analyst', 'POST', '/v1/feel/check', { text: 'income * 0.4' })).json().ok, true);
      assert.equal((await f.call('analyst', 'POST', '/v1/feel/check', { text: '' })).json().ok, false);
      assert.equal((await f.call('reviewer', 'POST', '/v1/feel/check', { text: '1' })).statusCode, 403);
    });

    test('GET /v1/feel/functions lists the built-ins with their parameters, for completion', async () => {
      const { functions } = (await f.call('analyst', 'GET', '/v1/feel/functions')).json();
      assert.deepEqual(
        functions.find((fn: { name: string }) => fn.name === 'string length'),
        { name: 'string length', params: ['string'], overloads: [] },
      );
      assert.ok(functions.length > 80);
    });

    test('a decision table goes to XLSX and back through the API; a file that is not one is refused with why', async () => {
      const table = { ...demoTables()[0]!.table };
      const file = await f.call('analyst', 'POST', '/v1/tables/xlsx', { table });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const back = await f.call('analyst', 'POST', '/v1/tables/from-xlsx', { file: file.rawPayload.toString('base64') });
      assert.deepEqual(back.json().table, table);
      const bad = await f.call('analyst', 'POST', '/v1/tables/from-xlsx', { file: Buffer.from('hello').toString('base64') });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /not an XLSX workbook/);
    });

    test('POST /v1/tables/check puts each FEEL error in its cell, then finds gaps and overlaps', async () => {
      const cells = (
        await f.call('analyst', 'POST', '/v1/tables/check', {
          table: table([
            ['< 18', '"minor"'],
            ['>= 18 and', '"adult"'],
            ['-', '"x" +'],
          ]),
        })
      ).json();
      assert.equal(cells.ok, false);
      assert.deepEqual(
        cells.cells.map((c: { rule: number; column: number; part: string }) => [c.rule, c.column, c.part]),
        [
          [2, 1, 'input'],
          [3, 2, 'output'],
        ],
      );
      const gappy = (
        await f.call('analyst', 'POST', '/v1/tables/check', {
          table: table([
            ['< 18', '"minor"'],
            ['[30..65]', '"adult"'],
          ]),
        })
      ).json();
      assert.equal(gappy.ok, false);
      assert.ok(gappy.gaps.length >= 1, JSON.stringify(gappy));
      const overlapping = (
        await f.call('analyst', 'POST', '/v1/tables/check', {
          table: table([
            ['< 18', '"minor"'],
            ['<= 20', '"young"'],
            ['> 20', '"adult"'],
          ]),
        })
      ).json();
      assert.deepEqual(
        overlapping.overlaps.map((o: { rules: number[] }) => o.rules),
        [[1, 2]],
      );
      assert.equal(
        (
          await f.call('analyst', 'POST', '/v1/tables/check', {
            table: table([
              ['< 18', '"minor"'],
              ['>= 18', '"adult"'],
            ]),
          })
        ).json().ok,
        true,
      );
    });

    test('POST /v1/flows/check checks an unsaved definition as it is edited and marks the node or edge of each problem', async () => {
      const demo = demoFlow();
      const clean = (await f.call('analyst', 'POST', '/v1/flows/check', { definition: demo })).json();
      assert.deepEqual([clean.ok, clean.issues, clean.paths], [true, [], { count: 416, truncated: false }]);
      assert.ok(clean.names.includes('monthlyIncome') && clean.names.includes('dti'), 'input fields and variables set by nodes');
      assert.deepEqual([clean.scope.start.includes('dti'), clean.scope.derive.includes('dti'), clean.scope.approveFull.includes('risk')], [false, true, true]);
      const nodes = demo.nodes as Record<string, unknown>[];
      const derive = nodes.find((n) => n.id === 'derive') as { assign: Record<string, string> };
      derive.assign.dti = 'monthlyDebt / (monthlyIncome +';
      const broken = (await f.call('analyst', 'POST', '/v1/flows/check', { definition: demo })).json();
      const syntax = broken.issues.find((i: { code: string }) => i.code === 'feel_syntax');
      assert.equal(broken.ok, false);
      assert.deepEqual([syntax.node, syntax.line, typeof syntax.column], ['derive', 1, 'number']);
      // A half-made flow (a new node with nothing filled in) is checked too: the schema's problems, located.
      const half = (
        await f.call('analyst', 'POST', '/v1/flows/check', {
          definition: { ...demoFlow(), nodes: [...(demoFlow().nodes as object[]), { id: 'n29', kind: 'table' }] },
        })
      ).json();
      assert.equal(half.ok, false);
      assert.ok(
        half.issues.some((i: { node?: string; path: string }) => i.node === 'n29' && i.path.startsWith('$.nodes[28]')),
        JSON.stringify(half.issues),
      );
      assert.equal((await f.call('reviewer', 'POST', '/v1/flows/check', { definition: demo })).statusCode, 403);
    });

    test('POST /v1/flows/trial runs one application through an unsaved definition and stores nothing', async () => {
      const trial = await f.call('analyst', 'POST', '/v1/flows/trial', { definition: demoFlow(), application: demoApplication() });
      assert.equal(trial.statusCode, 200, trial.body);
      const r = trial.json();
      assert.deepEqual([r.status, r.outcome, r.path.at(-1)], ['completed', 'approve', 'approveFull']);
      assert.ok(r.trace.length >= r.path.length - 1);
      const invalid = (await f.call('analyst', 'POST', '/v1/flows/trial', { definition: demoFlow(), application: { age: 'old' } })).json();
      assert.equal(invalid.status, 'invalid');
      assert.ok(invalid.issues.length > 0);
      const badFlow = await f.call('analyst', 'POST', '/v1/flows/trial', { definition: { id: 'x' }, application: {} });
      assert.equal(badFlow.statusCode, 400);
      const listed = await f.call('analyst', 'GET', '/v1/decisions?limit=5');
      assert.deepEqual([listed.statusCode, listed.json().decisions], [200, []]);
    });

    test("a flow's test cases run unsaved and stored, and a failing case says what differed", async () => {
      const demo = demoFlow();
      const unsaved = (await f.call('analyst', 'POST', '/v1/flows/tests', { definition: demo })).json();
      assert.equal(unsaved.failed, 0);
      assert.ok(unsaved.passed >= 4);
      (demo.tests as { expect: { outcome: string } }[])[1]!.expect.outcome = 'approve';
      assert.equal((await f.call('analyst', 'POST', '/v1/flows', { definition: demo })).statusCode, 201);
      const stored = (await f.call('analyst', 'POST', '/v1/flows/consumer-lending/versions/1/tests')).json();
      assert.equal(stored.failed, 1);
      assert.deepEqual(stored.cases[1].failures, ['outcome decline, expected approve']);
    });
  });
}
