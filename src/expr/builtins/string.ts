import type { Env } from '../env.ts';
import { type FeelFunction, valueToString, type FeelValue } from '../values.ts';
import type { RE2JS } from 're2js';
import { bad, builtin, isInt, single } from './define.ts';
import { compileXPathRegex, matchesEmpty, RegexError, xpathReplace, xpathTokenize } from './xpath-regex.ts';

function str(env: Env, fn: string, param: string, v: FeelValue | undefined): string | null {
  const s = single(v ?? null);
  return typeof s === 'string' ? s : bad(env, fn, `${param} must be a string`, s);
}

/** A character matched by the linear-time engine costs about what two loop iterations do. */
const REGEX_STEPS_PER_CHARACTER = 2;

/**
 * An XPath pattern compiled for the linear-time engine, its matching over `input` charged to
 * the evaluation's steps; null with a warning when it is not a pattern or the budget is spent.
 */
function regex(pattern: string, flags: FeelValue | undefined, env: Env, fn: string, input: string): RE2JS | null {
  if (flags !== undefined && flags !== null && typeof flags !== 'string') return bad(env, fn, 'flags must be a string', flags);
  if (!env.sink.step(input.length * REGEX_STEPS_PER_CHARACTER)) return null;
  try {
    return compileXPathRegex(pattern, flags ?? '');
  } catch (err) {
    if (err instanceof RegexError) return bad(env, fn, `pattern "${pattern.length > 100 ? `${pattern.slice(0, 100)}...` : pattern}": ${err.message}`, pattern);
    throw err;
  }
}

function twoStrings(name: string, a: string, b: string, fn: (x: string, y: string) => FeelValue): FeelFunction {
  return builtin(name, {
    params: [a, b],
    fn: ([x, y], env) => {
      const s = str(env, name, a, x);
      const t = str(env, name, b, y);
      return s === null || t === null ? null : fn(s, t);
    },
  });
}

export const stringFunctions: FeelFunction[] = [
  builtin('substring', {
    params: ['string', 'start position', 'length'],
    min: 2,
    fn: ([s0, start, length], env) => {
      const s = str(env, 'substring', 'string', s0);
      if (s === null) return null;
      if (!isInt(start) || start === 0) return bad(env, 'substring', 'start position must be a non-zero whole number', start ?? null);
      // Table 74, note 1: start position lies in [-L..L] and length in [1..E], counted in code points.
      const cps = [...s];
      if (Math.abs(start) > cps.length) return bad(env, 'substring', `start position ${start} is outside a string of ${cps.length} characters`, start);
      const from = start > 0 ? start - 1 : cps.length + start;
      if (length !== undefined && length !== null) {
        const most = cps.length - from;
        if (!isInt(length) || length < 1 || length > most) return bad(env, 'substring', `length must be a whole number from 1 to ${most} here`, length);
        return cps.slice(from, from + length).join('');
      }
      return cps.slice(from).join('');
    },
  }),
  builtin('string length', {
    params: ['string'],
    fn: ([s], env) => {
      const v = str(env, 'string length', 'string', s);
      return v === null ? null : [...v].length;
    },
  }),
  builtin('upper case', { params: ['string'], fn: ([s], env) => str(env, 'upper case', 'string', s)?.toUpperCase() ?? null }),
  builtin('lower case', { params: ['string'], fn: ([s], env) => str(env, 'lower case', 'string', s)?.toLowerCase() ?? null }),
  twoStrings('substring before', 'string', 'match', (s, m) => {
    const i = s.indexOf(m);
    return i < 0 ? '' : s.slice(0, i);
  }),
  twoStrings('substring after', 'string', 'match', (s, m) => {
    const i = s.indexOf(m);
    return i < 0 ? '' : s.slice(i + m.length);
  }),
  twoStrings('contains', 'string', 'match', (s, m) => s.includes(m)),
  twoStrings('starts with', 'string', 'match', (s, m) => s.startsWith(m)),
  twoStrings('ends with', 'string', 'match', (s, m) => s.endsWith(m)),
  builtin('replace', {
    params: ['input', 'pattern', 'replacement', 'flags'],
    min: 3,
    fn: ([i, p, r, f], env) => {
      const input = str(env, 'replace', 'input', i);
      const pattern = str(env, 'replace', 'pattern', p);
      const replacement = str(env, 'replace', 'replacement', r);
      if (input === null || pattern === null || replacement === null) return null;
      const re = regex(pattern, f, env, 'replace', input);
      if (!re) return null;
      if (matchesEmpty(re)) return bad(env, 'replace', 'the pattern must not match the empty string', pattern);
      try {
        const literal = typeof f === 'string' && f.includes('q');
        return xpathReplace(input, re, replacement, (n) => env.sink.charge(n, 'replace()'), literal);
      } catch (err) {
        if (err instanceof RegexError) return bad(env, 'replace', err.message, replacement);
        throw err;
      }
    },
  }),
  builtin('matches', {
    params: ['input', 'pattern', 'flags'],
    min: 2,
    fn: ([i, p, f], env) => {
      const input = str(env, 'matches', 'input', i);
      const pattern = str(env, 'matches', 'pattern', p);
      if (input === null || pattern === null) return null;
      const re = regex(pattern, f, env, 'matches', input);
      return re ? re.matcher(input).find() : null;
    },
  }),
  builtin('split', {
    params: ['string', 'delimiter'],
    fn: ([s0, d0], env) => {
      const s = str(env, 'split', 'string', s0);
      const d = str(env, 'split', 'delimiter', d0);
      if (s === null || d === null) return null;
      const re = regex(d, undefined, env, 'split', s);
      if (!re) return null;
      if (matchesEmpty(re)) return bad(env, 'split', 'the delimiter must not match the empty string', d);
      return xpathTokenize(s, re);
    },
  }),
  builtin('string join', {
    params: ['list', 'delimiter'],
    min: 1,
    fn: ([list, delimiter], env) => {
      if (!Array.isArray(list)) return bad(env, 'string join', 'list must be a list of strings', list ?? null);
      if (list.some((x) => x !== null && typeof x !== 'string')) return bad(env, 'string join', 'every item must be a string', list);
      if (delimiter !== undefined && delimiter !== null && typeof delimiter !== 'string')
        return bad(env, 'string join', 'delimiter must be a string', delimiter);
      const parts = list.filter((x) => x !== null) as string[];
      if (
        !env.sink.charge(
          parts.reduce((n, x) => n + x.length + (delimiter?.length ?? 0), 0),
          'string join()',
        )
      )
        return null;
      return parts.join(delimiter ?? '');
    },
  }),
  builtin('string', { params: ['from'], fn: ([v]) => (v === null ? null : valueToString(v!)) }),
];
