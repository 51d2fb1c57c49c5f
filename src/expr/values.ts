import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, YearsMonthsDuration, zoneOffsetAtLocal } from './temporal.ts';
import { FeelDecimal, compareNumbers, isFeelNumber, numbersEqual } from './decimal.ts';
import type { TypeRef } from './ast.ts';

/** A FEEL context: a plain object whose keys are entry names. */
export type FeelContext = { [name: string]: FeelValue };

export type FeelValue =
  | null
  | number
  | FeelDecimal
  | string
  | boolean
  | FeelDate
  | FeelTime
  | FeelDateTime
  | YearsMonthsDuration
  | DaysTimeDuration
  | FeelRange
  | FeelFunction
  | FeelValue[]
  | FeelContext;

export class FeelRange {
  constructor(
    readonly start: FeelValue,
    readonly end: FeelValue,
    readonly startIncluded: boolean,
    readonly endIncluded: boolean,
  ) {}
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    return `${this.startIncluded ? '[' : '('}${this.start === null ? '' : valueToString(this.start)}..${this.end === null ? '' : valueToString(this.end)}${this.endIncluded ? ']' : ')'}`;
  }
}

export interface Warning {
  code: string;
  message: string;
}

/** What a function body sees at call time: a place to report warnings. */
export interface CallSite {
  warn(code: string, message: string): void;
}

export interface FeelParameter {
  name: string;
  type?: string;
  /** The declared type of a function literal's parameter (Any where none is written). */
  typeRef?: TypeRef;
}

/**
 * A callable FEEL value: built-ins, user functions and BKMs. `invoke` gets positional
 * arguments; named arguments are mapped to positions with `params` first.
 */
export class FeelFunction {
  constructor(
    readonly name: string,
    readonly params: FeelParameter[],
    readonly invoke: (args: FeelValue[], site: CallSite) => FeelValue,
    /** Built-ins with optional trailing parameters or variable arity. */
    readonly variadic: boolean = false,
    /** Other parameter names a built-in accepts for named invocation (its overloads). */
    readonly overloads: string[][] = [],
    /** What a function literal's body is known to give, where its text alone says (a literal, a context of them). */
    readonly resultType?: TypeRef,
    /** A built-in's check of arguments given by name that its positions cannot tell apart (why they are refused, or null). */
    readonly checkNamed?: (named: Record<string, FeelValue>) => string | null,
  ) {}
  toJSON(): string {
    return `function ${this.name}`;
  }
}

export function isContext(v: unknown): v is FeelContext {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function isDuration(v: unknown): v is YearsMonthsDuration | DaysTimeDuration {
  return v instanceof YearsMonthsDuration || v instanceof DaysTimeDuration;
}

/** The FEEL type name used by `instance of` and in messages. */
export function typeName(v: FeelValue): string {
  if (v === null) return 'Null';
  switch (typeof v) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
  }
  if (v instanceof FeelDecimal) return 'number';
  if (v instanceof FeelDate) return 'date';
  if (v instanceof FeelTime) return 'time';
  if (v instanceof FeelDateTime) return 'date and time';
  if (v instanceof YearsMonthsDuration) return 'years and months duration';
  if (v instanceof DaysTimeDuration) return 'days and time duration';
  if (v instanceof FeelRange) return 'range';
  if (v instanceof FeelFunction) return 'function';
  if (Array.isArray(v)) return 'list';
  return 'context';
}

// ---------- equality and order ----------

function sameTemporalKind(a: FeelValue, b: FeelValue): boolean {
  return typeName(a) === typeName(b);
}

/** A time of day with neither an offset nor a zone. */
function isLocalTime(t: FeelTime): boolean {
  return t.offset === null && t.zone === null;
}

/**
 * A time of day's offset from UTC: its own, or its zone's. A time of day has no date to look a
 * zone's rules up on; the zone's offset on the epoch's day is taken, so that 00:01:00@Etc/UTC is
 * 00:01:00Z (DMN 1.5 table 72's example). Null for a local time.
 */
export function timeOffset(t: FeelTime): number | null {
  if (t.offset !== null) return t.offset;
  if (t.zone !== null) return zoneOffsetAtLocal(t.zone, t.secondOfDay);
  return null;
}

function timeInstant(t: FeelTime): number | null {
  const offset = timeOffset(t);
  return offset === null ? null : t.secondOfDay - offset;
}

