import { featureImportance, modelFile, modelFileText, parseModelFile, performanceCurves, stratifiedSplit, trainBooster, trainScorecard, evaluate, type BoostParams, type ModelFile, type ModelImpl, type Frame } from '../models/index.ts';

/** The synthetic applicant's fields the demo's PD models use. */
export const DEMO_FEATURES = ['age', 'income', 'existingDebt', 'bureauScore', 'delinquencies12m', 'inquiries6m', 'utilization', 'dti', 'term', 'product', 'channel'];
export const DEMO_NUMERIC = new Set(['age', 'income', 'existingDebt', 'bureauScore', 'delinquencies12m', 'inquiries6m', 'utilization', 'dti', 'term']);

const pick = <T extends ArrayLike<number>>(values: T, rows: Int32Array) => Float64Array.from(rows, (r) => values[r]!);

/**
 * A model trained the way `arbiter train` does it: a stratified 70/30 split, metrics on both
 * parts, and the holdout curves and feature importance the console draws.
 */
export function trainDemoModel(algorithm: 'gbdt' | 'scorecard', frame: Frame, y: Uint8Array, source: { file: string; sha256: string }, params: Partial<BoostParams> = {}): ModelFile {
  const { train, test } = stratifiedSplit(y, 0.3, 42);
  const impl: ModelImpl =
    algorithm === 'gbdt'
      ? { kind: 'gbdt', model: trainBooster(frame, y, DEMO_FEATURES, train, null, { rounds: 80, maxDepth: 3, learningRate: 0.1, monotone: { bureauScore: -1, dti: 1 }, ...params }) }
      : { kind: 'scorecard', model: trainScorecard(frame, y, DEMO_FEATURES, train) };
  const p = impl.model.predict(frame);
  return modelFile({
    ...impl,
    target: { column: 'defaulted', bad: '1' },
    features: DEMO_FEATURES.map((name) => ({ name, kind: DEMO_NUMERIC.has(name) ? 'numeric' : 'categorical' })),
    imported: null,
    training: {
      algorithm,
      data: { file: source.file, sha256: source.sha256, rows: frame.rows },
      params: impl.kind === 'gbdt' ? { ...impl.model.params, trees: impl.model.trees.length } : { ...impl.model.options },
      split: { testFraction: 0.3, seed: 42, trainRows: train.length, testRows: test.length },
      metrics: { train: evaluate(pick(y, train), pick(p, train)), test: evaluate(pick(y, test), pick(p, test)) },
      curves: performanceCurves(pick(y, test), pick(p, test)),
      importance: featureImportance(impl),
    },
  });
}

/** What the models store keeps of a file: its text (infinite bin edges spelt out), content hash, kind and summary. */
export const storedModel = (file: ModelFile) => {
  const text = modelFileText(file);
  const m = parseModelFile(JSON.parse(text));
  return { text, contentHash: m.version, kind: m.kind, summary: { features: m.features, target: m.target, training: m.training, imported: m.imported } };
};
