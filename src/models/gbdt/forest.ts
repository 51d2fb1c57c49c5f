import { MemoryPlan, sharedWasmMemory } from '../../support/shared-memory.ts';
import { wasmModule } from '../../support/wasm-module.ts';
import type { Column } from '../frame.ts';
import { binCount, categoryBins, numericLookup, type FeatureBins } from './binning.ts';
import { checkForestMemory, kernelChecks } from './kernel-checks.ts';
import { BLOCK_ROWS as BLOCK, FEATURE_RECORD } from './kernel-layout.ts';
import { helpersFor, MAX_HELPERS, type ScoringJob } from './scoring-pool.ts';
import { forestLayout, type ForestLayout } from './forest-layout.ts';
import type { Tree } from './tree.ts';

/**
 * A model's trees in one WebAssembly memory, scored by the kernel in wasm/forest.wat in one of
 * the two layouts of forest-layout.ts. Rows come as values and are binned by the kernel, block
 * by block, on every thread (as binning.ts bins them: each numeric feature's edges and bucket
 * table are in the memory). The memory is shared: a large batch is scored a slice at a time,
 * and the helper threads of scoring-pool.ts take blocks of a slice alongside the calling
 * thread, which waits for them (Atomics.wait), so scoring stays a synchronous call.
 */
export class Forest {
  private readonly memory: WebAssembly.Memory;
  private readonly module: WebAssembly.Module;
  private readonly score: (...args: number[]) => void;
  private readonly at: {
    nodes: number;
    values: number;
    roots: number;
    depths: number;
    masks: number;
    features: number;
    tables: number;
    control: number;
    columns: number;
    out: number;
    blocks: number;
  };
  private readonly layout: ForestLayout;
  /** rows per slice */
  private readonly slice: number;
  private readonly control: Int32Array;
  private readonly out: Float64Array;
  /** The slice's values, column by column. */
  private readonly columns: Float64Array;
  private readonly trees: number;

  constructor(
    trees: Tree[],
    private readonly features: FeatureBins[],
  ) {
    this.trees = trees.length;
    const width = features.length;
    const lookups = features.map((f) => (f.kind === 'numeric' ? { uppers: f.uppers, ...numericLookup(f.uppers) } : null));
    const tableBytes = lookups.reduce((sum, l) => sum + (l ? l.uppers.length * 8 + (l.starts?.length ?? 0) * 4 + 16 : 0), 0);
    const layout = forestLayout(trees, Int32Array.from(features, binCount));
    this.slice = Math.max(BLOCK, Math.min(SLICE, Math.floor(SLICE_BYTES / (8 * Math.max(1, width)) / BLOCK) * BLOCK));
    this.layout = layout;
    const plan = new MemoryPlan();
    this.at = {
      nodes: plan.place(layout.nodeBytes),
      values: plan.place(layout.valueCount * 8),
      roots: plan.place(trees.length * 4),
      depths: plan.place(trees.length * 4),
      // At least one byte: numeric splits read (and ignore) the first mask byte.
      masks: plan.place(Math.max(16, layout.maskBytes)),
      features: plan.place(width * FEATURE_RECORD.bytes),
      tables: plan.place(tableBytes),
      // The next block to take, the helpers done, and a flag a failing helper sets.
      control: plan.place(16),
      columns: plan.place(this.slice * width * 8),
      out: plan.place(this.slice * 8),
      blocks: plan.place(MAX_THREADS * BLOCK * width * 4),
    };
    this.memory = sharedWasmMemory(
      plan.bytes,
      `scoring a model of ${trees.length} trees and ${width} features`,
      'score with fewer features or trees, or on a machine with more memory',
    );
    this.module = wasmModule(new URL('./wasm/forest.wasm', import.meta.url));
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.score = instance.exports.score as Forest['score'];
    const buffer = this.memory.buffer;
    this.control = new Int32Array(buffer, this.at.control, 4);
    this.out = new Float64Array(buffer, this.at.out, this.slice);
    this.columns = new Float64Array(buffer, this.at.columns, this.slice * width);
    this.describe(lookups, new DataView(buffer, this.at.features, width * FEATURE_RECORD.bytes));
    layout.write({
      nodes: new DataView(buffer, this.at.nodes, layout.nodeBytes),
      values: new Float64Array(buffer, this.at.values, layout.valueCount),
      roots: new Int32Array(buffer, this.at.roots, trees.length),
      depths: new Int32Array(buffer, this.at.depths, trees.length),
      masks: new Uint8Array(buffer, this.at.masks, layout.maskBytes),
      masksAt: this.at.masks,
    });
    if (kernelChecks())
      checkForestMemory(buffer, {
        ...this.at,
        nodeBytes: layout.nodeBytes,
        maskBytes: layout.maskBytes,
        tableBytes,
        trees: trees.length,
        valueCount: layout.valueCount,
        perfectDepth: layout.perfectDepth,
        width,
        binCounts: Int32Array.from(features, binCount),
      });
  }

