/**
 * Decimal coefficients as limbs of twelve digits held in doubles, least significant first: the
 * arithmetic a credit flow does most (an amount over a term, a share of it, less a debt) on 34
 * digits without a bigint. Every intermediate value stays below 2^53, so each step is exact:
 * a limb is below 10^12, and a limb times a multiplier or a divisor below 9,000 plus a carry
 * stays below 9.01e15. Results are written to `work` (with `workSize`, `workExponent`,
 * `workNegative`) and rounded there by `roundWork` to 34 digits, half to even.
 */

export const LIMB = 1e12;
const LIMB_DIGITS = 12;
/** A multiplier or divisor below this keeps limb × it + carry below 2^53. */
export const SMALL = 9000;
const P10: number[] = Array.from({ length: LIMB_DIGITS + 1 }, (_, i) => 10 ** i);

export const work = new Float64Array(16);
export let workSize = 0;
export let workExponent = 0;
export let workNegative = false;

/** `x = q × p + rem` for 0 ≤ x < 2^53 and p ≤ 10^12: the double quotient, floored and corrected. */
let rem = 0;
function divmod(x: number, p: number): number {
  let q = Math.floor(x / p);
  let r = x - q * p;
  if (r < 0) {
    q--;
    r += p;
  } else if (r >= p) {
    q++;
    r -= p;
  }
  rem = r;
  return q;
}

/** Digits of a limb (0 < x < 10^12), by halving the range. */
export function limbDigits(x: number): number {
  if (x < 1e6) {
    if (x < 1e3) return x < 10 ? 1 : x < 100 ? 2 : 3;
    return x < 1e4 ? 4 : x < 1e5 ? 5 : 6;
  }
  if (x < 1e9) return x < 1e7 ? 7 : x < 1e8 ? 8 : 9;
  return x < 1e10 ? 10 : x < 1e11 ? 11 : 12;
}

/** The magnitude `|v|` of a safe integer as two limbs: the high one returned, the low one in `splitLow`. */
export let splitLow = 0;
export function splitSafe(v: number): number {
  const high = divmod(v < 0 ? -v : v, LIMB);
  splitLow = rem;
  return high;
}

/** Shifts `src` (low first) left by `digits` into `dst` from index 0; returns how many limbs `dst` holds. */
function shiftLeft(src: ArrayLike<number>, count: number, digits: number, dst: Float64Array): number {
  const whole = Math.floor(digits / LIMB_DIGITS);
  const k = digits - whole * LIMB_DIGITS;
  const size = count + whole + 1;
  for (let i = 0; i < size; i++) dst[i] = 0;
  if (k === 0) {
    for (let i = 0; i < count; i++) dst[i + whole] = src[i]!;
  } else {
    const keep = P10[LIMB_DIGITS - k]!;
    const up = P10[k]!;
    for (let i = 0; i < count; i++) {
      const high = divmod(src[i]!, keep);
      dst[i + whole] += rem * up;
      dst[i + whole + 1] += high;
    }
  }
  return size;
}

const left = new Float64Array(16);
const right = new Float64Array(16);

/**
 * `(-1)^negA × A × 10^expA + (-1)^negB × B × 10^expB` into `work`, exactly (rounding is left to
 * `roundWork`). A and B are at most three limbs; false when aligning them would need more than
 * the working space (exponents far apart), for the bigint path to take.
 */
export function addLimbs(
  negA: boolean,
  a: ArrayLike<number>,
  sizeA: number,
  expA: number,
  negB: boolean,
  b: ArrayLike<number>,
  sizeB: number,
  expB: number,
): boolean {
  const e = Math.min(expA, expB);
  if (expA - e > 96 || expB - e > 96) return false;
  const sizeLeft = shiftLeft(a, sizeA, expA - e, left);
  const sizeRight = shiftLeft(b, sizeB, expB - e, right);
  const n = Math.max(sizeLeft, sizeRight);
  for (let i = sizeLeft; i <= n; i++) left[i] = 0;
  for (let i = sizeRight; i <= n; i++) right[i] = 0;
  workExponent = e;
  if (negA === negB) {
    let carry = 0;
    for (let i = 0; i <= n; i++) {
      const s = (left[i] ?? 0) + (right[i] ?? 0) + carry;
      carry = s >= LIMB ? 1 : 0;
      work[i] = s - carry * LIMB;
    }
    workSize = n + 1;
    workNegative = negA;
    return true;
  }
  // Different signs: the larger magnitude less the smaller, with the larger's sign.
  let cmp = 0;
  for (let i = n; i >= 0 && cmp === 0; i--) cmp = left[i]! > right[i]! ? 1 : left[i]! < right[i]! ? -1 : 0;
  const big = cmp >= 0 ? left : right;
  const small = cmp >= 0 ? right : left;
  let borrow = 0;
  for (let i = 0; i <= n; i++) {
    let d = big[i]! - small[i]! - borrow;
    borrow = d < 0 ? 1 : 0;
    d += borrow * LIMB;
    work[i] = d;
  }
  workSize = n + 1;
  workNegative = cmp >= 0 ? negA : negB;
  return true;
}

