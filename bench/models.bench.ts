/**
 * Model benchmark: Arbiter's gradient-boosted trees and scorecard against XGBoost,
 * scikit-learn's HistGradientBoosting and a logistic regression (Debian's python3-xgboost and
 * python3-sklearn), on the same stratified 70/30 split of each credit data set, in one run.
 *
 *   npm run bench:models
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, readCsv, stratifiedSplit, trainBooster, trainScorecard } from '../src/models/index.ts';

const DATA = join(import.meta.dirname, '..', 'test', 'fixtures', 'credit-data');
const PYTHON = process.env.PYTHON || '/usr/bin/python3';
const sets = [
  { file: 'german_credit.csv', target: 'Class', bad: 'Bad' },
  { file: 'credit_data.csv', target: 'Status', bad: 'bad' },
];

const dir = mkdtempSync(join(tmpdir(), 'arbiter-models-bench-'));
try {
  for (const s of sets) {
    const frame = readCsv(join(DATA, s.file));
    const y = frame.target(s.target, s.bad);
    const features = frame.columns.map((c) => c.name).filter((n) => n !== s.target);
    const { train, test } = stratifiedSplit(y, 0.3, 42);
    writeFileSync(join(dir, 'train.txt'), Array.from(train).join('\n'));
    writeFileSync(join(dir, 'test.txt'), Array.from(test).join('\n'));
    const yt = Float64Array.from(test, (r) => y[r]!);
    const results: Record<string, { auc: number; ks: number; seconds: number }> = {};
    const time = <T>(fn: () => T): [T, number] => {
      const t0 = performance.now();
      const v = fn();
      return [v, (performance.now() - t0) / 1000];
    };
    const [gbdt, gbdtSeconds] = time(() => trainBooster(frame, y, features, train, null, { rounds: 300, maxDepth: 3, learningRate: 0.05 }));
    const pg = gbdt.predict(frame);
    results['arbiter gbdt'] = { ...evaluate(yt, Float64Array.from(test, (r) => pg[r]!)), seconds: gbdtSeconds };
    const [card, cardSeconds] = time(() => trainScorecard(frame, y, features, train));
    const pc = card.predict(frame);
    results['arbiter scorecard'] = { ...evaluate(yt, Float64Array.from(test, (r) => pc[r]!)), seconds: cardSeconds };
    const peer = spawnSync(PYTHON, [join(import.meta.dirname, 'models', 'peers.py'), join(DATA, s.file), s.target, s.bad, join(dir, 'train.txt'), join(dir, 'test.txt')], { encoding: 'utf8' });
    if (peer.status !== 0) {
      console.log(`peers failed (install python3-xgboost python3-sklearn python3-pandas): ${peer.stderr.split('\n').slice(-3).join(' ')}`);
    } else Object.assign(results, JSON.parse(peer.stdout));
    console.log(`\n${s.file}: ${train.length} training rows, ${test.length} test rows, the same split for every model`);
    const xgbResult = results.xgboost;
    for (const [name, r] of Object.entries(results)) {
      const vs = xgbResult && name.startsWith('arbiter') ? `   vs xgboost: AUC ${r.auc - xgbResult.auc >= 0 ? '+' : ''}${(r.auc - xgbResult.auc).toFixed(3)}, training ${(xgbResult.seconds / r.seconds).toFixed(2)}x the speed` : '';
      console.log(`  ${name.padEnd(18)} AUC ${r.auc.toFixed(3)}  KS ${r.ks.toFixed(3)}  train ${r.seconds.toFixed(3)}s${vs}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
