import { isFeelNumber, parseNumber, toDouble } from '../decimal.ts';
import { dateToDateTime } from '../arithmetic.ts';
import type { Env } from '../env.ts';
import {
  DaysTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelTime,
  YearsMonthsDuration,
  daysInMonth,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
} from '../temporal.ts';
import { FeelRange, compareValues, feelEquals, timeOffset, typeName, type FeelFunction, type FeelValue } from '../values.ts';
import { bad, builtin, isInt, badCall } from './define.ts';

function dateFromParts(env: Env, y: FeelValue, m: FeelValue, d: FeelValue): FeelDate | null {
  if (!isInt(y) || !isInt(m) || !isInt(d)) return bad(env, 'date', 'year, month and day must be whole numbers', y);
  if (Math.abs(y) > 999_999_999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return bad(env, 'date', `${y}-${m}-${d} is not a calendar date`, d);
  return new FeelDate(y, m, d);
}

function monthsBetween(from: FeelDate | FeelDateTime, to: FeelDate | FeelDateTime): number {
  // Whole months between the calendar dates; the time of day does not count.
  const a = from instanceof FeelDate ? from : from.date;
  const b = to instanceof FeelDate ? to : to.date;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && b.day < a.day) months--;
  if (months < 0 && b.day > a.day) months++;
  return months;
}

const GROUPING: Record<string, string> = { ' ': ' ', ',': ',', '.': '.' };

