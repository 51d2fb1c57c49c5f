/**
 * Optimisation benchmark on synthetic applicants whose true PD is known (`arbiter synth`):
 * the expected profit, under the true PD, of
 *   (a) Arbiter's choice of action per applicant from its own trained model's PD,
 *   (b) the best single score cutoff (one price, the amount asked for), chosen on the model's PD,
 *   (c) the oracle: the same optimiser given the true PD,
 * all under the same portfolio constraints; the time to optimise 100,000 applications; and
 * back-test throughput: 1,000,000 applications through the demo flow (candidate and baseline).
 *
 *   npm run bench:optimize
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestReport, runBacktest } from '../src/lifecycle/index.ts';
import { demoApplications } from './flow/applications.ts';
import { trainBooster } from '../src/models/index.ts';
import {
  candidateMatrix,
  parseStrategy,
  portfolioConstraints,
  solvePortfolio,
  type Applicant,
  type CandidateMatrix,
  type LinearConstraint,
  type Strategy,
} from '../src/optimize/index.ts';
import { generatePopulation, populationFrame } from '../src/tools/synth/index.ts';

const TRAIN = 200_000;
const SCORE = 100_000;
const strategy: Strategy = parseStrategy(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'strategies', 'consumer-loans.json'), 'utf8')));

const t0 = performance.now();
const pop = generatePopulation({ rows: TRAIN + SCORE, seed: 11 });
const frame = populationFrame(pop);
const col = (name: string) => pop.columns.find((c) => c.name === name)!.values as Float64Array;
const y = Uint8Array.from(col('defaulted'));
const rows = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
const model = trainBooster(frame, y, pop.features, rows(0, TRAIN), null, { rounds: 150, maxDepth: 5, learningRate: 0.08 }, { threads: 2 });
const held = rows(TRAIN, TRAIN + SCORE);
const heldFrame = frame.selectRows(held);
const modelPd = model.predict(heldFrame);
console.log(
  `synthetic applicants: ${TRAIN} to train a model (GBDT, 150 trees of depth 5), ${SCORE} to decide; prepared in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);

const truth = col('truePd');
const product = pop.columns.find((c) => c.name === 'product')!.values as string[];
const applicants = (pd: (i: number) => number): Applicant[] =>
  Array.from(held, (r, i) => ({
    pd: pd(i),
    amount: col('requestedAmount')[r]!,
    termMonths: col('term')[r]!,
    monthlyIncome: col('income')[r]!,
    monthlyDebt: col('existingDebt')[r]!,
    lgd: col('lgd')[r]!,
    ead: col('ead')[r]!,
  }));
const segments = Array.from(held, (r) => product[r]!);
const withModel = candidateMatrix(
  applicants((i) => modelPd[i]!),
  strategy,
);
const withTruth = candidateMatrix(
  applicants((i) => truth[TRAIN + i]!),
  strategy,
);
const A = withModel.actions.length;

/** Expected profit of an assignment, and its portfolio figures, as the truth has them. */
function underTruth(choice: Int32Array, cons: LinearConstraint[]): { profit: number; figures: string } {
  let profit = 0;
  for (let i = 0; i < SCORE; i++) profit += withTruth.profit[i * A + choice[i]!]!;
  return { profit, figures: cons.map((c) => `${c.name} ${+c.figure(choice).toPrecision(4)}`).join(', ') };
}

const t1 = performance.now();
const modelCons = portfolioConstraints(withModel, strategy, segments);

const arbiter = await solvePortfolio(withModel, modelCons);
const seconds = (performance.now() - t1) / 1000;
const oracle = await solvePortfolio(withTruth, portfolioConstraints(withTruth, strategy, segments));

/** The best single cutoff on the model's PD: one rate, the amount asked for, feasible on the model's figures. */
function bestCutoff(m: CandidateMatrix, cons: LinearConstraint[]): { choice: Int32Array; cutoff: number; rate: number } | null {
  const order = Array.from({ length: SCORE }, (_, i) => i).sort((a, b) => modelPd[a]! - modelPd[b]!);
  let best: { choice: Int32Array; cutoff: number; rate: number; profit: number } | null = null;
  const full = strategy.actions.limitFactors.indexOf(1);
  for (let r = 0; r < strategy.actions.rates.length; r++) {
    const a = 1 + full * strategy.actions.rates.length + r;
    const choice = new Int32Array(SCORE);
    const rows = new Float64Array(cons.length);
    let profit = 0;
    // Approve in order of PD: each prefix is a cutoff; keep the best prefix that meets every constraint.
    for (let n = 0; n < SCORE; n++) {
      const i = order[n]!;
      const j = i * A + a;
      if (m.allowed[j]) {
        choice[i] = a;
        profit += m.profit[j]!;
        for (let k = 0; k < cons.length; k++) rows[k] += cons[k]!.coef[j]! - cons[k]!.coef[i * A]!;
      }
      if (n % 100 !== 99) continue;
      const ok = cons.every((c, k) => rows[k]! + sumDecline(c) <= c.bound + 1e-9 * Math.max(1, Math.abs(c.bound)));
      if (ok && (!best || profit > best.profit)) best = { choice: Int32Array.from(choice), cutoff: modelPd[i]!, rate: strategy.actions.rates[r]!, profit };
    }
  }
  return best;
}
const declineRow = new Map<LinearConstraint, number>();
function sumDecline(c: LinearConstraint): number {
  let v = declineRow.get(c);
  if (v === undefined) {
    v = 0;
    for (let i = 0; i < SCORE; i++) v += c.coef[i * A]!;
    declineRow.set(c, v);
  }
  return v;
}
const cutoff = bestCutoff(withModel, modelCons);