  /** Writes each feature's descriptor for the kernel's binning, and its edges and bucket table. */
  private describe(
    lookups: ({ uppers: Float64Array; first: number; lastFinite: number; scale: number; starts: Int32Array | null } | null)[],
    d: DataView,
  ): void {
    const buffer = this.memory.buffer;
    let at = this.at.tables;
    lookups.forEach((l, f) => {
      const o = f * FEATURE_RECORD.bytes;
      const field = FEATURE_RECORD.at;
      if (!l) {
        d.setInt32(o + field.kind, 1, true); // already binned: a categorical feature's values are its bins
        return;
      }
      new Float64Array(buffer, at, l.uppers.length).set(l.uppers);
      d.setInt32(o + field.edges, at, true);
      at += l.uppers.length * 8;
      if (l.starts) {
        at = Math.ceil(at / 4) * 4;
        new Int32Array(buffer, at, l.starts.length).set(l.starts);
        d.setInt32(o + field.table, at, true);
        at += l.starts.length * 4;
      }
      d.setInt32(o + field.edgeCount, l.uppers.length, true);
      d.setFloat64(o + field.firstEdge, l.first, true);
      d.setFloat64(o + field.lastFiniteEdge, l.lastFinite, true);
      d.setFloat64(o + field.bucketsPerUnit, l.scale, true);
      at = Math.ceil(at / 8) * 8;
    });
  }

  /**
   * Adds every tree's output to `out[i]` for each row, from the model's feature columns in
   * model order (numeric values as they are, categories by their level).
   */
  add(columns: Column[], rows: number, out: Float64Array): void {
    const width = this.features.length;
    if (columns.length !== width) throw new Error(`the model has ${width} features, the data ${columns.length}`);
    // Per column, its numbers, or for a categorical feature its codes and each code's bin.
    const sources = this.features.map((spec, f): { values: Float64Array } | { codes: Int32Array; bins: Int32Array } => {
      const col = columns[f]!;
      if (spec.kind === 'categorical') {
        if (col.kind !== 'categorical') throw new Error(`feature ${spec.name} was categorical in training`);
        return { codes: col.codes, bins: categoryBins(spec, col) };
      }
      if (col.kind !== 'numeric') throw new Error(`feature ${spec.name} was numeric in training`);
      return { values: col.values };
    });
    const view = this.columns;
    for (let start = 0; start < rows; start += this.slice) {
      const n = Math.min(this.slice, rows - start);
      for (let c = 0; c < width; c++) {
        const source = sources[c]!;
        const base = c * n;
        if ('values' in source) {
          if (n >= 64) view.set(source.values.subarray(start, start + n), base);
          else for (let r = 0; r < n; r++) view[base + r] = source.values[start + r]!;
        } else {
          // Categories go in as their bins; the kernel takes a categorical feature's value as it is.
          for (let r = 0; r < n; r++) {
            const code = source.codes[start + r]!;
            view[base + r] = code < 0 ? 0 : source.bins[code]!;
          }
        }
      }
      const helpers = helpersFor(rows, n);
      if (!this.scoreSlice(n, width, helpers)) this.scoreSlice(n, width, []);
      for (let r = 0; r < n; r++) out[start + r]! += this.out[r]!;
    }
  }

  /** Scores the slice in `columns` into `out`, with the helpers given; false if one of them failed. */
  private scoreSlice(n: number, width: number, helpers: { postMessage(job: ScoringJob): void }[]): boolean {
    const { at, control } = this;
    this.out.fill(0, 0, n);
    control.fill(0);
    const args = (thread: number) => [
      at.nodes,
      at.values,
      at.roots,
      at.depths,
      this.trees,
      at.masks,
      this.layout.perfectDepth,
      this.layout.rowsFirst ? 1 : 0,
      at.features,
      at.columns,
      n,
      width,
      at.blocks + thread * BLOCK * width * 4,
      at.out,
      at.control,
    ];
    const done = (at.control >> 2) + 1;
    helpers.forEach((h, i) => h.postMessage({ module: this.module, memory: this.memory, args: args(i + 1), done }));
    this.score(...args(0));
    const deadline = Date.now() + STALL_MS;
    for (let d = Atomics.load(control, 1); d < helpers.length; d = Atomics.load(control, 1)) {
      if (Date.now() > deadline) throw new Error('a scoring thread stopped answering');
      Atomics.wait(control, 1, d, 1000);
    }
    return Atomics.load(control, 2) === 0;
  }
}

/** Rows scored at a time, at most: larger batches go slice by slice. */
const SLICE = 65_536;
/** A slice's values take at most this much of the memory (fewer rows for a model of many features). */
const SLICE_BYTES = 16 * 2 ** 20;
/** The calling thread and its helpers: each has a block of its own in the memory. */
const MAX_THREADS = MAX_HELPERS + 1;
/** A helper that has not finished its share of a slice in this long has died. */
const STALL_MS = 60_000;
