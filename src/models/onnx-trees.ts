import { Booster, DEFAULT_PARAMS } from './gbdt/booster.ts';
import { MAX_BINS, type FeatureBins } from './gbdt/binning.ts';
import { goLeft, isLeaf, type Tree } from './gbdt/tree.ts';
import type { Frame } from './frame.ts';
import { below, blankTree } from './imported-trees.ts';
import { packedVarints, protobufFields, protobufText as text, ProtobufError, type ProtobufField as Field } from './protobuf.ts';

/**
 * An ONNX `TreeEnsembleClassifier` (ai.onnx.ml) as Arbiter's own trees, so that it scores on the
 * WebAssembly kernel and, given the rows it was trained on or a sample like them, is explained by
 * TreeSHAP. The graph is read straight from its protobuf. Converted are binary classifiers whose
 * probability is the logistic of a base value plus one weight per tree (how XGBoost and LightGBM
 * export); splits `BRANCH_LT` and `BRANCH_LEQ`, with their missing-value direction. Anything
 * else (averaged class votes, other split modes) stays with onnxruntime.
 */

/** Repeated ints (packed or not) of an AttributeProto's field 8. */
function ints(fields: Field[]): number[] {
  const out: number[] = [];
  for (const f of fields.filter((x) => x.field === 8)) {
    if (f.wire === 0) out.push(f.value);
    else if (f.bytes) for (const p of packedVarints(f.bytes)) out.push(p);
  }
  return out;
}

/** Repeated floats (packed or not) of an AttributeProto's field 7. */
function floats(fields: Field[]): number[] {
  const out: number[] = [];
  for (const f of fields.filter((x) => x.field === 7)) {
    if (f.wire === 5) out.push(f.value);
    else if (f.bytes) {
      const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      for (let k = 0; k + 4 <= f.bytes.length; k += 4) out.push(view.getFloat32(k, true));
    }
  }
  return out;
}

interface Ensemble {
  attrs: Map<string, Field[]>;
}

/** The graph's TreeEnsembleClassifier node, if it has exactly one node that is one. */
function ensembleOf(model: Uint8Array): Ensemble | null {
  const graph = protobufFields(model).find((f) => f.field === 7)?.bytes;
  if (!graph) return null;
  const nodes = protobufFields(graph).filter((f) => f.field === 1 && f.bytes);
  const trees = nodes.map((n) => protobufFields(n.bytes!)).filter((n) => text(n.find((f) => f.field === 4)?.bytes) === 'TreeEnsembleClassifier');
  if (nodes.length !== 1 || trees.length !== 1) return null;
  const attrs = new Map<string, Field[]>();
  for (const a of trees[0]!.filter((f) => f.field === 5 && f.bytes)) {
    const fields = protobufFields(a.bytes!);
    attrs.set(text(fields.find((f) => f.field === 1)?.bytes), fields);
  }
  return { attrs };
}

/**
 * The ensemble as a Booster over `featureNames` (in input order), with node covers from
 * `covers` when given; null when the graph is not one this converts (see above).
 */
