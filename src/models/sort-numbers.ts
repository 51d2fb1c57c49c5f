/**
 * Sorts numbers (no NaN) ascending in place, in the order `Float64Array.prototype.sort` gives
 * (-0 before +0), by a radix sort on their bits: V8 sorts a typed array at about 100 ns an
 * element, and the bin edges of a million-row training set sort 30 samples of 233,000 values.
 */
export function sortNumbers(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_FROM || !LITTLE_ENDIAN) return values.sort();
  // Each double's bits as an unsigned 64-bit key (hi, lo) that orders as the number does: a
  // positive number's sign bit is set, a negative number's bits are all flipped.
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const negative = h >>> 31;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~words[2 * i]! >>> 0 : words[2 * i]!;
  }
  // Least significant digit first, 16 bits at a time; a digit every key shares is skipped.
  let hiOut = new Uint32Array(n);
  let loOut = new Uint32Array(n);
  const counts = new Int32Array(DIGITS);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(source[i]! >>> shift) & DIGIT_MASK]!++;
    if (counts[(source[0]! >>> shift) & DIGIT_MASK] === n) continue;
    let at = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const k = counts[(source[i]! >>> shift) & DIGIT_MASK]!++;
      hiOut[k] = hi[i]!;
      loOut[k] = lo[i]!;
    }
    [hi, hiOut] = [hiOut, hi];
    [lo, loOut] = [loOut, lo];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i]!;
    const positive = h >>> 31;
    words[2 * i + 1] = positive ? (h & 0x7fffffff) >>> 0 : ~h >>> 0;
    words[2 * i] = positive ? lo[i]! : ~lo[i]! >>> 0;
  }
  return values;
}

/** Below this many values the built-in sort is as quick. */
const RADIX_FROM = 4_096;
const DIGITS = 65_536;
const DIGIT_MASK = DIGITS - 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
