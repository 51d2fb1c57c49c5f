import { add, divide, multiply, negate, power, subtract } from './arithmetic.ts';
import type { Iteration, Node } from './ast.ts';
import { FeelDecimal, isFeelNumber, numbersEqual } from './decimal.ts';
import { BUILTINS } from './builtins/index.ts';
import { type Env, MAX_CALL_DEPTH } from './env.ts';
import { ANY_TYPE, convertTo, instanceOf, staticType, typeText } from './type-conformance.ts';
import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, YearsMonthsDuration, parseTemporalLiteral } from './temporal.ts';
import { FeelFunction, FeelRange, compareValues, feelEquals, isContext, typeName, valueToString, type FeelContext, type FeelValue } from './values.ts';

export type Compiled = (env: Env) => FeelValue;
/** A compiled positive unary test: does the input satisfy it? null when undecidable. */
export type CompiledTest = (input: FeelValue, env: Env) => boolean | null;

const ARITH = { '+': add, '-': subtract, '*': multiply, '/': divide, '**': power } as const;

function describeValue(v: FeelValue): string {
  return `${typeName(v)}${v === null || typeof v === 'object' ? '' : ` ${JSON.stringify(v)}`}`;
}

export function usesInput(node: Node): boolean {
  if (node.t === 'input') return true;
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object') {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (
            item &&
            typeof item === 'object' &&
            ('t' in item ? usesInput(item as Node) : Object.values(item).some((x) => x && typeof x === 'object' && 't' in x && usesInput(x as Node)))
          )
            return true;
        }
      } else if ('t' in value && usesInput(value as Node)) return true;
    }
  }
  return false;
}

