/**
 * A shared WebAssembly memory of `bytes`, or an error saying what it was for and what to do:
 * the engine's own ("could not allocate memory") names neither.
 */
export function sharedWasmMemory(bytes: number, purpose: string, remedy: string): WebAssembly.Memory {
  const pages = Math.ceil(bytes / PAGE) + 1;
  const gib = (bytes / 2 ** 30).toFixed(2);
  if (pages > MAX_PAGES) throw new Error(`${purpose} needs ${gib} GiB of memory, more than the 4 GiB one WebAssembly memory can hold: ${remedy}`);
  try {
    return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  } catch (err) {
    throw new Error(`${purpose} needs ${gib} GiB of memory, which this process could not reserve (${(err as Error).message}): ${remedy}`);
  }
}

/**
 * Lays out regions in a memory one after the other, each on a 16-byte boundary (the kernels
 * load 128-bit values); `bytes` is the size they take together.
 */
export class MemoryPlan {
  bytes = 0;

  /** Where a region of `size` bytes starts. */
  place(size: number): number {
    const at = Math.ceil(this.bytes / 16) * 16;
    this.bytes = at + size;
    return at;
  }
}

const PAGE = 65_536;
/** A 32-bit WebAssembly memory holds at most 4 GiB. */
const MAX_PAGES = 65_536;
