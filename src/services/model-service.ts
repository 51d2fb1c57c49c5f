import { pinnedName } from '../flow/index.ts';
import {
  ModelFileError,
  ModelImportError,
  modelSummary,
  OnnxModel,
  parseModelFile,
  modelCardHtml,
  storedModelCard,
  type LoadedModel,
  type ModelCard,
} from '../models/index.ts';
import { addModelVersion, getModelFile, getModelVersion, listModels, listModelVersions, type Actor, type Database, type ModelVersion } from '../store/index.ts';
import { Gate } from '../support/gate.ts';
import { ServiceError } from './service-error.ts';

/** A stored model version with the name a flow's score node gives it. */
export type NamedModelVersion = ModelVersion & { reference: string };

const named = (v: ModelVersion): NamedModelVersion => ({ ...v, reference: pinnedName(v.modelId, v.version) });

async function checkedModel(file: unknown): Promise<LoadedModel> {
  try {
    const model = parseModelFile(file, 'the body');
    // An ONNX graph must also load in onnxruntime, or flows using it would fail at the first decision.
    if (model.kind === 'onnx') await OnnxModel.fromBytes(model.model.bytes, model.model.featureNames);
    return model;
  } catch (err) {
    if (err instanceof ModelFileError || err instanceof ModelImportError) throw new ServiceError('invalid', 'invalid_model', err.message);
    throw err;
  }
}

/** Stored scoring models: uploaded files, checked, versioned by content. */
export class ModelService {
  /** A model file of tens of megabytes becomes hundreds of megabytes of objects while it is checked: one at a time. */
  private readonly uploads = new Gate(1);

  constructor(private readonly db: Database) {}

  list() {
    return listModels(this.db);
  }

  /** The same file again is the same version (`created` false); anything else is the next version. */
  async add(modelId: string, file: unknown, by: Actor): Promise<{ version: NamedModelVersion; created: boolean }> {
    const release = await this.uploads.acquire();
    try {
      const model = await checkedModel(file);
      const { version, created } = await addModelVersion(
        this.db,
        modelId,
        { text: JSON.stringify(file), contentHash: model.version, kind: model.kind, summary: modelSummary(model) },
        by,
      );
      return { version: named(version), created };
    } finally {
      release();
    }
  }

  async versions(modelId: string): Promise<NamedModelVersion[]> {
    return (await listModelVersions(this.db, modelId)).map(named);
  }

  async version(modelId: string, version: number): Promise<NamedModelVersion> {
    return named(await getModelVersion(this.db, modelId, version));
  }

  file(modelId: string, version: number): Promise<unknown> {
    return getModelFile(this.db, modelId, version);
  }

  /**
   * The version's model card: a retrained version's, made by its run on its out-of-time
   * applications (months, segments, stability, fairness); any other's from what is stored
   * (training, features and bins, the holdout's figures, limitations).
   */
  async card(modelId: string, version: number): Promise<ModelCard> {
    const [stored, file] = await Promise.all([getModelVersion(this.db, modelId, version), getModelFile(this.db, modelId, version)]);
    const summary = stored.summary as { card?: ModelCard; lineage?: { outOfTime?: { trainRows: number; ootRows: number; ootFrom: string } } };
    if (summary.card) return summary.card;
    const lineage = summary.lineage ?? null;
    return storedModelCard(parseModelFile(file, `model ${modelId}@${version}`), lineage);
  }

  /** The card as a self-contained HTML page. */
  async cardHtml(modelId: string, version: number): Promise<string> {
    return modelCardHtml(await this.card(modelId, version), `Model card: ${modelId} version ${version}`);
  }
}
