import { featureImportance } from './importance.ts';
import { evaluate } from './metrics.ts';
import { modelFileText, parseModelFile, type LoadedModel, type ModelFile, type ModelImpl, type TrainingInfo } from './model-file.ts';
import { performanceCurves } from './performance.ts';

/** The values of `xs` at `rows`. */
export const onRows = (xs: ArrayLike<number>, rows: Int32Array): Float64Array => Float64Array.from(rows, (r) => xs[r]!);

/** The parameters a model was trained with, as its file records them (for trees, with the number kept). */
export function trainingParams(m: ModelImpl): Record<string, unknown> {
  if (m.kind === 'gbdt') return { ...m.model.params, trees: m.model.trees.length };
  if (m.kind === 'scorecard') return { ...m.model.options };
  return {};
}

/**
 * What a model file records of its training on a split: the data, parameters, metrics on both
 * parts, and the held-out curves and feature importance the console draws. `p` is the model's PD
 * for every row of the data; `train` and `test` index it.
 */
export function trainingInfo(
  m: ModelImpl & { kind: 'gbdt' | 'scorecard' },
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  split: { train: Int32Array; test: Int32Array; testFraction: number; seed: number },
  data: TrainingInfo['data'],
): TrainingInfo {
  const { train, test } = split;
  return {
    algorithm: m.kind,
    data,
    params: trainingParams(m),
    split: { testFraction: split.testFraction, seed: split.seed, trainRows: train.length, testRows: test.length },
    metrics: { train: evaluate(onRows(y, train), onRows(p, train)), test: evaluate(onRows(y, test), onRows(p, test)) },
    curves: performanceCurves(onRows(y, test), onRows(p, test)),
    importance: featureImportance(m),
  };
}

/** What a model version shows without its file: features, target, and how it was trained or where it came from. */
export function modelSummary(m: LoadedModel): Record<string, unknown> {
  return { features: m.features, target: m.target, training: m.training, imported: m.imported };
}

/**
 * A model file as the models store keeps it: its text (infinite bin edges spelt out, which
 * JSON.stringify would lose), content hash, kind and summary, and the model read back from that
 * text, so what is stored is what was checked.
 */
export function storedModel(file: ModelFile): { text: string; contentHash: string; kind: string; summary: Record<string, unknown>; model: LoadedModel } {
  const text = modelFileText(file);
  const model = parseModelFile(JSON.parse(text));
  return { text, contentHash: model.version, kind: model.kind, summary: modelSummary(model), model };
}
