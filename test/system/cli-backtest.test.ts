import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { arbiter } from '../support/process.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

describe('arbiter backtest', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-backtest-'));
    assert.equal(arbiter(['synth', '--rows', '6000', '--seed', '21', '--out', join(dir, 'history.csv')]).code, 0);
  });

  test('compares a candidate with the current flow: approvals, swap sets with bad rates, profit and loss, paths, and an HTML report', () => {
    const args = [
      'backtest',
      '--flow',
      join(EXAMPLES, 'flows', 'synth-candidate.json'),
      '--baseline',
      join(EXAMPLES, 'flows', 'synth-baseline.json'),
      '--data',
      join(dir, 'history.csv'),
      '--outcome',
      'defaulted',
      '--bad',
      '1',
      '--strategy',
      join(EXAMPLES, 'strategies', 'consumer-loans.json'),
      '--html',
      join(dir, 'report.html'),
    ];
    const r = arbiter([...args, '--json', '--threads', '2']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.rows, 6000);
    const { candidate: c, baseline: b } = report;
    assert.equal(c.outcomes.approve + c.outcomes.decline, 6000);
    assert.equal(report.swapIns.count, report.matrix.approve.decline.count);
    assert.equal(report.swapOuts.count, report.matrix.decline.approve.count);
    assert.equal(report.kept.count + report.swapIns.count, c.outcomes.approve);
    assert.equal(report.kept.count + report.swapOuts.count, b.outcomes.approve);
    // The history's outcomes were drawn from the true PD: the baseline's knock-outs decline riskier people than it keeps.
    assert.ok(report.swapOuts.badRate > b.approvedBadRate, JSON.stringify(report.swapOuts));
    assert.ok(c.realisedProfit !== null && b.realisedProfit !== null);
    assert.ok(c.expectedProfit !== null && b.expectedProfit === null, 'only the candidate prices with expected profit');
    assert.ok(c.paths.length > 0 && c.paths[0].count > 0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /<svg/);
    assert.match(html, /swap-ins/);
    console.log(
      `back-test of 6000 synthetic applications: approval ${(c.approvalRate * 100).toFixed(1)}% vs ${(b.approvalRate * 100).toFixed(1)}%, swap-ins ${report.swapIns.count} (bad ${(report.swapIns.badRate * 100).toFixed(1)}%), swap-outs ${report.swapOuts.count} (bad ${(report.swapOuts.badRate * 100).toFixed(1)}%), realised profit ${Math.round(c.realisedProfit)} vs ${Math.round(b.realisedProfit)}`,
    );

    // One thread or two: the same counts, and the same sums up to the order they were added in.
    const single = JSON.parse(arbiter([...args, '--json', '--threads', '1']).stdout);
    const rounded = (x: unknown) =>
      JSON.parse(JSON.stringify({ ...(x as object), seconds: 0 }, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)));
    assert.deepEqual(rounded(single), rounded(report));
  });

  test('a file no flow can read fails with the reason', () => {
    writeFileSync(join(dir, 'wrong.csv'), 'a,b\n1,2\n');
    const r = arbiter([
      'backtest',
      '--flow',
      join(EXAMPLES, 'flows', 'synth-candidate.json'),
      '--baseline',
      join(EXAMPLES, 'flows', 'synth-baseline.json'),
      '--data',
      join(dir, 'wrong.csv'),
    ]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /no row of .* is a valid application for both flows: .*bureauScore/);
  });
});
