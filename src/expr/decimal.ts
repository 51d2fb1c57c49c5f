/**
 * FEEL numbers are IEEE 754-2008 decimal128 values: 34 significant digits, results rounded half
 * to even (DMN 1.5, 10.3.2.3.1). The numbers a credit flow meets are mostly doubles whose shortest
 * decimal form is the number meant (amounts, rates, scores from JSON), so they stay JavaScript
 * numbers: a double stands for the decimal `String(x)` prints. A value that needs digits no double
 * stands for (1 / 3, or a sum of two 17-digit numbers) is a `FeelDecimal`. Arithmetic on two
 * doubles is done first on their decimal digits as integers, which is exact and allocates nothing;
 * only a result of more than 15 significant digits is worked out with `bigint`s.
 */

import {
  LIMB,
  SMALL,
  addLimbs,
  divideSmall,
  multiplySmall,
  roundWork,
  splitLow,
  splitSafe,
  work,
  workExponent,
  workNegative,
  workSize,
} from './decimal-limbs.ts';

export const PRECISION = 34;
/** Largest and smallest adjusted exponent (of the leading digit) decimal128 holds; beyond them a result is null or zero. */
const MAX_ADJUSTED = 6144;
const MIN_EXPONENT = -6176;

const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const BIG_POW10: bigint[] = [1n];
function bigPow10(n: number): bigint {
  const known = BIG_POW10[n];
  if (known !== undefined) return known;
  while (BIG_POW10.length <= n) BIG_POW10.push(BIG_POW10[BIG_POW10.length - 1]! * 10n);
  return BIG_POW10[n]!;
}
bigPow10(80);
const LIMIT = 1e15;
/** Powers of ten as doubles, exact to 10^22 and the nearest double beyond: for approximations only. */
const APPROX_POW10: number[] = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));
const TEN_TO_PRECISION = 10n ** BigInt(PRECISION);

const BIG_LIMB = 10n ** 12n;

/**
 * A FEEL number a double does not stand for: `coefficient × 10^exponent`, the coefficient of 16
 * to 34 digits without trailing zeros. Made by the limb arithmetic, it holds the coefficient's
 * magnitude as three twelve-digit limbs and makes the bigint only when something asks for it.
 */
export class FeelDecimal {
  private exactDouble: number | undefined;
  private big: bigint | undefined;
  constructor(
    coefficient: bigint | undefined,
    readonly exponent: number,
    /** Within a few units in the last place of the value; the order of two values far apart is read from it. */
    readonly approx: number,
    /** Digits of the coefficient (16 to 34). */
    readonly digits: number,
    /** Limbs of the coefficient's magnitude, low first (`l0` NaN when the coefficient is a bigint), and its sign. */
    readonly l0 = Number.NaN,
    readonly l1 = 0,
    readonly l2 = 0,
    readonly negative = coefficient !== undefined && coefficient < 0n,
  ) {
    this.big = coefficient;
  }

  get coefficient(): bigint {
    if (this.big === undefined) {
      const magnitude = (BigInt(this.l2) * BIG_LIMB + BigInt(this.l1)) * BIG_LIMB + BigInt(this.l0);
      this.big = this.negative ? -magnitude : magnitude;
    }
    return this.big;
  }

  get hasLimbs(): boolean {
    return !Number.isNaN(this.l0);
  }

  /** The nearest double, for JSON and for code outside FEEL. */
  toNumber(): number {
    this.exactDouble ??= Number(`${this.coefficient}e${this.exponent}`);
    return this.exactDouble;
  }

  toJSON(): number {
    return this.toNumber();
  }

  /** Plain decimal notation, every digit, no exponent: FEEL's `string()` of a number. */
  toString(): string {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString();
    const sign = negative ? '-' : '';
    if (this.exponent >= 0) return sign + digits + '0'.repeat(this.exponent);
    const point = digits.length + this.exponent;
    if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
    return `${sign}0.${'0'.repeat(-point)}${digits}`;
  }
}

