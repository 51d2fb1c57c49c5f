import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePopulation } from '../../src/tools/synth/index.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
export const synthCandidate = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, 'flows', 'synth-candidate.json'), 'utf8'));
export const synthBaseline = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, 'flows', 'synth-baseline.json'), 'utf8'));
export const exampleStrategy = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, 'strategies', 'consumer-loans.json'), 'utf8'));

/** Synthetic history (with outcomes) as CSV text, as a caller would upload it. */
export function historyCsv(rows: number, seed: number): string {
  const pop = generatePopulation({ rows, seed });
  const header = pop.columns.map((c) => c.name);
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push(pop.columns.map((c) => String(c.values[i])).join(','));
  return `${lines.join('\n')}\n`;
}
