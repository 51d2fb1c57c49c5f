import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { frameFromRecords } from '../models/index.ts';
import { optimizePortfolio } from './optimize-portfolio.ts';
import { InfeasibleError } from './portfolio.ts';
import { parseStrategy } from './strategy.ts';

const { csv, strategy, points } = workerData as { csv: string; strategy: unknown; points: number };
try {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new Error(`csv: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw new Error('csv: a header line and at least one application are needed');
  const { choices, ...result } = await optimizePortfolio(frameFromRecords(header, rows), parseStrategy(strategy), {
    frontierPoints: points,
    onFrontierPoint: (done, of) => parentPort!.postMessage({ progress: { done, of } }),
  });
  parentPort!.postMessage({ result: { ...result, choices: choices.slice(0, 100) } });
} catch (err) {
  parentPort!.postMessage({ error: { message: (err as Error).message, infeasible: err instanceof InfeasibleError } });
}
