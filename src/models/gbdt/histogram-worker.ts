import { parentPort } from 'node:worker_threads';
import { addGradients } from './gradients.ts';
import { CONTROL, gradientViews, histogramChunks, TASK, trainingKernels, type TrainingLayout } from './training-memory.ts';

/** One training's share of the histograms: which chunks this thread builds, over which memory. */
export interface HistogramJob {
  index: number;
  threads: number;
  chunks: number;
  control: Int32Array;
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  layout: TrainingLayout;
}

const { EPOCH, START, END, DONE, STOP, READY, FAILED, TASK: TASK_WORD } = CONTROL;

/**
 * Serves one training: builds this thread's chunks of each node the calling thread asks for, or
 * the second half of the gradients, until it says stop. The worker then waits for the next training's job (the pool keeps it).
 */
function serve(d: HistogramJob): void {
  const { layout } = d;
  const kernel = trainingKernels(d.module, d.memory, layout.wide).histogram;
  const g = gradientViews(d.memory.buffer, layout);
  let seen = Atomics.load(d.control, EPOCH);
  Atomics.add(d.control, READY, 1);
  Atomics.notify(d.control, READY);
  for (;;) {
    Atomics.wait(d.control, EPOCH, seen);
    seen = Atomics.load(d.control, EPOCH);
    if (Atomics.load(d.control, STOP)) break;
    // This thread's chunks: index, index + threads, ... (the calling thread takes 0, threads, ...).
    try {
      const start = Atomics.load(d.control, START);
      const end = Atomics.load(d.control, END);
      if (Atomics.load(d.control, TASK_WORD) === TASK.HISTOGRAM) histogramChunks(kernel, layout, start, end, d.index, d.threads, d.chunks);
      // The gradients' second half (END is where it begins, START the loss step) is the first worker's; the others have none.
      else if (d.index === 1) addGradients(g.trainRows, end, g.trainRows.length, g.margin, g.labels, g.gh, start, g.loss.subarray(2, 4));
    } catch {
      // Counted as done, flagged as failed: the calling thread must not wait for this share.
      Atomics.store(d.control, FAILED, 1);
    }
    Atomics.add(d.control, DONE, 1);
    Atomics.notify(d.control, DONE);
  }
}

parentPort?.on('message', (job: HistogramJob) => serve(job));
