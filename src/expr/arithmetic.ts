import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, SECONDS_PER_DAY, YearsMonthsDuration, daysInMonth, zoneOffsetAtInstant } from './temporal.ts';
import type { FeelValue } from './values.ts';
import { addNumbers, divideNumbers, integerPower, isFeelNumber, multiplyNumbers, negateNumber, subtractNumbers, toDouble, type FeelNumber } from './decimal.ts';

/**
 * Seconds in temporal arithmetic are doubles (a duration holds nanoseconds at most): results are
 * snapped to 15 significant digits so that binary noise does not show as a stray nanosecond.
 */
export function fix(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  // Only snap values a few ulps away from a 15-digit decimal: noise from binary representation,
  // not precision the computation really has.
  const snapped = Number(x.toPrecision(15));
  return Math.abs(snapped - x) <= 8 * Number.EPSILON * Math.abs(x) ? snapped : x;
}

function addMonthsToDate(d: FeelDate, months: number): FeelDate {
  const total = d.year * 12 + (d.month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return new FeelDate(y, m, Math.min(d.day, daysInMonth(y, m)));
}

function dateTimeFromLocalSeconds(local: number, like: FeelTime): FeelDateTime {
  const day = Math.floor(local / SECONDS_PER_DAY);
  const sod = local - day * SECONDS_PER_DAY;
  return new FeelDateTime(FeelDate.fromEpochDay(day), timeFromSeconds(sod, like));
}

function timeFromSeconds(sod: number, like: FeelTime): FeelTime {
  const s = ((sod % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s - h * 3600) / 60);
  return new FeelTime(h, m, fix(s - h * 3600 - m * 60), like.offset, like.zone);
}

const MIDNIGHT = new FeelTime(0, 0, 0, null, null);

const MIDNIGHT_UTC = new FeelTime(0, 0, 0, 0, null);

/** UTC midnight of a date: how a date meets a date and time (10.3.2.3.6), and the implicit conversion between them (10.3.2.9.4). */
export function dateToUtcDateTime(d: FeelDate): FeelDateTime {
  return new FeelDateTime(d, MIDNIGHT_UTC);
}

export function dateToDateTime(d: FeelDate): FeelDateTime {
  return new FeelDateTime(d, MIDNIGHT);
}

/** Seconds between two date-times; null when one is local and the other is not. */
function dateTimeDifference(a: FeelDateTime, b: FeelDateTime): number | null {
  const ia = a.instant;
  const ib = b.instant;
  if (ia === null && ib === null) return a.localSeconds - b.localSeconds;
  if (ia === null || ib === null) return null;
  return ia - ib;
}

function addTemporal(a: FeelValue, d: YearsMonthsDuration | DaysTimeDuration, sign: 1 | -1): FeelValue {
  if (d instanceof YearsMonthsDuration) {
    const months = sign * d.months;
    if (a instanceof FeelDate) return addMonthsToDate(a, months);
    if (a instanceof FeelDateTime) return new FeelDateTime(addMonthsToDate(a.date, months), a.time);
    return null;
  }
  const secs = sign * d.seconds;
  if (a instanceof FeelDate) return FeelDate.fromEpochDay(Math.floor((a.epochDay * SECONDS_PER_DAY + secs) / SECONDS_PER_DAY));
  if (a instanceof FeelDateTime) {
    // valuedt⁻¹(valuedt(e1) ± valuedtd(e2)): a date-time in a zone moves on the time line, and its
    // wall clock is read back in the zone, so an hour across a change of offset is an hour.
    const zone = a.time.offset === null ? a.time.zone : null;
    const instant = zone === null ? null : a.instant;
    if (zone !== null && instant !== null) {
      const moved = instant + secs;
      return dateTimeFromLocalSeconds(moved + zoneOffsetAtInstant(zone, moved), a.time);
    }
    return dateTimeFromLocalSeconds(a.localSeconds + secs, a.time);
  }
  if (a instanceof FeelTime) return timeFromSeconds(a.secondOfDay + secs, a);
  return null;
}

export function add(a: FeelValue, b: FeelValue): FeelValue {
  if (isFeelNumber(a)) return isFeelNumber(b) ? addNumbers(a, b) : null;
  if (typeof a === 'string') return typeof b === 'string' ? a + b : null;
  if (a instanceof YearsMonthsDuration) {
    if (b instanceof YearsMonthsDuration) return new YearsMonthsDuration(a.months + b.months);
    return b instanceof FeelDate || b instanceof FeelDateTime ? addTemporal(b, a, 1) : null;
  }
  if (a instanceof DaysTimeDuration) {
    if (b instanceof DaysTimeDuration) return new DaysTimeDuration(fix(a.seconds + b.seconds));
    return b instanceof FeelDate || b instanceof FeelDateTime || b instanceof FeelTime ? addTemporal(b, a, 1) : null;
  }
  if ((a instanceof FeelDate || a instanceof FeelDateTime || a instanceof FeelTime) && (b instanceof YearsMonthsDuration || b instanceof DaysTimeDuration)) {
    return addTemporal(a, b, 1);
  }
  return null;
}

export function subtract(a: FeelValue, b: FeelValue): FeelValue {
  if (isFeelNumber(a)) return isFeelNumber(b) ? subtractNumbers(a, b) : null;
  if (a instanceof YearsMonthsDuration) return b instanceof YearsMonthsDuration ? new YearsMonthsDuration(a.months - b.months) : null;
  if (a instanceof DaysTimeDuration) return b instanceof DaysTimeDuration ? new DaysTimeDuration(fix(a.seconds - b.seconds)) : null;
  if (b instanceof YearsMonthsDuration || b instanceof DaysTimeDuration) {
    return a instanceof FeelDate || a instanceof FeelDateTime || a instanceof FeelTime ? addTemporal(a, b, -1) : null;
  }
  if ((a instanceof FeelDate || a instanceof FeelDateTime) && (b instanceof FeelDate || b instanceof FeelDateTime)) {
    // A date meets a date-time as midnight UTC, so a local date-time minus a date is undefined.
    const da = a instanceof FeelDate ? dateToUtcDateTime(a) : a;
    const db = b instanceof FeelDate ? dateToUtcDateTime(b) : b;
    const secs = a instanceof FeelDate && b instanceof FeelDate ? (a.epochDay - b.epochDay) * SECONDS_PER_DAY : dateTimeDifference(da, db);
    return secs === null ? null : new DaysTimeDuration(fix(secs));
  }
  if (a instanceof FeelTime && b instanceof FeelTime) {
    const oa = a.offset ?? 0;
    const ob = b.offset ?? 0;
    return new DaysTimeDuration(fix(a.secondOfDay - oa - (b.secondOfDay - ob)));
  }
  return null;
}

export function multiply(a: FeelValue, b: FeelValue): FeelValue {
  if (isFeelNumber(a)) {
    if (isFeelNumber(b)) return multiplyNumbers(a, b);
    if (b instanceof YearsMonthsDuration || b instanceof DaysTimeDuration) return multiply(b, a);
    return null;
  }
  if (!isFeelNumber(b)) return null;
  const factor = toDouble(b);
  if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(Math.trunc(fix(a.months * factor)) || 0);
  if (a instanceof DaysTimeDuration) return new DaysTimeDuration(fix(a.seconds * factor) || 0);
  return null;
}

export function divide(a: FeelValue, b: FeelValue): FeelValue {
  if (isFeelNumber(a)) return isFeelNumber(b) ? divideNumbers(a, b) : null;
  if (a instanceof YearsMonthsDuration) {
    if (isFeelNumber(b)) return isZero(b) ? null : new YearsMonthsDuration(Math.trunc(fix(a.months / toDouble(b))) || 0);
    if (b instanceof YearsMonthsDuration) return b.months === 0 ? null : divideNumbers(a.months, b.months);
    return null;
  }
  if (a instanceof DaysTimeDuration) {
    if (isFeelNumber(b)) return isZero(b) ? null : new DaysTimeDuration(fix(a.seconds / toDouble(b)) || 0);
    if (b instanceof DaysTimeDuration) return b.seconds === 0 ? null : divideNumbers(fix(a.seconds), fix(b.seconds));
    return null;
  }
  return null;
}

const isZero = (n: FeelNumber) => (typeof n === 'number' ? n === 0 : n.coefficient === 0n);

/** Largest whole exponent worked out exactly; beyond it every finite base but 0, 1 and -1 leaves decimal128's range. */
const MAX_EXACT_EXPONENT = 999_999_999;

/**
 * `a ** b`: exact (rounded once to 34 digits) for a whole exponent; for a fractional one the
 * double result, as the specification gives no precision for it. null when the result leaves
 * the range of decimal128 or is not a real number.
 */
export function power(a: FeelValue, b: FeelValue): FeelValue {
  if (!isFeelNumber(a) || !isFeelNumber(b)) return null;
  const exponent = toDouble(b);
  if (Number.isInteger(exponent) && (typeof b === 'number' || b.exponent >= 0) && Math.abs(exponent) <= MAX_EXACT_EXPONENT) {
    return integerPower(a, exponent);
  }
  const r = toDouble(a) ** exponent;
  return Number.isFinite(r) ? r : null;
}

export function negate(a: FeelValue): FeelValue {
  if (isFeelNumber(a)) return negateNumber(a);
  if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(-a.months || 0);
  if (a instanceof DaysTimeDuration) return new DaysTimeDuration(-a.seconds || 0);
  return null;
}
