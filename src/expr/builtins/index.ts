import type { FeelFunction } from '../values.ts';
import { contextFunctions } from './context.ts';
import { conversionFunctions } from './conversion.ts';
import { listFunctions } from './list.ts';
import { numericFunctions } from './numeric.ts';
import { rangeFunctions } from './range.ts';
import { stringFunctions } from './string.ts';
import { temporalFunctions } from './temporal.ts';

/** The DMN 1.5 built-in function library, by name. */
export const BUILTINS: ReadonlyMap<string, FeelFunction> = new Map(
  [...conversionFunctions, ...stringFunctions, ...listFunctions, ...numericFunctions, ...temporalFunctions, ...rangeFunctions, ...contextFunctions].map((f) => [
    f.name,
    f,
  ]),
);

// Type names with spaces are names too, for `instance of`: `date and time` and `years and months duration` are functions as well.
export const BUILTIN_NAMES: readonly string[] = [...BUILTINS.keys(), 'days and time duration'];
