import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresOf, modelFile, modelFileText, XgboostModel, type ModelImpl } from '../../src/models/index.ts';
import { addModelVersion, type Database } from '../../src/store/index.ts';

/** The XGBoost fixture as an Arbiter model file, parsed as a client would upload it. */
export function sampleModelFile(): Record<string, unknown> {
  const source: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'xgboost', 'model.json'), 'utf8'));
  const impl: ModelImpl = { kind: 'xgboost', model: XgboostModel.fromJson(source), source };
  return JSON.parse(
    modelFileText(
      modelFile({ ...impl, target: null, features: featuresOf(impl), training: null, imported: { format: 'xgboost', file: 'model.json', sha256: '' } }),
    ),
  );
}

/** Stores the sample as version 1 of `id` (or returns the version it has). */
export async function storeSampleModel(db: Database, id = 'sample'): Promise<number> {
  const file = sampleModelFile();
  const { version } = await addModelVersion(
    db,
    id,
    { text: JSON.stringify(file), contentHash: String(file.version), kind: 'xgboost', summary: {} },
    { actor: 'test' },
  );
  return version.version;
}
