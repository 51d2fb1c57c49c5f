import {
  modelFile,
  stratifiedSplit,
  trainBooster,
  trainingInfo,
  trainScorecard,
  type BoostParams,
  type Frame,
  type ModelFile,
  type ModelImpl,
} from '../../models/index.ts';

/** The synthetic applicant's fields the demo's PD models use. */
export const DEMO_FEATURES = [
  'age',
  'income',
  'existingDebt',
  'bureauScore',
  'delinquencies12m',
  'inquiries6m',
  'utilization',
  'dti',
  'term',
  'product',
  'channel',
];
export const DEMO_NUMERIC = new Set(['age', 'income', 'existingDebt', 'bureauScore', 'delinquencies12m', 'inquiries6m', 'utilization', 'dti', 'term']);

/**
 * A model trained the way `arbiter train` does it: a stratified 70/30 split, metrics on both
 * parts, and the holdout curves and feature importance the console draws.
 */
export function trainDemoModel(
  algorithm: 'gbdt' | 'scorecard',
  frame: Frame,
  y: Uint8Array,
  source: { file: string; sha256: string },
  params: Partial<BoostParams> = {},
): ModelFile {
  const { train, test } = stratifiedSplit(y, 0.3, 42);
  const impl: Extract<ModelImpl, { kind: 'gbdt' | 'scorecard' }> =
    algorithm === 'gbdt'
      ? {
          kind: 'gbdt',
          model: trainBooster(frame, y, DEMO_FEATURES, train, null, {
            rounds: 80,
            maxDepth: 3,
            learningRate: 0.1,
            monotone: { bureauScore: -1, dti: 1 },
            ...params,
          }),
        }
      : { kind: 'scorecard', model: trainScorecard(frame, y, DEMO_FEATURES, train) };
  return modelFile({
    ...impl,
    target: { column: 'defaulted', bad: '1' },
    features: DEMO_FEATURES.map((name) => ({ name, kind: DEMO_NUMERIC.has(name) ? 'numeric' : 'categorical' })),
    imported: null,
    training: trainingInfo(impl, y, impl.model.predict(frame), { train, test, testFraction: 0.3, seed: 42 }, { ...source, rows: frame.rows }),
  });
}
