import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, jsonToFeel, YearsMonthsDuration, type FeelContext } from '../expr/index.ts';
import type { FieldDefinition } from './definition.ts';
import type { FlowIssue } from './flow-error.ts';

type FieldCheck = (v: unknown, vars: FeelContext, issues: FlowIssue[]) => void;

/**
 * The value each temporal field type must read as (from its JSON string, by jsonToFeel) and how
 * the error says it is written.
 */
const TEMPORAL_FIELDS: Record<
  'date' | 'dateTime' | 'time' | 'dayTimeDuration' | 'yearMonthDuration',
  { kind: new (...args: never[]) => unknown; written: string }
> = {
  date: { kind: FeelDate, written: 'a date written YYYY-MM-DD' },
  dateTime: { kind: FeelDateTime, written: 'a date and time written 2020-10-01T13:45:00, with an offset or zone if it has one (2020-10-01T13:45:00+08:00)' },
  time: { kind: FeelTime, written: 'a time written 13:45:00 (with an offset if it has one: 13:45:00+08:00)' },
  dayTimeDuration: { kind: DaysTimeDuration, written: 'a duration in days and time written P2DT3H' },
  yearMonthDuration: { kind: YearsMonthsDuration, written: 'a duration in years and months written P1Y6M' },
};

function issue(issues: FlowIssue[], name: string, what: string): void {
  issues.push({ path: `application.${name}`, code: 'invalid_type', message: `"${name}" must be ${what}` });
}

/** One checker per field, built once per flow so that reading an application allocates little. */
function fieldCheck(name: string, f: FieldDefinition): FieldCheck {
  switch (f.type) {
    case 'number': {
      const min = f.minimum ?? -Infinity;
      const max = f.maximum ?? Infinity;
      return (v, vars, issues) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) issue(issues, name, 'a number');
        else if (v < min) issue(issues, name, `at least ${min}`);
        else if (v > max) issue(issues, name, `at most ${max}`);
        else vars[name] = v;
      };
    }
    case 'string': {
      const allowed = f.enum ? new Set(f.enum) : null;
      const listed = f.enum?.map((s) => JSON.stringify(s)).join(', ');
      return (v, vars, issues) => {
        if (typeof v !== 'string') issue(issues, name, 'a string');
        else if (v.length > 10_000) issue(issues, name, 'at most 10000 characters');
        else if (allowed && !allowed.has(v)) issue(issues, name, `one of ${listed}`);
        else vars[name] = v;
      };
    }
    case 'boolean':
      return (v, vars, issues) => {
        if (typeof v !== 'boolean') issue(issues, name, 'true or false');
        else vars[name] = v;
      };
    case 'date':
    case 'dateTime':
    case 'time':
    case 'dayTimeDuration':
    case 'yearMonthDuration': {
      // JSON has no dates: the field's type says which ISO 8601 form its string is in.
      const { kind, written } = TEMPORAL_FIELDS[f.type];
      const type = f.type;
      return (v, vars, issues) => {
        const d = typeof v === 'string' ? jsonToFeel(v, type) : null;
        if (!(d instanceof kind)) issue(issues, name, written);
        else vars[name] = d;
      };
    }
    case 'object':
      return (v, vars, issues) => {
        if (typeof v !== 'object' || Array.isArray(v)) issue(issues, name, 'an object');
        else vars[name] = jsonToFeel(v);
      };
    case 'array':
      return (v, vars, issues) => {
        if (!Array.isArray(v)) issue(issues, name, 'an array');
        else vars[name] = jsonToFeel(v);
      };
  }
}

export type ApplicationReader = (application: unknown, allowMissing?: readonly string[]) => { vars: FeelContext; issues: FlowIssue[] };

/**
 * Builds the checker of applications against a flow's input schema, turning them into FEEL
 * values. Every problem is reported with its path; unknown fields are refused so typos surface.
 */
export function applicationReader(fields: Record<string, FieldDefinition>): ApplicationReader {
  const checks = Object.entries(fields).map(([name, f]) => ({ name, required: f.required === true, check: fieldCheck(name, f) }));
  const known = new Set(Object.keys(fields));
  const fieldList = Object.keys(fields).join(', ');
  return (application, allowMissing = []) => {
    const issues: FlowIssue[] = [];
    const vars: FeelContext = {};
    if (!application || typeof application !== 'object' || Array.isArray(application)) {
      return { vars, issues: [{ path: 'application', code: 'invalid_application', message: 'the application must be a JSON object' }] };
    }
    const app = application as Record<string, unknown>;
    for (const key in app) {
      if (!known.has(key))
        issues.push({ path: `application.${key}`, code: 'unknown_field', message: `"${key}" is not a field of this flow's input (fields: ${fieldList})` });
    }
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      const v = app[c.name];
      if (v === undefined || v === null) {
        if (c.required && !allowMissing.includes(c.name)) issues.push({ path: `application.${c.name}`, code: 'required', message: `"${c.name}" is required` });
        vars[c.name] = null;
      } else c.check(v, vars, issues);
    }
    return { vars, issues };
  };
}
