import type { Tree } from './gbdt/tree.ts';

/**
 * Pieces shared by the converters that turn another library's trees (XGBoost JSON, ONNX) into
 * Arbiter's own, whose splits are bin numbers rather than thresholds.
 */

/** The largest double below `t`: with it as a bin's upper edge, `v <= edge` is `v < t`. */
export function below(t: number): number {
  if (t === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, t);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, t > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}

/** A tree of `size` nodes, every one a leaf worth 0 until the converter fills it in. */
export function blankTree(size: number, cover: Float64Array): Tree {
  return {
    feature: new Int32Array(size).fill(-1),
    threshold: new Int32Array(size),
    categories: new Array(size).fill(null),
    defaultLeft: new Uint8Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    value: new Float64Array(size),
    cover,
  };
}
