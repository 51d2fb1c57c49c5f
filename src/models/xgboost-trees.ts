import { Booster, DEFAULT_PARAMS } from './gbdt/booster.ts';
import { MAX_BINS, type FeatureBins } from './gbdt/binning.ts';
import type { Tree } from './gbdt/tree.ts';
import { below, blankTree } from './imported-trees.ts';

/** The parts of an XGBoost JSON tree that decide where a row goes and what it adds. */
export interface XgbTreeJson {
  left_children: number[];
  right_children: number[];
  split_indices: number[];
  split_conditions: number[];
  default_left: number[];
  split_type: number[];
  sum_hessian?: number[];
}

/**
 * An XGBoost model's trees as Arbiter's own, so it scores on the WebAssembly kernel and is
 * explained by TreeSHAP. Each feature's bins are cut at the thresholds its splits use (a split
 * `v < t` sends bins up to t's left), missing values go to bin 0 and follow `default_left`, and
 * a node's cover is XGBoost's `sum_hessian`. Null when the model cannot be expressed so: a
 * categorical split, a node without its hessian sum, or more thresholds on one feature than bins.
 */
export function xgboostAsBooster(trees: XgbTreeJson[], featureNames: string[], baseMargin: number): Booster | null {
  const thresholds = featureNames.map(() => new Set<number>());
  for (const t of trees) {
    if (!t.sum_hessian || t.sum_hessian.length !== t.left_children.length) return null;
    for (let n = 0; n < t.left_children.length; n++) {
      if (t.left_children[n] === -1) continue;
      if (t.split_type[n] !== 0) return null;
      thresholds[t.split_indices[n]!]!.add(t.split_conditions[n]!);
    }
  }
  if (thresholds.some((s) => s.size >= MAX_BINS)) return null;
  const sorted = thresholds.map((s) => Float64Array.from(s).sort());
  const features: FeatureBins[] = featureNames.map((name, f) => ({
    kind: 'numeric',
    name,
    uppers: Float64Array.from([...Array.from(sorted[f]!, below), Infinity]),
  }));
  /** The bin number (1-based) whose upper edge is just below threshold t of feature f. */
  const lastLeftBin = (f: number, t: number): number => sorted[f]!.indexOf(t) + 1;
  const converted: Tree[] = trees.map((t) => {
    const n = t.left_children.length;
    const tree = blankTree(n, Float64Array.from(t.sum_hessian!));
    for (let node = 0; node < n; node++) {
      if (t.left_children[node] === -1) {
        // XGBoost keeps a leaf's output (learning rate applied) in split_conditions.
        tree.value[node] = t.split_conditions[node]!;
        continue;
      }
      const f = t.split_indices[node]!;
      tree.feature[node] = f;
      tree.threshold[node] = lastLeftBin(f, t.split_conditions[node]!);
      tree.defaultLeft[node] = t.default_left[node] ? 1 : 0;
      tree.left[node] = t.left_children[node]!;
      tree.right[node] = t.right_children[node]!;
    }
    return tree;
  });
  return new Booster(features, converted, baseMargin, { ...DEFAULT_PARAMS, rounds: trees.length, maxBins: MAX_BINS }, []);
}
