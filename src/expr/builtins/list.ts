import type { Env } from '../env.ts';
import { FeelFunction, compareValues, feelEquals, type FeelValue } from '../values.ts';
import { asList, bad, builtin, isInt, listOrVarargs } from './define.ts';

function list(env: Env, fn: string, v: FeelValue | undefined): FeelValue[] | null {
  if (v === undefined || v === null) return bad(env, fn, 'list must be a list', null);
  return asList(v);
}

function position(env: Env, fn: string, l: FeelValue[], p: FeelValue | undefined, allowEnd = false): number | null {
  if (!isInt(p ?? null) || p === 0) return bad(env, fn, 'position must be a non-zero whole number', p ?? null);
  const n = p as number;
  const i = n > 0 ? n - 1 : l.length + n;
  if (i < 0 || i > l.length - (allowEnd ? 0 : 1)) return bad(env, fn, `position ${n} is outside the list of ${l.length}`, n);
  return i;
}

function extreme(name: string, sign: 1 | -1): FeelFunction {
  return builtin(name, {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = listOrVarargs(args);
      if (!xs || xs.length === 0) return null;
      let best: FeelValue = xs[0] ?? null;
      for (let i = 1; i < xs.length; i++) {
        const x = xs[i]!;
        const c = compareValues(x, best);
        if (c === null) return bad(env, name, 'items must be comparable', x);
        if (sign * c > 0) best = x;
      }
      return best;
    },
  });
}

function booleans(name: string, every: boolean): FeelFunction {
  return builtin(name, {
    params: ['...list'],
    min: 1,
    fn: (args, env) => {
      const xs = listOrVarargs(args);
      if (xs === null) return bad(env, name, 'list must be a list of booleans', null);
      let sawOther = false;
      for (const x of xs) {
        if (x === !every) return !every;
        if (x !== every) sawOther = true;
      }
      return sawOther ? null : every;
    },
  });
}

const contains = (l: FeelValue[], v: FeelValue) => l.some((x) => feelEquals(x, v) === true);