const truthCons = portfolioConstraints(withTruth, strategy, segments);
const c = underTruth(oracle.choice, truthCons);
const a = underTruth(arbiter.choice, truthCons);
const b = cutoff ? underTruth(cutoff.choice, truthCons) : null;
console.log(
  `strategy: ${A - 1} offers (${strategy.actions.limitFactors.length} limits x ${strategy.actions.rates.length} rates) and decline; portfolio: ${modelCons.map((k) => k.label).join('; ')}\n`,
);
console.log(`(c) oracle (true PD)                 expected profit ${Math.round(c.profit).toLocaleString('en-US')}   [${c.figures}]`);
console.log(
  `(a) Arbiter (model PD, per action)   expected profit ${Math.round(a.profit).toLocaleString('en-US')}   ${((a.profit / c.profit) * 100).toFixed(1)}% of the oracle   [${a.figures}]`,
);
if (b && cutoff)
  console.log(
    `(b) best single cutoff (model PD)    expected profit ${Math.round(b.profit).toLocaleString('en-US')}   ${((b.profit / c.profit) * 100).toFixed(1)}% of the oracle   [PD < ${cutoff.cutoff.toFixed(4)} at ${cutoff.rate}; ${b.figures}]`,
  );
else console.log('(b) no single cutoff meets the portfolio constraints');
console.log(
  `\noptimising ${SCORE.toLocaleString('en-US')} applications x ${A} actions with ${modelCons.length} portfolio constraints: ${seconds.toFixed(2)}s (${arbiter.method}, ${arbiter.iterations} master iterations; gap to the LP bound ${(((arbiter.upperBound - arbiter.objective) / arbiter.upperBound) * 100).toFixed(4)}%)`,
);
for (const k of arbiter.constraints)
  console.log(
    `  ${k.binding ? 'binding ' : 'slack   '} ${k.label.padEnd(40)} value ${+k.value.toPrecision(5)}   shadow price ${+k.shadowPrice.toPrecision(4)}`,
  );

// Back-test throughput: the demo flow (416 paths) as candidate, with a stricter delinquency knock-out as the baseline.
const BACKTEST_ROWS = Number(process.env.BACKTEST_ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'arbiter-backtest-bench-'));
try {
  const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'flows', 'consumer-lending.json'), 'utf8'));
  const stricter = JSON.parse(JSON.stringify(demo).replaceAll('delinquencies >= 3', 'delinquencies >= 2'));
  const file = join(dir, 'history.csv');
  const sample = demoApplications(1000)[0]!;
  const columns = [...new Set([...Object.keys(sample), 'businessRevenue'])];
  const out = createWriteStream(file);
  out.write(`${columns.join(',')}\n`);
  for (let start = 0; start < BACKTEST_ROWS; start += 50_000) {
    const batch = demoApplications(Math.min(50_000, BACKTEST_ROWS - start), 1000 + start);
    const text = batch.map((a) => columns.map((c) => (a[c] === undefined ? '' : String(a[c]))).join(',')).join('\n');
    if (!out.write(`${text}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const tb = performance.now();
  const stats = await runBacktest({ candidate: { definition: demo }, baseline: { definition: stricter }, file, spec: {}, threads: 2 });
  const bt = (performance.now() - tb) / 1000;
  const r = backtestReport(stats, bt);
  console.log(
    `\nback-test: ${r.rows.toLocaleString('en-US')} applications through the demo flow and a baseline (2 flow runs each) in ${bt.toFixed(1)}s on 2 worker threads = ${Math.round(r.rows / bt).toLocaleString('en-US')} applications/s; approval ${(r.candidate.approvalRate * 100).toFixed(1)}% vs ${(r.baseline.approvalRate * 100).toFixed(1)}%, ${r.swapIns.count} swap-ins, ${r.swapOuts.count} swap-outs, ${r.candidate.distinctPaths} paths taken`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