export function compare(op: string, a: FeelValue, b: FeelValue): boolean | null {
  if (op === '=') return feelEquals(a, b);
  if (op === '!=') {
    const eq = feelEquals(a, b);
    return eq === null ? null : !eq;
  }
  const c = compareValues(a, b);
  if (c === null || Number.isNaN(c)) return null;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

export function rangeIncludes(r: FeelRange, v: FeelValue): boolean | null {
  if (v === null) return null;
  if (r.start !== null) {
    const c = compareValues(v, r.start);
    if (c === null) return null;
    if (c < 0 || (c === 0 && !r.startIncluded)) return false;
  }
  if (r.end !== null) {
    const c = compareValues(v, r.end);
    if (c === null) return null;
    if (c > 0 || (c === 0 && !r.endIncluded)) return false;
  }
  return true;
}

function pathOf(v: FeelValue, name: string, env: Env): FeelValue {
  if (v === null) return null;
  if (isContext(v)) {
    const x = v[name];
    return x === undefined ? null : x;
  }
  if (Array.isArray(v)) return v.map((item) => pathOf(item, name, env));
  if (v instanceof FeelDate || v instanceof FeelDateTime) {
    const d = v instanceof FeelDate ? v : v.date;
    switch (name) {
      case 'year':
        return d.year;
      case 'month':
        return d.month;
      case 'day':
        return d.day;
      case 'weekday':
        return ((((d.epochDay + 3) % 7) + 7) % 7) + 1;
    }
  }
  if (v instanceof FeelTime || v instanceof FeelDateTime) {
    const t = v instanceof FeelTime ? v : v.time;
    switch (name) {
      case 'hour':
        return t.hour;
      case 'minute':
        return t.minute;
      case 'second':
        return t.second;
      case 'time offset': {
        const off = v instanceof FeelDateTime ? (t.offset ?? (t.zone ? v.effectiveOffset : null)) : t.offset;
        return off === null ? null : new DaysTimeDuration(off);
      }
      case 'timezone':
        return t.zone;
    }
  }
  if (v instanceof YearsMonthsDuration) {
    if (name === 'years') return Math.trunc(v.months / 12) || 0;
    if (name === 'months') return v.months % 12 || 0;
  }
  if (v instanceof DaysTimeDuration) {
    const s = v.seconds;
    const sign = s < 0 ? -1 : 1;
    const a = Math.abs(s);
    if (name === 'days') return sign * Math.floor(a / 86400) || 0;
    if (name === 'hours') return sign * Math.floor((a % 86400) / 3600) || 0;
    if (name === 'minutes') return sign * Math.floor((a % 3600) / 60) || 0;
    if (name === 'seconds') return sign * (a % 60) || 0;
  }
  if (v instanceof FeelRange) {
    if (name === 'start') return v.start;
    if (name === 'end') return v.end;
    if (name === 'start included') return v.startIncluded;
    if (name === 'end included') return v.endIncluded;
  }
  env.warn('no_such_member', `${describeValue(v)} has no member "${name}"`);
  return null;
}

/** Calls a function value with positional or named arguments; wrong calls yield null and a warning. */
export function invoke(fn: FeelValue, args: FeelValue[], named: Record<string, FeelValue> | null, env: Env, label: string): FeelValue {
  if (!(fn instanceof FeelFunction)) {
    env.warn('not_a_function', `${label} is not a function (it is ${describeValue(fn)})`);
    return null;
  }
  let positional = args;
  if (named) {
    const given = Object.keys(named);
    const names = [fn.params.map((p) => p.name), ...fn.overloads].find((set) => given.every((k) => set.includes(k)));
    if (!names) {
      env.warn('bad_arguments', `${fn.name}() has no parameter(s) named ${given.map((k) => `"${k}"`).join(', ')}`);
      return null;
    }
    const refused = fn.checkNamed?.(named);
    if (refused) {
      env.warn('bad_arguments', `${fn.name}(): ${refused}`);
      return null;
    }
    let last = names.length - 1;
    while (last >= 0 && !(names[last]! in named)) last--;
    positional = names.slice(0, last + 1).map((p) => (p in named ? named[p]! : null));
  } else if (!fn.variadic && args.length !== fn.params.length) {
    env.warn('bad_arguments', `${fn.name}() takes ${fn.params.length} argument(s), got ${args.length}`);
    return null;
  }
  return fn.invoke(positional, env);
}

/** `a..b` in a for loop: whole numbers or dates, ascending or descending, ends included. */
function integerSequence(from: FeelValue, to: FeelValue): FeelValue[] | null {
  if (typeof from === 'number' && typeof to === 'number') {
    if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
    const out: FeelValue[] = [];
    const step = from <= to ? 1 : -1;
    for (let x = from; step > 0 ? x <= to : x >= to; x += step) out.push(x);
    return out;
  }
  if (from instanceof FeelDate && to instanceof FeelDate) {
    const a = from.epochDay;
    const b = to.epochDay;
    const out: FeelValue[] = [];
    const step = a <= b ? 1 : -1;
    for (let x = a; step > 0 ? x <= b : x >= b; x += step) out.push(FeelDate.fromEpochDay(x));
    return out;
  }
  return null;
}

function iterate(iters: Iteration[], env: Env, compiled: { source: Compiled; to?: Compiled }[], visit: (scope: Env) => boolean): boolean {
  const step = (i: number, scope: Env): boolean => {
    if (i === iters.length) return visit(scope);
    const from = compiled[i]!.source(scope);
    let items: FeelValue[];
    if (compiled[i]!.to) {
      const to = compiled[i]!.to!(scope);
      const span =
        typeof from === 'number' && typeof to === 'number'
          ? Math.abs(to - from)
          : from instanceof FeelDate && to instanceof FeelDate
            ? Math.abs(to.epochDay - from.epochDay)
            : 0;
      const left = env.sink.limits.steps - env.sink.steps;
      if (span >= left) {
        env.warn(
          'too_many_iterations',
          `for ${iters[i]!.name} in a..b would take ${span + 1} steps; at most ${env.sink.limits.steps} are allowed in one evaluation`,
        );
        env.sink.steps = env.sink.limits.steps + 1;
        return false;
      }
      const seq = integerSequence(from, to);
      if (!seq) {
        env.warn('bad_iteration', `for ${iters[i]!.name} in a..b needs two whole numbers or two dates`);
        return false;
      }
      items = seq;
    } else if (Array.isArray(from)) items = from;
    else if (from instanceof FeelRange) {
      // A range value is not a list: iterate `a..b` instead.
      env.warn('bad_iteration', `for ${iters[i]!.name} cannot iterate over a range value; write "for x in a..b"`);
      return false;
    } else if (from === null) {
      env.warn('bad_iteration', `for ${iters[i]!.name} in null: there is nothing to iterate over`);
      return false;
    } else items = [from];
    for (const item of items) {
      if (!env.sink.step()) return false;
      if (!step(i + 1, scope.child({ [iters[i]!.name]: item }))) return false;
    }
    return true;
  };
  return step(0, env);
}

export function compileNode(node: Node): Compiled {
  switch (node.t) {
    case 'num': {
      const v = node.v;
      return () => v;
    }
    case 'str': {
      const v = node.v;
      return () => v;
    }
    case 'bool': {
      const v = node.v;
      return () => v;
    }
    case 'null':
      return () => null;
    case 'temporal': {
      const v = parseTemporalLiteral(node.v);
      const text = node.v;
      return (env) => {
        if (v === null) env.warn('bad_literal', `@"${text}" is not a valid date, time or duration`);
        return v;
      };
    }
    case 'input':
      return (env) => env.get('?') ?? null;
    case 'name': {
      const name = node.name;
      const builtin = BUILTINS.get(name);
      // `a.b` read as one name (a parameter may be called that) falls back to the path a → b.
      const segments = name.includes('.') ? name.split('.') : null;
      return (env) => {
        const v = env.get(name);
        if (v !== undefined) return v;
        if (builtin) return builtin;
        if (segments) {
          const head = env.get(segments[0]!);
          if (head !== undefined) return segments.slice(1).reduce<FeelValue>((acc, s) => pathOf(acc, s, env), head);
        }
        env.warn('unknown_name', `no variable or function named "${name}"`);
        return null;
      };
    }
    case 'path': {
      const obj = compileNode(node.obj);
      const name = node.name;
      return (env) => pathOf(obj(env), name, env);
    }
    case 'filter':
      return compileFilter(node.obj, node.cond);
    case 'call': {
      const fn = compileNode(node.fn);
      const args = node.args.map(compileNode);
      const named = node.named?.map((a) => ({ name: a.name, value: compileNode(a.value) })) ?? null;
      const label = node.fn.t === 'name' ? node.fn.name : 'the called expression';
      return (env) => {
        const f = fn(env);
        const values: FeelValue[] = new Array(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i]!(env);
        let namedValues: Record<string, FeelValue> | null = null;
        if (named) {
          namedValues = {};
          for (const a of named) namedValues[a.name] = a.value(env);
        }
        return invoke(f, values, namedValues, env, label);
      };
    }
    case 'neg': {
      const e = compileNode(node.e);
      return (env) => negate(e(env));
    }
    case 'arith': {
      const l = compileNode(node.l);
      const r = compileNode(node.r);
      const op = ARITH[node.op];
      const symbol = node.op;
      return (env) => {
        const a = l(env);
        const b = r(env);
        if (typeof a === 'string' && typeof b === 'string' && !env.sink.charge(a.length + b.length, `${symbol} on two strings`)) return null;
        const v = op(a, b);
        if (v === null && a !== null && b !== null) {
          if (!isFeelNumber(a) || !isFeelNumber(b)) env.warn('type_mismatch', `cannot apply ${symbol} to ${describeValue(a)} and ${describeValue(b)}`);
          else if (symbol === '/' && numbersEqual(b, 0)) env.warn('division_by_zero', `${describeValue(a)} / 0 has no value`);
          else
            env.warn(
              'number_out_of_range',
              `${describeValue(a)} ${symbol} ${describeValue(b)} is beyond the range of a FEEL number (decimal128, up to about 1E6145)`,
            );
        }
        return v;
      };
    }
    case 'cmp': {
      const l = compileNode(node.l);
      const r = compileNode(node.r);
      const op = node.op;
      return (env) => {
        const a = l(env);
        const b = r(env);
        const v = compare(op, a, b);
        // Values that cannot be compared give null: an error, not an absent value, so it is said.
        if (v === null && a !== null && b !== null) env.warn('type_mismatch', `cannot compare ${describeValue(a)} ${op} ${describeValue(b)}`);
        return v;
      };
    }
    case 'and': {
      const l = compileNode(node.l);
      const r = compileNode(node.r);
      return (env) => {
        const a = l(env);
        if (a === false) return false;
        const b = r(env);
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    }
    case 'or': {
      const l = compileNode(node.l);
      const r = compileNode(node.r);
      return (env) => {
        const a = l(env);
        if (a === true) return true;
        const b = r(env);
        if (b === true) return true;
        return a === false && b === false ? false : null;
      };
    }
    case 'between': {
      const e = compileNode(node.e);
      const lo = compileNode(node.lo);
      const hi = compileNode(node.hi);
      return (env) => {
        const v = e(env);
        const a = compare('>=', v, lo(env));
        const b = compare('<=', v, hi(env));
        if (a === false || b === false) return false;
        return a === true && b === true ? true : null;
      };
    }
    case 'in': {
      const e = compileNode(node.e);
      const only = node.tests.length === 1 ? node.tests[0]! : null;
      if (only?.t === 'list' && !usesInput(only)) {
        // DMN 1.5 table 55: `e in [a, b]` is `e = a or e = b` (or `e in a` for a range item): the
        // list literal lists tests; it is not a value the input could equal as a whole.
        const list = compileNode(only);
        return (env) => {
          const v = e(env);
          const items = list(env) as FeelValue[];
          let sawNull = false;
          for (const x of items) {
            const r = x instanceof FeelRange && !(v instanceof FeelRange) ? rangeIncludes(x, v) : feelEquals(x, v);
            if (r === true) return true;
            if (r === null) sawNull = true;
          }
          return sawNull ? null : false;
        };
      }
      const test = compileTests(node.tests);
      return (env) => test(e(env), env);
    }
    case 'instanceof': {
      const e = compileNode(node.e);
      const type = node.type;
      return (env) => instanceOf(e(env), type, env.sink.types);
    }
    case 'if': {
      const c = compileNode(node.c);
      const a = compileNode(node.a);
      const b = compileNode(node.b);
      return (env) => (c(env) === true ? a(env) : b(env));
    }
    case 'for': {
      const iters = node.iters;
      const compiled = iters.map((it) => ({ source: compileNode(it.source), to: it.to ? compileNode(it.to) : undefined }));
      const body = compileNode(node.body);
      return (env) => {
        const results: FeelValue[] = [];
        const ok = iterate(iters, env.child({ partial: results }), compiled, (scope) => {
          results.push(body(scope));
          return true;
        });
        return ok ? results : null;
      };
    }
    case 'quant': {
      const iters = node.iters;
      const compiled = iters.map((it) => ({ source: compileNode(it.source), to: it.to ? compileNode(it.to) : undefined }));
      const cond = compileNode(node.cond);
      const every = node.every;
      return (env) => {
        let sawNull = false;
        let decided = false;
        iterate(iters, env, compiled, (scope) => {
          const r = cond(scope);
          if (r === !every) {
            decided = true;
            return false;
          }
          if (r !== true && r !== false) sawNull = true;
          return true;
        });
        if (decided) return !every;
        return sawNull ? null : every;
      };
    }
    case 'list': {
      const items = node.items.map(compileNode);
      return (env) => {
        const out: FeelValue[] = new Array(items.length);
        for (let i = 0; i < items.length; i++) out[i] = items[i]!(env);
        return out;
      };
    }
    case 'context': {
      const entries = node.entries.map((e) => ({ key: e.key, value: compileNode(e.value) }));
      return (env) => {
        const ctx: FeelContext = {};
        const scope = env.child(ctx);
        for (const e of entries) {
          if (Object.hasOwn(ctx, e.key)) {
            env.warn('duplicate_key', `context has the key "${e.key}" twice`);
            return null;
          }
          ctx[e.key] = e.value(scope);
        }
        return ctx;
      };
    }
    case 'range': {
      const start = node.start ? compileNode(node.start) : null;
      const end = node.end ? compileNode(node.end) : null;
      const { si, ei } = node;
      return (env) => {
        const a = start ? start(env) : null;
        const b = end ? end(env) : null;
        if (a !== null && b !== null && typeName(a) !== typeName(b)) {
          env.warn('bad_range', `range ends differ in type: ${typeName(a)} and ${typeName(b)}`);
          return null;
        }
        if (a !== null && b !== null && (compareValues(a, b) ?? 1) > 0) {
          env.warn('bad_range', `a range's start must not be after its end (${valueToString(a)} > ${valueToString(b)})`);
          return null;
        }
        return new FeelRange(a, b, si, ei);
      };
    }
    case 'fn': {
      if (node.external) {
        return (env) => {
          env.warn('unsupported', 'external functions are not supported');
          return null;
        };
      }
      const body = compileNode(node.body);
      const params = node.params;
      const resultType = staticType(node.body) ?? undefined;
      return (env) =>
        new FeelFunction(
          'anonymous',
          params.map((p) => ({ name: p.name, typeRef: p.type ?? ANY_TYPE })),
          (args) => {
            // Arguments that do not conform, even after the implicit conversions, make the invocation null (10.3.2.13.2).
            const vars: FeelContext = {};
            for (let i = 0; i < params.length; i++) {
              const p = params[i]!;
              const given = args[i] ?? null;
              const modelType = p.type?.kind === 'named' && env.sink.bindToModelType && env.sink.types?.(p.type.name) ? p.type.name : null;
              if (modelType) {
                const bound = env.sink.bindToModelType!(given, modelType, `argument ${p.name} of a function`);
                if (bound === null && given !== null) return null;
                vars[p.name] = bound;
                continue;
              }
              const v = p.type ? convertTo(given, p.type, env.sink.types) : given;
              if (v === undefined) {
                env.warn('type_mismatch', `argument ${p.name} of a function: expected ${typeText(p.type!)}, got ${typeName(given)}`);
                return null;
              }
              vars[p.name] = v;
            }
            if (!env.sink.step()) return null;
            if (env.sink.calls >= MAX_CALL_DEPTH) {
              env.warn('recursion_too_deep', `functions called more than ${MAX_CALL_DEPTH} deep; the result is null`);
              return null;
            }
            env.sink.calls++;
            try {
              return body(env.child(vars));
            } finally {
              env.sink.calls--;
            }
          },
          false,
          [],
          resultType,
        );
    }
    case 'unarycmp': {
      // As a value (FEEL 1.5): `< 10` is the range (null..10).
      const e = compileNode(node.e);
      const op = node.op;
      return (env) => {
        const v = e(env);
        switch (op) {
          case '<':
            return new FeelRange(null, v, false, false);
          case '<=':
            return new FeelRange(null, v, false, true);
          case '>':
            return new FeelRange(v, null, false, false);
          case '>=':
            return new FeelRange(v, null, true, false);
          case '!=':
            // As the DMN TCK reads (!= 10): both ends 10, neither included.
            return new FeelRange(v, v, false, false);
          default:
            return new FeelRange(v, v, true, true);
        }
      };
    }
    case 'nottests':
    case 'any':
      return () => null;
  }
}

function compileFilter(objNode: Node, condNode: Node): Compiled {
  const obj = compileNode(objNode);
  const cond = compileNode(condNode);
  const literalIndex = condNode.t === 'num' && typeof condNode.v === 'number' ? condNode.v : null;
  return (env) => {
    let list = obj(env);
    if (list === null) return null;
    if (!Array.isArray(list)) list = [list];
    const index = (i: number): FeelValue => {
      if (!Number.isInteger(i) || i === 0) return null;
      const k = i > 0 ? i - 1 : list.length + i;
      return (list as FeelValue[])[k] ?? null;
    };
    if (literalIndex !== null) return index(literalIndex);
    const out: FeelValue[] = [];
    if (!env.sink.step(list.length)) return null;
    for (let k = 0; k < list.length; k++) {
      const item = list[k]!;
      const vars: FeelContext = isContext(item) ? { item, ...item } : { item };
      const r = cond(env.child(vars));
      if (typeof r === 'number' && k === 0) return index(r);
      if (r === true) out.push(item);
    }
    return out;
  };
}

/** Does a value satisfy one positive unary test (a comparison, a range, a list or a value)? */
export function compileTest(node: Node): CompiledTest {
  if (node.t === 'any') return () => true;
  if (node.t === 'nottests') {
    const inner = compileTests(node.tests);
    return (v, env) => {
      const r = inner(v, env);
      return r === null ? null : !r;
    };
  }
  if (node.t === 'unarycmp') {
    const op = node.op;
    if (node.e.t === 'num' && typeof node.e.v === 'number') {
      const k = node.e.v;
      switch (op) {
        case '<':
          return (v) => (typeof v === 'number' ? v < k : compare(op, v, k));
        case '<=':
          return (v) => (typeof v === 'number' ? v <= k : compare(op, v, k));
        case '>':
          return (v) => (typeof v === 'number' ? v > k : compare(op, v, k));
        case '>=':
          return (v) => (typeof v === 'number' ? v >= k : compare(op, v, k));
      }
    }
    const e = compileNode(node.e);
    return (v, env) => compare(op, v, e(env.child({ '?': v })));
  }
  if (node.t === 'range' && node.start?.t === 'num' && node.end?.t === 'num' && typeof node.start.v === 'number' && typeof node.end.v === 'number') {
    const lo = node.start.v;
    const hi = node.end.v;
    const { si, ei } = node;
    const range = new FeelRange(lo, hi, si, ei);
    return (v) =>
      typeof v === 'number'
        ? (si ? v >= lo : v > lo) && (ei ? v <= hi : v < hi)
        : v === null
          ? null
          : v instanceof FeelDecimal
            ? rangeIncludes(range, v)
            : false;
  }
  if (node.t === 'str') {
    const s = node.v;
    return (v) => (v === s ? true : typeof v === 'string' ? false : v === null ? false : null);
  }
  if (node.t === 'num' && typeof node.v === 'number') {
    const n = node.v;
    return (v) => (v === n ? true : typeof v === 'number' ? false : v instanceof FeelDecimal ? numbersEqual(v, n) : null);
  }
  const e = compileNode(node);
  if (usesInput(node)) {
    // Table 55: a boolean expression that uses `?` decides by its value; one that gives another
    // value (`?` alone, `? + 0`) is an expression the input must equal (rule 2h). A boolean is never
    // compared for equality here: `? = true` must not be satisfied by false because false = false.
    return (v, env) => {
      const r = e(env.child({ '?': v }));
      if (r === true || r === false || r === null) return r;
      return feelEquals(v, r) === true;
    };
  }
  return (v, env) => {
    const r = e(env);
    if (r instanceof FeelRange) return rangeIncludes(r, v);
    if (Array.isArray(r)) {
      if (r.some((x) => feelEquals(x, v) === true)) return true;
      return feelEquals(r, v) === true;
    }
    if (r instanceof FeelFunction) return r.invoke([v], env) === true;
    return feelEquals(v, r);
  };
}

/** A list of positive tests: satisfied when any one is (null if none is and some are undecidable). */
export function compileTests(nodes: Node[]): CompiledTest {
  if (nodes.length === 1) return compileTest(nodes[0]!);
  if (nodes.every((n) => n.t === 'str')) {
    const set = new Set(nodes.map((n) => (n as { v: string }).v));
    return (v) => (typeof v === 'string' ? set.has(v) : v === null ? false : null);
  }
  const tests = nodes.map(compileTest);
  return (v, env) => {
    let sawNull = false;
    for (const t of tests) {
      const r = t(v, env);
      if (r === true) return true;
      if (r === null) sawNull = true;
    }
    return sawNull ? null : false;
  };
}
