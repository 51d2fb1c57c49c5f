import type { InferenceSession } from 'onnxruntime-node';

/** The ONNX runtime (a native library) is loaded with the first ONNX model, not by every server and command. */
const onnxRuntime = () => import('onnxruntime-node');
import type { Booster } from './gbdt/booster.ts';
import type { Frame } from './frame.ts';
import { onnxTreesAsBooster } from './onnx-trees.ts';
import { ProtobufError, protobufFields, protobufText } from './protobuf.ts';
import { ModelImportError } from './xgboost-import.ts';

/** Where the probability of default sits in the graph's outputs. */
export interface OnnxBinding {
  featureNames: string[];
  input: string;
  output: string;
  /** Column of the output holding the bad class's probability. */
  column: number;
  /**
   * For a tree ensemble: rows of a reference sample (the training data or one like it) reaching
   * each node of each tree, which TreeSHAP needs to explain a score; absent, the model is not explained.
   */
  covers?: number[][];
}

/**
 * A binary classifier in ONNX (tree ensembles, linear classifiers, anything onnxruntime runs)
 * with one float input [N, features] and a probability output [N, 2] or [N, 1]. Scored through
 * onnxruntime-node; the session is created on first use, so loading a model file stays cheap.
 */
export class OnnxModel {
  private session: Promise<InferenceSession> | null = null;
  /** The graph's trees as Arbiter's own, when it is a tree ensemble they can express: scored on the kernel. */
  readonly booster: Booster | null;

  constructor(
    readonly bytes: Uint8Array,
    readonly binding: OnnxBinding,
  ) {
    this.booster = onnxTreesAsBooster(bytes, binding.featureNames, binding.covers);
  }

  /** Explained by TreeSHAP: converted trees with covers from a reference sample. */
  get explainable(): boolean {
    return this.booster !== null && this.binding.covers !== undefined;
  }

  get featureNames(): string[] {
    return this.binding.featureNames;
  }

  /** Reads and checks a graph: it must load, and its input and output must fit a PD model. */
  static async fromBytes(bytes: Uint8Array, featureNames?: string[]): Promise<OnnxModel> {
    let session: InferenceSession;
    try {
      session = await (await onnxRuntime()).InferenceSession.create(bytes);
    } catch (err) {
      throw new ModelImportError(`onnxruntime cannot load this file: ${(err as Error).message.split('\n')[0]}`);
    }
    try {
      const inputs = session.inputMetadata;
      if (inputs.length !== 1) throw new ModelImportError(`the graph has ${inputs.length} inputs; a PD model needs exactly one float tensor [N, features]`);
      const input = inputs[0]!;
      if (!input.isTensor || input.type !== 'float32' || input.shape.length !== 2 || typeof input.shape[1] !== 'number') {
        throw new ModelImportError(`input "${input.name}" must be a float tensor of shape [N, features] with a fixed number of features`);
      }
      const width = input.shape[1];
      const names = featureNames ?? featureNamesOf(bytes);
      if (!names) throw new ModelImportError('the model does not name its features (metadata_props "feature_names"); name them in order with --features a,b,c');
      if (names.length !== width) throw new ModelImportError(`${names.length} feature names given for an input of ${width} features`);
      const outputs = session.outputMetadata.filter((o) => o.isTensor && o.type === 'float32');
      const chosen =
        outputs.find((o) => o.name === 'probabilities') ?? outputs.find((o) => o.isTensor && o.shape.length === 2 && (o.shape[1] === 2 || o.shape[1] === 1));
      if (!chosen?.isTensor) {
        throw new ModelImportError(
          'no float probability output [N, 2] found; export classifiers without ZipMap (for example skl2onnx options {"zipmap": False})',
        );
      }
      const column = chosen.shape[1] === 1 ? 0 : 1;
      return new OnnxModel(bytes, { featureNames: names, input: input.name, output: chosen.name, column });
    } finally {
      await session.release();
    }
  }

  async predict(frame: Frame): Promise<Float64Array> {
    return this.booster ? this.booster.predict(frame) : this.runtimePredict(frame);
  }

  /** The graph run by onnxruntime itself, converted or not. */
  async runtimePredict(frame: Frame): Promise<Float64Array> {
    this.session ??= onnxRuntime().then((ort) => ort.InferenceSession.create(this.bytes));
    const session = await this.session;
    const f = this.binding.featureNames.length;
    const x = new Float32Array(frame.rows * f);
    this.binding.featureNames.forEach((name, j) => {
      const c = frame.column(name);
      if (c.kind !== 'numeric') throw new ModelImportError(`feature ${name} must be numeric for an ONNX model`);
      for (let i = 0; i < frame.rows; i++) x[i * f + j] = c.values[i]!;
    });
    const { Tensor } = await onnxRuntime();
    const result = await session.run({ [this.binding.input]: new Tensor('float32', x, [frame.rows, f]) });
    const out = result[this.binding.output]!;
    const width = out.dims[1] ?? 1;
    const data = out.data as Float32Array;
    return Float64Array.from({ length: frame.rows }, (_, i) => data[i * width + this.binding.column]!);
  }
}

/**
 * The "feature_names" entry of ModelProto.metadata_props (field 14), read straight from the
 * protobuf: onnxruntime-node does not expose model metadata.
 */
export function featureNamesOf(bytes: Uint8Array): string[] | null {
  try {
    for (const entry of protobufFields(bytes).filter((x) => x.field === 14 && x.bytes)) {
      const kv = protobufFields(entry.bytes!);
      const text = (n: number) => {
        const b = kv.find((x) => x.field === n)?.bytes;
        return b ? protobufText(b) : null;
      };
      if (text(1) === 'feature_names') return (text(2) ?? '').split(',').filter(Boolean);
    }
    return null;
  } catch (err) {
    if (!(err instanceof ProtobufError)) throw err;
    throw new ModelImportError(err.reason === 'truncated' ? 'the file is not a complete ONNX protobuf' : `the file is not an ONNX protobuf (${err.message})`);
  }
}
