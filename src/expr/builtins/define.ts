import type { Env } from '../env.ts';
import { FeelFunction, isContext, typeName, type FeelValue } from '../values.ts';

export type Impl = (args: FeelValue[], env: Env) => FeelValue;

export interface BuiltinSpec {
  /** Parameter names of the main form; `...` marks a rest parameter. */
  params: string[];
  /** Fewest arguments accepted (defaults to every named parameter). */
  min?: number;
  /** Most arguments accepted (defaults to the parameter count; Infinity for rest). */
  max?: number;
  overloads?: string[][];
  /** Refuses arguments given by name that the positions cannot tell apart (`key` given a list). */
  checkNamed?: (named: Record<string, FeelValue>) => string | null;
  fn: Impl;
}

export function builtin(name: string, spec: BuiltinSpec): FeelFunction {
  const rest = spec.params.some((p) => p.startsWith('...'));
  const params = spec.params.map((p) => ({ name: p.replace(/^\.\.\./, '') }));
  const min = spec.min ?? (rest ? params.length - 1 : params.length);
  const max = spec.max ?? (rest ? Infinity : params.length);
  return new FeelFunction(
    name,
    params,
    (args, site) => {
      const env = site as Env;
      if (args.length < min || args.length > max) {
        env.warn(
          'bad_arguments',
          `${name}() takes ${min === max ? min : `${min} to ${max === Infinity ? 'any number of' : max}`} argument(s), got ${args.length}`,
        );
        return null;
      }
      const result = withSingletonsUnwrapped(args, env, spec.fn);
      // What built-ins build counts against the evaluation's memory budget.
      if (
        typeof result === 'string'
          ? result.length > 64 && !env.sink.charge(result.length, `${name}()`)
          : Array.isArray(result) && !env.sink.charge(result.length, `${name}()`)
      )
        return null;
      return result;
    },
    true,
    spec.overloads ?? [],
    undefined,
    spec.checkNamed,
  );
}

/**
 * Yields null for an argument a function cannot take, as FEEL does, and reports it as an error
 * unless the argument was null: a missing value passes through as null (as it does through
 * arithmetic), while a value of the wrong type is a mistake a flow must not decide on.
 */
export function bad(env: Env, fn: string, what: string, v: FeelValue): null {
  if (v !== null) env.warn('bad_argument', `${fn}(): ${what}, got ${typeName(v)}`);
  return null;
}

/**
 * Built-in arguments conform "before or after applying implicit conversions" (10.3.2.13.1): a
 * call its arguments do not fit is tried once more with every singleton list unwrapped
 * (`floor([1.5])` is 1), and the first try's complaints are withdrawn when the second fits.
 */
function withSingletonsUnwrapped(args: FeelValue[], env: Env, fn: Impl): FeelValue {
  const sink = env.sink;
  const given = sink.given;
  const held = sink.warnings.length;
  const result = fn(args, env);
  if (result !== null || sink.given === given || !args.some((a) => Array.isArray(a) && a.length === 1)) return result;
  if (!sink.warnings.slice(held).every((w) => w.code === 'bad_argument')) return result;
  sink.warnings.splice(held);
  sink.given = given;
  return fn(args.map(single), env);
}

/** A singleton list stands for its element where a single value is expected. */
export function single(v: FeelValue): FeelValue {
  return Array.isArray(v) && v.length === 1 ? v[0]! : v;
}

/** A single value stands for a list of one where a list is expected. */
export function asList(v: FeelValue): FeelValue[] | null {
  if (v === null) return null;
  return Array.isArray(v) ? v : [v];
}

/** `f(1, 2, 3)` and `f([1, 2, 3])` mean the same for min, max, sum and their kin. */
export function listOrVarargs(args: FeelValue[]): FeelValue[] | null {
  if (args.length === 1) {
    const a = args[0]!;
    if (Array.isArray(a)) return a;
    if (a === null) return null;
    return [a];
  }
  return args;
}

export function isInt(v: FeelValue): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

export { isContext };

/** Reports a call a function cannot take whatever the values (the wrong number of arguments), and yields null. */
export function badCall(env: Env, fn: string, what: string): null {
  env.warn('bad_arguments', `${fn}(): ${what}`);
  return null;
}