export type FeelNumber = number | FeelDecimal;

export function isFeelNumber(v: unknown): v is FeelNumber {
  return typeof v === 'number' || v instanceof FeelDecimal;
}

/** A FEEL number as a double, for code that works in doubles (models, optimisers, indexes). */
export function toDouble(n: FeelNumber): number {
  return typeof n === 'number' ? n : n.toNumber();
}

// ---------- a double's decimal digits ----------

/**
 * Decimal places of the number `x` stands for, when it has at most 15 significant digits and so
 * is `units / 10^places` with safe integer units; -1 otherwise. A double of at most 15
 * significant digits stands for one decimal only, so a product that lands on a whole number and
 * divides back to `x` has found it.
 */
export function placesOf(x: number): number {
  if (Number.isInteger(x)) return Math.abs(x) < LIMIT ? 0 : -1;
  for (let k = 1; k < 23; k++) {
    const m = x * POW10[k]!;
    if (m >= LIMIT || m <= -LIMIT) return -1;
    if (Number.isInteger(m) && m / POW10[k]! === x) return k;
  }
  return -1;
}

/** Splits `x` into a bigint coefficient and exponent (set in `partC`, `partE`), from its shortest decimal form. */
let partC = 0n;
let partE = 0;
/** Digits of `partC` when known without counting (a FeelDecimal's), 0 otherwise. */
let partDigits = 0;
/** The last double split, kept: a literal such as 0.35 meets every row of a batch. */
let lastX = Number.NaN;
let lastC = 0n;
let lastE = 0;
let lastDigits = 0;
function split(x: number): void {
  if (x === lastX) {
    partC = lastC;
    partE = lastE;
    partDigits = lastDigits;
    return;
  }
  const p = Number.isSafeInteger(x) ? 0 : placesOf(x);
  if (p >= 0) {
    const units = p === 0 ? x : Math.round(x * POW10[p]!);
    partC = BigInt(units);
    partE = -p;
    partDigits = Math.abs(units) < LIMIT ? integerDigits(units) : 0;
  } else {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
    const fraction = m[3] ?? '';
    partC = BigInt(`${m[1]}${m[2]}${fraction}`);
    partE = Number(m[4] ?? 0) - fraction.length;
    partDigits = 0;
  }
  lastX = x;
  lastC = partC;
  lastE = partE;
  lastDigits = partDigits;
}

function digitCount(c: bigint): number {
  const x = Math.abs(Number(c));
  if (x < LIMIT) {
    // Below 10^15 the double is the integer itself.
    if (x < 10) return 1;
    let d = Math.floor(Math.log10(x)) + 1;
    if (x >= POW10[d]!) d++;
    else if (x < POW10[d - 1]!) d--;
    return d;
  }
  if (x === Infinity) return (c < 0n ? -c : c).toString().length;
  const l = Math.log10(x);
  const whole = Math.floor(l);
  // Far from a power of ten the rounded double has the integer's digit count; near one, compare exactly.
  if (l - whole > 1e-9 && l - whole < 1 - 1e-9) return whole + 1;
  const n = c < 0n ? -c : c;
  let d = whole + 1;
  if (n >= bigPow10(d)) d++;
  else if (n < bigPow10(d - 1)) d--;
  return d;
}

// ---------- building results ----------

/**
 * The FEEL number `c × 10^e` rounded to 34 digits (half to even; `sticky` says digits below `c`
 * were dropped already): a double when its shortest form is the value, a FeelDecimal otherwise,
 * null beyond decimal128's range.
 */
