import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';

/**
 * JSON nesting a request may carry. Applications, flows and model files are far shallower;
 * a value nested 100,000 deep only exists to overflow the stack of whatever walks it later
 * (hashing, sealing, model parsing).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Why a value cannot be stored, with where it sits (`body.application.name`), or null. Walks
 * without recursion; how deep a body may nest is the JSON parser's check (`jsonTextDepth`).
 */
export function unstorableInput(value: unknown, where: string): string | null {
  // Paths are written out only for the value refused: every request is walked.
  interface Step {
    v: unknown;
    parent: Step | null;
    key: string | number | null;
  }
  const pathOf = (step: Step): string => {
    const parts: string[] = [];
    for (let s: Step | null = step; s; s = s.parent) parts.push(s.key === null ? where : typeof s.key === 'number' ? `[${s.key}]` : `.${s.key}`);
    return parts.reverse().join('');
  };
  const stack: Step[] = [{ v: value, parent: null, key: null }];
  while (stack.length) {
    const step = stack.pop()!;
    const v = step.v;
    if (typeof v === 'string') {
      // PostgreSQL stores no NUL in text or jsonb: one such value would fail the whole
      // transaction it is written in, and with it every other request sharing that commit.
      if (v.includes('\u0000')) return `${pathOf(step)}: contains a NUL character (\\u0000), which cannot be stored; remove it`;
      continue;
    }
    // A file sent as bytes (a Parquet batch) is read by its own parser, not stored as text.
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parent: step, key: i });
      continue;
    }
    for (const k in v as Record<string, unknown>) {
      if (!Object.hasOwn(v, k)) continue;
      if (k.includes('\u0000')) return `${pathOf(step)}: a field name contains a NUL character (\\u0000), which cannot be stored; remove it`;
      stack.push({ v: (v as Record<string, unknown>)[k], parent: step, key: k });
    }
  }
  return null;
}

/**
 * preValidation hook for every route: input the database cannot store is refused with 400
 * before any handler or writer sees it.
 */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const problems = [unstorableInput(request.params, 'params'), unstorableInput(request.query, 'querystring'), unstorableInput(request.body, 'body')].filter(
    (p): p is string => p !== null,
  );
  if (problems.length) throw new ApiError(400, 'invalid_input', problems.join('; '));
}

/**
 * Nesting depth of a JSON text, counted on the text itself in one pass (brackets outside
 * strings): a body nested 100,000 deep is refused before parsing builds 100,000 objects.
 */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return depth;
}
