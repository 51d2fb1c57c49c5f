import type { Env } from '../env.ts';
import type { FeelContext, FeelFunction, FeelValue } from '../values.ts';
import { bad, builtin, isContext } from './define.ts';

function put(ctx: FeelContext, keys: string[], value: FeelValue): FeelContext | null {
  const [head, ...rest] = keys;
  if (head === undefined) return null;
  const copy: FeelContext = { ...ctx };
  if (rest.length === 0) copy[head] = value;
  else {
    // Table 81 (b): the rest of the keys are put into context.key', which must be a context.
    const inner = copy[head];
    if (!isContext(inner)) return null;
    const nested = put(inner, rest, value);
    if (!nested) return null;
    copy[head] = nested;
  }
  return copy;
}

function keysOf(env: Env, v: FeelValue | undefined): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string')) return v as string[];
  return bad(env, 'context put', 'key must be a string or a non-empty list of strings', v ?? null);
}

export const contextFunctions: FeelFunction[] = [
  builtin('get value', {
    params: ['m', 'key'],
    fn: ([m, key], env) => {
      if (!isContext(m)) return bad(env, 'get value', 'm must be a context', m ?? null);
      if (typeof key === 'string') return Object.hasOwn(m, key) ? m[key]! : null;
      if (Array.isArray(key) && key.every((k) => typeof k === 'string')) {
        let cur: FeelValue = m;
        for (const k of key as string[]) cur = isContext(cur) && Object.hasOwn(cur, k) ? cur[k]! : null;
        return cur;
      }
      return bad(env, 'get value', 'key must be a string', key ?? null);
    },
  }),
  builtin('get entries', {
    params: ['m'],
    fn: ([m], env) => (isContext(m) ? Object.entries(m).map(([key, value]) => ({ key, value })) : bad(env, 'get entries', 'm must be a context', m ?? null)),
  }),
  builtin('context', {
    params: ['entries'],
    fn: ([entries], env) => {
      const list = Array.isArray(entries) ? entries : entries === null || entries === undefined ? null : [entries];
      if (!list) return bad(env, 'context', 'entries must be a list of {key, value} contexts', null);
      const out: FeelContext = {};
      for (const e of list) {
        if (!isContext(e) || typeof e.key !== 'string' || !('value' in e)) return bad(env, 'context', 'every entry must have a string key and a value', e);
        if (Object.hasOwn(out, e.key)) return bad(env, 'context', `key "${e.key}" appears twice`, e);
        out[e.key] = e.value!;
      }
      return out;
    },
  }),
  builtin('context put', {
    params: ['context', 'key', 'value'],
    overloads: [['context', 'keys', 'value']],
    checkNamed: (named) => ('key' in named && typeof named.key !== 'string' ? 'key must be a string (a list of keys is given as keys:)' : null),
    fn: ([ctx, key, value], env) => {
      if (!isContext(ctx)) return bad(env, 'context put', 'context must be a context', ctx ?? null);
      const keys = keysOf(env, key);
      if (!keys) return null;
      const out = put(ctx, keys, value ?? null);
      if (!out) env.warn('bad_argument', `context put(): the keys [${keys.map((k) => `"${k}"`).join(', ')}] pass through an entry that is not a context`);
      return out;
    },
  }),
  builtin('context merge', {
    params: ['contexts'],
    fn: ([contexts], env) => {
      const list = isContext(contexts) ? [contexts] : contexts;
      if (!Array.isArray(list)) return bad(env, 'context merge', 'contexts must be a list of contexts', contexts ?? null);
      const out: FeelContext = {};
      for (const c of list) {
        if (!isContext(c)) return bad(env, 'context merge', 'every item must be a context', c);
        Object.assign(out, c);
      }
      return out;
    },
  }),
];