/** `A × m` for a whole multiplier 0 < m < 9,000, into `work`. */
export function multiplySmall(negative: boolean, a: ArrayLike<number>, sizeA: number, exponent: number, m: number): void {
  let carry = 0;
  for (let i = 0; i < sizeA; i++) {
    const high = divmod(a[i]! * m + carry, LIMB);
    work[i] = rem;
    carry = high;
  }
  work[sizeA] = carry;
  workSize = sizeA + 1;
  workExponent = exponent;
  workNegative = negative;
}

/**
 * `a / d × 10^exponent` for a safe integer a ≥ 0 and a whole divisor 0 < d < 9,000, to at
 * least 36 significant digits, into `work`; returns whether a remainder was left (the sticky bit).
 */
export function divideSmall(negative: boolean, a: number, d: number, exponent: number): boolean {
  const high = divmod(a, LIMB);
  const low = rem;
  // Enough zero limbs after the dividend for 36 digits of quotient, whatever its leading zeros.
  const digitsA = high > 0 ? LIMB_DIGITS + limbDigits(high) : low > 0 ? limbDigits(low) : 1;
  const zeros = Math.ceil((36 + limbDigits(d) - digitsA + 1) / LIMB_DIGITS);
  const count = 2 + Math.max(zeros, 1);
  let r = 0;
  for (let i = 0; i < count; i++) {
    const limb = i === 0 ? high : i === 1 ? low : 0;
    const q = divmod(r * LIMB + limb, d);
    r = rem;
    work[count - 1 - i] = q;
  }
  workSize = count;
  workExponent = exponent - LIMB_DIGITS * (count - 2);
  workNegative = negative;
  return r !== 0;
}

/**
 * Rounds `work` to at most 34 digits (half to even; `sticky`: non-zero digits were dropped below
 * it already) and strips trailing zeros; returns its digit count, 0 for zero.
 */
export function roundWork(sticky: boolean): number {
  while (workSize > 0 && work[workSize - 1] === 0) workSize--;
  if (workSize === 0) return 0;
  let digits = (workSize - 1) * LIMB_DIGITS + limbDigits(work[workSize - 1]!);
  if (digits > 34) {
    const drop = digits - 34;
    const whole = Math.floor(drop / LIMB_DIGITS);
    const k = drop - whole * LIMB_DIGITS;
    // What is dropped, against half a unit of the last digit kept.
    let top: number;
    let half: number;
    let below = sticky;
    if (k === 0) {
      top = work[whole - 1]!;
      half = LIMB / 2;
      for (let i = 0; i < whole - 1; i++) below ||= work[i] !== 0;
    } else {
      divmod(work[whole]!, P10[k]!);
      top = rem;
      half = P10[k]! / 2;
      for (let i = 0; i < whole; i++) below ||= work[i] !== 0;
    }
    shiftRight(whole, k);
    workExponent += drop;
    digits = 34;
    if (top > half || (top === half && (below || work[0]! % 2 === 1))) {
      let i = 0;
      work[0] = work[0]! + 1;
      while (work[i] === LIMB) {
        work[i] = 0;
        i++;
        work[i] = (i < workSize ? work[i]! : 0) + 1;
        if (i === workSize) workSize++;
      }
      // 99...9 rounded up is a one and 34 zeros.
      digits = (workSize - 1) * LIMB_DIGITS + limbDigits(work[workSize - 1]!);
    }
  }
  // Trailing zeros, which rounding may make: the value has one form.
  let zeros = 0;
  while (workSize > 0 && work[0] === 0) {
    shiftRight(1, 0);
    zeros += LIMB_DIGITS;
  }
  let k = 0;
  while (k < LIMB_DIGITS - 1 && work[0]! % P10[k + 1]! === 0) k++;
  if (k > 0) shiftRight(0, k);
  workExponent += zeros + k;
  return digits - zeros - k;
}

/** Drops `whole` limbs and then `k` digits (0 ≤ k < 12) from the bottom of `work`, truncating. */
function shiftRight(whole: number, k: number): void {
  if (whole > 0) {
    for (let i = 0; i + whole < workSize; i++) work[i] = work[i + whole]!;
    workSize -= whole;
  }
  if (k > 0) {
    const p = P10[k]!;
    const up = P10[LIMB_DIGITS - k]!;
    // Each limb's quotient stays in it; its remainder moves to the top of the limb below.
    let q = divmod(work[0]!, p);
    for (let i = 0; i < workSize; i++) {
      const next = i + 1 < workSize ? divmod(work[i + 1]!, p) : 0;
      work[i] = q + (i + 1 < workSize ? rem : 0) * up;
      q = next;
    }
  }
  while (workSize > 0 && work[workSize - 1] === 0) workSize--;
}
