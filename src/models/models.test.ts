import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  auc,
  calibration,
  csi,
  evaluate,
  explain,
  frameFromRecords,
  ks,
  psi,
  readCsv,
  reasonCodes,
  stratifiedSplit,
  trainBooster,
  Booster,
  Frame,
} from './index.ts';
import { predictBinned, treeDepth } from './gbdt/tree.ts';
import { bruteForceShap } from '../../test/support/brute-force-shap.ts';
import { applyBins, learnBins } from './gbdt/binning.ts';
import { seededRandom } from './random.ts';
import { readyHelpers } from './gbdt/scoring-pool.ts';
import { availableParallelism } from 'node:os';
import { generatePopulation, populationFrame } from '../tools/synth/index.ts';

const DATA = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'credit-data');

function dataset(file: string, target: string, bad: string) {
  const frame = readCsv(join(DATA, file));
  const y = frame.target(target, bad);
  const features = frame.columns.map((c) => c.name).filter((n) => n !== target);
  return { frame, y, features, ...stratifiedSplit(y, 0.3, 42) };
}

const onRows = (xs: ArrayLike<number>, rows: Int32Array) => Float64Array.from(rows, (r) => xs[r]!);

describe('frames', () => {
  test('CSV columns are typed: numbers as Float64Array, text dictionary-encoded, missing kept', () => {
    const german = readCsv(join(DATA, 'german_credit.csv'));
    assert.equal(german.rows, 1000);
    assert.equal(german.column('Duration').kind, 'numeric');
    const purpose = german.column('Purpose');
    assert.equal(purpose.kind, 'categorical');
    assert.ok(purpose.kind === 'categorical' && purpose.levels.includes('Radio.Television'));
    const credit = readCsv(join(DATA, 'credit_data.csv'));
    const income = credit.column('Income');
    assert.ok(income.kind === 'numeric' && Array.from(income.values).some(Number.isNaN), 'missing incomes stay missing');
    const split = stratifiedSplit(german.target('Class', 'Bad'), 0.3, 42);
    assert.equal(split.train.length + split.test.length, 1000);
    const badShare = (rows: Int32Array) => rows.reduce((s, r) => s + german.target('Class', 'Bad')[r]!, 0) / rows.length;
    assert.ok(Math.abs(badShare(split.train) - badShare(split.test)) < 0.005, 'stratified');
  });
});

