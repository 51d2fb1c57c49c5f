import { MemoryPlan, sharedWasmMemory } from '../../support/shared-memory.ts';
import { wasmModule } from '../../support/wasm-module.ts';
import type { TrainingMatrix } from './binning.ts';
import { GH_PAIR } from './kernel-layout.ts';

/** Where the kernel finds each array, as byte addresses in the shared memory. */
export interface TrainingLayout {
  bins: number;
  offs: number;
  rows: number;
  gh: number;
  partials: number;
  columns: number;
  scratch: number;
  goLeft: number;
  /** per frame row, its margin (f64) and its label (u8); the training rows (i32); two (loss sum, count) pairs (f64) */
  margin: number;
  labels: number;
  trainRows: number;
  loss: number;
  /** how many training rows */
  trainCount: number;
  width: number;
  /** frame rows: the length of each column */
  frameRows: number;
  /** bins take two bytes each (some feature has more than 256 bins) */
  wide: boolean;
  /** bytes of one histogram */
  histogramBytes: number;
}

export type HistogramKernel = (bins: number, width: number, offs: number, rows: number, start: number, end: number, gh: number, out: number) => void;
export type PartitionKernel = (
  column: number,
  rows: number,
  start: number,
  end: number,
  scratch: number,
  threshold: number,
  shift: number,
  goLeft: number,
) => number;

export const trainingModule = (): WebAssembly.Module => wasmModule(new URL('./wasm/training.wasm', import.meta.url));

/** Control words (int32s in shared memory) of the histogram pool and its workers. */
export const CONTROL = { EPOCH: 0, START: 1, END: 2, DONE: 3, STOP: 4, READY: 5, FAILED: 6, TASK: 7 } as const;
/** What the workers are woken for (CONTROL.TASK): a node's histogram chunks, or the second half of the gradients (its START is the loss step). */
export const TASK = { HISTOGRAM: 0, GRADIENTS: 1 } as const;

/**
 * Builds the partial histograms of chunks first, first + step, ... of rows[start..end), each
 * into its own partial (a node's rows are always cut into `chunks` pieces, whatever the threads).
 */
export function histogramChunks(
  kernel: HistogramKernel,
  layout: TrainingLayout,
  start: number,
  end: number,
  first: number,
  step: number,
  chunks: number,
): void {
  const n = end - start;
  for (let c = first; c < chunks; c += step) {
    kernel(
      layout.bins,
      layout.width,
      layout.offs,
      layout.rows,
      start + Math.floor((n * c) / chunks),
      start + Math.floor((n * (c + 1)) / chunks),
      layout.gh,
      layout.partials + c * layout.histogramBytes,
    );
  }
}

/** The kernels for this layout, from an instance over the shared memory (each thread makes its own). */
export function trainingKernels(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  wide: boolean,
): { histogram: HistogramKernel; partition: PartitionKernel; merge: MergeKernel } {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return {
    histogram: instance.exports[wide ? 'histogram16' : 'histogram8'] as HistogramKernel,
    partition: instance.exports.partition as PartitionKernel,
    merge: instance.exports.merge as MergeKernel,
  };
}

/** Adds partial histograms 1..chunks-1 (each `bytes` long, one after another from `partials`) into the first, in order. */
export type MergeKernel = (partials: number, bytes: number, chunks: number) => void;

/**
 * One shared WebAssembly memory holding everything the training kernels read and write: the
 * training rows' bins, row by row; each feature's place in a histogram; the row indexes a tree
 * partitions; each row's gradient and hessian side by side; one partial histogram per chunk;
 * and for the partition, the bins column by column, room for the right side, and a go-left
 * table for categorical splits.
 */
export class TrainingMemory {
  readonly memory: WebAssembly.Memory;
  readonly layout: TrainingLayout;
  /** Row indexes, partitioned in place by the tree grower; a node is a range of it. */
  readonly rows: Int32Array;
  /** Gradient and hessian of frame row r at 2r and 2r + 1. */
  readonly gh: Float64Array;
  readonly partials: Float64Array;
  /** A categorical split's go-left byte per bin, written before its partition. */
  readonly goLeft: Uint8Array;
  /** Each frame row's margin, its label, the training rows, and the gradients' loss halves: shared, so a worker computes half the gradients. */
  readonly margin: Float64Array;
  readonly labels: Uint8Array;
  readonly trainRows: Int32Array;
  readonly loss: Float64Array;

  constructor(matrix: TrainingMatrix, columns: Uint16Array[], frameRows: number, sampleRows: number, chunks: number) {
    const { width, wide } = matrix;
    const histogramBytes = matrix.totalBins * GH_PAIR.bytes;
    const plan = new MemoryPlan();
    const layout: TrainingLayout = {
      bins: plan.place(frameRows * width * (wide ? 2 : 1)),
      offs: plan.place(width * 4),
      rows: plan.place(sampleRows * 4),
      gh: plan.place(frameRows * GH_PAIR.bytes),
      partials: plan.place(chunks * histogramBytes),
      columns: plan.place(width * frameRows * 2),
      scratch: plan.place(sampleRows * 4),
      goLeft: plan.place(Math.max(...matrix.binCounts)),
      margin: plan.place(frameRows * 8),
      labels: plan.place(frameRows),
      trainRows: plan.place(sampleRows * 4),
      loss: plan.place(4 * 8),
      trainCount: sampleRows,
      width,
      frameRows,
      wide,
      histogramBytes,
    };
    this.memory = sharedWasmMemory(plan.bytes, 'training', 'train on a sample of the rows, or on fewer features');
    this.layout = layout;
    const buffer = this.memory.buffer;
    // Row by row for the histogram kernel, which reads a row's bins together.
    const bins = wide ? new Uint16Array(buffer, layout.bins, frameRows * width) : new Uint8Array(buffer, layout.bins, frameRows * width);
    for (let f = 0; f < width; f++) {
      const col = columns[f]!;
      for (let r = 0, k = f; r < frameRows; r++, k += width) bins[k] = col[r]!;
    }
    new Int32Array(buffer, layout.offs, width).set(matrix.offsets.map((o) => o * GH_PAIR.bytes));
    this.rows = new Int32Array(buffer, layout.rows, sampleRows);
    this.gh = new Float64Array(buffer, layout.gh, frameRows * 2);
    this.partials = new Float64Array(buffer, layout.partials, (chunks * histogramBytes) / 8);
    columns.forEach((c, f) => new Uint16Array(buffer, layout.columns + f * frameRows * 2, frameRows).set(c));
    this.goLeft = new Uint8Array(buffer, layout.goLeft, Math.max(...matrix.binCounts));
    this.margin = new Float64Array(buffer, layout.margin, frameRows);
    this.labels = new Uint8Array(buffer, layout.labels, frameRows);
    this.trainRows = new Int32Array(buffer, layout.trainRows, sampleRows);
    this.loss = new Float64Array(buffer, layout.loss, 4);
  }
}

/** The shared arrays of the gradients' pass, over a training memory's buffer (for a worker, which has only the layout). */
export function gradientViews(buffer: ArrayBufferLike, layout: TrainingLayout) {
  return {
    trainRows: new Int32Array(buffer, layout.trainRows, layout.trainCount),
    margin: new Float64Array(buffer, layout.margin, layout.frameRows),
    labels: new Uint8Array(buffer, layout.labels, layout.frameRows),
    gh: new Float64Array(buffer, layout.gh, layout.frameRows * 2),
    loss: new Float64Array(buffer, layout.loss, 4),
  };
}
