import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal.ts';
import type { FeelContext, FeelValue } from './values.ts';

const TEMPORAL: Record<string, (s: string) => FeelValue> = {
  date: parseDate,
  time: parseTime,
  dateTime: parseDateTime,
  'date and time': parseDateTime,
  dayTimeDuration: parseDuration,
  yearMonthDuration: parseDuration,
  duration: parseDuration,
  'days and time duration': parseDuration,
  'years and months duration': parseDuration,
};

/**
 * JSON input to FEEL values. JSON has no dates: a string becomes a date, time or duration
 * when the declared type says so. A string that does not parse stays a string, so that the
 * type check after it reports the input, instead of it passing on as a silent null.
 */
export function jsonToFeel(v: unknown, typeRef?: string): FeelValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const parse = typeRef ? TEMPORAL[typeRef.replace(/^(feel|xsd):/, '')] : undefined;
    return parse ? (parse(v) ?? v) : v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => jsonToFeel(x));
  if (typeof v === 'object') {
    const out: FeelContext = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonToFeel(x);
    return out;
  }
  return null;
}
