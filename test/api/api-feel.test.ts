import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
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
  });
}
