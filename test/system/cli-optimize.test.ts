import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { arbiter } from '../support/process.ts';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'strategies', 'consumer-loans.json'), 'utf8'));

describe('arbiter optimize', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-optimize-'));
    assert.equal(arbiter(['synth', '--rows', '4000', '--seed', '5', '--out', join(dir, 'apps.csv')]).code, 0);
  });
  const strategyFile = (portfolio: Record<string, unknown>) => {
    const file = join(dir, `strategy-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ ...EXAMPLE, $schema: undefined, portfolio, columns: { ...EXAMPLE.columns, pd: 'truePd' } }));
    return file;
  };

  test('chooses actions within every portfolio constraint, prices the binding ones, writes decisions, cutoffs and the frontier', () => {
    const portfolio = { minApprovalRate: 0.7, maxLossRate: 0.02, maxVolume: 18_000_000, segment: 'product', segmentMaxVolume: { card: 2_000_000 } };
    const r = arbiter([
      'optimize',
      '--data',
      join(dir, 'apps.csv'),
      '--strategy',
      strategyFile(portfolio),
      '--out',
      join(dir, 'decisions.csv'),
      '--cutoffs',
      join(dir, 'cutoffs.json'),
      '--frontier',
      join(dir, 'frontier.json'),
      '--points',
      '5',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const byName = Object.fromEntries(out.constraints.map((c: { name: string }) => [c.name, c]));
    assert.ok(byName.minApprovalRate.value >= 0.7 - 1e-9);
    assert.ok(byName.maxLossRate.value <= 0.02 + 1e-9);
    assert.ok(byName.maxVolume.value <= 18_000_000 + 1e-6);
    assert.ok(byName['segmentMaxVolume.card'].value <= 2_000_000 + 1e-6);
    for (const c of out.constraints) if (c.shadowPrice > 0) assert.ok(c.binding, c.name);
    assert.ok(out.constraints.some((c: { binding: boolean }) => c.binding));
    assert.ok(out.upperBound >= out.objective - 1e-6);
    const rows = readFileSync(join(dir, 'decisions.csv'), 'utf8').trim().split('\n');
    assert.equal(rows.length, 4001);
    assert.match(rows[1]!, /^1,(approve|decline),/);
    const cutoffs = JSON.parse(readFileSync(join(dir, 'cutoffs.json'), 'utf8'));
    assert.deepEqual(Object.keys(cutoffs.segments).sort(), ['auto', 'card', 'personal']);
    const frontier = JSON.parse(readFileSync(join(dir, 'frontier.json'), 'utf8')) as { lossRate: number; expectedProfit: number }[];
    assert.ok(frontier.length >= 2);
    for (let i = 1; i < frontier.length; i++)
      assert.ok(frontier[i]!.expectedProfit >= frontier[i - 1]!.expectedProfit - 1e-6, 'more room for loss never lowers the best profit');
    assert.ok(existsSync(join(dir, 'frontier.svg')));
    assert.match(readFileSync(join(dir, 'frontier.svg'), 'utf8'), /^<svg/);
    console.log(
      `optimize on 4000 synthetic applicants: profit ${Math.round(out.objective)}, ${out.constraints.map((c: { name: string; binding: boolean; shadowPrice: number }) => `${c.name} ${c.binding ? `binding (${c.shadowPrice.toPrecision(3)})` : 'slack'}`).join(', ')}`,
    );
  });

  test('constraints that cannot hold are named, and bad strategy files get their path', () => {
    const r = arbiter(['optimize', '--data', join(dir, 'apps.csv'), '--strategy', strategyFile({ minApprovalRate: 0.9, maxLossRate: 0.001 })]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /approval rate at least 90%/);
    assert.match(r.stderr, /expected loss rate at most 0.1%/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...EXAMPLE, actions: { limitFactors: [], rates: [0.1] } }));
    const b = arbiter(['optimize', '--data', join(dir, 'apps.csv'), '--strategy', bad]);
    assert.notEqual(b.code, 0);
    assert.match(b.stderr, /\$\.actions\.limitFactors/);
    const c = arbiter(['optimize', '--data', join(dir, 'apps.csv'), '--strategy', strategyFile({ segment: 'product', segmentMaxVolume: { boats: 1 } })]);
    assert.match(c.stderr, /segments the data does not have: boats/);
  });
});
