import type { Env } from '../env.ts';
import { FeelFunction, valueToString, type FeelValue } from '../values.ts';
import { bad, builtin, isInt, single } from './define.ts';

function str(env: Env, fn: string, param: string, v: FeelValue | undefined): string | null {
  const s = single(v ?? null);
  return typeof s === 'string' ? s : bad(env, fn, `${param} must be a string`, s);
}

/** XPath regular expressions (as FEEL uses) to JavaScript ones; null when invalid. */
function regex(pattern: string, flags: string, global: boolean, env: Env, fn: string): RegExp | null {
  if (!/^[smixq]*$/.test(flags)) return bad(env, fn, 'flags may only contain s, m, i, x, q', flags);
  let source = pattern;
  if (flags.includes('q')) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (flags.includes('x')) source = pattern.replace(/\s+/g, '');
  const jsFlags = 'u' + (global ? 'g' : '') + (flags.includes('s') ? 's' : '') + (flags.includes('m') ? 'm' : '') + (flags.includes('i') ? 'i' : '');
  try {
    return new RegExp(source, jsFlags);
  } catch {
    return bad(env, fn, `"${pattern}" is not a valid regular expression`, pattern);
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
      const cps = [...s];
      const from = start > 0 ? start - 1 : Math.max(0, cps.length + start);
      if (length !== undefined && length !== null) {
        if (typeof length !== 'number' || length < 0) return bad(env, 'substring', 'length must be a non-negative number', length);
        return cps.slice(from, from + Math.round(length)).join('');
      }
      return cps.slice(from).join('');
    },
  }),
  builtin('string length', { params: ['string'], fn: ([s], env) => { const v = str(env, 'string length', 'string', s); return v === null ? null : [...v].length; } }),
  builtin('upper case', { params: ['string'], fn: ([s], env) => str(env, 'upper case', 'string', s)?.toUpperCase() ?? null }),
  builtin('lower case', { params: ['string'], fn: ([s], env) => str(env, 'lower case', 'string', s)?.toLowerCase() ?? null }),
  twoStrings('substring before', 'string', 'match', (s, m) => { const i = s.indexOf(m); return i < 0 ? '' : s.slice(0, i); }),
  twoStrings('substring after', 'string', 'match', (s, m) => { const i = s.indexOf(m); return i < 0 ? '' : s.slice(i + m.length); }),
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
      const re = regex(pattern, typeof f === 'string' ? f : '', true, env, 'replace');
      if (!re) return null;
      if (re.test('')) return bad(env, 'replace', 'the pattern must not match the empty string', pattern);
      // XPath's $0 is the whole match, JavaScript's $&.
      return input.replace(re, replacement.replace(/\\\$/g, '$$$$').replace(/\$0/g, '$$&'));
    },
  }),
  builtin('matches', {
    params: ['input', 'pattern', 'flags'],
    min: 2,
    fn: ([i, p, f], env) => {
      const input = str(env, 'matches', 'input', i);
      const pattern = str(env, 'matches', 'pattern', p);
      if (input === null || pattern === null) return null;
      const re = regex(pattern, typeof f === 'string' ? f : '', false, env, 'matches');
      return re ? re.test(input) : null;
    },
  }),
  builtin('split', {
    params: ['string', 'delimiter'],
    fn: ([s0, d0], env) => {
      const s = str(env, 'split', 'string', s0);
      const d = str(env, 'split', 'delimiter', d0);
      if (s === null || d === null) return null;
      const re = regex(d, '', true, env, 'split');
      return re ? s.split(re) : null;
    },
  }),
  builtin('string join', {
    params: ['list', 'delimiter'],
    min: 1,
    fn: ([list, delimiter], env) => {
      if (!Array.isArray(list)) return bad(env, 'string join', 'list must be a list of strings', list ?? null);
      if (list.some((x) => x !== null && typeof x !== 'string')) return bad(env, 'string join', 'every item must be a string', list);
      if (delimiter !== undefined && delimiter !== null && typeof delimiter !== 'string') return bad(env, 'string join', 'delimiter must be a string', delimiter);
      return list.filter((x) => x !== null).join(delimiter ?? '');
    },
  }),
  builtin('string', { params: ['from'], fn: ([v]) => (v === null ? null : valueToString(v!)) }),
];