export function fromParts(c: bigint, e: number, sticky = false, knownDigits = 0): FeelNumber | null {
  if (c === 0n) return 0;
  let digits = knownDigits || digitCount(c);
  if (digits > PRECISION) {
    const drop = digits - PRECISION;
    c = roundDrop(c, drop, sticky);
    e += drop;
    digits = PRECISION;
    // Rounding up 99...9 gives one digit more, a zero.
    if (c >= TEN_TO_PRECISION || c <= -TEN_TO_PRECISION) {
      c /= 10n;
      e++;
    }
  }
  if (digits + e - 1 > MAX_ADJUSTED) return null;
  if (e < MIN_EXPONENT) {
    const drop = MIN_EXPONENT - e;
    if (drop > digits) return 0;
    c = roundDrop(c, drop, false);
    e = MIN_EXPONENT;
    if (c === 0n) return 0;
    digits = digitCount(c);
  }
  while (c % 10n === 0n) {
    c /= 10n;
    e++;
    digits--;
  }
  if (digits <= 15 && e > -23 && e < 23) {
    const units = Number(c);
    return e >= 0 ? units * POW10[e]! : units / POW10[-e]!;
  }
  const approx = e >= 0 ? Number(c) * (APPROX_POW10[e] ?? 10 ** e) : Number(c) / (APPROX_POW10[-e] ?? 10 ** -e);
  // A 16- or 17-digit value may be exactly what a double prints; it stays a double then.
  if (digits <= 17 && Number.isFinite(approx)) {
    const nearest = Number(`${c}e${e}`);
    split(nearest);
    if (partC === c && partE === e) return nearest;
  }
  return new FeelDecimal(c, e, approx, digits);
}

/** `c / 10^drop`, rounded half to even; `sticky` counts as a non-zero digit below those dropped. */
function roundDrop(c: bigint, drop: number, sticky: boolean): bigint {
  const p = bigPow10(drop);
  const q = c / p;
  let r = c % p;
  if (r < 0n) r = -r;
  if (r === 0n && !sticky) return q;
  const rest = p - r;
  if (r > rest || (r === rest && (sticky || q % 2n !== 0n))) return c < 0n ? q - 1n : q + 1n;
  return q;
}

export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'floor' | 'ceiling';

/** -1, 0 or 1 to add to a truncated quotient `q` whose dropped remainder is `r` (at least 0) of `divisor` (above 0). */
function roundingStep(q: bigint, r: bigint, divisor: bigint, negative: boolean, sticky: boolean, mode: RoundingMode): bigint {
  if (r === 0n && !sticky) return 0n;
  const away = negative ? -1n : 1n;
  switch (mode) {
    case 'down':
      return 0n;
    case 'up':
      return away;
    case 'floor':
      return negative ? -1n : 0n;
    case 'ceiling':
      return negative ? 0n : 1n;
  }
  // Against the rest of the divisor rather than twice the remainder: one operation fewer.
  const rest = divisor - r;
  if (r > rest || (r === rest && sticky)) return away;
  if (r < rest) return 0n;
  if (mode === 'half-up') return away;
  if (mode === 'half-down') return 0n;
  return q % 2n === 0n ? 0n : away;
}

/** Parses a FEEL number literal or a numeric string (`-1.25`, `.5`, `1e-7`); null when it is not one. */
export function parseNumber(text: string): FeelNumber | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return null;
  const fraction = m[3] ?? '';
  const whole = `${m[2]}${fraction}`;
  // Up to 15 digits a double stands for the text exactly.
  if (whole.replace(/^0+/, '').length <= 15 && !m[4]) return Number(text.startsWith('+') ? text.slice(1) : text) || 0;
  return fromParts(BigInt(`${m[1] === '-' ? '-' : ''}${whole || '0'}`), Number(m[4] ?? 0) - fraction.length);
}

// ---------- arithmetic ----------

function partsOf(n: FeelNumber): void {
  if (typeof n === 'number') split(n);
  else {
    partC = n.coefficient;
    partE = n.exponent;
    partDigits = n.digits;
  }
}

/** `a × 10^shift` for a non-negative shift. */
const scaleUp = (c: bigint, shift: number): bigint => (shift === 0 ? c : c * bigPow10(shift));

