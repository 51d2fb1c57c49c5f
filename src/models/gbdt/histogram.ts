/**
 * Adds the gradients and hessians of rows[start..end) into `out` (pairs per bin, from `base`):
 * the one loop that dominates training, shared by the main thread and the workers. `offsets2`
 * holds where each feature's pairs start (twice its first bin). Two features per step: fewer
 * loop checks, and two independent read-modify-writes in flight.
 */
export function accumulateHistogram(
  bins: Uint8Array | Uint16Array,
  width: number,
  offsets2: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  g: Float64Array,
  h: Float64Array,
  out: Float64Array,
  base: number,
): void {
  const pairs = width & ~1;
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const gr = g[r]!;
    const hr = h[r]!;
    const row = r * width;
    let f = 0;
    for (; f < pairs; f += 2) {
      const k = base + offsets2[f]! + (bins[row + f]! << 1);
      const k2 = base + offsets2[f + 1]! + (bins[row + f + 1]! << 1);
      out[k]! += gr;
      out[k + 1]! += hr;
      out[k2]! += gr;
      out[k2 + 1]! += hr;
    }
    if (f < width) {
      const k = base + offsets2[f]! + (bins[row + f]! << 1);
      out[k]! += gr;
      out[k + 1]! += hr;
    }
  }
}
