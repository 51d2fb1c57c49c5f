/**
 * Model benchmark: Arbiter's gradient-boosted trees and scorecard against XGBoost (hist),
 * scikit-learn's HistGradientBoosting and a logistic regression (Debian's python3-xgboost and
 * python3-sklearn), on the same stratified 70/30 split of each data set, in one run: the two
 * credit data sets, 21,000 synthetic applicants and 1,000,000 of them, with 30 features (`arbiter synth`).
 * Scoring speed is the best of three runs over the test rows for every model (steady state,
 * after the JavaScript engine has compiled the scoring loop).
 *
 *   npm run bench:models            (BENCH_ROWS=200000 for a quicker synthetic set)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, readCsv, stratifiedSplit, trainBooster, trainScorecard, type BoostParams, type Frame } from '../src/models/index.ts';
import { generatePopulation, populationFrame, writePopulationCsv } from '../src/tools/synth/index.ts';

const DATA = join(import.meta.dirname, '..', 'test', 'fixtures', 'credit-data');
const PYTHON = process.env.PYTHON || '/usr/bin/python3';
const THREADS = Math.min(2, availableParallelism());
const SYNTH_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** Columns of the synthetic file that are ids, time, truth or loss figures, not features. */
const NOT_FEATURES = ['applicationId', 'nationalId', 'month', 'truePd', 'lgd', 'ead'];

interface Result {
  auc: number;
  ks: number;
  seconds: number;
  rowsPerSecond?: number;
}

interface BenchSet {
  name: string;
  frame: Frame;
  csv: string;
  target: string;
  bad: string;
  features: string[];
  params: Partial<BoostParams>;
  scorecard: boolean;
  peersDrop: string[];
  onlyXgboost: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'arbiter-models-bench-'));
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const v = fn();
  return [v, (performance.now() - t0) / 1000];
};

/** Scoring speed is the steady state: the best of three runs, for every model alike (peers.py does the same). */
const SCORING_RUNS = 3;
const bestOf = <T>(fn: () => T): [T, number] => {
  let best: [T, number] | null = null;
  for (let k = 0; k < SCORING_RUNS; k++) {
    const r = time(fn);
    if (!best || r[1] < best[1]) best = r;
  }
  return best!;
};

function credit(file: string, target: string, bad: string): BenchSet {
  const frame = readCsv(join(DATA, file));
  return {
    name: file,
    frame,
    csv: join(DATA, file),
    target,
    bad,
    features: frame.columns.map((c) => c.name).filter((n) => n !== target),
    params: { rounds: 300, maxDepth: 3, learningRate: 0.05 },
    scorecard: true,
    peersDrop: [],
    onlyXgboost: false,
  };
}

/** A mid-sized set (where per-tree work, not data, sets the time) and the large one. */
const MID_ROWS = 21_000;

function synthetic(rows: number): BenchSet {
  const [pop, seconds] = time(() => generatePopulation({ rows, seed: 42, extraFeatures: 12 }));
  const csv = join(dir, `synthetic-${rows}.csv`);
  writePopulationCsv(pop, csv);
  console.log(`\ngenerated ${rows} synthetic applicants with ${pop.features.length} features in ${seconds.toFixed(1)}s`);
  return {
    name: `synthetic ${rows} x ${pop.features.length}`,
    frame: populationFrame(pop),
    csv,
    target: 'defaulted',
    bad: '1',
    features: pop.features,
    params: { rounds: 100, maxDepth: 6, learningRate: 0.1 },
    scorecard: false,
    peersDrop: NOT_FEATURES,
    onlyXgboost: true,
  };
}

try {
  const sets = [credit('german_credit.csv', 'Class', 'Bad'), credit('credit_data.csv', 'Status', 'bad'), synthetic(MID_ROWS)];
  if (SYNTH_ROWS !== MID_ROWS) sets.push(synthetic(SYNTH_ROWS));
  for (const s of sets) {
    const y = s.frame.target(s.target, s.bad);
    const { train, test } = stratifiedSplit(y, 0.3, 42);
    writeFileSync(join(dir, 'train.txt'), Array.from(train).join('\n'));
    writeFileSync(join(dir, 'test.txt'), Array.from(test).join('\n'));
    const yt = Float64Array.from(test, (r) => y[r]!);
    const testFrame = s.frame.selectRows(test);
    const results: Record<string, Result> = {};
    // Training of a set small enough is timed as the best of three fits, for every model alike
    // (peers.py too): one cold fit of a fraction of a second measures the JIT as much as the trainer.
    const fits = train.length <= 100_000 ? 3 : 1;
    const fitted = Array.from({ length: fits }, () => time(() => trainBooster(s.frame, y, s.features, train, null, s.params, { threads: THREADS })));
    const [gbdt, gbdtSeconds] = fitted.reduce((a, b) => (b[1] < a[1] ? b : a));
    const [pg, scoreSeconds] = bestOf(() => gbdt.predict(testFrame));
    results['arbiter gbdt'] = { ...evaluate(yt, pg), seconds: gbdtSeconds, rowsPerSecond: test.length / scoreSeconds };
    if (s.scorecard) {
      const [card, cardSeconds] = time(() => trainScorecard(s.frame, y, s.features, train));
      const [pc, cardScoreSeconds] = bestOf(() => card.predict(testFrame));
      results['arbiter scorecard'] = { ...evaluate(yt, pc), seconds: cardSeconds, rowsPerSecond: test.length / cardScoreSeconds };
    }
    const p = s.params;
    const peer = spawnSync(
      PYTHON,
      [
        join(import.meta.dirname, 'models', 'peers.py'),
        s.csv,
        s.target,
        s.bad,
        join(dir, 'train.txt'),
        join(dir, 'test.txt'),
        String(p.rounds),
        String(p.maxDepth),
        String(p.learningRate),
        String(THREADS),
        s.peersDrop.join(','),
        s.onlyXgboost ? 'xgboost-only' : 'all',
        String(fits),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (peer.status !== 0) {
      console.log(`peers failed (install python3-xgboost python3-sklearn python3-pandas): ${peer.stderr.split('\n').slice(-3).join(' ')}`);
    } else Object.assign(results, JSON.parse(peer.stdout));
    console.log(
      `\n${s.name}: ${train.length} training rows, ${test.length} test rows, the same split for every model; trees ${p.rounds}, depth ${p.maxDepth}, learning rate ${p.learningRate}, ${THREADS} threads`,
    );
    const x = results.xgboost;
    for (const [name, r] of Object.entries(results)) {
      const vs =
        x && name.startsWith('arbiter')
          ? `   vs xgboost: AUC ${r.auc - x.auc >= 0 ? '+' : ''}${(r.auc - x.auc).toFixed(4)}, training time ${(r.seconds / x.seconds).toFixed(2)}x, scoring ${((r.rowsPerSecond ?? 0) / (x.rowsPerSecond ?? 1)).toFixed(2)}x the speed`
          : '';
      console.log(
        `  ${name.padEnd(18)} AUC ${r.auc.toFixed(4)}  KS ${r.ks.toFixed(3)}  train ${r.seconds.toFixed(2)}s  score ${Math.round(r.rowsPerSecond ?? 0)} rows/s${vs}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