export function addNumbers(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(r)) return r;
    const pa = placesOf(a);
    const pb = pa < 0 ? -1 : placesOf(b);
    if (pb >= 0) {
      const p = Math.max(pa, pb);
      const units = Math.round(a * POW10[p]!) + Math.round(b * POW10[p]!);
      if (Math.abs(units) < LIMIT && p < 23) return units / POW10[p]! || 0;
    }
  }
  if ((a instanceof FeelDecimal && a.hasLimbs) || (b instanceof FeelDecimal && b.hasLimbs)) {
    if (loadLimbs(a, A) && loadLimbs(b, B) && addLimbs(A.negative, A.limbs, A.size, A.exponent, B.negative, B.limbs, B.size, B.exponent)) {
      return fromWork(false);
    }
  }
  partsOf(a);
  const ca = partC;
  const ea = partE;
  partsOf(b);
  const cb = partC;
  const eb = partE;
  if (ca === 0n) return b;
  if (cb === 0n) return a;
  // An addend entirely below the other's 36th digit can only break a rounding tie: it stands in
  // as one unit there, so that 1e6000 + 1 needs no 6,000-digit integer.
  if (Math.abs(ea - eb) > 2 * PRECISION + 4) {
    const topA = digitCount(ca) + ea;
    const topB = digitCount(cb) + eb;
    if (topB < topA - PRECISION - 2) return nudged(ca, ea, cb);
    if (topA < topB - PRECISION - 2) return nudged(cb, eb, ca);
  }
  const e = Math.min(ea, eb);
  return fromParts(scaleUp(ca, ea - e) + scaleUp(cb, eb - e), e);
}

function nudged(c: bigint, e: number, tiny: bigint): FeelNumber | null {
  const k = Math.max(2, PRECISION + 2 - digitCount(c));
  return fromParts(scaleUp(c, k) + (tiny > 0n ? 1n : -1n), e - k);
}

export function negateNumber(a: FeelNumber): FeelNumber {
  if (typeof a === 'number') return -a || 0;
  if (a.hasLimbs) return new FeelDecimal(undefined, a.exponent, -a.approx, a.digits, a.l0, a.l1, a.l2, !a.negative);
  return new FeelDecimal(-a.coefficient, a.exponent, -a.approx, a.digits);
}

export function subtractNumbers(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  return addNumbers(a, negateNumber(b));
}

export function multiplyNumbers(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(r)) return r || 0;
    const pa = placesOf(a);
    const pb = pa < 0 ? -1 : placesOf(b);
    if (pb >= 0 && pa + pb < 23) {
      const units = Math.round(a * POW10[pa]!) * Math.round(b * POW10[pb]!);
      if (Math.abs(units) < LIMIT) return units / POW10[pa + pb]! || 0;
    }
  }
  const limbed = a instanceof FeelDecimal && a.hasLimbs ? a : b instanceof FeelDecimal && b.hasLimbs ? b : null;
  const other = limbed === a ? b : a;
  if (limbed && typeof other === 'number') {
    const p = placesOf(other);
    const units = p >= 0 ? Math.round(other * POW10[p]!) : 0;
    if (units !== 0 && units < SMALL && units > -SMALL) {
      loadLimbs(limbed, A);
      multiplySmall(A.negative !== units < 0, A.limbs, A.size, A.exponent - p, units < 0 ? -units : units);
      return fromWork(false);
    }
  }
  partsOf(a);
  const ca = partC;
  const ea = partE;
  const da = partDigits;
  partsOf(b);
  const c = ca * partC;
  // A product has the digits of its factors together, or one fewer: one comparison tells which.
  let digits = 0;
  if (da && partDigits) {
    const fewer = bigPow10(da + partDigits - 1);
    digits = c >= fewer || c <= -fewer ? da + partDigits : da + partDigits - 1;
  }
  return fromParts(c, ea + partE, false, digits);
}

