import type { Frame } from './frame.ts';

/**
 * The columns a model may learn from: every column but the excluded ones (the target among them)
 * and identifiers, text columns with a different value in almost every row, which a model could
 * only memorise.
 */
export function featureColumns(frame: Frame, excluded: ReadonlySet<string>): { features: string[]; identifiers: string[] } {
  const identifiers = frame.columns
    .filter((c) => c.kind === 'categorical' && !excluded.has(c.name) && c.levels.length > Math.max(100, frame.rows / 2))
    .map((c) => c.name);
  const features = frame.columns.map((c) => c.name).filter((n) => !excluded.has(n) && !identifiers.includes(n));
  return { features, identifiers };
}
