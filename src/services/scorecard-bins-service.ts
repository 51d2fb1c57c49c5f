import { createHash } from 'node:crypto';
import {
  binFeature,
  binSpecOf,
  csvFrame,
  featureColumns,
  featuresOf,
  modelFile,
  modelFileText,
  parseBinSpecs,
  stratifiedSplit,
  trainingInfo,
  trainScorecard,
  type BinReport,
  type BinSpecs,
  type Frame,
  type ModelImpl,
  type NewModel,
} from '../models/index.ts';
import type { Actor } from '../store/index.ts';
import { Gate } from '../support/gate.ts';
import type { ModelService, NamedModelVersion } from './model-service.ts';
import { ServiceError } from './service-error.ts';

/** Labelled applications as CSV text with a header, the outcome column, and its value for a bad loan. */
export interface LabelledData {
  data: string;
  target: string;
  bad: string;
  /** The features to bin; every column but the target and identifiers when absent. */
  features?: string[];
  /** Bins the analyst fixed (cuts, groups) or steered (trend, sizes), per feature, as `report` gives them. */
  bins?: unknown;
}

/** Work done in the request: beyond this the CLI (`arbiter bins`, `arbiter train --bins`) is the tool. */
export const MAX_BINNING_ROWS = 200_000;

interface Prepared {
  frame: Frame;
  y: Uint8Array;
  features: string[];
  specs: BinSpecs;
}

const invalid = (message: string) => new ServiceError('invalid', 'invalid_data', message);

function prepare(input: LabelledData): Prepared {
  let frame: Frame;
  let y: Uint8Array;
  try {
    frame = csvFrame(input.data, 'data');
    y = frame.target(input.target, input.bad);
  } catch (err) {
    throw invalid((err as Error).message);
  }
  if (frame.rows > MAX_BINNING_ROWS)
    throw invalid(`data: ${frame.rows} rows; at most ${MAX_BINNING_ROWS} are binned here. Use arbiter bins and arbiter train --bins for more.`);
  const columns = new Set(frame.columns.map((c) => c.name));
  const features = input.features ?? featureColumns(frame, new Set([input.target])).features;
  for (const name of features) {
    if (!columns.has(name)) throw invalid(`features: "${name}" is not a column of the data; its columns are ${[...columns].join(', ')}`);
    if (name === input.target) throw invalid(`features: "${name}" is the outcome, not a feature`);
  }
  let specs: BinSpecs;
  try {
    specs = input.bins === undefined ? {} : parseBinSpecs(input.bins, 'bins');
  } catch (err) {
    throw invalid((err as Error).message);
  }
  for (const name of Object.keys(specs)) if (!features.includes(name)) throw invalid(`bins: "${name}" is not one of the features (${features.join(', ')})`);
  return { frame, y, features, specs };
}

/**
 * Scorecard bins an analyst sees and adjusts, over the API: the bins every feature gets (optimal
 * under size and trend), the report with bins the analyst fixed, and a scorecard refitted on them
 * stored as the next version of a model (to be approved for use like any other).
 */
export class ScorecardBinsService {
  /** Binning and fitting run in the request and take the CPU while they do: one at a time. */
  private readonly work = new Gate(1);

  constructor(private readonly models: ModelService) {}

  async report(input: LabelledData): Promise<{ rows: number; bads: number; features: Record<string, BinReport> }> {
    const release = await this.work.acquire();
    try {
      const { frame, y, features, specs } = prepare(input);
      const rows = Int32Array.from({ length: frame.rows }, (_, i) => i);
      let reports: Record<string, BinReport>;
      try {
        reports = Object.fromEntries(features.map((name) => [name, binSpecOf(binFeature(frame.column(name), y, rows, specs[name] ?? {}))]));
      } catch (err) {
        throw invalid((err as Error).message);
      }
      return { rows: frame.rows, bads: y.reduce((n, v) => n + v, 0), features: reports };
    } finally {
      release();
    }
  }

  async refit(
    modelId: string,
    input: LabelledData & { testFraction?: number; seed?: number },
    by: Actor,
  ): Promise<{ version: NamedModelVersion; created: boolean }> {
    const release = await this.work.acquire();
    let file: unknown;
    try {
      const { frame, y, features, specs } = prepare(input);
      const testFraction = input.testFraction ?? 0.3;
      const seed = input.seed ?? 42;
      const { train, test } = stratifiedSplit(y, testFraction, seed);
      let impl: Extract<ModelImpl, { kind: 'scorecard' }>;
      try {
        impl = { kind: 'scorecard', model: trainScorecard(frame, y, features, train, { features: specs }) };
      } catch (err) {
        throw invalid((err as Error).message);
      }
      const training = trainingInfo(
        impl,
        y,
        impl.model.predict(frame),
        { train, test, testFraction, seed },
        { file: 'uploaded with the edited bins', sha256: createHash('sha256').update(input.data).digest('hex'), rows: frame.rows },
      );
      const model: NewModel = { ...impl, target: { column: input.target, bad: input.bad }, features: featuresOf(impl), imported: null, training };
      // Through the file's text, as an upload would come: the same checks and the same content hash.
      file = JSON.parse(modelFileText(modelFile(model)));
    } finally {
      release();
    }
    return this.models.add(modelId, file, by);
  }
}