/** `a / b`; null for division by zero. */
export function divideNumbers(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) return null;
    const q = a / b;
    const pb = placesOf(b);
    const pa = pb < 0 ? -1 : placesOf(a);
    if (pa >= 0) {
      const unitsA = Math.round(a * POW10[pa]!);
      const unitsB = Math.round(b * POW10[pb]!);
      // The double quotient is the answer when it times b gives a back, digit for digit.
      const pq = placesOf(q);
      if (pq >= 0 && pq + pb < 23) {
        const product = Math.round(q * POW10[pq]!) * unitsB;
        const shift = pq + pb - pa;
        if (Math.abs(product) < LIMIT && shift >= 0 && shift < 23 && product === unitsA * POW10[shift]!) return q || 0;
      }
      // a / b = (unitsA / unitsB) × 10^(pb - pa), two safe integers.
      return divideUnits(unitsA, unitsB, pb - pa, q);
    }
  } else if (b === 0 || (b instanceof FeelDecimal && b.coefficient === 0n)) return null;
  partsOf(a);
  const ca = partC;
  const ea = partE;
  const da = partDigits;
  partsOf(b);
  return divideParts(ca, ea, partC, partE, da, partDigits);
}

/** An operand as limbs: a FeelDecimal made of them, or a double of at most 15 digits. */
interface LimbOperand {
  negative: boolean;
  limbs: number[];
  size: number;
  exponent: number;
}
const A: LimbOperand = { negative: false, limbs: [0, 0, 0], size: 3, exponent: 0 };
const B: LimbOperand = { negative: false, limbs: [0, 0, 0], size: 3, exponent: 0 };

function loadLimbs(x: FeelNumber, into: LimbOperand): boolean {
  if (typeof x === 'number') {
    const p = placesOf(x);
    if (p < 0) return false;
    into.limbs[1] = splitSafe(Math.round(x * POW10[p]!));
    into.limbs[0] = splitLow;
    into.negative = x < 0;
    into.size = 2;
    into.exponent = -p;
    return true;
  }
  if (!x.hasLimbs) return false;
  into.negative = x.negative;
  into.limbs[0] = x.l0;
  into.limbs[1] = x.l1;
  into.limbs[2] = x.l2;
  into.size = 3;
  into.exponent = x.exponent;
  return true;
}

/** The limb result in `work` as a FEEL number: rounded to 34 digits, a double where one stands for it. */
function fromWork(sticky: boolean): FeelNumber | null {
  const digits = roundWork(sticky);
  if (digits === 0) return 0;
  const e = workExponent;
  const l0 = work[0]!;
  const l1 = workSize > 1 ? work[1]! : 0;
  const l2 = workSize > 2 ? work[2]! : 0;
  if (digits <= 17 || e < -290 || e > 290) {
    // Short values, and values far from a double's range, take the one general path.
    const magnitude = (BigInt(l2) * BIG_LIMB + BigInt(l1)) * BIG_LIMB + BigInt(l0);
    return fromParts(workNegative ? -magnitude : magnitude, e, false, digits);
  }
  const scaled = (l2 * LIMB + l1) * LIMB + l0;
  const approx = e >= 0 ? scaled * APPROX_POW10[e]! : scaled / APPROX_POW10[-e]!;
  return new FeelDecimal(undefined, e, workNegative ? -approx : approx, digits, l0, l1, l2, workNegative);
}

/** Digits of a safe integer's magnitude, from doubles alone. */
function integerDigits(x: number): number {
  const n = Math.abs(x);
  let d = 1;
  while (d < 16 && n >= POW10[d]!) d++;
  return d;
}

/**
 * `(a / b) × 10^exponent` for two safe integers whose quotient does not end within 15 digits
 * (`income / 12`): the common case, so it takes as few bigint operations as it can, and the
 * double quotient `approx` is its approximation.
 */
