/**
 * Logistic regression by Newton's method (IRLS) with a small L2 penalty on the slopes, for a
 * handful of WoE-coded features: exact, fast and deterministic.
 */
export function fitLogistic(x: Float64Array[], y: Uint8Array, rows: Int32Array, l2 = 1e-4, iterations = 50): { intercept: number; coefficients: Float64Array } {
  const p = x.length;
  const beta = new Float64Array(p + 1);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(p + 1);
    const hess = Array.from({ length: p + 1 }, () => new Float64Array(p + 1));
    for (const r of rows) {
      let z = beta[0]!;
      for (let j = 0; j < p; j++) z += beta[j + 1]! * x[j]![r]!;
      const mu = 1 / (1 + Math.exp(-z));
      const w = Math.max(mu * (1 - mu), 1e-10);
      const e = mu - y[r]!;
      const row = [1, ...Array.from({ length: p }, (_, j) => x[j]![r]!)];
      for (let a = 0; a <= p; a++) {
        grad[a]! += e * row[a]!;
        for (let b = 0; b <= a; b++) hess[a]![b]! += w * row[a]! * row[b]!;
      }
    }
    for (let a = 0; a <= p; a++) for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
    for (let a = 1; a <= p; a++) {
      grad[a]! += l2 * rows.length * beta[a]!;
      hess[a]![a]! += l2 * rows.length;
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let a = 0; a <= p; a++) {
      beta[a]! -= step[a]!;
      change = Math.max(change, Math.abs(step[a]!));
    }
    if (change < 1e-9) break;
  }
  return { intercept: beta[0]!, coefficients: beta.slice(1) };
}

/** Gaussian elimination with partial pivoting: solves A x = b. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => Float64Array.from([...row, b[i]!]));
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i]![n]! / (m[i]![i]! || 1e-12));
}
