import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { typescriptWorker } from '../../support/typescript-worker.ts';
import { parse } from 'csv-parse/sync';
import { emptyStats, mergeStats, type BacktestStats } from './backtest-stats.ts';
import { runPart } from './backtest-worker.ts';
import type { FlowSource } from './flow-source.ts';
import type { BacktestSpec } from './run-rows.ts';

export interface BacktestRun {
  candidate: FlowSource;
  baseline: FlowSource;
  /** A CSV file with a header row; records may not span lines. */
  file: string;
  spec: BacktestSpec;
  threads?: number;
  /** Run even a single part on a worker thread: the caller's thread answers requests and must not be held up. */
  isolate?: boolean;
  /** Rows done so far, and the rows the file is estimated to hold. */
  onProgress?: (rowsDone: number, rowsEstimated: number) => void;
}

/** The header line and where the data starts. */
function headerOf(file: string): { header: string[]; dataStart: number; bytesPerRow: number } {
  const buf = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl < 0) throw new Error(`${file}: no header line (or a header over 64 KiB)`);
    const header = (parse(buf.subarray(0, nl).toString('utf8')) as string[][])[0]!;
    let lines = 0;
    for (let i = nl + 1; i < n; i++) if (buf[i] === 10) lines++;
    return { header, dataStart: nl + 1, bytesPerRow: lines ? (n - nl - 1) / lines : 100 };
  } finally {
    closeSync(fd);
  }
}

/** Cuts [start, size) into `parts` ranges that end at line breaks. */
function ranges(file: string, start: number, size: number, parts: number): [number, number][] {
  const fd = openSync(file, 'r');
  const cuts = [start];
  try {
    const probe = Buffer.alloc(64 * 1024);
    for (let p = 1; p < parts; p++) {
      let at = Math.max(cuts.at(-1)!, Math.floor(start + ((size - start) * p) / parts));
      for (;;) {
        const n = readSync(fd, probe, 0, probe.length, at);
        if (n === 0) {
          at = size;
          break;
        }
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          at += nl + 1;
          break;
        }
        at += n;
      }
      cuts.push(Math.min(at, size));
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(size);
  return cuts
    .slice(0, -1)
    .map((c, i) => [c, cuts[i + 1]!] as [number, number])
    .filter(([a, b]) => b > a);
}

/**
 * Runs the candidate and the baseline over every application in the file, in parallel
 * parts (worker threads, one per core by default), and adds up what each part counted.
 */
export async function runBacktest(run: BacktestRun): Promise<BacktestStats> {
  const { header, dataStart, bytesPerRow } = headerOf(run.file);
  const size = statSync(run.file).size;
  const estimated = Math.max(1, Math.round((size - dataStart) / bytesPerRow));
  const threads = Math.max(1, run.threads ?? availableParallelism());
  const parts = ranges(run.file, dataStart, size, threads);
  const done = new Array<number>(parts.length).fill(0);
  const report = () => {
    const rows = done.reduce((s, x) => s + x, 0);
    run.onProgress?.(rows, Math.max(rows, estimated));
  };
  const jobs = parts.map(([start, end]) => ({ candidate: run.candidate, baseline: run.baseline, file: run.file, start, end, header, spec: run.spec }));
  if (jobs.length === 0) return emptyStats();
  if (jobs.length === 1 && !run.isolate) return runPart(jobs[0]!, (n) => ((done[0] = n), report()));
  const results = await Promise.all(
    jobs.map(
      (job, i) =>
        new Promise<BacktestStats>((resolve, reject) => {
          const w = typescriptWorker(new URL('./backtest-worker.ts', import.meta.url), { workerData: { backtest: job } });
          w.on('message', (m: { progress?: number; stats?: BacktestStats; error?: string }) => {
            if (m.progress !== undefined) {
              done[i] = m.progress;
              report();
            } else if (m.stats) {
              resolve(m.stats);
              void w.terminate();
            } else if (m.error) {
              reject(new Error(m.error));
              void w.terminate();
            }
          });
          w.on('error', reject);
          w.on('exit', (code) => code !== 0 && reject(new Error(`back-test worker stopped (exit ${code})`)));
        }),
    ),
  );
  return results.reduce((into, s) => mergeStats(into, s), emptyStats());
}

/**
 * A back-test over CSV text, on worker threads only: the text is written to a private
 * temporary file for the workers to read their ranges from, and removed afterwards. For
 * callers whose own thread answers requests (the API's back-tests, retraining's gate).
 */
export async function runBacktestInWorkers(run: Omit<BacktestRun, 'file' | 'isolate'> & { csv: string }): Promise<BacktestStats> {
  const { csv, ...rest } = run;
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-backtest-'));
  try {
    const file = join(dir, 'history.csv');
    writeFileSync(file, csv, { mode: 0o600 });
    return await runBacktest({ ...rest, file, isolate: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