/** FEEL `=`: null when the operands are not comparable, so that `not(a = b)` stays null too. */
export function feelEquals(a: FeelValue, b: FeelValue): boolean | null {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (isFeelNumber(a)) return isFeelNumber(b) ? numbersEqual(a, b) : null;
  if (typeof a === 'string') return typeof b === 'string' ? a === b : null;
  if (typeof a === 'boolean') return typeof b === 'boolean' ? a === b : null;
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return null;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const eq = feelEquals(a[i]!, b[i]!);
      if (eq !== true) return eq;
    }
    return true;
  }
  if (isContext(a)) {
    if (!isContext(b)) return null;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const eq = feelEquals(a[k]!, b[k]!);
      if (eq !== true) return eq;
    }
    return true;
  }
  if (a instanceof FeelRange) {
    if (!(b instanceof FeelRange)) return null;
    return a.startIncluded === b.startIncluded && a.endIncluded === b.endIncluded && feelEquals(a.start, b.start) === true && feelEquals(a.end, b.end) === true;
  }
  if (a instanceof FeelFunction) return b instanceof FeelFunction ? a === b : null;
  if (!sameTemporalKind(a, b)) return null;
  if (a instanceof FeelDateTime && b instanceof FeelDateTime) {
    const ia = a.instant;
    const ib = b.instant;
    // Equal values are of one kind: both local, or both at an instant written the same way (an
    // offset, or a zone id); the DMN TCK holds 00:00+00:00 and 00:00@Etc/UTC unequal, and a local
    // date-time unequal to any zoned one.
    if (ia === null && ib === null) return a.localSeconds === b.localSeconds;
    if (ia === null || ib === null || (a.time.zone === null) !== (b.time.zone === null)) return false;
    return ia === ib;
  }
  if (a instanceof FeelTime && b instanceof FeelTime) {
    const ia = timeInstant(a);
    const ib = timeInstant(b);
    // A local time equals only a local time (DMN TCK 0068); times with an offset or a zone
    // compare as instants (table 72: 00:01:00Z = 00:01:00@Etc/UTC).
    if (ia === null || ib === null) return ia === ib && a.secondOfDay === b.secondOfDay;
    return ia === ib;
  }
  return compareValues(a, b) === 0;
}

/**
 * Order of two values of the same kind: negative, zero, positive; null when they cannot be
 * ordered (different kinds, local vs. zoned date-times, mixed durations).
 */
export function compareValues(a: FeelValue, b: FeelValue): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (isFeelNumber(a)) return isFeelNumber(b) ? compareNumbers(a, b) : null;
  if (typeof a === 'string') return typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : null;
  if (a instanceof FeelDate) {
    if (b instanceof FeelDate) return a.epochDay - b.epochDay;
    return null;
  }
  if (a instanceof FeelDateTime && b instanceof FeelDateTime) {
    const ia = a.instant;
    const ib = b.instant;
    // Table 54: an input without an offset takes the other input's, so the wall clocks compare.
    if (ia === null || ib === null) return a.localSeconds - b.localSeconds;
    return ia - ib;
  }
  if (a instanceof FeelTime && b instanceof FeelTime) {
    const ia = timeInstant(a);
    const ib = timeInstant(b);
    if (ia !== null && ib !== null) return ia - ib;
    if (isLocalTime(a) || isLocalTime(b) || (ia === null && ib === null)) return a.secondOfDay - b.secondOfDay;
    return null;
  }
  if (a instanceof YearsMonthsDuration && b instanceof YearsMonthsDuration) return a.months - b.months;
  if (a instanceof DaysTimeDuration && b instanceof DaysTimeDuration) return a.seconds - b.seconds;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : null;
  return null;
}

// ---------- string form ----------

function quote(s: string): string {
  return JSON.stringify(s);
}

/** FEEL `string(x)` for scalars; lists and contexts in FEEL literal syntax. */
export function valueToString(v: FeelValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (v instanceof FeelDecimal) return v.toString();
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(nested).join(', ')}]`;
  if (v instanceof FeelFunction) return `function ${v.name}`;
  if (isContext(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${nested(x)}`)
      .join(', ')}}`;
  return v.toString();
}

function nested(v: FeelValue): string {
  return typeof v === 'string' ? quote(v) : valueToString(v);
}

export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // FEEL numbers have no exponent in their string form: the shortest digits that read back as
  // the same double, written out in full.
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  const e = Number(exponent);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = n < 0 ? '-' : '';
  if (e >= digits.length - 1) return `${sign}${digits}${'0'.repeat(e - digits.length + 1)}`;
  if (e >= 0) return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
}

/**
 * Plain JSON for results leaving the engine (CLI, API): a FeelDecimal becomes the nearest double,
 * or stays itself with `keepDecimals`, for `exactJsonText` to write every digit.
 */
export function toJson(v: FeelValue, keepDecimals = false): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof FeelDecimal) return keepDecimals ? v : v.toNumber();
  if (Array.isArray(v)) return v.map((x) => toJson(x, keepDecimals));
  if (isContext(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x, keepDecimals);
    return out;
  }
  return valueToString(v);
}

/**
 * JSON text in which every FeelDecimal is written digit for digit: JSON numbers have no limit of
 * precision, only JavaScript's reading of them does, and a 34-digit result should reach a file
 * or a terminal whole.
 */
export function exactJsonText(value: unknown, indent = 2): string {
  const decimals: string[] = [];
  const nonce = Math.random().toString(36).slice(2);
  const text = JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      if (raw instanceof FeelDecimal) {
        decimals.push(raw.toString());
        return `\u0000${nonce}:${decimals.length - 1}`;
      }
      return v;
    },
    indent,
  );
  return text.replace(new RegExp(`"\\\\u0000${nonce}:(\\d+)"`, 'g'), (_m, i: string) => decimals[Number(i)]!);
}
