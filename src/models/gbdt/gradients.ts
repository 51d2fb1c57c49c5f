/**
 * Logistic-loss gradients and hessians of rows[from..to) at their current margins, side by side
 * in `gh`; adds the log loss at those margins of every `lossStep`-th row (counted over all the
 * rows, so the rows measured do not depend on how the range is cut) to out[0] and their count to
 * out[1], reusing e^-m. The calling thread and a histogram worker each take half of the rows.
 */
export function addGradients(
  rows: Int32Array,
  from: number,
  to: number,
  margin: Float64Array,
  y: Uint8Array,
  gh: Float64Array,
  lossStep: number,
  out: Float64Array,
): void {
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    const m = margin[r]!;
    const e = Math.exp(-m);
    const q = 1 / (1 + e);
    gh[2 * r] = q - y[r]!;
    gh[2 * r + 1] = Math.max(q * (1 - q), 1e-16);
    if (i % lossStep === 0) {
      // log(1 + e^-m) for a bad row, log(1 + e^m) = m + log(1 + e^-m) for a good one; for a very
      // negative m, e^-m overflows and the stable form is taken instead.
      const l = e === Number.POSITIVE_INFINITY ? (y[r] === 1 ? -m : Math.log1p(Math.exp(m))) : y[r] === 1 ? Math.log1p(e) : m + Math.log1p(e);
      sum += l;
      n++;
    }
  }
  out[0]! += sum;
  out[1]! += n;
}