describe('metrics', () => {
  test('AUC, KS, calibration and PSI on known cases', () => {
    assert.equal(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
    assert.equal(auc([0, 1], [0.5, 0.5]), 0.5);
    assert.equal(ks([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1);
    const bands = calibration([0, 1, 0, 1], [0.1, 0.2, 0.7, 0.9], 2);
    assert.deepEqual(
      bands.map((b) => b.observedRate),
      [0.5, 0.5],
    );
    const base = Array.from({ length: 1000 }, (_, i) => i);
    assert.ok(psi(base, base) < 1e-9);
    assert.ok(
      psi(
        base,
        base.map((x) => x + 300),
      ) > 0.25,
      'a shifted population shows',
    );
  });

  test('CSI finds the feature that drifted', () => {
    const german = readCsv(join(DATA, 'german_credit.csv'));
    const older = frameFromRecords(
      ['Duration', 'Purpose'],
      Array.from({ length: 1000 }, (_, i) => [String(Number(cellOf(german, 'Duration', i)) + 24), i % 2 ? 'NewCar' : String(cellOf(german, 'Purpose', i))]),
    );
    const drift = csi(german, older, ['Duration', 'Purpose']);
    assert.ok(drift[0]!.csi > 0.25, `Duration ${drift[0]!.csi}`);
    assert.ok(drift[1]!.csi > 0.1, `Purpose ${drift[1]!.csi}`);
    assert.ok(csi(german, german, ['Duration', 'Purpose']).every((d) => d.csi < 1e-9));
  });
});

describe('gradient-boosted trees', () => {
  test('learns German credit and credit_data with missing values and categorical splits', () => {
    for (const [file, target, bad, floor] of [
      ['german_credit.csv', 'Class', 'Bad', 0.75],
      ['credit_data.csv', 'Status', 'bad', 0.8],
    ] as const) {
      const d = dataset(file, target, bad);
      const model = trainBooster(d.frame, d.y, d.features, d.train, null, { rounds: 300, maxDepth: 3, learningRate: 0.05 });
      const m = evaluate(onRows(d.y, d.test), onRows(model.predict(d.frame), d.test));
      console.log(`${file}: test AUC ${m.auc.toFixed(3)}, KS ${m.ks.toFixed(3)}, Brier ${m.brier.toFixed(3)}`);
      assert.ok(m.auc > floor, `${file} AUC ${m.auc}`);
      assert.ok(
        model.trees.some((t) => t.categories.some((c) => c !== null)),
        'categorical features split as sets',
      );
      assertKernelMatchesWalk(model, d.frame, file);
    }
  });

  test('deterministic for a seed; sampling follows the seed', () => {
    const d = dataset('german_credit.csv', 'Class', 'Bad');
    const params = { rounds: 40, subsample: 0.8, colsample: 0.7, seed: 7 };
    const a = trainBooster(d.frame, d.y, d.features, d.train, null, params).predict(d.frame);
    const b = trainBooster(d.frame, d.y, d.features, d.train, null, params).predict(d.frame);
    const c = trainBooster(d.frame, d.y, d.features, d.train, null, { ...params, seed: 8 }).predict(d.frame);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test('worker threads give the same model as one thread, and score as one thread does, on synthetic data large enough to use them', async () => {
    const pop = generatePopulation({ rows: 60_000, seed: 3, extraFeatures: 6 });
    const frame = populationFrame(pop);
    const y = Uint8Array.from((frame.column('defaulted') as { values: Float64Array }).values);
    const { train, test } = stratifiedSplit(y, 0.3, 1);
    const params = { rounds: 15, maxDepth: 5, learningRate: 0.2 };
    const one = trainBooster(frame, y, pop.features, train, null, params, { threads: 1 });
    const two = trainBooster(frame, y, pop.features, train, null, params, { threads: 2 });
    const alone = one.predict(frame);
    assert.deepEqual(two.predict(frame), alone);
    // The training log too (the gradients' loss is summed in the same two halves on any number of threads): the same model file.
    assert.deepEqual(two.toJSON(), one.toJSON());
    // The next training takes the same worker threads from the pool, with new memory, and comes out the same.
    const again = trainBooster(frame, y, pop.features, train, null, params, { threads: 2 });
    assert.deepEqual(again.predict(frame), alone);
    // The first large batch starts the scoring helpers; once they are up, they share the batch
    // with this thread and every row's score is the same to the bit.
    const deadline = Date.now() + 20_000;
    while (readyHelpers().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(readyHelpers().length > 0 || availableParallelism() === 1, 'no scoring helper started');
    assert.deepEqual(one.predict(frame), alone);
    const m = evaluate(onRows(y, test), onRows(one.predict(frame), test));
    const oracle = evaluate(onRows(y, test), onRows((frame.column('truePd') as { values: Float64Array }).values, test));
    console.log(`synthetic: AUC ${m.auc.toFixed(3)} against the true PD's ${oracle.auc.toFixed(3)}`);
    assert.ok(m.auc > oracle.auc - 0.03);
  });

  test('binning by lookup table puts every value where a binary search would', () => {
    const rnd = seededRandom(5);
    const values = Float64Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? NaN : i % 7 === 0 ? Math.round(rnd() * 10) : Math.exp(rnd() * 12) - 3));
    const frame = new Frame([{ kind: 'numeric', name: 'x', values }], values.length);
    const rows = Int32Array.from({ length: values.length }, (_, i) => i);
    const data = learnBins(frame, ['x'], rows, 64);
    const spec = data.features[0] as { uppers: Float64Array };
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const expected = Number.isNaN(v) ? 0 : spec.uppers.findIndex((u) => v <= u) + 1;
      assert.equal(data.bins[0]![i], expected, `value ${v}`);
    }
    // Edges themselves and values just past them.
    const edges = Float64Array.from(Array.from(spec.uppers.subarray(0, -1)).flatMap((u) => [u, u + 1e-9]));
    const binned = applyBins(data.features[0]!, { kind: 'numeric', name: 'x', values: edges }, edges.length);
    edges.forEach((v, i) => assert.equal(binned[i], spec.uppers.findIndex((u) => v <= u) + 1));
  });

  test('early stopping keeps the best round on the validation rows', () => {
    const d = dataset('german_credit.csv', 'Class', 'Bad');
    const model = trainBooster(d.frame, d.y, d.features, d.train, d.test, { rounds: 2000, learningRate: 0.3, maxDepth: 4, earlyStoppingRounds: 20 });
    assert.ok(model.log.length < 2000, 'stopped early');
    const best = model.log.reduce((a, b) => (b.validLogLoss! < a.validLogLoss! ? b : a));
    assert.equal(model.trees.length, best.round);
  });

  test('a monotone constraint holds for every applicant', () => {
    const d = dataset('german_credit.csv', 'Class', 'Bad');
    const model = trainBooster(d.frame, d.y, d.features, d.train, null, { rounds: 100, maxDepth: 4, monotone: { Duration: 1, Age: -1 } });
    for (let i = 0; i < 50; i++) {
      const rows = [6, 12, 24, 36, 48, 60, 72].map((duration) => [String(duration), ...d.features.slice(1).map((f) => cell(d.frame, f, i))]);
      const probe = frameFromRecords(d.features, rows);
      const p = model.predict(probe);
      for (let k = 1; k < p.length; k++) assert.ok(p[k]! >= p[k - 1]! - 1e-12, `risk falls as Duration rises for row ${i}`);
    }
  });

  test('TreeSHAP contributions sum to the margin and equal brute-force Shapley values', () => {
    const d = dataset('german_credit.csv', 'Class', 'Bad');
    const model = trainBooster(d.frame, d.y, d.features, d.train, null, { rounds: 30, maxDepth: 4 });
    const ex = explain(model, d.frame);
    for (const e of ex) assert.ok(Math.abs(e.expected + e.contributions.reduce((a, b) => a + b, 0) - e.margin) < 1e-9);
    // Brute force enumerates every subset of features: a model on seven of them keeps that small.
    const small = trainBooster(d.frame, d.y, d.features.slice(0, 7), d.train, null, { rounds: 20, maxDepth: 4 });
    const smallEx = explain(small, d.frame);
    const data = small.bin(d.frame);
    for (const row of [0, 1, 2, 3]) {
      const used = [...new Set(small.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)))];
      const brute = bruteForceShap(small.trees, used, (f) => data.bins[f]![row]!);
      for (const f of used) assert.ok(Math.abs(brute.get(f)! - smallEx[row]!.contributions[f]!) < 1e-9, `feature ${d.features[f]}`);
    }
    const reasons = reasonCodes(model, ex[1]!);
    assert.ok(reasons.length > 0 && reasons.every((r, k) => k === 0 || r.contribution <= reasons[k - 1]!.contribution));
  });

  test('on both credit data sets, the reason codes of 200 applications rank features as brute-force Shapley values do', () => {
    for (const [file, target, bad] of [
      ['german_credit.csv', 'Class', 'Bad'],
      ['credit_data.csv', 'Status', 'bad'],
    ] as const) {
      const d = dataset(file, target, bad);
      // Six features keep the enumeration of every subset small enough for 200 rows.
      const model = trainBooster(d.frame, d.y, d.features.slice(0, 6), d.train, null, { rounds: 20, maxDepth: 3 });
      const ex = explain(model, d.frame);
      const data = model.bin(d.frame);
      const used = [...new Set(model.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)))];
      let compared = 0;
      for (let row = 0; row < 200; row++) {
        const brute = bruteForceShap(model.trees, used, (f) => data.bins[f]![row]!);
        const expected = [...brute]
          .filter(([, phi]) => phi > 1e-12)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([f]) => model.features[f]!.name);
        const given = reasonCodes(model, ex[row]!, 4).map((r) => r.feature);
        // Features whose values tie (to 1e-12) may come in either order.
        const value = (name: string) => brute.get(model.features.findIndex((f) => f.name === name))!;
        assert.equal(given.length, expected.length, `${file} row ${row}`);
        for (let k = 0; k < given.length; k++) assert.ok(Math.abs(value(given[k]!) - value(expected[k]!)) < 1e-9, `${file} row ${row}, reason ${k + 1}`);
        compared++;
      }
      assert.equal(compared, 200);
    }
  });

  test('every scoring layout scores as the tree walk does: perfect trees walked rows first (small models) or trees first, and the general layout (trees deeper than ten, a categorical feature of more than 32 levels)', () => {
    const d = dataset('german_credit.csv', 'Class', 'Bad');
    // 100 trees of depth 5 or 6 take 50 to 100 KB: more than the first-level cache, so trees are walked first.
    assertKernelMatchesWalk(trainBooster(d.frame, d.y, d.features, d.train, null, { rounds: 100, maxDepth: 6 }), d.frame, 'trees first');
    const rnd = seededRandom(11);
    const cities = Array.from({ length: 40 }, (_, i) => `city${i}`);
    const rows = Array.from({ length: 4000 }, () => {
      const city = Math.floor(rnd() * 40);
      const x = rnd() * 100;
      const bad = rnd() < (city % 3 === 0 ? 0.5 : 0.1) + x / 400;
      return [rnd() < 0.05 ? '' : cities[city]!, rnd() < 0.05 ? '' : x.toFixed(2), bad ? '1' : '0'];
    });
    const frame = frameFromRecords(['city', 'x', 'bad'], rows);
    const y = frame.target('bad', '1');
    const { train } = stratifiedSplit(y, 0.3, 3);
    const deep = trainBooster(frame, y, ['city', 'x'], train, null, { rounds: 10, maxDepth: 12, minChildWeight: 0.01 });
    assert.ok(
      deep.trees.some((t) => treeDepth(t) > 10),
      'no tree deeper than ten levels',
    );
    assertKernelMatchesWalk(deep, frame, 'deep trees');
    const wide = trainBooster(frame, y, ['city', 'x'], train, null, { rounds: 20, maxDepth: 3 });
    assert.ok(
      wide.trees.some((t) => t.categories.some((c) => c !== null)),
      'no split on the 40 cities',
    );
    assertKernelMatchesWalk(wide, frame, 'many categories');
    // 300 postcodes: more than 256 bins, so training lays bins out in two bytes (histogram16).
    const zips = rows.map((r, i) => [`z${(i * 7919) % 300}`, ...r]);
    const zipFrame = frameFromRecords(['zip', 'city', 'x', 'bad'], zips);
    const zipModel = trainBooster(zipFrame, y, ['zip', 'city', 'x'], train, null, { rounds: 20, maxDepth: 3 });
    assert.ok(zipModel.features[0]!.kind === 'categorical' && zipModel.features[0]!.levels.length === 300);
    assert.ok(evaluate(y, zipModel.predict(zipFrame)).auc > 0.6, 'a model with a 300-level feature learns');
    assertKernelMatchesWalk(zipModel, zipFrame, 'two-byte bins');
  });

  test('a batch larger than a slice is scored slice by slice', () => {
    // 300 features: a slice holds 6,912 rows, so 20,000 rows take three slices.
    const rnd = seededRandom(12);
    const names = Array.from({ length: 300 }, (_, f) => `f${f}`);
    const columns = names.map((name) => ({
      kind: 'numeric' as const,
      name,
      values: Float64Array.from({ length: 20_000 }, () => Math.round(rnd() * 1e4) / 1e4),
    }));
    const y = Uint8Array.from({ length: 20_000 }, (_, r) => (rnd() < 0.2 + 0.5 * columns[0]!.values[r]! * columns[1]!.values[r]! ? 1 : 0));
    const frame = new Frame(columns, 20_000);
    const { train } = stratifiedSplit(y, 0.3, 5);
    const model = trainBooster(frame, y, names, train, null, { rounds: 5, maxDepth: 3, colsample: 0.1 });
    assertKernelMatchesWalk(model, frame, 'three slices');
  });

  test('a saved model scores identically', () => {
    const d = dataset('credit_data.csv', 'Status', 'bad');
    const model = trainBooster(d.frame, d.y, d.features, d.train, null, { rounds: 50 });
    const copy = Booster.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    assert.deepEqual(copy.predict(d.frame), model.predict(d.frame));
  });
});

