import { workerData } from 'node:worker_threads';
import { trainingKernels, type TrainingLayout } from './training-memory.ts';

interface HistogramWorkerData {
  index: number;
  threads: number;
  chunks: number;
  control: Int32Array;
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  layout: TrainingLayout;
}

// The control words, as histogram-pool.ts lays them out.
const EPOCH = 0;
const START = 1;
const END = 2;
const DONE = 3;
const STOP = 4;
const READY = 5;
const FAILED = 6;

const d = workerData as HistogramWorkerData;
const { layout } = d;
const kernel = trainingKernels(d.module, d.memory, layout.wide).histogram;
let seen = Atomics.load(d.control, EPOCH);
Atomics.add(d.control, READY, 1);
Atomics.notify(d.control, READY);
for (;;) {
  Atomics.wait(d.control, EPOCH, seen);
  seen = Atomics.load(d.control, EPOCH);
  if (Atomics.load(d.control, STOP)) break;
  const start = Atomics.load(d.control, START);
  const n = Atomics.load(d.control, END) - start;
  // This thread's chunks: index, index + threads, ... (the calling thread takes 0, threads, ...).
  try {
    for (let c = d.index; c < d.chunks; c += d.threads) {
      kernel(layout.bins, layout.width, layout.offs, layout.rows, start + Math.floor((n * c) / d.chunks), start + Math.floor((n * (c + 1)) / d.chunks), layout.gh, layout.partials + c * layout.histogramBytes);
    }
  } catch {
    // Counted as done, flagged as failed: the calling thread must not wait for this share.
    Atomics.store(d.control, FAILED, 1);
  }
  Atomics.add(d.control, DONE, 1);
  Atomics.notify(d.control, DONE);
}
