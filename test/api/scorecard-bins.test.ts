import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseModelFile } from '../../src/models/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

const german = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'credit-data', 'german_credit.csv'), 'utf8');
const labelled = { data: german, target: 'Class', bad: 'Bad' };

interface Report {
  rows: number;
  bads: number;
  features: Record<string, { kind: string; cuts?: number[]; groups?: string[][]; iv: number; bins: { label: string; count: number; badRate: number }[] }>;
}

for (const backend of SERVER_BACKENDS) {
  describe(`scorecard bins over the API on ${backend.name}`, () => {
    const f = useApiFixture(backend);

    test('an analyst sees every feature binned, fixes the cuts of one, sees its report for them, and refits a scorecard on them as the next version', async () => {
      const found = await f.call('analyst', 'POST', '/v1/models/bins', labelled);
      assert.equal(found.statusCode, 200, found.body);
      const report = found.json() as Report;
      assert.deepEqual([report.rows, report.bads], [1000, 300]);
      assert.equal(Object.keys(report.features).length, 20, 'every column but the outcome');
      const duration = report.features.Duration!;
      assert.equal(duration.kind, 'numeric');
      assert.ok(duration.cuts!.length >= 1 && duration.iv > 0.05, JSON.stringify(duration));
      assert.equal(
        duration.bins.reduce((n, b) => n + b.count, 0),
        1000,
        'every row is in one bin',
      );
      assert.ok(report.features.CheckingAccountStatus!.groups!.length >= 2);

      // The analyst's own cuts for Duration: the report is for exactly those bins.
      const edited = { Duration: { cuts: [12, 24, 36] } };
      const again = (await f.call('analyst', 'POST', '/v1/models/bins', { ...labelled, features: ['Duration', 'Age'], bins: edited })).json() as Report;
      assert.deepEqual(Object.keys(again.features), ['Duration', 'Age']);
      assert.deepEqual(again.features.Duration!.cuts, [12, 24, 36]);
      assert.equal(again.features.Duration!.bins.filter((b) => b.count > 0).length, 4);
      const shortLoans = again.features.Duration!.bins[0]!;
      const expected = german
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter((c) => Number(c[0]) <= 12);
      assert.equal(shortLoans.count, expected.length, 'the first bin holds the loans of at most 12 months');
      assert.ok(Math.abs(shortLoans.badRate - expected.filter((c) => c.at(-1) === 'Bad').length / expected.length) < 1e-12);

      const refit = await f.call('analyst', 'POST', '/v1/models/german-card/versions/scorecard', { ...labelled, bins: edited });
      assert.equal(refit.statusCode, 201, refit.body);
      assert.equal(refit.json().kind, 'scorecard');
      const file = await f.call('analyst', 'GET', `/v1/models/german-card/versions/${refit.json().version}/file`);
      assert.equal(file.statusCode, 200, file.body);
      const model = parseModelFile(file.json());
      assert.equal(model.kind, 'scorecard');
      if (model.kind !== 'scorecard') return;
      const stored = model.model.features.find((x) => x.feature === 'Duration');
      assert.ok(stored, 'Duration is in the scorecard');
      assert.deepEqual(
        stored.binning.bins.filter((b) => b.upper !== undefined && Number.isFinite(b.upper)).map((b) => b.upper),
        [12, 24, 36],
        'the scorecard is fitted on the edited cuts',
      );
      assert.ok(model.training!.metrics.test.auc > 0.7, `holdout AUC ${model.training!.metrics.test.auc}`);
      assert.equal(
        (await f.call('analyst', 'POST', '/v1/models/german-card/versions/scorecard', { ...labelled, bins: edited })).statusCode,
        200,
        'the same fit again is the same version',
      );
    });

    test('bad input is refused with what, where and how to fix, and the roles that may not bin are refused', async () => {
      const refused = async (body: object, pattern: RegExp) => {
        const res = await f.call('analyst', 'POST', '/v1/models/bins', body);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.json().error.message, pattern);
      };
      await refused({ ...labelled, target: 'Outcome' }, /Outcome/);
      await refused({ ...labelled, bad: 'Terrible' }, /never holds "Terrible"/);
      await refused({ ...labelled, features: ['Nope'] }, /"Nope" is not a column of the data/);
      await refused({ ...labelled, bins: { Duration: { cuts: [24, 12] } } }, /bins: Duration.cuts: cuts must be in ascending order/);
      await refused({ ...labelled, features: ['Age'], bins: { Duration: { cuts: [12] } } }, /"Duration" is not one of the features/);
      await refused({ ...labelled, data: 'a,b\n1,2,3\n' }, /data: .*Invalid Record Length/);
      assert.equal((await f.call('auditor', 'POST', '/v1/models/bins', labelled)).statusCode, 403);
      assert.equal((await f.call('reviewer', 'POST', '/v1/models/x/versions/scorecard', labelled)).statusCode, 403);
    });
  });
}
