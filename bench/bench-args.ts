import { numberOption } from '../src/cli/number-option.ts';

/** A benchmark's numeric argument (`--name value`), positive, or its default when not given. */
export function benchArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? numberOption(process.argv[i + 1], name, { min: 0, minExcluded: true }) : fallback;
}
