import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { binFeature, readCsv } from '../index.ts';
import { binIv, optimalBinning, type FineClass, type OptimalTrend } from './optimal-binning.ts';

const DATA = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'credit-data');

/** Every way to cut n classes into runs, checked against the constraints: the optimum by enumeration. */
function bruteForce(classes: FineClass[], totalGood: number, totalBad: number, minCount: number, maxBins: number, trend: OptimalTrend): number | null {
  const n = classes.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const runs: [number, number][] = [];
    let start = 0;
    for (let i = 0; i < n - 1; i++) {
      if (mask & (1 << i)) {
        runs.push([start, i]);
        start = i + 1;
      }
    }
    runs.push([start, n - 1]);
    if (runs.length > maxBins) continue;
    const sums = runs.map(([i, j]) => classes.slice(i, j + 1).reduce((s, c) => ({ count: s.count + c.count, bads: s.bads + c.bads }), { count: 0, bads: 0 }));
    if (sums.some((s) => s.count < minCount)) continue;
    const rates = sums.map((s) => s.bads / s.count);
    const steps = rates.slice(1).map((r, k) => Math.sign(r - rates[k]!));
    const ok =
      trend === 'none' ||
      (trend === 'ascending' && steps.every((d) => d > 0)) ||
      (trend === 'descending' && steps.every((d) => d < 0)) ||
      (trend === 'peak' && steps.every((d) => d !== 0) && steps.join('').replace(/^(1)*(-1)*$/, '') === '') ||
      (trend === 'valley' && steps.every((d) => d !== 0) && steps.join('').replace(/^(-1)*(1)*$/, '') === '');
    if (!ok) continue;
    const iv = sums.reduce((s, x) => s + binIv(x.count, x.bads, totalGood, totalBad), 0);
    if (best === null || iv > best) best = iv;
  }
  return best;
}

describe('optimal binning', () => {
  test('equals exhaustive enumeration on 600 random problems, for every trend', () => {
    let seed = 5;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 600; t++) {
      const n = 2 + Math.floor(rnd() * 9);
      const classes = Array.from({ length: n }, () => {
        const count = 5 + Math.floor(rnd() * 60);
        return { count, bads: Math.floor(rnd() * count * (0.1 + 0.5 * rnd())) };
      });
      const totalBad = classes.reduce((s, c) => s + c.bads, 0);
      const totalGood = classes.reduce((s, c) => s + c.count, 0) - totalBad;
      const minCount = Math.floor(rnd() * 60);
      const maxBins = 1 + Math.floor(rnd() * 6);
      for (const trend of ['none', 'ascending', 'descending', 'peak', 'valley'] as const) {
        const want = bruteForce(classes, totalGood, totalBad, minCount, maxBins, trend);
        const got = optimalBinning({ classes, totalGood, totalBad, minCount, maxBins, trend });
        if (want === null) assert.equal(got, null, `problem ${t} (${trend}) has no solution`);
        else {
          assert.ok(got, `problem ${t} (${trend}) found nothing`);
          assert.ok(Math.abs(got.iv - want) < 1e-9, `problem ${t} (${trend}): ${got.iv} against ${want}`);
          // The runs it returns are the ones scored.
          const iv = got.runs.reduce((s, [i, j]) => {
            const c = classes.slice(i, j + 1).reduce((a, x) => ({ count: a.count + x.count, bads: a.bads + x.bads }), { count: 0, bads: 0 });
            return s + binIv(c.count, c.bads, totalGood, totalBad);
          }, 0);
          assert.ok(Math.abs(iv - got.iv) < 1e-9);
          assert.equal(got.runs[0]![0], 0);
          assert.equal(got.runs.at(-1)![1], n - 1);
        }
      }
    }
  });

  for (const [file, target, bad] of [
    ['german_credit.csv', 'Class', 'Bad'],
    ['credit_data.csv', 'Status', 'bad'],
  ] as const) {
    test(`on ${file}: at least the greedy binning's information value for every feature, the trend held, bins of 5% or more`, () => {
      const frame = readCsv(join(DATA, file));
      const y = frame.target(target, bad);
      const rows = Int32Array.from({ length: frame.rows }, (_, i) => i);
      const lines: string[] = [];
      for (const col of frame.columns.filter((c) => c.name !== target)) {
        const greedy = binFeature(col, y, rows, { algorithm: 'greedy' });
        const best = binFeature(col, y, rows, { algorithm: 'optimal' });
        lines.push(`${col.name}: IV ${greedy.iv.toFixed(4)} -> ${best.iv.toFixed(4)} (${best.bins.length} bins, ${best.trend})`);
        assert.ok(best.iv >= greedy.iv - 1e-12, `${col.name}: optimal IV ${best.iv} below greedy ${greedy.iv}`);
        const ranged = best.bins.filter((b) => b.upper !== undefined || (b.levels && !b.missing));
        assert.ok(
          ranged.every((b) => b.count >= 0.05 * frame.rows),
          `${col.name}: a bin below 5%`,
        );
        const rates = ranged.map((b) => b.bads / b.count);
        if (col.kind === 'numeric') assert.ok(best.trend === 'ascending' || best.trend === 'descending', `${col.name}: trend ${best.trend}`);
        const dir = best.trend === 'ascending' ? 1 : best.trend === 'descending' ? -1 : 0;
        for (let k = 1; k < rates.length && dir !== 0; k++) assert.ok((rates[k]! - rates[k - 1]!) * dir > 0, `${col.name}: bad rate not ${best.trend}`);
      }
      console.log(lines.join('\n'));
    });
  }
});
