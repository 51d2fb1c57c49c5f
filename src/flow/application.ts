import { parseDate, type FeelContext, type FeelValue } from '../expr/index.ts';
import type { FieldDefinition } from './definition.ts';
import type { FlowIssue } from './flow-error.ts';

function toFeel(v: unknown): FeelValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(toFeel);
  if (typeof v === 'object') {
    const out: FeelContext = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toFeel(x);
    return out;
  }
  return v as FeelValue;
}

/**
 * Checks an application against the flow's input schema and turns it into FEEL values.
 * Every problem is reported with its path; unknown fields are refused so typos surface.
 */
export function readApplication(fields: Record<string, FieldDefinition>, application: unknown): { vars: FeelContext; issues: FlowIssue[] } {
  const issues: FlowIssue[] = [];
  const vars: FeelContext = {};
  if (!application || typeof application !== 'object' || Array.isArray(application)) {
    return { vars, issues: [{ path: 'application', code: 'invalid_application', message: 'the application must be a JSON object' }] };
  }
  const app = application as Record<string, unknown>;
  for (const key of Object.keys(app)) {
    if (!(key in fields)) issues.push({ path: `application.${key}`, code: 'unknown_field', message: `"${key}" is not a field of this flow's input (fields: ${Object.keys(fields).join(', ')})` });
  }
  for (const [name, f] of Object.entries(fields)) {
    const path = `application.${name}`;
    const v = app[name];
    if (v === undefined || v === null) {
      if (f.required) issues.push({ path, code: 'required', message: `"${name}" is required` });
      vars[name] = null;
      continue;
    }
    const bad = (what: string) => issues.push({ path, code: 'invalid_type', message: `"${name}" must be ${what}` });
    switch (f.type) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('a number');
        else if (f.minimum !== undefined && v < f.minimum) bad(`at least ${f.minimum}`);
        else if (f.maximum !== undefined && v > f.maximum) bad(`at most ${f.maximum}`);
        else vars[name] = v;
        break;
      case 'string':
        if (typeof v !== 'string') bad('a string');
        else if (v.length > 10_000) bad('at most 10000 characters');
        else if (f.enum && !f.enum.includes(v)) bad(`one of ${f.enum.map((s) => JSON.stringify(s)).join(', ')}`);
        else vars[name] = v;
        break;
      case 'boolean':
        if (typeof v !== 'boolean') bad('true or false');
        else vars[name] = v;
        break;
      case 'date': {
        const d = typeof v === 'string' ? parseDate(v) : null;
        if (!d) bad('a date written YYYY-MM-DD');
        else vars[name] = d;
        break;
      }
      case 'object':
        if (typeof v !== 'object' || Array.isArray(v)) bad('an object');
        else vars[name] = toFeel(v);
        break;
      case 'array':
        if (!Array.isArray(v)) bad('an array');
        else vars[name] = toFeel(v);
        break;
    }
  }
  return { vars, issues };
}