export function onnxTreesAsBooster(bytes: Uint8Array, featureNames: string[], covers?: number[][]): Booster | null {
  let ensemble: Ensemble | null;
  try {
    ensemble = ensembleOf(bytes);
  } catch (err) {
    // A graph this reader cannot follow is left to onnxruntime, which judges the file.
    if (err instanceof ProtobufError || err instanceof RangeError) return null;
    throw err;
  }
  if (!ensemble) return null;
  const a = ensemble.attrs;
  const intsOf = (name: string) => ints(a.get(name) ?? []);
  const floatsOf = (name: string) => floats(a.get(name) ?? []);
  const stringsOf = (name: string) => (a.get(name) ?? []).filter((f) => f.field === 9).map((f) => text(f.bytes));
  const post = text((a.get('post_transform') ?? []).find((f) => f.field === 4)?.bytes) || 'NONE';
  const labels = intsOf('classlabels_int64s').length || stringsOf('classlabels_strings').length;
  const base = floatsOf('base_values');
  const classIds = intsOf('class_ids');
  if (post !== 'LOGISTIC' || labels !== 2 || base.length > 1 || classIds.some((c) => c !== 0)) return null;

  const treeIds = intsOf('nodes_treeids');
  const nodeIds = intsOf('nodes_nodeids');
  const featureIds = intsOf('nodes_featureids');
  const modes = stringsOf('nodes_modes');
  const values = floatsOf('nodes_values');
  const trueIds = intsOf('nodes_truenodeids');
  const falseIds = intsOf('nodes_falsenodeids');
  const missingTrue = intsOf('nodes_missing_value_tracks_true');
  const n = treeIds.length;
  if ([nodeIds, featureIds, modes, values, trueIds, falseIds].some((x) => x.length !== n)) return null;
  if (modes.some((m) => m !== 'BRANCH_LT' && m !== 'BRANCH_LEQ' && m !== 'LEAF')) return null;
  if (featureIds.some((f, k) => modes[k] !== 'LEAF' && (f < 0 || f >= featureNames.length))) return null;

  // Each split is an upper bin edge of its feature: below t for `v < t`, t itself for `v <= t`.
  const edgeOf = (k: number) => (modes[k] === 'BRANCH_LT' ? below(values[k]!) : values[k]!);
  const edges = featureNames.map(() => new Set<number>());
  for (let k = 0; k < n; k++) if (modes[k] !== 'LEAF') edges[featureIds[k]!]!.add(edgeOf(k));
  if (edges.some((s) => s.size >= MAX_BINS)) return null;
  const sorted = edges.map((s) => Float64Array.from(s).sort());
  const features: FeatureBins[] = featureNames.map((name, f) => ({ kind: 'numeric', name, uppers: Float64Array.from([...sorted[f]!, Infinity]) }));

  const byTree = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const list = byTree.get(treeIds[k]!) ?? [];
    list.push(k);
    byTree.set(treeIds[k]!, list);
  }
  const weights = new Map<string, number>();
  const classTrees = intsOf('class_treeids');
  const classNodes = intsOf('class_nodeids');
  const classWeights = floatsOf('class_weights');
  classTrees.forEach((t, k) => weights.set(`${t}:${classNodes[k]}`, (weights.get(`${t}:${classNodes[k]}`) ?? 0) + classWeights[k]!));

  const trees: Tree[] = [];
  for (const [t, members] of [...byTree].sort(([x], [y]) => x - y)) {
    // Node ids may be sparse: number them densely, the root (id 0) first.
    const order = members.map((k) => nodeIds[k]!).sort((x, y) => x - y);
    const index = new Map(order.map((id, i) => [id, i]));
    if (order[0] !== 0) return null;
    const size = order.length;
    const tree = blankTree(size, covers?.[trees.length] ? Float64Array.from(covers[trees.length]!) : new Float64Array(size).fill(1));
    if (tree.cover.length !== size) return null;
    for (const k of members) {
      const at = index.get(nodeIds[k]!)!;
      if (modes[k] === 'LEAF') {
        tree.value[at] = weights.get(`${t}:${nodeIds[k]}`) ?? 0;
        continue;
      }
      const f = featureIds[k]!;
      const left = index.get(trueIds[k]!);
      const right = index.get(falseIds[k]!);
      if (left === undefined || right === undefined) return null;
      tree.feature[at] = f;
      tree.threshold[at] = sorted[f]!.indexOf(edgeOf(k)) + 1;
      tree.defaultLeft[at] = missingTrue[k] ? 1 : 0;
      tree.left[at] = left;
      tree.right[at] = right;
    }
    if (!isProperTree(tree)) return null;
    trees.push(tree);
  }
  return new Booster(features, trees, base[0] ?? 0, { ...DEFAULT_PARAMS, rounds: trees.length, maxBins: MAX_BINS }, []);
}

/** Every node reached from the root once at most: no cycle, no shared child, so every walk ends. */
function isProperTree(t: Tree): boolean {
  const seen = new Uint8Array(t.left.length);
  const stack = [0];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen[node]) return false;
    seen[node] = 1;
    if (!isLeaf(t, node)) stack.push(t.left[node]!, t.right[node]!);
  }
  return true;
}

/** Rows of `frame` reaching each node of each tree: the covers TreeSHAP weighs paths by. */
export function coversFrom(booster: Booster, frame: Frame): number[][] {
  const binned = booster.bin(frame);
  return booster.trees.map((t) => {
    const cover = new Array<number>(t.left.length).fill(0);
    for (let row = 0; row < frame.rows; row++) {
      let node = 0;
      cover[node]!++;
      while (!isLeaf(t, node)) {
        node = goLeft(t, node, binned.bins[t.feature[node]!]![row]!) ? t.left[node]! : t.right[node]!;
        cover[node]!++;
      }
    }
    // A node no sample reached keeps a token weight, so that no path divides by zero.
    return cover.map((c) => Math.max(c, 1e-6));
  });
}
