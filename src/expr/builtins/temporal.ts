import { FeelDate, FeelDateTime, FeelTime } from '../temporal.ts';
import type { FeelFunction, FeelValue } from '../values.ts';
import { bad, builtin } from './define.ts';
import type { Env } from '../env.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateOf(env: Env, fn: string, v: FeelValue | undefined): FeelDate | null {
  if (v instanceof FeelDate) return v;
  if (v instanceof FeelDateTime) return v.date;
  return bad(env, fn, 'date must be a date or a date and time', v ?? null);
}

/** ISO weekday, Monday = 1. */
function isoWeekday(d: FeelDate): number {
  return ((((d.epochDay + 3) % 7) + 7) % 7) + 1;
}

function isoWeek(d: FeelDate): number {
  const thursday = FeelDate.fromEpochDay(d.epochDay - isoWeekday(d) + 4);
  const jan1 = new FeelDate(thursday.year, 1, 1).epochDay;
  return Math.floor((thursday.epochDay - jan1) / 7) + 1;
}

export const temporalFunctions: FeelFunction[] = [
  builtin('day of year', {
    params: ['date'],
    fn: ([v], env) => {
      const d = dateOf(env, 'day of year', v);
      return d ? d.epochDay - new FeelDate(d.year, 1, 1).epochDay + 1 : null;
    },
  }),
  builtin('day of week', {
    params: ['date'],
    fn: ([v], env) => {
      const d = dateOf(env, 'day of week', v);
      return d ? DAYS[isoWeekday(d) - 1]! : null;
    },
  }),
  builtin('month of year', {
    params: ['date'],
    fn: ([v], env) => {
      const d = dateOf(env, 'month of year', v);
      return d ? MONTHS[d.month - 1]! : null;
    },
  }),
  builtin('week of year', {
    params: ['date'],
    fn: ([v], env) => {
      const d = dateOf(env, 'week of year', v);
      return d ? isoWeek(d) : null;
    },
  }),
  builtin('now', {
    params: [],
    fn: () => {
      const t = new Date();
      const date = new FeelDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
      return new FeelDateTime(date, new FeelTime(t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds() + t.getUTCMilliseconds() / 1000, 0, null));
    },
  }),
  builtin('today', {
    params: [],
    fn: () => {
      const t = new Date();
      return new FeelDate(t.getFullYear(), t.getMonth() + 1, t.getDate());
    },
  }),
];
