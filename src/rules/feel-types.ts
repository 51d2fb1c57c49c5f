import { localTypeRef } from './dmn/model.ts';
import {
  DaysTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelFunction,
  FeelTime,
  isContext,
  isFeelNumber,
  YearsMonthsDuration,
  type FeelValue,
} from '../expr/index.ts';

/** How each temporal type is written, for the message when a string is not one. */
export const WRITTEN_AS: Record<string, string> = {
  date: '2020-10-01',
  time: '13:45:00 or 13:45:00+01:00',
  dateTime: '2020-10-01T13:45:00',
  'date and time': '2020-10-01T13:45:00',
  dayTimeDuration: 'P2DT3H',
  'days and time duration': 'P2DT3H',
  yearMonthDuration: 'P1Y6M',
  'years and months duration': 'P1Y6M',
};

export const BUILTIN_TYPES: Record<string, (v: FeelValue) => boolean> = {
  number: (v) => isFeelNumber(v),
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof FeelDate,
  time: (v) => v instanceof FeelTime,
  dateTime: (v) => v instanceof FeelDateTime,
  'date and time': (v) => v instanceof FeelDateTime,
  dayTimeDuration: (v) => v instanceof DaysTimeDuration,
  'days and time duration': (v) => v instanceof DaysTimeDuration,
  yearMonthDuration: (v) => v instanceof YearsMonthsDuration,
  'years and months duration': (v) => v instanceof YearsMonthsDuration,
  context: (v) => isContext(v),
  list: (v) => Array.isArray(v),
  function: (v) => v instanceof FeelFunction,
  Any: () => true,
};

/** The built-in types a decision table's column may declare (DMN typeRef). */
export const COLUMN_TYPES = [
  'number',
  'string',
  'boolean',
  'date',
  'time',
  'date and time',
  'days and time duration',
  'years and months duration',
  'list',
  'context',
  'Any',
] as const;

/** The check of a built-in type, or undefined for a type this engine does not know by name (a DMN item definition). */
export function builtinTypeCheck(typeRef: string | undefined): ((v: FeelValue) => boolean) | undefined {
  return typeRef ? BUILTIN_TYPES[localTypeRef(typeRef)] : undefined;
}
