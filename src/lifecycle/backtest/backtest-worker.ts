import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { emptyStats } from './backtest-stats.ts';
import { loadFlows, type FlowSource } from './flow-source.ts';
import { runRows, type BacktestSpec } from './run-rows.ts';

interface Job {
  candidate: FlowSource;
  baseline: FlowSource;
  file: string;
  start: number;
  end: number;
  header: string[];
  spec: BacktestSpec;
}

/** Reads bytes [start, end) of a file: whole lines, as the runner cut them. */
export function readRange(file: string, start: number, end: number): string {
  const buf = Buffer.allocUnsafe(end - start);
  const fd = openSync(file, 'r');
  try {
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** One part of a back-test: its own byte range of the file, both flows compiled here. */
export async function runPart(job: Job, progress: (rows: number) => void) {
  const { candidate, baseline } = await loadFlows(job.candidate, job.baseline);
  const rows = parse(readRange(job.file, job.start, job.end), { skip_empty_lines: true, relax_column_count: false }) as string[][];
  const stats = emptyStats();
  await runRows(candidate, baseline, job.header, rows, job.spec, stats, progress);
  return stats;
}

if (parentPort && workerData?.backtest) {
  const port = parentPort;
  runPart(workerData.backtest as Job, (rows) => port.postMessage({ progress: rows })).then(
    (stats) => port.postMessage({ stats }),
    (err: Error) => port.postMessage({ error: err.message }),
  );
}