export const conversionFunctions: FeelFunction[] = [
  builtin('date', {
    params: ['from'],
    max: 3,
    overloads: [['year', 'month', 'day']],
    fn: (args, env) => {
      if (args.length === 3) return dateFromParts(env, args[0]!, args[1]!, args[2]!);
      if (args.length !== 1) return badCall(env, 'date', 'takes a string, a date and time, or year, month and day');
      const from = args[0]!;
      if (typeof from === 'string') return parseDate(from) ?? bad(env, 'date', `"${from}" is not a date (use YYYY-MM-DD)`, from);
      if (from instanceof FeelDate) return from;
      if (from instanceof FeelDateTime) return from.date;
      return bad(env, 'date', 'from must be a string or a date and time', from);
    },
  }),
  builtin('date and time', {
    params: ['from'],
    max: 2,
    overloads: [['date', 'time']],
    fn: (args, env) => {
      if (args.length === 2) {
        const [d, t] = args;
        const date = d instanceof FeelDate ? d : d instanceof FeelDateTime ? d.date : null;
        if (!date || !(t instanceof FeelTime)) return bad(env, 'date and time', 'date must be a date and time a time', !date ? d! : t!);
        return new FeelDateTime(date, t);
      }
      const from = args[0]!;
      if (typeof from === 'string') return parseDateTime(from) ?? bad(env, 'date and time', `"${from}" is not a date and time (use YYYY-MM-DDThh:mm:ss)`, from);
      if (from instanceof FeelDateTime) return from;
      if (from instanceof FeelDate) return dateToDateTime(from);
      return bad(env, 'date and time', 'from must be a string', from);
    },
  }),
  builtin('time', {
    params: ['from'],
    max: 4,
    overloads: [['hour', 'minute', 'second', 'offset']],
    fn: (args, env) => {
      if (args.length >= 3) {
        const [h, m, s, off] = args;
        if (!isInt(h!) || !isInt(m!) || !isFeelNumber(s) || h < 0 || h > 23 || m < 0 || m > 59 || toDouble(s) < 0 || toDouble(s) >= 60)
          return bad(env, 'time', 'hour, minute and second are out of range', h!);
        if (off !== undefined && off !== null && !(off instanceof DaysTimeDuration)) return bad(env, 'time', 'offset must be a days and time duration', off);
        // XML Schema's time zones run from -14:00 to +14:00.
        if (off instanceof DaysTimeDuration && Math.abs(off.seconds) > 14 * 3600) return bad(env, 'time', 'offset must be within 14 hours of UTC', off);
        return new FeelTime(h, m, toDouble(s), off instanceof DaysTimeDuration ? off.seconds : null, null);
      }
      if (args.length !== 1) return badCall(env, 'time', 'takes one argument or hour, minute, second[, offset]');
      const from = args[0]!;
      // Table 72: a time string, a time or a date and time; a date-time string or a date is neither.
      if (typeof from === 'string') return parseTime(from) ?? bad(env, 'time', `"${from}" is not a time (use hh:mm:ss)`, from);
      if (from instanceof FeelTime) return from;
      if (from instanceof FeelDateTime) return from.time;
      return bad(env, 'time', 'from must be a time string, a time or a date and time', from);
    },
  }),
  builtin('number', {
    params: ['from', 'grouping separator', 'decimal separator'],
    min: 1,
    fn: ([from, g, d], env) => {
      // A number given alone is already what was asked for (as the DMN TCK reads number(11.11)).
      if (isFeelNumber(from) && g === undefined && d === undefined) return from;
      if (typeof from !== 'string') return bad(env, 'number', 'from must be a string', from ?? null);
      const grouping = g ?? null;
      const decimal = d ?? null;
      if (grouping !== null && (typeof grouping !== 'string' || !(grouping in GROUPING)))
        return bad(env, 'number', 'grouping separator must be " ", "," or "."', grouping);
      if (decimal !== null && decimal !== '.' && decimal !== ',') return bad(env, 'number', 'decimal separator must be "." or ","', decimal);
      if (grouping !== null && grouping === decimal) return bad(env, 'number', 'the separators must differ', decimal);
      let text = from;
      if (grouping) text = text.split(grouping).join('');
      if (decimal && decimal !== '.') text = text.replace(decimal, '.');
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return bad(env, 'number', `"${from}" is not a number`, from);
      return parseNumber(text);
    },
  }),
  builtin('duration', {
    params: ['from'],
    fn: ([from], env) => {
      if (typeof from !== 'string') return bad(env, 'duration', 'from must be a string', from ?? null);
      const parsed = parseDuration(from);
      if (parsed) return parsed;
      // Table 72: a years-and-months or a days-and-time duration, never both (P1Y2M3DT4H is
      // neither; keeping one part would drop the other without a word).
      if (/^-?P(\d+Y)?(\d+M)?\d+D|^-?P(\d+Y)?(\d+M)?(\d+D)?T/.test(from) && /^-?P\d+[YM]/.test(from))
        return bad(env, 'duration', `"${from}" mixes years or months with days or time; write one kind (P1Y2M, or P3DT4H)`, from);
      return bad(env, 'duration', `"${from}" is not an ISO 8601 duration`, from);
    },
  }),
  builtin('years and months duration', {
    params: ['from', 'to'],
    fn: ([from, to], env) => {
      const ok = (v: FeelValue | undefined): v is FeelDate | FeelDateTime => v instanceof FeelDate || v instanceof FeelDateTime;
      if (!ok(from) || !ok(to))
        return bad(env, 'years and months duration', 'from and to must be dates or date-times', !ok(from) ? (from ?? null) : (to ?? null));
      return new YearsMonthsDuration(monthsBetween(from, to));
    },
  }),
  builtin('not', {
    params: ['negand'],
    fn: ([v]) => (v === true ? false : v === false ? true : null),
  }),
  builtin('is', {
    params: ['value1', 'value2'],
    fn: ([a, b]) => {
      const x = a ?? null;
      const y = b ?? null;
      if (typeName(x) !== typeName(y)) return false;
      // Two times are the same element when their clocks agree and so do their offsets: a zone
      // stands for its offset, as a time of day is compared (so 23:00:50@Etc/GMT is 23:00:50Z).
      if (x instanceof FeelTime && y instanceof FeelTime) return x.secondOfDay === y.secondOfDay && timeOffset(x) === timeOffset(y);
      if (x instanceof FeelDateTime && y instanceof FeelDateTime)
        return x.localSeconds === y.localSeconds && x.time.offset === y.time.offset && x.time.zone === y.time.zone;
      return feelEquals(x, y) === true;
    },
  }),
  builtin('range', {
    params: ['from'],
    fn: ([from], env) => {
      if (typeof from !== 'string') return bad(env, 'range', 'from must be a string', from ?? null);
      const m = /^\s*([[(\]])\s*(.*?)\s*\.\.\s*(.*?)\s*([\])[])\s*$/.exec(from);
      if (!m) return bad(env, 'range', `"${from}" is not a range like "[1..10)"`, from);
      const endpoint = (t: string): FeelValue | undefined => {
        if (t === '') return null;
        if (/^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return parseNumber(t) ?? undefined;
        if (/^".*"$/.test(t)) return t.slice(1, -1);
        const lit = /^@"(.*)"$/.exec(t) ?? /^(?:date and time|date|time|duration)\("(.*)"\)$/.exec(t);
        if (lit)
          return parseDateTime(lit[1]!) && lit[1]!.includes('T')
            ? parseDateTime(lit[1]!)
            : (parseDate(lit[1]!) ?? parseTime(lit[1]!) ?? parseDuration(lit[1]!) ?? undefined);
        return undefined;
      };
      const a = endpoint(m[2]!);
      const b = endpoint(m[3]!);
      if (a === undefined || b === undefined || (a === null && b === null)) return bad(env, 'range', `"${from}" has endpoints that are not literals`, from);
      // Grammar rule 66: an endpoint may be left out only beside an open bracket (`(..2)`, `[2..)`).
      if ((a === null && m[1] === '[') || (b === null && m[4] === ']'))
        return bad(env, 'range', `"${from}" leaves out an endpoint beside a closed bracket`, from);
      if (a !== null && b !== null && typeName(a) !== typeName(b)) return bad(env, 'range', 'both endpoints must be of one type', from);
      if (a !== null && b !== null && (compareValues(a, b) ?? 1) > 0) return bad(env, 'range', `"${from}" starts after it ends`, from);
      return new FeelRange(a, b, m[1] === '[', m[4] === ']');
    },
  }),
];