function divideUnits(a: number, b: number, exponent: number, approx: number): FeelNumber | null {
  if (b < SMALL && b > -SMALL) return fromWork(divideSmall(a < 0 !== b < 0, a < 0 ? -a : a, b < 0 ? -b : b, exponent));
  const shift = PRECISION + integerDigits(b) - integerDigits(a);
  const divisor = BigInt(b < 0 ? -b : b);
  const n = BigInt(a < 0 ? -a : a) * bigPow10(shift);
  let q = n / divisor;
  const r = n % divisor;
  const e = exponent - shift;
  const negative = a < 0 !== b < 0;
  if (r === 0n || q >= TEN_TO_PRECISION) return fromParts(negative ? -q : q, e, r !== 0n);
  const rest = divisor - r;
  if (r > rest || (r === rest && q % 2n === 1n)) q += 1n;
  if (q % 10n === 0n || q >= TEN_TO_PRECISION || e < MIN_EXPONENT || PRECISION + e - 1 > MAX_ADJUSTED) return fromParts(negative ? -q : q, e);
  return new FeelDecimal(negative ? -q : q, e, approx, PRECISION);
}

function divideParts(ca: bigint, ea: number, cb: bigint, eb: number, digitsA = 0, digitsB = 0): FeelNumber | null {
  if (cb === 0n) return null;
  if (ca === 0n) return 0;
  // A quotient of 34 or 35 digits; what is left over decides the last one's rounding.
  const shift = Math.max(0, PRECISION + (digitsB || digitCount(cb)) - (digitsA || digitCount(ca)));
  const n = scaleUp(ca, shift);
  const q = n / cb;
  // For a divisor of many digits a product and a difference cost less than a second division.
  const r = n - q * cb;
  if (r === 0n) return fromParts(q, ea - eb - shift);
  if (q >= TEN_TO_PRECISION || q <= -TEN_TO_PRECISION) return fromParts(q, ea - eb - shift, true);
  const rounded = q + roundingStep(q, r < 0n ? -r : r, cb < 0n ? -cb : cb, ca < 0n !== cb < 0n, false, 'half-even');
  const carried = rounded >= TEN_TO_PRECISION || rounded <= -TEN_TO_PRECISION;
  return fromParts(rounded, ea - eb - shift, false, carried ? PRECISION + 1 : PRECISION);
}

/** Order of two FEEL numbers: -1, 0 or 1. */
export function compareNumbers(a: FeelNumber, b: FeelNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = typeof a === 'number' ? a : a.approx;
  const y = typeof b === 'number' ? b : b.approx;
  const margin = 1e-14 * Math.max(Math.abs(x), Math.abs(y));
  if (x < y - margin) return -1;
  if (x > y + margin) return 1;
  partsOf(a);
  const ca = partC;
  const ea = partE;
  partsOf(b);
  const cb = partC;
  const eb = partE;
  const e = Math.min(ea, eb);
  const da = scaleUp(ca, ea - e);
  const db = scaleUp(cb, eb - e);
  return da < db ? -1 : da > db ? 1 : 0;
}

export function numbersEqual(a: FeelNumber, b: FeelNumber): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return compareNumbers(a, b) === 0;
}

/** Rounds to `scale` decimal places (negative: tens, hundreds...) by `mode`. */
export function roundNumber(n: FeelNumber, scale: number, mode: RoundingMode): FeelNumber | null {
  if (typeof n === 'number') {
    const p = placesOf(n);
    if (p >= 0 && p <= scale) return n;
  }
  partsOf(n);
  const c = partC;
  const e = partE;
  if (-e <= scale) return n;
  const drop = -e - scale;
  if (drop > digitCount(c) + 1) {
    // Every digit is dropped: the result is zero or one unit of the last place kept.
    const step = roundingStep(0n, 1n, 4n, c < 0n, false, mode);
    return step === 0n ? 0 : fromParts(step, -scale);
  }
  const p = bigPow10(drop);
  const q = c / p;
  const r = c - q * p;
  return fromParts(q + roundingStep(q, r < 0n ? -r : r, p, c < 0n, false, mode), -scale);
}

