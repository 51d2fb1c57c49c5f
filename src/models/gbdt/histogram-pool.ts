import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../../support/typescript-worker.ts';
import type { TrainingMatrix } from './binning.ts';
import { addGradients } from './gradients.ts';
import type { HistogramJob } from './histogram-worker.ts';
import {
  TASK,
  CONTROL,
  histogramChunks,
  TrainingMemory,
  trainingKernels,
  trainingModule,
  type HistogramKernel,
  type MergeKernel,
  type PartitionKernel,
} from './training-memory.ts';

/**
 * A node's rows are cut into this many chunks whatever the thread count, and the chunks' sums
 * are added in order: a model comes out bit for bit the same on one thread or on several. Data
 * too small ever to be built in parallel (fewer sampled rows than PARALLEL_ROWS) is one chunk:
 * the count depends on the data alone, so that stays true, and small sets (most credit data)
 * do not fill and add four partial histograms for every node.
 */
export const CHUNKS = 4;
/** Below this many rows a node's histogram is built on the calling thread (waking workers costs more). */
const PARALLEL_ROWS = 16_384;
/** Workers pay off from about this many row x feature cells. */
export const PARALLEL_CELLS = 2_000_000;

const { EPOCH, START, END, DONE, STOP, READY, FAILED, TASK: TASK_WORD } = CONTROL;
/** A worker that has not finished its share in this long has died; training stops with an error rather than hang. */
const STALL_MS = 60_000;

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

/**
 * Worker threads between trainings, kept as a thread pool is: starting one costs about 150 ms,
 * as much as a tenth of a training on 140,000 rows. They are unreferenced, so they never keep
 * the process alive, and a worker that exits leaves the list.
 */
const idle: Worker[] = [];

function newWorker(): Worker {
  const w = typescriptWorker(new URL('./histogram-worker.ts', import.meta.url));
  w.unref();
  w.on('exit', () => {
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
  });
  return w;
}

/**
 * Builds node histograms, on worker threads when there are cores to spare, and partitions
 * nodes' rows, with the WebAssembly kernels of wasm/training.wat; computes each round's
 * gradients, half of them on a worker. The calling thread blocks (Atomics.wait) while workers
 * run their share, so training stays a synchronous call. Gradients go in `gh` and the rows a
 * tree learns from in `rows`.
 */
export class HistogramPool {
  private readonly control = sharedInt32(8);
  private readonly shared: TrainingMemory;
  private readonly kernel: HistogramKernel;
  private readonly partitionKernel: PartitionKernel;
  private readonly mergeKernel: MergeKernel;
  private workers: Worker[] = [];
  /** Length of a histogram in numbers: a (gradient, hessian) pair per bin. */
  readonly histogramLength: number;

  /** Chunks a node's rows are cut into: CHUNKS, or one for data that is never built in parallel. */
  private readonly chunks: number;

  constructor(matrix: TrainingMatrix, columns: Uint16Array[], frameRows: number, sampleRows: number, threads: number) {
    this.chunks = sampleRows >= PARALLEL_ROWS ? CHUNKS : 1;
    this.shared = new TrainingMemory(matrix, columns, frameRows, sampleRows, this.chunks);
    const kernels = trainingKernels(trainingModule(), this.shared.memory, this.shared.layout.wide);
    this.kernel = kernels.histogram;
    this.partitionKernel = kernels.partition;
    this.mergeKernel = kernels.merge;
    this.histogramLength = matrix.totalBins * 2;
    // No node of fewer rows than PARALLEL_ROWS is built in parallel: for such data, workers would only cost their start.
    if (threads > 1 && sampleRows >= PARALLEL_ROWS) this.startWorkers(Math.min(threads, this.chunks) - 1);
  }

  /** Row indexes, partitioned in place by the tree grower; a node is a range of it. */
  get rows(): Int32Array {
    return this.shared.rows;
  }

  /** Gradient and hessian of frame row r at 2r and 2r + 1. */
  get gh(): Float64Array {
    return this.shared.gh;
  }

  /** Each frame row's margin, the labels and the training rows, which `gradients` reads: fill them before training. */
  get margin(): Float64Array {
    return this.shared.margin;
  }

  get labels(): Uint8Array {
    return this.shared.labels;
  }

  get trainRows(): Int32Array {
    return this.shared.trainRows;
  }

