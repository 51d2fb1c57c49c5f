import type { PerformanceCurves } from './performance.ts';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isFeatureReason } from './feature-reasons.ts';
import { Booster } from './gbdt/booster.ts';
import type { Frame } from './frame.ts';
import type { Evaluation } from './metrics.ts';
import { OnnxModel, type OnnxBinding } from './onnx-import.ts';
import { Scorecard, type ScorecardFeature, type ScorecardOptions, type Selection } from './scorecard/scorecard.ts';
import { ModelImportError, XgboostModel } from './xgboost-import.ts';

export interface ModelFeature {
  name: string;
  kind: 'numeric' | 'categorical';
  /**
   * What an applicant is told when this feature is among the principal reasons for an adverse
   * outcome, as the model's owner words it; absent, it is derived from the feature's name.
   */
  reason?: FeatureReason;
}

export interface FeatureReason {
  /** A short stable code, for letters and reports: capitals, digits and underscores. */
  code: string;
  /** Plain language, for the applicant. */
  text: string;
}

export interface ModelTarget {
  column: string;
  bad: string;
}

/** How a model was trained, kept in its file so that it can be reproduced and compared. */
export interface TrainingInfo {
  algorithm: 'gbdt' | 'scorecard';
  data: { file: string; sha256: string; rows: number };
  params: Record<string, unknown>;
  split: { testFraction: number; seed: number; trainRows: number; testRows: number };
  metrics: { train: Evaluation; test: Evaluation };
  /** Holdout curves for charts (ROC, KS, PD by outcome, calibration); absent in files from before they were kept. */
  curves?: PerformanceCurves;
  /** Share of the model's total gain (trees) or information value (scorecard) per feature. */
  importance?: Record<string, number>;
}

/** Where an imported model came from. */
export interface ImportInfo {
  format: 'xgboost' | 'onnx' | 'lightgbm';
  file: string;
  sha256: string;
}

interface Meta {
  target: ModelTarget | null;
  features: ModelFeature[];
  training: TrainingInfo | null;
  imported: ImportInfo | null;
}

type ScorecardJson = { features: ScorecardFeature[]; intercept: number; options: ScorecardOptions; selection: Selection[] };

type Body =
  | { kind: 'gbdt'; model: ReturnType<Booster['toJSON']> }
  | { kind: 'scorecard'; model: ScorecardJson }
  | { kind: 'xgboost'; model: unknown }
  | { kind: 'onnx'; model: { binding: OnnxBinding; base64: string } };

/** The JSON file of any model; `version` is the SHA-256 of everything else in it. */
export type ModelFile = { format: 'arbiter-model-1'; version: string } & Meta & Body;

/** The scoring part of a model, by kind. */
export type ModelImpl =
  | { kind: 'gbdt'; model: Booster }
  | { kind: 'scorecard'; model: Scorecard }
  | { kind: 'xgboost'; model: XgboostModel; source: unknown }
  | { kind: 'onnx'; model: OnnxModel };

/** A model as built or imported, before it has a version. */
export type NewModel = Meta & ModelImpl;
export type LoadedModel = NewModel & { version: string };

export class ModelFileError extends Error {}

const infinity = (_k: string, v: unknown) => (v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v);
const revive = (_k: string, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);

function versionOf(withoutVersion: object): string {
  return createHash('sha256').update(JSON.stringify(withoutVersion, infinity)).digest('hex');
}

export function featuresOf(m: ModelImpl): ModelFeature[] {
  switch (m.kind) {
    case 'gbdt':
      return m.model.features.map((f) => ({ name: f.name, kind: f.kind }));
    case 'scorecard':
      return m.model.features.map((f) => ({ name: f.feature, kind: f.binning.kind }));
    case 'xgboost':
    case 'onnx':
      return m.model.featureNames.map((name) => ({ name, kind: 'numeric' }));
  }
}

function bodyOf(m: NewModel): Body {
  switch (m.kind) {
    case 'gbdt':
      return { kind: 'gbdt', model: m.model.toJSON() };
    case 'scorecard':
      return { kind: 'scorecard', model: { features: m.model.features, intercept: m.model.intercept, options: m.model.options, selection: m.model.selection } };
    case 'xgboost':
      return { kind: 'xgboost', model: m.source };
    case 'onnx':
      return { kind: 'onnx', model: { binding: m.model.binding, base64: Buffer.from(m.model.bytes).toString('base64') } };
  }
}

