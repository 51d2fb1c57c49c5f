/**
 * An imported XGBoost model scored three ways on the same rows: by Arbiter's WebAssembly kernel
 * (its trees converted into Arbiter's own), by walking XGBoost's trees in JavaScript (how
 * imported models were scored before, and still are with categorical splits), and by XGBoost
 * itself (Debian's python3-xgboost, `predict_proba`, same thread count). Prints rows per second
 * and the ratios. `BENCH_ROWS` sets the number of rows (the fixture's 1,000 repeated).
 *
 *   npm run bench:xgboost-import
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, XgboostModel } from '../src/models/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'xgboost');
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const THREADS = Math.min(2, availableParallelism());
const PYTHON = process.env.PYTHON || '/usr/bin/python3';

const modelFile = join(FIXTURES, 'model.json');
const model = XgboostModel.fromJson(JSON.parse(readFileSync(modelFile, 'utf8')));
if (!model.booster) throw new Error('the fixture model did not convert to Arbiter trees');
const lines = readFileSync(join(FIXTURES, 'data.csv'), 'utf8').trim().split('\n');
const [header, ...body] = lines;
const dir = mkdtempSync(join(tmpdir(), 'arbiter-xgb-bench-'));
const dataFile = join(dir, 'rows.csv');
writeFileSync(dataFile, `${header}\n${Array.from({ length: ROWS }, (_, i) => body[i % body.length]).join('\n')}\n`);
const frame = readCsv(dataFile);

const best = (fn: () => Float64Array): [Float64Array, number] => {
  fn();
  let out = fn();
  let seconds = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    out = fn();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return [out, seconds];
};

const [kernel, kernelSeconds] = best(() => model.margins(frame));
const [walk, walkSeconds] = best(() => model.walkMargins(frame));
let worst = 0;
for (let i = 0; i < frame.rows; i++) worst = Math.max(worst, Math.abs(kernel[i]! - walk[i]!));
const rate = (s: number) => `${Math.round(ROWS / s).toLocaleString('en-US')} rows/s`;
console.log(`${ROWS.toLocaleString('en-US')} rows, ${model.featureNames.length} features, 50 trees of depth 3`);
console.log(`  Arbiter kernel (converted trees)   ${rate(kernelSeconds)}`);
console.log(
  `  Arbiter tree walk (JavaScript)     ${rate(walkSeconds)}   kernel is ${(walkSeconds / kernelSeconds).toFixed(1)}x faster; largest margin difference ${worst.toExponential(1)}`,
);
const peer = spawnSync(PYTHON, [join(import.meta.dirname, 'models', 'xgboost-predict.py'), modelFile, dataFile, String(THREADS)], { encoding: 'utf8' });
if (peer.status !== 0) {
  console.log(`  XGBoost: not run (install python3-xgboost python3-pandas): ${peer.stderr.trim().split('\n').at(-1)}`);
} else {
  const r = JSON.parse(peer.stdout) as { seconds: number; version: string; first: number[] };
  const ours = Array.from(kernel.subarray(0, 5), (m) => 1 / (1 + Math.exp(-m)));
  const gap = Math.max(...ours.map((p, i) => Math.abs(p - r.first[i]!)));
  console.log(
    `  XGBoost ${r.version} predict_proba (${THREADS} threads)   ${rate(r.seconds)}   Arbiter's kernel at ${(r.seconds / kernelSeconds).toFixed(2)}x XGBoost's speed; probabilities within ${gap.toExponential(1)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