/** `dividend - divisor × floor(dividend / divisor)`, exactly; null for a zero divisor. */
export function moduloNumbers(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    if (b === 0) return null;
    const r = a % b;
    return (r !== 0 && r < 0 !== b < 0 ? r + b : r) || 0;
  }
  partsOf(a);
  const ca = partC;
  const ea = partE;
  partsOf(b);
  const cb = partC;
  const eb = partE;
  if (cb === 0n) return null;
  const e = Math.min(ea, eb);
  const divisor = scaleUp(cb, eb - e);
  let r = scaleUp(ca, ea - e) % divisor;
  if (r !== 0n && r < 0n !== divisor < 0n) r += divisor;
  return fromParts(r, e);
}

/** The digits of a number written out: significant digits and decimal places (0.0125: 3 and 4; 1200: 2 and -2). */
export function digitsOf(n: FeelNumber): { significant: number; places: number } {
  partsOf(n);
  let c = partC;
  let e = partE;
  if (c === 0n) return { significant: 1, places: 0 };
  while (c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  return { significant: digitCount(c), places: -e };
}

/** True when the number has no fractional digits. */
export function isWholeNumber(n: FeelNumber): boolean {
  return typeof n === 'number' ? Number.isInteger(n) : n.exponent >= 0;
}

/** For a whole number: is it even? */
export function isEvenWhole(n: FeelNumber): boolean {
  return typeof n === 'number' ? n % 2 === 0 : n.exponent > 0 || n.coefficient % 2n === 0n;
}

/** Most digits an exact power may have before it is worked out by rounded squarings. */
const EXACT_POWER_DIGITS = 4000;

/**
 * `n` raised to a whole power, rounded once to 34 digits; a power of more than 4,000 digits is
 * built by squaring with each step rounded (off by at most a few units in the last place).
 */
export function integerPower(n: FeelNumber, power: number): FeelNumber | null {
  partsOf(n);
  const c = partC;
  const e = partE;
  if (c === 0n) return power < 0 ? null : power === 0 ? 1 : 0;
  const magnitude = Math.abs(power);
  if (digitCount(c) * magnitude <= EXACT_POWER_DIGITS) {
    const exact = c ** BigInt(magnitude);
    return power >= 0 ? fromParts(exact, e * magnitude) : divideParts(1n, 0, exact, e * magnitude);
  }
  let result: FeelNumber | null = 1;
  let base: FeelNumber | null = n;
  for (let k = magnitude; k > 0 && result !== null && base !== null; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = multiplyNumbers(result, base);
    if (k > 1) base = multiplyNumbers(base, base);
  }
  if (base === null || result === null) return power < 0 ? 0 : null;
  return power >= 0 ? result : divideNumbers(1, result);
}

/** The square root, correctly rounded to 34 digits; null for a negative number. */
export function sqrtNumber(n: FeelNumber): FeelNumber | null {
  if (typeof n === 'number') {
    if (n < 0) return null;
    const r = Math.sqrt(n);
    if (placesOf(r) >= 0 && multiplyNumbers(r, r) === n) return r;
  } else if (n.coefficient < 0n) return null;
  partsOf(n);
  let c = partC;
  let e = partE;
  if (c === 0n) return 0;
  // Scale to an even exponent and enough digits that the integer root has 36.
  const want = 2 * (PRECISION + 2) - digitCount(c);
  let shift = Math.max(0, want);
  if ((e - shift) % 2 !== 0) shift++;
  c = scaleUp(c, shift);
  e -= shift;
  const root = integerSqrt(c);
  return fromParts(root, e / 2, root * root !== c);
}

function integerSqrt(n: bigint): bigint {
  // Newton's steps fall towards the root from above; the double's root, raised a little, is above it.
  let x = BigInt(Math.ceil(Math.sqrt(Number(n)) * (1 + 1e-12))) + 1n;
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}
