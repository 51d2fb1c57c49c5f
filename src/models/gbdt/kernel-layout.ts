/**
 * The records the kernels (wasm/forest.wat, wasm/training.wat) read from memory, defined once.
 * forest.ts, forest-layout.ts and training-memory.ts write them with these offsets, and the .wat read them through
 * `{{NAME}}` placeholders that wat-compiler.ts fills in from `WAT_CONSTANTS` when it compiles
 * the text (the .wat names this module on its `;; constants:` line), so the two cannot drift.
 */
type FieldType = 'i32' | 'f64';

export interface RecordLayout<F extends string> {
  /** Bytes of one record, padding included. */
  readonly bytes: number;
  /** log2(bytes): a record index becomes a byte offset by this shift. */
  readonly shift: number;
  /** Byte offset of each field in a record. */
  readonly at: Readonly<Record<F, number>>;
}

/** Fields in order, each at its natural alignment; `bytes` pads the record (to a power of two when indexed by shift). */
function record<F extends string>(fields: readonly (readonly [F, FieldType])[], bytes: number): RecordLayout<F> {
  const at = {} as Record<F, number>;
  let end = 0;
  for (const [name, type] of fields) {
    const size = type === 'f64' ? 8 : 4;
    end = Math.ceil(end / size) * size;
    at[name] = end;
    end += size;
  }
  if (end > bytes) throw new Error(`a record of ${end} bytes does not fit in ${bytes}`);
  return { bytes, shift: Math.log2(bytes), at };
}

/**
 * A feature's descriptor: how the kernel bins its values. `kind` 0 is numeric (bins from the
 * edges, with the bucket table narrowing the search), 1 already binned (a categorical feature's
 * values are its bins). Padded to 48 bytes so that every descriptor's f64s stay 16-byte aligned.
 */
export const FEATURE_RECORD = record(
  [
    ['kind', 'i32'],
    ['edges', 'i32'],
    ['table', 'i32'],
    ['edgeCount', 'i32'],
    ['firstEdge', 'f64'],
    ['lastFiniteEdge', 'f64'],
    ['bucketsPerUnit', 'f64'],
  ],
  48,
);

/**
 * A split of the perfect layout: the byte offset of its bin in a row (sign bit set for a
 * categorical split), then the threshold or a 32-bit go-right mask. The kernel loads a node as
 * one little-endian i64, test in the low half and threshold in the high half.
 */
export const PERFECT_NODE = record(
  [
    ['test', 'i32'],
    ['threshold', 'i32'],
  ],
  8,
);

/** A node of the general layout: bin offset; threshold or mask address; 1 if categorical; first child. */
export const GENERAL_NODE = record(
  [
    ['test', 'i32'],
    ['threshold', 'i32'],
    ['categorical', 'i32'],
    ['left', 'i32'],
  ],
  16,
);

/**
 * A row's gradient and hessian, side by side, and a histogram bin's sums of them: the training
 * kernel (wasm/training.wat) adds one to the other as a single 128-bit value.
 */
export const GH_PAIR = record(
  [
    ['gradient', 'f64'],
    ['hessian', 'f64'],
  ],
  16,
);

/** Rows the kernel bins and walks per block: their bins and sums stay in the first-level cache. */
export const BLOCK_ROWS = 256;
/** Buckets of a numeric feature's lookup table (binning.ts builds it with as many). */
export const LOOKUP_BUCKETS = 4096;

if (PERFECT_NODE.at.test !== 0 || PERFECT_NODE.at.threshold !== 4 || PERFECT_NODE.bytes !== 8)
  throw new Error('the kernel reads a perfect-layout node as one i64: test in the low half, threshold in the high half');

const fields = <F extends string>(name: string, r: RecordLayout<F>): Record<string, number> => ({
  [`${name}.bytes`]: r.bytes,
  [`${name}.shift`]: r.shift,
  ...Object.fromEntries(Object.entries(r.at).map(([f, o]) => [`${name}.${f}`, o as number])),
});

/** What the kernels' placeholders stand for. */
export const WAT_CONSTANTS: Readonly<Record<string, number>> = {
  ...fields('FEATURE', FEATURE_RECORD),
  ...fields('PERFECT_NODE', PERFECT_NODE),
  ...fields('GENERAL_NODE', GENERAL_NODE),
  ...fields('GH_PAIR', GH_PAIR),
  BLOCK_ROWS,
  LAST_BUCKET: LOOKUP_BUCKETS - 1,
};
