/** Where a numeric option's value may lie: bounds are included unless said, and it may have to be whole. */
export interface NumberRange {
  min?: number;
  max?: number;
  minExcluded?: boolean;
  maxExcluded?: boolean;
  integer?: boolean;
}

/** A command-line option's value as a number, or an error naming the option, the value and what it may be. */
export function numberOption(value: unknown, flag: string, range: NumberRange = {}): number {
  const x = Number(value);
  const { min = -Infinity, max = Infinity } = range;
  const inRange = (range.minExcluded ? x > min : x >= min) && (range.maxExcluded ? x < max : x <= max);
  if (value === undefined || value === '' || !Number.isFinite(x) || (range.integer && !Number.isInteger(x)) || !inRange) {
    throw new Error(`--${flag} ${String(value)}: ${describeRange(range)}`);
  }
  return x;
}

function describeRange(r: NumberRange): string {
  const kind = r.integer ? 'an integer' : 'a number';
  const low = r.min === undefined ? null : r.minExcluded ? `above ${r.min}` : `of at least ${r.min}`;
  const high = r.max === undefined ? null : r.maxExcluded ? `below ${r.max}` : `at most ${r.max}`;
  if (r.min !== undefined && r.max !== undefined && !r.minExcluded && !r.maxExcluded) return `${kind} from ${r.min} to ${r.max}`;
  if (low && high) return `${kind} ${low} and ${high}`;
  return low ? `${kind} ${low}` : high ? `${kind} ${high}` : kind;
}
