import { parentPort, workerData } from 'node:worker_threads';
import type { ScoringJob } from './scoring-pool.ts';

type Score = (...args: number[]) => void;

const { index, ready } = workerData as { index: number; ready: Int32Array };
parentPort!.on('message', (job: ScoringJob) => {
  const control = new Int32Array(job.memory.buffer);
  try {
    // Instantiating the small module over the job's memory costs microseconds; a slice, milliseconds.
    const instance = new WebAssembly.Instance(job.module, { env: { memory: job.memory } });
    (instance.exports.score as Score)(...job.args);
  } catch {
    Atomics.store(control, job.done + 1, 1);
  }
  Atomics.add(control, job.done, 1);
  Atomics.notify(control, job.done);
});
Atomics.store(ready, index, 1);