/** The file of a model, with its content hash as the version. */
export function modelFile(m: NewModel): ModelFile {
  const body = bodyOf(m);
  const content = {
    format: 'arbiter-model-1' as const,
    kind: body.kind,
    target: m.target,
    features: m.features,
    training: m.training,
    imported: m.imported,
    model: body.model,
  };
  return { version: versionOf(content), ...content } as ModelFile;
}

/** Serialises a model file (infinite bin edges written as strings, which JSON lacks). */
export function modelFileText(file: ModelFile): string {
  return JSON.stringify(file, infinity);
}

export function saveModel(path: string, m: NewModel): ModelFile {
  const file = modelFile(m);
  writeFileSync(path, modelFileText(file));
  return file;
}

/**
 * A model file's JSON (as parsed from text) back into a model. The version must match the
 * content: a file edited by hand or cut short is refused rather than scored differently.
 */
export function parseModelFile(json: unknown, where = 'the model file'): LoadedModel {
  const file = reviveInfinities(json) as Partial<ModelFile> | null;
  if (!file || typeof file !== 'object' || file.format !== 'arbiter-model-1')
    throw new ModelFileError(`${where} is not an Arbiter model file (format "arbiter-model-1"); import models from elsewhere with arbiter import`);
  const { version, ...content } = file;
  const expected = versionOf(content);
  if (version !== expected)
    throw new ModelFileError(
      `${where} was changed after it was written: its version ${String(version).slice(0, 12)}… does not match its content (${expected.slice(0, 12)}…)`,
    );
  for (const f of file.features ?? []) {
    if (f.reason !== undefined && !isFeatureReason(f.reason))
      throw new ModelFileError(`${where}: the reason of feature "${f.name}" needs a code of capitals, digits and underscores and a text`);
  }
  const meta: Meta & { version: string } = {
    version: expected,
    target: file.target ?? null,
    features: file.features ?? [],
    training: file.training ?? null,
    imported: file.imported ?? null,
  };
  try {
    switch (file.kind) {
      case 'gbdt':
        return { ...meta, kind: 'gbdt', model: Booster.fromJSON(file.model as ReturnType<Booster['toJSON']>) };
      case 'scorecard': {
        const s = file.model as ScorecardJson;
        return { ...meta, kind: 'scorecard', model: new Scorecard(s.features, s.intercept, s.options, s.selection) };
      }
      case 'xgboost':
        return { ...meta, kind: 'xgboost', model: XgboostModel.fromJson(file.model), source: file.model };
      case 'onnx': {
        const o = file.model as { binding: OnnxBinding; base64: string };
        return { ...meta, kind: 'onnx', model: new OnnxModel(new Uint8Array(Buffer.from(o.base64, 'base64')), o.binding) };
      }
      default:
        throw new ModelFileError(`${where} has an unknown model kind "${String(file.kind)}"`);
    }
  } catch (err) {
    if (err instanceof ModelFileError || err instanceof ModelImportError) throw err;
    throw new ModelFileError(`${where} is damaged: ${(err as Error).message}`);
  }
}

function reviveInfinities(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), revive);
}

export function loadModel(path: string): LoadedModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ModelFileError(`${path} cannot be read as JSON: ${(err as Error).message}`);
  }
  return parseModelFile(json, path);
}

/** PDs, for the models that score synchronously (every kind but ONNX graphs onnxruntime runs). */
export function predictPd(m: LoadedModel, frame: Frame): Float64Array {
  if (m.kind === 'onnx') {
    if (!m.model.booster) throw new ModelFileError('this ONNX model scores through onnxruntime, asynchronously; use scorePd');
    return m.model.booster.predict(frame);
  }
  return m.model.predict(frame);
}

/** PDs for any kind of model. */
export async function scorePd(m: LoadedModel, frame: Frame): Promise<Float64Array> {
  return m.kind === 'onnx' ? m.model.predict(frame) : m.model.predict(frame);
}

/** Points on the scorecard's scale, or for other models their PD on the default scale (600 at 50:1 good odds, 20 points to double them). */
export function pointsOf(m: LoadedModel, pd: Float64Array, frame: Frame): Float64Array {
  if (m.kind === 'scorecard') return m.model.score(frame);
  const factor = 20 / Math.LN2;
  const offset = 600 - factor * Math.log(50);
  return pd.map((p) => {
    const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return offset + factor * Math.log((1 - q) / q);
  });
}
