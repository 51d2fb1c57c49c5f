import { Booster, DEFAULT_PARAMS } from './gbdt/booster.ts';
import { MAX_BINS, type FeatureBins } from './gbdt/binning.ts';
import type { Tree } from './gbdt/tree.ts';
import { blankTree } from './imported-trees.ts';
import { ModelImportError } from './xgboost-import.ts';

/** LightGBM's `decision_type` bits (include/LightGBM/tree.h). */
const CATEGORICAL = 1;
const DEFAULT_LEFT = 2;
const MISSING_ZERO = 1;
const MISSING_NAN = 2;

interface LgbTree {
  numLeaves: number;
  splitFeature: number[];
  threshold: number[];
  decisionType: number[];
  leftChild: number[];
  rightChild: number[];
  leafValue: number[];
  leafCount: number[];
  internalCount: number[];
}

/** `key=value` lines up to a blank line or the next block, as LightGBM writes its text model. */
function fields(lines: string[], from: number): { values: Map<string, string>; next: number } {
  const values = new Map<string, string>();
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('Tree=') || line === 'end of trees') break;
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return { values, next: i };
}

function numbers(values: Map<string, string>, key: string, length: number, where: string): number[] {
  const text = values.get(key);
  if (text === undefined) throw new ModelImportError(`${where}: no ${key}`);
  const out = text.split(' ').map(Number);
  if (out.length !== length || out.some((x) => Number.isNaN(x)))
    throw new ModelImportError(`${where}: ${key} should hold ${length} numbers, it holds "${text.slice(0, 80)}"`);
  return out;
}

function readTree(values: Map<string, string>, where: string): LgbTree {
  const numLeaves = Number(values.get('num_leaves'));
  if (!Number.isInteger(numLeaves) || numLeaves < 1) throw new ModelImportError(`${where}: num_leaves is not a positive whole number`);
  if (Number(values.get('num_cat') ?? 0) > 0 || values.get('is_linear') === '1')
    throw new ModelImportError(
      `${where}: categorical splits and linear trees are not supported; train with the categories one-hot encoded and linear_tree off`,
    );
  const internal = numLeaves - 1;
  const tree: LgbTree = {
    numLeaves,
    leafValue: numbers(values, 'leaf_value', numLeaves, where),
    leafCount: numLeaves > 1 ? numbers(values, 'leaf_count', numLeaves, where) : [Number(values.get('leaf_count') ?? 1) || 1],
    splitFeature: internal ? numbers(values, 'split_feature', internal, where) : [],
    threshold: internal ? numbers(values, 'threshold', internal, where) : [],
    decisionType: internal ? numbers(values, 'decision_type', internal, where) : [],
    leftChild: internal ? numbers(values, 'left_child', internal, where) : [],
    rightChild: internal ? numbers(values, 'right_child', internal, where) : [],
    internalCount: internal ? numbers(values, 'internal_count', internal, where) : [],
  };
  for (let n = 0; n < internal; n++) {
    const type = tree.decisionType[n]!;
    if (type & CATEGORICAL) throw new ModelImportError(`${where}: node ${n} splits on categories; train with the categories one-hot encoded`);
    if (((type >> 2) & 3) === MISSING_ZERO)
      throw new ModelImportError(`${where}: node ${n} treats zero as missing (zero_as_missing); train with it off, missing values as NaN`);
    for (const child of [tree.leftChild[n]!, tree.rightChild[n]!])
      if (child >= internal || -child - 1 >= numLeaves) throw new ModelImportError(`${where}: node ${n} points at a node the tree does not have`);
  }
  return tree;
}

/**
 * A binary LightGBM model, read from its text format (`save_model`), as Arbiter's own trees: it
 * scores on the WebAssembly kernel and TreeSHAP explains it with LightGBM's own node counts, as
 * LightGBM's `pred_contrib` does. A split sends `v <= threshold` left, so each feature's bins are
 * cut at exactly the thresholds its splits use; a missing value goes where LightGBM sends it:
 * the split's default side when the model treats NaN as missing, else where zero goes (LightGBM
 * reads NaN as 0 then). The first tree holds the initial score, so the margin starts at 0.
 */
export function lightgbmAsBooster(text: string): { booster: Booster; featureNames: string[] } {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== 'tree')
    throw new ModelImportError('not a LightGBM text model: it does not start with "tree" (save it with booster.save_model("model.txt"))');
  const header = fields(lines, 1);
  const objective = header.values.get('objective') ?? '';
  const sigmoid = /^binary\b.*\bsigmoid:([\d.eE+-]+)/.exec(objective);
  if (!sigmoid) throw new ModelImportError(`only binary models are supported, this one's objective is "${objective}"`);
  const scale = Number(sigmoid[1]);
  if (header.values.get('num_class') !== '1' || header.values.get('num_tree_per_iteration') !== '1')
    throw new ModelImportError('only models with one class and one tree per iteration (binary) are supported');
  const featureNames = (header.values.get('feature_names') ?? '').split(' ').filter(Boolean);
  if (!featureNames.length) throw new ModelImportError('the model has no feature_names');

  const trees: LgbTree[] = [];
  let at = header.next;
  while (at < lines.length && lines[at]!.startsWith('Tree=')) {
    const block = fields(lines, at + 1);
    trees.push(readTree(block.values, lines[at]!));
    at = block.next;
  }
  if (!trees.length) throw new ModelImportError('the model has no trees');

  const thresholds = featureNames.map(() => new Set<number>());
  for (const t of trees)
    t.splitFeature.forEach((f, n) => {
      if (f < 0 || f >= featureNames.length) throw new ModelImportError(`a split reads feature ${f}, which the model does not name`);
      thresholds[f]!.add(t.threshold[n]!);
    });
  const crowded = thresholds.findIndex((s) => s.size >= MAX_BINS);
  if (crowded >= 0)
    throw new ModelImportError(`feature ${featureNames[crowded]} is split at ${thresholds[crowded]!.size} places; at most ${MAX_BINS - 1} are supported`);
  const sorted = thresholds.map((s) => Float64Array.from(s).sort());
  // Bins are (lower, upper]: with the thresholds as upper edges, `v <= t` is "in a bin up to t's".
  const features: FeatureBins[] = featureNames.map((name, f) => ({ kind: 'numeric', name, uppers: Float64Array.from([...sorted[f]!, Infinity]) }));

  const converted: Tree[] = trees.map((t) => {
    const internal = t.numLeaves - 1;
    const node = (child: number) => (child >= 0 ? child : internal + (-child - 1));
    const tree = blankTree(internal + t.numLeaves, Float64Array.from([...t.internalCount, ...t.leafCount]));
    for (let j = 0; j < t.numLeaves; j++) tree.value[internal + j] = t.leafValue[j]! * scale;
    for (let n = 0; n < internal; n++) {
      const f = t.splitFeature[n]!;
      const threshold = t.threshold[n]!;
      tree.feature[n] = f;
      tree.threshold[n] = sorted[f]!.indexOf(threshold) + 1;
      const missingIsNan = ((t.decisionType[n]! >> 2) & 3) === MISSING_NAN;
      tree.defaultLeft[n] = missingIsNan ? (t.decisionType[n]! & DEFAULT_LEFT ? 1 : 0) : 0 <= threshold ? 1 : 0;
      tree.left[n] = node(t.leftChild[n]!);
      tree.right[n] = node(t.rightChild[n]!);
    }
    return tree;
  });
  return { booster: new Booster(features, converted, 0, { ...DEFAULT_PARAMS, rounds: converted.length, maxBins: MAX_BINS }, []), featureNames };
}
