import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { calibration, csi, evaluate, loadModel, predictPd, psi, readCsv, readJsonLines, saveModel, stratifiedSplit, trainBooster, trainScorecard, type Frame } from '../../models/index.ts';

function readData(path: string): Frame {
  return path.endsWith('.jsonl') || path.endsWith('.ndjson') ? readJsonLines(path) : readCsv(path);
}

const onRows = (xs: ArrayLike<number>, rows: Int32Array) => Float64Array.from(rows, (r) => xs[r]!);

export function trainCommand(): Command {
  return new Command('train')
    .description('train a PD model (gradient-boosted trees or a points scorecard) on a CSV or JSON lines file')
    .requiredOption('--data <file>', 'training data (.csv or .jsonl)')
    .requiredOption('--target <column>', 'the outcome column')
    .requiredOption('--bad <value>', 'the value of the outcome column that means default')
    .addOption(new Option('--kind <kind>', 'model kind').choices(['gbdt', 'scorecard']).default('gbdt'))
    .requiredOption('--out <model.json>', 'where to write the model')
    .option('--exclude <columns>', 'comma-separated columns that are not features')
    .option('--test-fraction <f>', 'held-out share for the report', '0.3')
    .option('--seed <n>', 'seed for the split and sampling', '42')
    .option('--rounds <n>', 'gbdt: trees', '300')
    .option('--depth <n>', 'gbdt: tree depth', '3')
    .option('--learning-rate <x>', 'gbdt: shrinkage', '0.05')
    .option('--monotone <spec>', 'gbdt: e.g. "Age:-1,Duration:1"')
    .option('--json', 'print the report as JSON')
    .action((flags: Record<string, string | boolean | undefined>) => {
      const frame = readData(String(flags.data));
      const target = { column: String(flags.target), bad: String(flags.bad) };
      const y = frame.target(target.column, target.bad);
      const excluded = new Set([target.column, ...String(flags.exclude ?? '').split(',').filter(Boolean)]);
      const features = frame.columns.map((c) => c.name).filter((n) => !excluded.has(n));
      const seed = Number(flags.seed);
      const { train, test } = stratifiedSplit(y, Number(flags.testFraction), seed);
      const t0 = performance.now();
      const monotone = Object.fromEntries(
        String(flags.monotone ?? '')
          .split(',')
          .filter(Boolean)
          .map((s) => {
            const [f, d] = s.split(':');
            return [f!, Number(d) as 1 | -1];
          }),
      );
      const model =
        flags.kind === 'scorecard'
          ? ({ kind: 'scorecard', model: trainScorecard(frame, y, features, train), target } as const)
          : ({ kind: 'gbdt', model: trainBooster(frame, y, features, train, null, { rounds: Number(flags.rounds), maxDepth: Number(flags.depth), learningRate: Number(flags.learningRate), seed, monotone }), target } as const);
      const seconds = (performance.now() - t0) / 1000;
      saveModel(String(flags.out), model);
      const p = predictPd(model, frame);
      const report = { kind: model.kind, rows: frame.rows, features: features.length, trainRows: train.length, testRows: test.length, seconds: Number(seconds.toFixed(3)), train: evaluate(onRows(y, train), onRows(p, train)), test: evaluate(onRows(y, test), onRows(p, test)) };
      if (flags.json) console.log(JSON.stringify(report, null, 2));
      else console.log(`trained ${model.kind} on ${train.length} rows in ${report.seconds}s; test AUC ${report.test.auc.toFixed(3)}, KS ${report.test.ks.toFixed(3)}, Gini ${report.test.gini.toFixed(3)}, Brier ${report.test.brier.toFixed(3)}; wrote ${flags.out}`);
    });
}

export function scoreCommand(): Command {
  return new Command('score')
    .description('score a data file with a model: one PD per row, as CSV')
    .requiredOption('--model <model.json>', 'a model from arbiter train')
    .requiredOption('--data <file>', 'rows to score')
    .option('--out <file>', 'write the scores here instead of printing them')
    .action((flags: { model: string; data: string; out?: string }) => {
      const model = loadModel(flags.model);
      const frame = readData(flags.data);
      const p = predictPd(model, frame);
      const text = `pd\n${Array.from(p, (x) => x.toFixed(6)).join('\n')}\n`;
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description("a model's discrimination, calibration and stability on labelled data")
    .requiredOption('--model <model.json>', 'a model from arbiter train')
    .requiredOption('--data <file>', 'labelled rows (the target column the model was trained on)')
    .option('--baseline <file>', 'data to measure stability (PSI) against, e.g. the training data')
    .option('--json', 'print JSON')
    .action((flags: { model: string; data: string; baseline?: string; json?: boolean }) => {
      const model = loadModel(flags.model);
      const frame = readData(flags.data);
      const y = frame.target(model.target.column, model.target.bad);
      const p = predictPd(model, frame);
      const baseline = flags.baseline ? readData(flags.baseline) : null;
      const features = model.kind === 'gbdt' ? model.model.features.map((f) => f.name) : model.model.features.map((f) => f.feature);
      const report = { ...evaluate(y, p), calibration: calibration(y, p), psi: baseline ? psi(predictPd(model, baseline), p) : null, csi: baseline ? csi(baseline, frame, features) : null };
      if (flags.json) return console.log(JSON.stringify(report, null, 2));
      console.log(`AUC ${report.auc.toFixed(3)}  Gini ${report.gini.toFixed(3)}  KS ${report.ks.toFixed(3)}  Brier ${report.brier.toFixed(4)}  log loss ${report.logLoss.toFixed(4)}${report.psi === null ? '' : `  PSI ${report.psi.toFixed(4)}`}`);
      for (const c of (report.csi ?? []).filter((x) => x.csi > 0.1)) console.log(`  feature ${c.feature} drifted: CSI ${c.csi.toFixed(3)}`);
      for (const b of report.calibration) console.log(`  band ${String(b.band).padStart(2)}: ${String(b.count).padStart(5)} rows, predicted ${(b.meanPredicted * 100).toFixed(1)}%, observed ${(b.observedRate * 100).toFixed(1)}%`);
    });
}
