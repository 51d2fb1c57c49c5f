import type { Env } from '../env.ts';
import { type FeelFunction, FeelRange, compareValues, type FeelValue } from '../values.ts';
import { bad, builtin } from './define.ts';

/** An endpoint with its openness; a null start or end is unbounded. */
interface Bound {
  v: FeelValue;
  inf: -1 | 0 | 1;
}

function lo(r: FeelRange): Bound {
  return r.start === null ? { v: null, inf: -1 } : { v: r.start, inf: 0 };
}
function hi(r: FeelRange): Bound {
  return r.end === null ? { v: null, inf: 1 } : { v: r.end, inf: 0 };
}
function pt(v: FeelValue): Bound {
  return { v, inf: 0 };
}

class Incomparable extends Error {}

function cmp(a: Bound, b: Bound): number {
  if (a.inf || b.inf) return a.inf - b.inf;
  const c = compareValues(a.v, b.v);
  if (c === null) throw new Incomparable();
  return c;
}

type Arg = { range: FeelRange } | { point: FeelValue };
type Rule = (a: Arg, b: Arg) => boolean | null;

const isR = (a: Arg): a is { range: FeelRange } => 'range' in a;

function rangeFunction(
  name: string,
  rules: {
    pp?: (a: Bound, b: Bound) => boolean;
    pr?: (p: Bound, r: FeelRange) => boolean;
    rp?: (r: FeelRange, p: Bound) => boolean;
    rr?: (r1: FeelRange, r2: FeelRange) => boolean;
  },
): FeelFunction {
  const rule: Rule = (a, b) => {
    if (!isR(a) && !isR(b)) return rules.pp ? rules.pp(pt(a.point), pt(b.point)) : null;
    if (!isR(a) && isR(b)) return rules.pr ? rules.pr(pt(a.point), b.range) : null;
    if (isR(a) && !isR(b)) return rules.rp ? rules.rp(a.range, pt(b.point)) : null;
    return rules.rr ? rules.rr((a as { range: FeelRange }).range, (b as { range: FeelRange }).range) : null;
  };
  return builtin(name, {
    params: ['range1', 'range2'],
    overloads: [
      ['point1', 'point2'],
      ['point', 'range'],
      ['range', 'point'],
    ],
    fn: ([x, y], env: Env) => {
      if (x === null || y === null || x === undefined || y === undefined) return bad(env, name, 'arguments must not be null', null);
      const wrap = (v: FeelValue): Arg => (v instanceof FeelRange ? { range: v } : { point: v });
      try {
        const r = rule(wrap(x), wrap(y));
        return r === null ? bad(env, name, 'this combination of points and ranges is not defined', x) : r;
      } catch (err) {
        if (err instanceof Incomparable) return bad(env, name, 'points and ranges must be of comparable types', y);
        throw err;
      }
    },
  });
}

const eq = (a: Bound, b: Bound) => cmp(a, b) === 0;

const before = {
  pp: (a: Bound, b: Bound) => cmp(a, b) < 0,
  pr: (p: Bound, r: FeelRange) => cmp(p, lo(r)) < 0 || (eq(p, lo(r)) && !r.startIncluded),
  rp: (r: FeelRange, p: Bound) => cmp(hi(r), p) < 0 || (eq(hi(r), p) && !r.endIncluded),
  rr: (r1: FeelRange, r2: FeelRange) => cmp(hi(r1), lo(r2)) < 0 || (eq(hi(r1), lo(r2)) && (!r1.endIncluded || !r2.startIncluded)),
};
const includes = {
  rp: (r: FeelRange, p: Bound) => (cmp(lo(r), p) < 0 && cmp(hi(r), p) > 0) || (eq(lo(r), p) && r.startIncluded) || (eq(hi(r), p) && r.endIncluded),
  rr: (r1: FeelRange, r2: FeelRange) =>
    (cmp(lo(r1), lo(r2)) < 0 || (eq(lo(r1), lo(r2)) && (r1.startIncluded || !r2.startIncluded))) &&
    (cmp(hi(r1), hi(r2)) > 0 || (eq(hi(r1), hi(r2)) && (r1.endIncluded || !r2.endIncluded))),
};
const starts = {
  pr: (p: Bound, r: FeelRange) => r.startIncluded && eq(lo(r), p),
  rr: (r1: FeelRange, r2: FeelRange) =>
    eq(lo(r1), lo(r2)) && r1.startIncluded === r2.startIncluded && (cmp(hi(r1), hi(r2)) < 0 || (eq(hi(r1), hi(r2)) && (!r1.endIncluded || r2.endIncluded))),
};
const finishes = {
  pr: (p: Bound, r: FeelRange) => r.endIncluded && eq(hi(r), p),
  rr: (r1: FeelRange, r2: FeelRange) =>
    eq(hi(r1), hi(r2)) && r1.endIncluded === r2.endIncluded && (cmp(lo(r1), lo(r2)) > 0 || (eq(lo(r1), lo(r2)) && (!r1.startIncluded || r2.startIncluded))),
};
const overlapsBefore = (r1: FeelRange, r2: FeelRange) =>
  (cmp(lo(r1), lo(r2)) < 0 || (eq(lo(r1), lo(r2)) && r1.startIncluded && !r2.startIncluded)) &&
  (cmp(hi(r1), lo(r2)) > 0 || (eq(hi(r1), lo(r2)) && r1.endIncluded && r2.startIncluded)) &&
  (cmp(hi(r1), hi(r2)) < 0 || (eq(hi(r1), hi(r2)) && (!r1.endIncluded || r2.endIncluded)));
const meets = (r1: FeelRange, r2: FeelRange) => r1.endIncluded && r2.startIncluded && eq(hi(r1), lo(r2));

export const rangeFunctions: FeelFunction[] = [
  rangeFunction('before', before),
  rangeFunction('after', {
    pp: (a, b) => before.pp(b, a),
    pr: (p, r) => before.rp(r, p),
    rp: (r, p) => before.pr(p, r),
    rr: (r1, r2) => before.rr(r2, r1),
  }),
  rangeFunction('meets', { rr: meets }),
  rangeFunction('met by', { rr: (r1, r2) => meets(r2, r1) }),
  rangeFunction('overlaps', {
    rr: (r1, r2) =>
      (cmp(hi(r1), lo(r2)) > 0 || (eq(hi(r1), lo(r2)) && r1.endIncluded && r2.startIncluded)) &&
      (cmp(lo(r1), hi(r2)) < 0 || (eq(lo(r1), hi(r2)) && r1.startIncluded && r2.endIncluded)),
  }),
  rangeFunction('overlaps before', { rr: overlapsBefore }),
  rangeFunction('overlaps after', { rr: (r1, r2) => overlapsBefore(r2, r1) }),
  rangeFunction('finishes', finishes),
  rangeFunction('finished by', { rp: (r, p) => finishes.pr(p, r), rr: (r1, r2) => finishes.rr(r2, r1) }),
  rangeFunction('includes', includes),
  rangeFunction('during', { pr: (p, r) => includes.rp(r, p), rr: (r1, r2) => includes.rr(r2, r1) }),
  rangeFunction('starts', starts),
  rangeFunction('started by', { rp: (r, p) => starts.pr(p, r), rr: (r1, r2) => starts.rr(r2, r1) }),
  rangeFunction('coincides', {
    pp: (a, b) => eq(a, b),
    rr: (r1, r2) => eq(lo(r1), lo(r2)) && eq(hi(r1), hi(r2)) && r1.startIncluded === r2.startIncluded && r1.endIncluded === r2.endIncluded,
  }),
];
