import { wasmModule } from '../../support/wasm-module.ts';
import { PARALLEL_ROWS, readyHelpers, type ScoringJob } from './scoring-pool.ts';
import type { Tree } from './tree.ts';

/**
 * All trees of a model in one WebAssembly memory, laid out for the scoring kernel
 * (wasm/forest.wat): each internal node's two children sit side by side, so the next node is
 * `left + goRight`, computed without a branch. A node is four int32s: the byte offset of its
 * feature in a row of bins, threshold, shift, left. A numeric split sends bin b right when
 * `((b + shift) & 0xffff) >= threshold`, which folds in where missing values (bin 0) go: shift 0
 * and threshold split+1 send bin 0 left; shift 0xffff (b - 1 modulo 2^16, so bin 0 becomes
 * 65535) and threshold split send it right. A categorical split has shift -1 and its threshold
 * is the address of its go-right mask, a byte for every bin of its feature. A leaf points to
 * itself and never goes right, so a walk takes a tree's full depth without testing for leaves.
 *
 * The memory is shared: a large batch is scored a slice at a time, and the helper threads of
 * scoring-pool.ts take blocks of a slice alongside the calling thread, which waits for them
 * (Atomics.wait), so scoring stays a synchronous call.
 */
export class Forest {
  private readonly memory: WebAssembly.Memory;
  private readonly module: WebAssembly.Module;
  private readonly score: (...args: number[]) => void;
  private readonly at: { nodes: number; values: number; roots: number; depths: number; masks: number; control: number; columns: number; out: number; blocks: number };
  private readonly control: Int32Array;
  private readonly out: Float64Array;
  readonly trees: number;

  /** `binCounts[f]`: how many bins feature f has (a categorical split's mask covers them all). */
  constructor(trees: Tree[], private readonly binCounts: ArrayLike<number>) {
    this.trees = trees.length;
    const width = binCounts.length;
    const total = trees.reduce((s, t) => s + t.feature.length, 0);
    const maskBytes = trees.reduce((s, t) => s + t.categories.reduce((m, c, n) => m + (c ? binCounts[t.feature[n]!]! : 0), 0), 0);
    let end = 0;
    const place = (bytes: number): number => {
      const at = Math.ceil(end / 16) * 16;
      end = at + bytes;
      return at;
    };
    this.at = {
      nodes: place(total * 16),
      values: place(total * 8),
      roots: place(trees.length * 4),
      depths: place(trees.length * 4),
      // At least one byte: numeric splits read (and ignore) the first mask byte.
      masks: place(Math.max(16, maskBytes)),
      // The next block to take, the helpers done, and a flag a failing helper sets.
      control: place(16),
      columns: place(SLICE * width * 2),
      out: place(SLICE * 8),
      blocks: place((MAX_THREADS * BLOCK * width * 2)),
    };
    const pages = Math.ceil(end / 65_536) + 1;
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    this.module = wasmModule(new URL('./wasm/forest.wasm', import.meta.url));
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.score = instance.exports.score as Forest['score'];
    const buffer = this.memory.buffer;
    this.control = new Int32Array(buffer, this.at.control, 4);
    this.out = new Float64Array(buffer, this.at.out, SLICE);
    this.lay(trees, new Int32Array(buffer, this.at.nodes, total * 4), new Float64Array(buffer, this.at.values, total), new Int32Array(buffer, this.at.roots, trees.length), new Int32Array(buffer, this.at.depths, trees.length), new Uint8Array(buffer, this.at.masks, maskBytes));
  }

  private lay(trees: Tree[], nodes: Int32Array, value: Float64Array, roots: Int32Array, depths: Int32Array, masks: Uint8Array): void {
    let next = 0;
    let maskAt = 0;
    trees.forEach((t, ti) => {
      // Breadth-first, giving each split's children two consecutive slots.
      roots[ti] = next++;
      const queue: [number, number, number][] = [[0, roots[ti]!, 0]];
      for (let q = 0; q < queue.length; q++) {
        const [n, k, level] = queue[q]!;
        const o = k * 4;
        value[k] = t.value[n]!;
        if (t.left[n]! < 0) {
          nodes[o + 1] = 0x7fffffff;
          nodes[o + 3] = k;
          depths[ti] = Math.max(depths[ti]!, level);
          continue;
        }
        const left = next;
        next += 2;
        nodes[o] = t.feature[n]! * 2;
        nodes[o + 3] = left;
        const cats = t.categories[n];
        if (cats) {
          // Bin 0 is missing; category bins are code + 1. Right is what is not in the left set.
          const size = this.binCounts[t.feature[n]!]!;
          nodes[o + 1] = this.at.masks + maskAt;
          nodes[o + 2] = -1;
          for (let b = 0; b < size; b++) masks[maskAt + b] = b === 0 ? (t.defaultLeft[n] === 1 ? 0 : 1) : cats.has(b) ? 0 : 1;
          maskAt += size;
        } else if (t.defaultLeft[n] === 1) {
          nodes[o + 1] = t.threshold[n]! + 1;
          nodes[o + 2] = 0;
        } else {
          nodes[o + 1] = t.threshold[n]!;
          nodes[o + 2] = 0xffff;
        }
        queue.push([t.left[n]!, left, level + 1], [t.right[n]!, left + 1, level + 1]);
      }
    });
  }

  /** Adds every tree's output to `out[i]` for each row, from column-wise bins. */
  add(bins: Uint16Array[], rows: number, out: Float64Array): void {
    const width = bins.length;
    if (width !== this.binCounts.length) throw new Error(`the model has ${this.binCounts.length} features, the data ${width}`);
    const buffer = this.memory.buffer;
    for (let start = 0; start < rows; start += SLICE) {
      const n = Math.min(SLICE, rows - start);
      bins.forEach((col, c) => new Uint16Array(buffer, this.at.columns + c * n * 2, n).set(col.subarray(start, start + n)));
      const helpers = n >= PARALLEL_ROWS ? readyHelpers().slice(0, MAX_THREADS - 1) : [];
      if (!this.scoreSlice(n, width, helpers)) this.scoreSlice(n, width, []);
      for (let r = 0; r < n; r++) out[start + r]! += this.out[r]!;
    }
  }

  /** Scores the slice in `columns` into `out`, with the helpers given; false if one of them failed. */
  private scoreSlice(n: number, width: number, helpers: { postMessage(job: ScoringJob): void }[]): boolean {
    const { at, control } = this;
    this.out.fill(0, 0, n);
    control.fill(0);
    const args = (thread: number) => [at.nodes, at.values, at.roots, at.depths, this.trees, at.masks, at.columns, n, width, at.blocks + thread * BLOCK * width * 2, at.out, at.control];
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

/** Rows scored at a time: the most the shared memory holds; larger batches go slice by slice. */
const SLICE = 65_536;
/** The calling thread and up to this many minus one helpers. */
const MAX_THREADS = 4;
/** A helper that has not finished its share of a slice in this long has died. */
const STALL_MS = 60_000;
/** Rows scored per call of the kernel: their bins and sums stay in the first-level cache. */
const BLOCK = 256;