export const listFunctions: FeelFunction[] = [
  builtin('list contains', {
    params: ['list', 'element'],
    fn: ([l, e], env) => {
      const xs = list(env, 'list contains', l);
      return xs ? contains(xs, e ?? null) : null;
    },
  }),
  builtin('count', { params: ['list'], fn: ([l], env) => list(env, 'count', l)?.length ?? null }),
  extreme('min', -1),
  extreme('max', 1),
  booleans('all', true),
  booleans('any', false),
  builtin('sublist', {
    params: ['list', 'start position', 'length'],
    min: 2,
    fn: ([l, s, n], env) => {
      const xs = list(env, 'sublist', l);
      if (!xs) return null;
      const i = position(env, 'sublist', xs, s);
      if (i === null) return null;
      if (n === undefined || n === null) return xs.slice(i);
      if (!isInt(n) || n < 0 || i + n > xs.length) return bad(env, 'sublist', 'length must fit within the list', n);
      return xs.slice(i, i + n);
    },
  }),
  builtin('append', {
    params: ['list', '...item'],
    min: 1,
    fn: ([l, ...items], env) => {
      const xs = list(env, 'append', l);
      return xs ? [...xs, ...items] : null;
    },
  }),
  builtin('concatenate', {
    params: ['...list'],
    min: 0,
    fn: (args, env) => {
      const out: FeelValue[] = [];
      for (const a of args) if (!Array.isArray(a)) return bad(env, 'concatenate', 'every argument must be a list', a);
      if (
        !env.sink.charge(
          (args as FeelValue[][]).reduce((n, a) => n + a.length, 0),
          'concatenate()',
        )
      )
        return null;
      for (const a of args as FeelValue[][]) for (const x of a) out.push(x);
      return out;
    },
  }),
  builtin('insert before', {
    params: ['list', 'position', 'newItem'],
    fn: ([l, p, item], env) => {
      const xs = list(env, 'insert before', l);
      if (!xs) return null;
      const i = position(env, 'insert before', xs, p);
      return i === null ? null : [...xs.slice(0, i), item!, ...xs.slice(i)];
    },
  }),
  builtin('remove', {
    params: ['list', 'position'],
    fn: ([l, p], env) => {
      const xs = list(env, 'remove', l);
      if (!xs) return null;
      const i = position(env, 'remove', xs, p);
      return i === null ? null : [...xs.slice(0, i), ...xs.slice(i + 1)];
    },
  }),
  builtin('reverse', { params: ['list'], fn: ([l], env) => list(env, 'reverse', l)?.slice().reverse() ?? null }),
  builtin('index of', {
    params: ['list', 'match'],
    fn: ([l, m], env) => {
      const xs = list(env, 'index of', l);
      if (!xs) return null;
      const out: number[] = [];
      xs.forEach((x, i) => feelEquals(x, m ?? null) === true && out.push(i + 1));
      return out;
    },
  }),
  builtin('union', {
    params: ['...list'],
    min: 0,
    fn: (args, env) => {
      const out: FeelValue[] = [];
      for (const a of args) {
        const xs = list(env, 'union', a);
        if (!xs) return null;
        // Each item is compared with those kept so far.
        if (!env.sink.step(xs.length * Math.max(1, out.length + xs.length))) return null;
        for (const x of xs) if (!contains(out, x)) out.push(x);
      }
      return out;
    },
  }),
  builtin('distinct values', {
    params: ['list'],
    fn: ([l], env) => {
      const xs = list(env, 'distinct values', l);
      if (!xs) return null;
      if (!env.sink.step(xs.length * xs.length)) return null;
      const out: FeelValue[] = [];
      for (const x of xs) if (!contains(out, x)) out.push(x);
      return out;
    },
  }),
  builtin('flatten', {
    params: ['list'],
    fn: ([l], env) => {
      const xs = list(env, 'flatten', l);
      if (!xs) return null;
      const out: FeelValue[] = [];
      // A list may hold the same list many times over: what flattening builds is counted as it goes.
      let fits = true;
      const walk = (v: FeelValue[]) => {
        if (!fits || !(fits = env.sink.charge(v.length, 'flatten()'))) return;
        v.forEach((x) => (Array.isArray(x) ? walk(x) : out.push(x)));
      };
      walk(xs);
      return fits ? out : null;
    },
  }),
  builtin('list replace', {
    params: ['list', 'position', 'newItem'],
    overloads: [['list', 'match', 'newItem']],
    fn: ([l, p, item], env) => {
      const xs = list(env, 'list replace', l);
      if (!xs) return null;
      if (p instanceof FeelFunction) {
        if (p.params.length !== 2) return bad(env, 'list replace', 'match must be a function of (item, newItem)', p);
        const out: FeelValue[] = [];
        for (const x of xs) {
          const r = p.invoke([x, item ?? null], env);
          if (typeof r !== 'boolean') return bad(env, 'list replace', 'match must return true or false', r);
          out.push(r ? (item ?? null) : x);
        }
        return out;
      }
      const i = position(env, 'list replace', xs, typeof p === 'number' ? Math.trunc(p) : p);
      if (i === null) return null;
      const out = xs.slice();
      out[i] = item ?? null;
      return out;
    },
  }),
  builtin('sort', {
    params: ['list', 'precedes'],
    min: 1,
    fn: ([l, precedes], env) => {
      const xs = list(env, 'sort', l);
      if (!xs) return null;
      if (precedes === undefined || precedes === null) {
        let failed = false;
        const sorted = xs.slice().sort((a, b) => {
          const c = compareValues(a, b);
          if (c === null) failed = true;
          return c ?? 0;
        });
        return failed ? bad(env, 'sort', 'items must be comparable', xs) : sorted;
      }
      if (!(precedes instanceof FeelFunction)) return bad(env, 'sort', 'precedes must be a function', precedes);
      let failed = false;
      const sorted = xs.slice().sort((a, b) => {
        if (precedes.invoke([a, b], env) === true) return -1;
        const r = precedes.invoke([b, a], env);
        if (r !== true && r !== false) failed = true;
        return r === true ? 1 : 0;
      });
      return failed ? null : sorted;
    },
  }),
];
