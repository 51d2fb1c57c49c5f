import { fix } from '../arithmetic.ts';
import { DaysTimeDuration, YearsMonthsDuration } from '../temporal.ts';
import type { FeelFunction, FeelValue } from '../values.ts';
import { bad, builtin, listOrVarargs, single } from './define.ts';

/** Rounds to `scale` decimal places with the given rule, working on the decimal string so 2.675 rounds as written. */
function roundTo(n: number, scale: number, mode: 'half-even' | 'floor' | 'ceiling' | 'up' | 'down' | 'half-up' | 'half-down'): number {
  const factor = 10 ** scale;
  const scaled = fix(n * factor);
  const sign = scaled < 0 ? -1 : 1;
  const a = Math.abs(scaled);
  const floor = Math.floor(a);
  const frac = fix(a - floor);
  let r: number;
  switch (mode) {
    case 'floor':
      r = Math.floor(scaled);
      return fix(r / factor) || 0;
    case 'ceiling':
      r = Math.ceil(scaled);
      return fix(r / factor) || 0;
    case 'up':
      r = frac > 0 ? floor + 1 : floor;
      break;
    case 'down':
      r = floor;
      break;
    case 'half-up':
      r = frac >= 0.5 ? floor + 1 : floor;
      break;
    case 'half-down':
      r = frac > 0.5 ? floor + 1 : floor;
      break;
    default:
      r = frac > 0.5 || (frac === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  }
  return fix((sign * r) / factor) || 0;
}

function rounding(name: string, mode: Parameters<typeof roundTo>[2], scaleOptional: boolean): FeelFunction {
  return builtin(name, {
    params: ['n', 'scale'],
    min: scaleOptional ? 1 : 2,
    fn: ([n, scale], env) => {
      if (typeof n !== 'number') return bad(env, name, 'n must be a number', n ?? null);
      if (scale === null || (scale === undefined && !scaleOptional)) return bad(env, name, 'scale must be a number', null);
      const s = scale === undefined ? 0 : scale;
      if (typeof s !== 'number' || s < -6111 || s > 6176) return bad(env, name, 'scale must be a number from -6111 to 6176', s);
      const whole = Math.trunc(s);
      // Beyond 15 places a binary double has nothing left to round.
      if (whole > 15) return n;
      if (whole < -308) return 0;
      return roundTo(n, whole, mode);
    },
  });
}

function numbers(args: FeelValue[], name: string, env: Parameters<typeof bad>[0]): number[] | null {
  const list = listOrVarargs(args);
  if (list === null) return bad(env, name, 'expected a list of numbers', null);
  for (const x of list) if (typeof x !== 'number') return bad(env, name, 'every item must be a number', x);
  return list as number[];
}

function oneNumber(name: string, param: string, fn: (n: number) => FeelValue): FeelFunction {
  return builtin(name, {
    params: [param],
    fn: ([v], env) => {
      const n = single(v!);
      return typeof n === 'number' ? fn(n) : bad(env, name, `${param} must be a number`, n);
    },
  });
}

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
      if (typeof n === 'number') return Math.abs(n);
      if (n instanceof DaysTimeDuration) return new DaysTimeDuration(Math.abs(n.seconds));
      if (n instanceof YearsMonthsDuration) return new YearsMonthsDuration(Math.abs(n.months));
      return bad(env, 'abs', 'n must be a number or a duration', n);
    },
  }),
  builtin('modulo', {
    params: ['dividend', 'divisor'],
    fn: ([a, b], env) => {
      if (typeof a !== 'number' || typeof b !== 'number') return bad(env, 'modulo', 'dividend and divisor must be numbers', typeof a !== 'number' ? a! : b!);
      if (b === 0) return bad(env, 'modulo', 'divisor must not be zero', b);
      return fix(a - b * Math.floor(fix(a / b)));
    },
  }),
  oneNumber('sqrt', 'number', (n) => (n < 0 ? null : fix(Math.sqrt(n)))),
  oneNumber('log', 'number', (n) => (n <= 0 ? null : fix(Math.log(n)))),
  oneNumber('exp', 'number', (n) => fix(Math.exp(n))),
  oneNumber('odd', 'number', (n) => (Number.isInteger(n) ? Math.abs(n % 2) === 1 : null)),
  oneNumber('even', 'number', (n) => (Number.isInteger(n) ? n % 2 === 0 : null)),
  builtin('sum', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'sum', env);
      if (!xs) return null;
      if (xs.length === 0) return null;
      return xs.reduce((a, b) => fix(a + b), 0);
    },
  }),
  builtin('product', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'product', env);
      if (!xs || xs.length === 0) return null;
      return xs.reduce((a, b) => fix(a * b), 1);
    },
  }),
  builtin('mean', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'mean', env);
      if (!xs || xs.length === 0) return null;
      return fix(xs.reduce((a, b) => a + b, 0) / xs.length);
    },
  }),
  builtin('median', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'median', env);
      if (!xs || xs.length === 0) return null;
      const s = [...xs].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 ? s[mid]! : fix((s[mid - 1]! + s[mid]!) / 2);
    },
  }),
  builtin('stddev', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'stddev', env);
      if (!xs || xs.length < 2) return null;
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return fix(Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)));
    },
  }),
  builtin('mode', {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = numbers(args, 'mode', env);
      if (!xs) return null;
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      const top = Math.max(0, ...counts.values());
      return [...counts]
        .filter(([, c]) => c === top)
        .map(([x]) => x)
        .sort((a, b) => a - b);
    },
  }),
];
