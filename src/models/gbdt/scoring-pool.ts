import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../../support/typescript-worker.ts';

/** What a helper thread needs to score a slice alongside the calling thread. */
export interface ScoringJob {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** arguments of the kernel's `score`, this thread's block included */
  args: number[];
  /** index (in i32s) of the counter in `memory` a helper adds 1 to when done; the next one is set on failure */
  done: number;
}

/** Helpers wake for a slice of at least this many rows (four blocks); fewer are scored faster on the calling thread alone. */
const PARALLEL_ROWS = 1_024;
/** A batch of at least this many rows (a block) starts the helpers, so that they are up for the next one. */
const START_HELPERS_ROWS = 256;
export const MAX_HELPERS = 3;

let helpers: Worker[] | null = null;
/** Per helper, 1 once it has started and can take jobs. */
const ready = new Int32Array(new SharedArrayBuffer(4 * MAX_HELPERS));

/**
 * The helper threads to score a slice of `sliceRows` rows of a batch of `batchRows` alongside
 * the calling thread. They are shared by every model of the process: one per core beyond the
 * first (at most three). The first batch of a block or more starts them, and they join from the
 * first slice of four blocks or more after they are up (about 150 ms; waiting for them was
 * measured slower than scoring on). Until then the calling thread scores alone. They do not
 * keep the process alive.
 */
export function helpersFor(batchRows: number, sliceRows: number): Worker[] {
  if (!helpers && batchRows < START_HELPERS_ROWS) return [];
  const up = readyHelpers();
  return sliceRows >= PARALLEL_ROWS ? up : [];
}

/** The helper threads that are up, starting them on first use. */
export function readyHelpers(): Worker[] {
  if (!helpers) {
    const count = Math.min(MAX_HELPERS, availableParallelism() - 1);
    helpers = Array.from({ length: Math.max(0, count) }, (_, index) => {
      const w = typescriptWorker(new URL('./scoring-worker.ts', import.meta.url), { workerData: { index, ready } });
      w.unref();
      // A helper that dies is not used again (one that dies inside a slice stalls it: the caller gives up after a minute).
      w.on('error', () => Atomics.store(ready, index, 0));
      w.on('exit', () => Atomics.store(ready, index, 0));
      return w;
    });
  }
  return helpers.filter((_, i) => Atomics.load(ready, i) === 1);
}
