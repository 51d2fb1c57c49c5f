import {
  addNumbers,
  compareNumbers,
  divideNumbers,
  isEvenWhole,
  isFeelNumber,
  isWholeNumber,
  moduloNumbers,
  multiplyNumbers,
  negateNumber,
  roundNumber,
  sqrtNumber,
  subtractNumbers,
  toDouble,
  type FeelNumber,
  type RoundingMode,
} from '../decimal.ts';
import { DaysTimeDuration, YearsMonthsDuration } from '../temporal.ts';
import type { FeelFunction, FeelValue } from '../values.ts';
import { bad, builtin, listOrVarargs, single } from './define.ts';

/** decimal128 holds scales from -6111 to 6176 (DMN 1.5, 10.3.4.5). */
const MIN_SCALE = -6111;
const MAX_SCALE = 6176;

function rounding(name: string, mode: RoundingMode, scaleOptional: boolean): FeelFunction {
  return builtin(name, {
    params: ['n', 'scale'],
    min: scaleOptional ? 1 : 2,
    fn: ([n, scale], env) => {
      if (!isFeelNumber(n)) return bad(env, name, 'n must be a number', n ?? null);
      if (scale === null || (scale === undefined && !scaleOptional)) return bad(env, name, 'scale must be a number', null);
      const s = scale === undefined ? 0 : scale;
      if (!isFeelNumber(s) || compareNumbers(s, MIN_SCALE) < 0 || compareNumbers(s, MAX_SCALE) > 0) {
        return bad(env, name, `scale must be a number from ${MIN_SCALE} to ${MAX_SCALE}`, s);
      }
      return roundNumber(n, Math.trunc(toDouble(s)), mode);
    },
  });
}

function numbers(args: FeelValue[], name: string, env: Parameters<typeof bad>[0]): FeelNumber[] | null {
  const list = listOrVarargs(args);
  if (list === null) return bad(env, name, 'expected a list of numbers', null);
  for (const x of list) if (!isFeelNumber(x)) return bad(env, name, 'every item must be a number', x);
  return list as FeelNumber[];
}

function oneNumber(name: string, param: string, fn: (n: FeelNumber) => FeelValue): FeelFunction {
  return builtin(name, {
    params: [param],
    fn: ([v], env) => {
      const n = single(v!);
      return isFeelNumber(n) ? fn(n) : bad(env, name, `${param} must be a number`, n);
    },
  });
}

/** Folds with an operation that yields null past decimal128's range; null stays null. */
function fold(xs: FeelNumber[], start: FeelNumber, op: (a: FeelNumber, b: FeelNumber) => FeelNumber | null): FeelNumber | null {
  let acc: FeelNumber | null = start;
  for (const x of xs) {
    if (acc === null) return null;
    acc = op(acc, x);
  }
  return acc;
}

/** A double function's result as a FEEL number; null where it is not a finite real. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export const numericFunctions: FeelFunction[] = [
  rounding('decimal', 'half-even', false),
  rounding('floor', 'floor', true),
  rounding('ceiling', 'ceiling', true),
  rounding('round up', 'up', false),
  rounding('round down', 'down', false),
  rounding('round half up', 'half-up', false),
  rounding('round half down', 'half-down', false),
  // DMN 1.4 extended abs() to both kinds of duration.
  builtin('abs', {
    params: ['n'],
    fn: ([v], env) => {
      const n = single(v!);
      if (isFeelNumber(n)) return compareNumbers(n, 0) < 0 ? negateNumber(n) : n;
      if (n instanceof DaysTimeDuration) return new DaysTimeDuration(Math.abs(n.seconds));
      if (n instanceof YearsMonthsDuration) return new YearsMonthsDuration(Math.abs(n.months));
      return bad(env, 'abs', 'n must be a number or a duration', n);
    },
  }),
  builtin('modulo', {
    params: ['dividend', 'divisor'],
    fn: ([a, b], env) => {
      if (!isFeelNumber(a) || !isFeelNumber(b)) return bad(env, 'modulo', 'dividend and divisor must be numbers', !isFeelNumber(a) ? a! : b!);
      const r = moduloNumbers(a, b);
      return r === null ? bad(env, 'modulo', 'divisor must not be zero', b) : r;
    },
  }),
  oneNumber('sqrt', 'number', (n) => sqrtNumber(n)),
  // The specification gives no precision for these; the double's result (about 16 digits) it is.
  oneNumber('log', 'number', (n) => (compareNumbers(n, 0) <= 0 ? null : finite(Math.log(toDouble(n))))),
  oneNumber('exp', 'number', (n) => finite(Math.exp(toDouble(n)))),
  oneNumber('odd', 'number', (n) => (isWholeNumber(n) ? !isEvenWhole(n) : null)),
  oneNumber('even', 'number', (n) => (isWholeNumber(n) ? isEvenWhole(n) : null)),
  builtin('sum', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'sum', env);
      if (!xs || xs.length === 0) return null;
      return fold(xs, 0, addNumbers);
    },
  }),
  builtin('product', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'product', env);
      if (!xs || xs.length === 0) return null;
      return fold(xs, 1, multiplyNumbers);
    },
  }),
  builtin('mean', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'mean', env);
      if (!xs || xs.length === 0) return null;
      const total = fold(xs, 0, addNumbers);
      return total === null ? null : divideNumbers(total, xs.length);
    },
  }),
  builtin('median', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'median', env);
      if (!xs || xs.length === 0) return null;
      const s = [...xs].sort(compareNumbers);
      const mid = s.length >> 1;
      if (s.length % 2) return s[mid]!;
      const both = addNumbers(s[mid - 1]!, s[mid]!);
      return both === null ? null : divideNumbers(both, 2);
    },
  }),
  builtin('stddev', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'stddev', env);
      if (!xs || xs.length < 2) return null;
      const total = fold(xs, 0, addNumbers);
      const mean = total === null ? null : divideNumbers(total, xs.length);
      if (mean === null) return null;
      const squares = fold(xs, 0, (acc, x) => {
        const d = subtractNumbers(x, mean);
        const sq = d === null ? null : multiplyNumbers(d, d);
        return sq === null ? null : addNumbers(acc, sq);
      });
      const variance = squares === null ? null : divideNumbers(squares, xs.length - 1);
      return variance === null ? null : sqrtNumber(variance);
    },
  }),
  builtin('mode', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'mode', env);
      if (!xs) return null;
      // Each value has one form (a double or a FeelDecimal), so its string is a key.
      const counts = new Map<string, { value: FeelNumber; count: number }>();
      for (const x of xs) {
        const key = typeof x === 'number' ? String(x) : `d${x.toString()}`;
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { value: x, count: 1 });
      }
      let top = 0;
      for (const { count } of counts.values()) top = Math.max(top, count);
      return [...counts.values()]
        .filter((e) => e.count === top)
        .map((e) => e.value)
        .sort(compareNumbers);
    },
  }),
];