function cell(frame: Frame, name: string, row: number): string {
  const c = frame.column(name);
  if (c.kind === 'numeric') return Number.isNaN(c.values[row]!) ? '' : String(c.values[row]);
  return c.codes[row]! < 0 ? '' : c.levels[c.codes[row]!]!;
}

function cellOf(frame: Frame, name: string, row: number): string | number {
  const c = frame.column(name);
  return c.kind === 'numeric' ? c.values[row]! : c.levels[c.codes[row]!]!;
}

/** The scoring kernel (WebAssembly, branch-free, binning in the kernel) against binning in JavaScript and walking each tree node by node. */
function assertKernelMatchesWalk(model: Booster, frame: Frame, label: string): void {
  const binned = model.bin(frame);
  const margins = model.margins(frame);
  const walked = (r: number) => model.trees.reduce((m, t) => m + predictBinned(t, binned.bins, r), model.baseMargin);
  for (let r = 0; r < frame.rows; r++) {
    assert.ok(Math.abs(margins[r]! - walked(r)) < 1e-9, `${label} row ${r}: kernel ${margins[r]}, tree walk ${walked(r)}`);
  }
  // One to three rows (one application) take the kernel's single-row walk.
  for (const [start, end] of [
    [0, 1],
    [1, 3],
    [3, 6],
  ] as const) {
    const part = frame.selectRows(Int32Array.from({ length: end - start }, (_, i) => start + i));
    const few = model.margins(part);
    for (let r = start; r < end; r++)
      assert.ok(Math.abs(few[r - start]! - walked(r)) < 1e-9, `${label} row ${r} alone: kernel ${few[r - start]}, tree walk ${walked(r)}`);
  }
}
