import { readFileSync, writeFileSync } from 'node:fs';
import { Booster } from './gbdt/booster.ts';
import type { Frame } from './frame.ts';
import { Scorecard, type ScorecardFeature, type ScorecardOptions, type Selection } from './scorecard/scorecard.ts';

/** One file for either kind of model, with what it was trained on. */
export type ModelFile =
  | { kind: 'gbdt'; target: { column: string; bad: string }; model: ReturnType<Booster['toJSON']> }
  | { kind: 'scorecard'; target: { column: string; bad: string }; model: { features: ScorecardFeature[]; intercept: number; options: ScorecardOptions; selection: Selection[] } };

export type LoadedModel = { kind: 'gbdt'; model: Booster; target: ModelFile['target'] } | { kind: 'scorecard'; model: Scorecard; target: ModelFile['target'] };

const infinity = (_k: string, v: unknown) => (v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v);
const revive = (_k: string, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);

export function saveModel(path: string, m: LoadedModel): void {
  const file: ModelFile =
    m.kind === 'gbdt'
      ? { kind: 'gbdt', target: m.target, model: m.model.toJSON() }
      : { kind: 'scorecard', target: m.target, model: { features: m.model.features, intercept: m.model.intercept, options: m.model.options, selection: m.model.selection } };
  writeFileSync(path, JSON.stringify(file, infinity));
}

export function loadModel(path: string): LoadedModel {
  const file = JSON.parse(readFileSync(path, 'utf8'), revive) as ModelFile;
  if (file.kind === 'gbdt') return { kind: 'gbdt', model: Booster.fromJSON(file.model), target: file.target };
  if (file.kind === 'scorecard') return { kind: 'scorecard', model: new Scorecard(file.model.features, file.model.intercept, file.model.options, file.model.selection), target: file.target };
  throw new Error(`${path} is not an Arbiter model file`);
}

export function predictPd(m: LoadedModel, frame: Frame): Float64Array {
  return m.model.predict(frame);
}
