import { closeSync, openSync, writeSync } from 'node:fs';
import { Frame, type Column } from '../../models/index.ts';
import { csvCell, csvLine } from '../../support/csv-cell.ts';
import type { Population } from './population.ts';

/** Writes the population as CSV in chunks, so a million rows never sit in one string. */
export function writePopulationCsv(pop: Population, path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${csvLine(pop.columns.map((c) => c.name))}\n`);
    const CHUNK = 20_000;
    for (let start = 0; start < pop.rows; start += CHUNK) {
      const end = Math.min(pop.rows, start + CHUNK);
      const lines = new Array<string>(end - start);
      for (let i = start; i < end; i++)
        lines[i - start] = pop.columns.map((c) => (c.kind === 'number' ? c.values[i]! : csvCell(c.values[i] as string))).join(',');
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

/** The population as a model frame (text columns dictionary-encoded), without a CSV round trip. */
export function populationFrame(pop: Population): Frame {
  const columns: Column[] = pop.columns.map((c) => {
    if (c.kind === 'number') return { kind: 'numeric', name: c.name, values: c.values };
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(c.values, (v) => {
      let k = index.get(v);
      if (k === undefined) index.set(v, (k = levels.push(v) - 1));
      return k;
    });
    return { kind: 'categorical', name: c.name, codes, levels };
  });
  return new Frame(columns, pop.rows);
}