  /**
   * The gradients of every training row at its margin, the second half on a worker when there
   * is one, and the mean log loss of every `lossStep`-th row. Each half's loss is summed apart and
   * the two added, on any number of threads, so the training log is the same on all.
   */
  gradients(lossStep: number): number {
    const { trainRows, margin, labels, gh, loss } = this.shared;
    const half = trainRows.length >>> 1;
    loss.fill(0);
    const parallel = this.workers.length > 0;
    if (parallel) this.wake(TASK.GRADIENTS, lossStep, half);
    addGradients(trainRows, 0, half, margin, labels, gh, lossStep, loss.subarray(0, 2));
    if (parallel) this.waitForWorkers();
    else addGradients(trainRows, half, trainRows.length, margin, labels, gh, lossStep, loss.subarray(2, 4));
    const n = loss[1]! + loss[3]!;
    return n ? (loss[0]! + loss[2]!) / n : 0;
  }

  private wake(task: number, start: number, end: number): void {
    Atomics.store(this.control, TASK_WORD, task);
    Atomics.store(this.control, START, start);
    Atomics.store(this.control, END, end);
    Atomics.store(this.control, DONE, 0);
    Atomics.add(this.control, EPOCH, 1);
    Atomics.notify(this.control, EPOCH);
  }

  private waitForWorkers(): void {
    const deadline = Date.now() + STALL_MS;
    for (let done = Atomics.load(this.control, DONE); done < this.workers.length; done = Atomics.load(this.control, DONE)) {
      if (Date.now() > deadline) {
        this.close(true);
        throw new Error('a training worker thread stopped answering; train again with --threads 1');
      }
      Atomics.wait(this.control, DONE, done, 1000);
    }
    if (Atomics.load(this.control, FAILED)) {
      this.close(true);
      throw new Error('a training worker thread failed; train again with --threads 1');
    }
  }

  /** How many threads to use by default: every core, up to the number of chunks. */
  static defaultThreads(cells: number): number {
    return cells >= PARALLEL_CELLS ? Math.min(CHUNKS, availableParallelism()) : 1;
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  private startWorkers(count: number): void {
    for (let i = 0; i < count; i++) {
      const w = idle.pop() ?? newWorker();
      const job: HistogramJob = {
        index: i + 1,
        threads: count + 1,
        chunks: this.chunks,
        control: this.control,
        module: trainingModule(),
        memory: this.shared.memory,
        layout: this.shared.layout,
      };
      w.postMessage(job);
      this.workers.push(w);
    }
    const deadline = Date.now() + 10_000;
    while (Atomics.load(this.control, READY) < count && Date.now() < deadline) Atomics.wait(this.control, READY, Atomics.load(this.control, READY), 100);
    if (Atomics.load(this.control, READY) < count) this.close(true); // could not start: train on this thread alone
  }

  /** out = the histogram of rows[start..end). */
  histogram(start: number, end: number, out: Float64Array): void {
    const { layout, partials } = this.shared;
    const len = this.histogramLength;
    const n = end - start;
    const parallel = this.workers.length > 0 && n >= PARALLEL_ROWS;
    const threads = parallel ? this.threads : 1;
    partials.fill(0, 0, this.chunks * len);
    if (parallel) this.wake(TASK.HISTOGRAM, start, end);
    // This thread's chunks: 0, threads, ... (worker i takes i, i + threads, ...).
    histogramChunks(this.kernel, layout, start, end, 0, threads, this.chunks);
    if (parallel) this.waitForWorkers();
    if (this.chunks > 1) this.mergeKernel(layout.partials, layout.histogramBytes, this.chunks);
    out.set(partials.subarray(0, len));
  }

  /**
   * Moves the rows of [start, end) going left to the front, keeping order; returns where the
   * right ones begin. Numeric: bin b goes right when ((b + shift) & 0xffff) >= threshold.
   * Categorical: `goLeft[b]` is 1 for the bins going left.
   */
  partition(start: number, end: number, feature: number, split: { threshold: number; shift: number } | { goLeft: Uint8Array }): number {
    const { layout } = this.shared;
    const column = layout.columns + feature * layout.frameRows * 2;
    if ('goLeft' in split) {
      this.shared.goLeft.fill(0).set(split.goLeft);
      return this.partitionKernel(column, layout.rows, start, end, layout.scratch, 0, 0, layout.goLeft);
    }
    return this.partitionKernel(column, layout.rows, start, end, layout.scratch, split.threshold, split.shift, 0);
  }

  /** Stops the workers' share of this training; they wait for the next one, unless one failed or stalled (`terminate`). */
  close(terminate = false): void {
    if (!this.workers.length) return;
    Atomics.store(this.control, STOP, 1);
    Atomics.add(this.control, EPOCH, 1);
    Atomics.notify(this.control, EPOCH);
    for (const w of this.workers) {
      if (terminate || Atomics.load(this.control, FAILED)) void w.terminate();
      else idle.push(w);
    }
    this.workers = [];
  }
}
