import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { csvLine } from '../../support/csv-cell.ts';
import { basename } from 'node:path';
import {
  calibration,
  csi,
  evaluate,
  featuresOf,
  featureColumns,
  binFeature,
  binSpecOf,
  parseBinSpecs,
  coversFrom,
  loadModel,
  modelCard,
  modelCardHtml,
  ModelImportError,
  OnnxModel,
  pointsOf,
  psi,
  readCsv,
  readJsonLines,
  withFeatureReasons,
  reasonsFor,
  saveModel,
  scorePd,
  stratifiedSplit,
  trainingInfo,
  trainBooster,
  trainScorecard,
  XgboostModel,
  lightgbmAsBooster,
  type BoostParams,
  type Frame,
  type ImportInfo,
  type ModelImpl,
  type NewModel,
} from '../../models/index.ts';
import { numberOption, type NumberRange } from '../number-option.ts';
import type { CardFlags } from './model-commands.ts';
import { progressBar } from '../progress-bar.ts';
import { readJsonFile } from '../read-json.ts';

function readData(path: string): Frame {
  return path.endsWith('.jsonl') || path.endsWith('.ndjson') ? readJsonLines(path) : readCsv(path);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A numeric flag, named as commander keys it (camelCase), checked against its range. */
function number(flags: Record<string, unknown>, name: string, range: NumberRange): number {
  return numberOption(
    flags[name],
    name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    range,
  );
}

function monotoneSpec(spec: string): Record<string, 1 | -1> {
  return Object.fromEntries(
    spec
      .split(',')
      .filter(Boolean)
      .map((s) => {
        const [f, d] = s.split(':');
        if (!f || (d !== '+1' && d !== '1' && d !== '-1'))
          throw new Error(`--monotone "${s}": write feature:+1 (risk rises with it) or feature:-1 (risk falls)`);
        return [f, Number(d) as 1 | -1];
      }),
  );
}

export async function train(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const algorithm = (flags.kind ?? flags.algo) as 'gbdt' | 'scorecard';
  const testFraction = number(flags, 'testFraction', { min: 0, max: 1, minExcluded: true, maxExcluded: true });
  const seed = number(flags, 'seed', { integer: true });
  const params: Partial<BoostParams> = {
    rounds: number(flags, flags.rounds !== undefined ? 'rounds' : 'trees', { min: 1, integer: true }),
    maxDepth: number(flags, 'depth', { min: 1, max: 16, integer: true }),
    learningRate: number(flags, 'learningRate', { min: 0, max: 1, minExcluded: true }),
    subsample: number(flags, 'subsample', { min: 0, max: 1, minExcluded: true }),
    colsample: number(flags, 'colsample', { min: 0, max: 1, minExcluded: true }),
    minChildWeight: number(flags, 'minChildWeight', { min: 0 }),
    lambda: number(flags, 'lambda', { min: 0 }),
    earlyStoppingRounds: flags.earlyStopping === undefined ? 0 : number(flags, 'earlyStopping', { min: 1, integer: true }),
    seed,
    monotone: monotoneSpec(String(flags.monotone ?? '')),
  };
  const dataFile = String(flags.data);
  const frame = readData(dataFile);
  const target = { column: String(flags.target), bad: String(flags.bad) };
  const y = frame.target(target.column, target.bad);
  const excluded = new Set([
    target.column,
    ...String(flags.exclude ?? '')
      .split(',')
      .filter(Boolean),
  ]);
  const { features, identifiers } = featureColumns(frame, excluded);
  if (identifiers.length) console.error(`not used as features: ${identifiers.join(', ')} (a different value in almost every row, like an id)`);
  const reasons = flags.reasons === undefined ? null : readJsonFile(String(flags.reasons), 'reasons file');
  if (reasons !== null && (typeof reasons !== 'object' || Array.isArray(reasons)))
    throw new Error('the reasons file must be a JSON object keyed by feature name');
  // Checked before training, which can take minutes, against the features it will use.
  if (reasons)
    withFeatureReasons(
      features.map((name) => ({ name, kind: 'numeric' })),
      reasons as Record<string, unknown>,
    );
  const binSpecs = flags.bins === undefined ? {} : parseBinSpecs(readJsonFile(String(flags.bins), 'bins file'), String(flags.bins));
  for (const name of Object.keys(binSpecs))
    if (!features.includes(name)) throw new Error(`${flags.bins}: "${name}" is not a feature of this data; features are ${features.join(', ')}`);
  const { train, test } = stratifiedSplit(y, testFraction, seed);
  const t0 = performance.now();
  const bar = progressBar(algorithm === 'gbdt' ? 'trees' : 'features binned');
  let impl: Extract<ModelImpl, { kind: 'gbdt' | 'scorecard' }>;
  if (algorithm === 'scorecard') impl = { kind: 'scorecard', model: trainScorecard(frame, y, features, train, { features: binSpecs }, bar.update) };
  else if (params.earlyStoppingRounds) {
    const inner = stratifiedSplit(
      Uint8Array.from(train, (r) => y[r]!),
      0.15,
      seed,
    );
    impl = {
      kind: 'gbdt',
      model: trainBooster(
        frame,
        y,
        features,
        Int32Array.from(inner.train, (i) => train[i]!),
        Int32Array.from(inner.test, (i) => train[i]!),
        params,
        { onRound: bar.update },
      ),
    };
  } else impl = { kind: 'gbdt', model: trainBooster(frame, y, features, train, null, params, { onRound: bar.update }) };
  bar.done();
  const seconds = (performance.now() - t0) / 1000;
  const training = trainingInfo(
    impl,
    y,
    impl.model.predict(frame),
    { train, test, testFraction, seed },
    { file: basename(dataFile), sha256: sha256(dataFile), rows: frame.rows },
  );
  const { metrics } = training;
  const worded = reasons ? withFeatureReasons(featuresOf(impl), reasons as Record<string, unknown>) : featuresOf(impl);
  const model: NewModel = { ...impl, target, features: worded, imported: null, training };
  const file = saveModel(String(flags.out), model);
  const report = {
    kind: algorithm,
    version: file.version,
    rows: frame.rows,
    features: features.length,
    trainRows: train.length,
    testRows: test.length,
    seconds: Number(seconds.toFixed(3)),
    ...metrics,
  };
  if (flags.json) return console.log(JSON.stringify(report, null, 2));
  const line = (name: string, e: { auc: number; ks: number; gini: number }) =>
    `  ${name.padEnd(7)} AUC ${e.auc.toFixed(3)}  KS ${e.ks.toFixed(3)}  Gini ${e.gini.toFixed(3)}`;
  console.log(`trained ${algorithm} on ${train.length} rows (${features.length} features) in ${report.seconds}s`);
  console.log(line('train', metrics.train));
  console.log(line('holdout', metrics.test));
  console.log(`wrote ${String(flags.out)} (version ${file.version.slice(0, 12)})`);
}

export async function score(flags: { model: string; data: string; out?: string; explain?: string }): Promise<void> {
  const model = loadModel(flags.model);
  const frame = readData(flags.data);
  const k = flags.explain === undefined ? 0 : number(flags, 'explain', { min: 1, max: 20, integer: true });
  const pd = await scorePd(model, frame);
  const points = pointsOf(model, pd, frame);
  const reasons = k ? reasonsFor(model, frame, k) : null;
  if (k && !reasons)
    throw new Error(
      `--explain: this ${model.kind} model carries no explanation (ONNX graphs other than logistic tree ensembles, ONNX trees imported without --reference, XGBoost models with categorical splits); train with arbiter train for reason codes`,
    );
  const header = ['pd', 'points', ...Array.from({ length: k }, (_, i) => [`reason_${i + 1}`, `impact_${i + 1}`]).flat()];
  const lines = [csvLine(header)];
  for (let i = 0; i < frame.rows; i++) {
    const row: (string | number)[] = [Number(pd[i]!.toFixed(6)), Number(points[i]!.toFixed(1))];
    for (let j = 0; j < k; j++) {
      const r = reasons![i]![j];
      row.push(r ? r.feature : '', r ? Number(r.impact.toFixed(4)) : '');
    }
    lines.push(csvLine(row));
  }
  const text = `${lines.join('\n')}\n`;
  if (flags.out) writeFileSync(flags.out, text);
  else process.stdout.write(text);
}

/**
 * The model, the labelled data and the model's PDs on it, for the commands that measure a model:
 * the outcome column is the one the model was trained on unless --target and --bad name another.
 */
async function modelOnLabelledData(flags: { model: string; data: string; target?: string; bad?: string }) {
  const model = loadModel(flags.model);
  const column = flags.target ?? model.target?.column;
  const bad = flags.bad ?? model.target?.bad;
  if (!column || bad === undefined) throw new Error('--target and --bad: this model does not record its outcome column; name it and its bad value');
  const frame = readData(flags.data);
  const y = frame.target(column, bad);
  return { model, frame, y, pd: await scorePd(model, frame) };
}

export async function evaluateModel(flags: { model: string; data: string; target?: string; bad?: string; baseline?: string; json?: boolean }): Promise<void> {
  const { model, frame, y, pd: p } = await modelOnLabelledData(flags);
  const baseline = flags.baseline ? readData(flags.baseline) : null;
  const features = model.features.map((f) => f.name);
  const report = {
    ...evaluate(y, p),
    calibration: calibration(y, p),
    psi: baseline ? psi(await scorePd(model, baseline), p) : null,
    csi: baseline ? csi(baseline, frame, features) : null,
  };
  if (flags.json) return console.log(JSON.stringify(report, null, 2));
  console.log(
    `AUC ${report.auc.toFixed(3)}  Gini ${report.gini.toFixed(3)}  KS ${report.ks.toFixed(3)}  Brier ${report.brier.toFixed(4)}  log loss ${report.logLoss.toFixed(4)}${report.psi === null ? '' : `  PSI ${report.psi.toFixed(4)}`}`,
  );
  for (const c of (report.csi ?? []).filter((x) => x.csi > 0.1)) console.log(`  feature ${c.feature} drifted: CSI ${c.csi.toFixed(3)}`);
  for (const b of report.calibration)
    console.log(
      `  band ${String(b.band).padStart(2)}: ${String(b.count).padStart(5)} rows, predicted ${(b.meanPredicted * 100).toFixed(1)}%, observed ${(b.observedRate * 100).toFixed(1)}%`,
    );
}

export async function bins(flags: { data: string; target: string; bad: string; features?: string; exclude?: string; json?: boolean }): Promise<void> {
  const frame = readData(flags.data);
  const y = frame.target(flags.target, flags.bad);
  const excluded = new Set([flags.target, ...(flags.exclude ?? '').split(',').filter(Boolean)]);
  const names = flags.features ? flags.features.split(',').filter(Boolean) : frame.columns.map((c) => c.name).filter((n) => !excluded.has(n));
  const rows = Int32Array.from({ length: frame.rows }, (_, i) => i);
  const report = Object.fromEntries(names.map((n) => [n, binSpecOf(binFeature(frame.column(n), y, rows))]));
  if (flags.json) return console.log(JSON.stringify(report, null, 2));
  for (const [name, r] of Object.entries(report)) {
    console.log(`${name} (${r.kind}, ${r.trend}): IV ${(r.iv as number).toFixed(4)}`);
    for (const b of r.bins as { label: string; count: number; badRate: number; woe: number; iv: number }[])
      console.log(
        `  ${b.label.padEnd(28)} ${String(b.count).padStart(6)} rows  bad rate ${(b.badRate * 100).toFixed(1).padStart(5)}%  WoE ${b.woe.toFixed(3).padStart(7)}  IV ${b.iv.toFixed(4)}`,
      );
  }
}

export async function card(flags: CardFlags): Promise<void> {
  const { model, frame, y, pd } = await modelOnLabelledData(flags);
  const result = modelCard(model, frame, y, pd, {
    dateColumn: flags.date,
    segmentColumn: flags.segment,
    protectedAttributes: flags.protected
      ? flags.protected
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    cutoff: flags.cutoff === undefined ? undefined : numberOption(flags.cutoff, 'cutoff', { min: 0, max: 1, minExcluded: true }),
    limitations: flags.limitation ?? [],
    dataFile: basename(flags.data),
    dataSha256: sha256(flags.data),
  });
  const json = flags.json || flags.out?.endsWith('.json');
  const text = json ? `${JSON.stringify(result, null, 2)}\n` : modelCardHtml(result, `Model card: ${basename(flags.model)} (${model.version.slice(0, 12)})`);
  if (flags.out) {
    writeFileSync(flags.out, text);
    console.log(
      `wrote ${flags.out}: ${result.performance.overall.auc.toFixed(3)} AUC on ${result.data.rows} rows, ${result.fairness.filter((f) => f.flagged).length} of ${result.fairness.length} fairness reports flagged, ${result.limitations.length} limitations`,
    );
  } else process.stdout.write(text);
}

export async function importModel(
  file: string,
  flags: { format: 'xgboost' | 'onnx' | 'lightgbm'; out: string; features?: string; target?: string; bad?: string; reference?: string },
): Promise<void> {
  const bytes = readFileSync(file);
  let impl: ModelImpl;
  if (flags.format === 'xgboost') {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new ModelImportError(`${file} is not JSON; save the XGBoost model with save_model("model.json")`);
    }
    impl = { kind: 'xgboost', model: XgboostModel.fromJson(json), source: json };
  } else if (flags.format === 'lightgbm') {
    // Converted whole into Arbiter's own trees: from here on it is scored and explained as a model trained here.
    impl = { kind: 'gbdt', model: lightgbmAsBooster(bytes.toString('utf8')).booster };
  } else {
    let model = await OnnxModel.fromBytes(
      new Uint8Array(bytes),
      flags.features?.split(',').map((s) => s.trim()),
    );
    if (flags.reference) {
      if (!model.booster)
        throw new ModelImportError(
          '--reference: this graph is not a tree ensemble Arbiter converts (a logistic TreeEnsembleClassifier), so it cannot be explained',
        );
      model = new OnnxModel(model.bytes, { ...model.binding, covers: coversFrom(model.booster, readData(flags.reference)) });
    }
    impl = { kind: 'onnx', model };
  }
  const imported: ImportInfo = { format: flags.format, file: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
  const target = flags.target && flags.bad !== undefined ? { column: flags.target, bad: flags.bad } : null;
  const saved = saveModel(flags.out, { ...impl, target, features: featuresOf(impl), training: null, imported });
  const how =
    impl.kind === 'gbdt'
      ? "; its trees are Arbiter's own, scored on the kernel and explained by TreeSHAP"
      : impl.kind === 'onnx'
        ? impl.model.booster
          ? `; its trees score on Arbiter's kernel${impl.model.explainable ? ' and are explained by TreeSHAP' : ' (give --reference data to explain them)'}`
          : '; scored by onnxruntime'
        : '';
  console.log(`imported ${flags.format} model with ${saved.features.length} features${how}; wrote ${flags.out} (version ${saved.version.slice(0, 12)})`);
}
