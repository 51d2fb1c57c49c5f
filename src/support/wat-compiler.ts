import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

/**
 * Compiles a WebAssembly text file to its binary, with SIMD, shared memory and bulk memory operations enabled. Used by
 * `npm run build:wasm` and by the test that checks each committed binary still matches its
 * source; at run time the committed binaries are loaded and wabt is not needed.
 */
export async function compileWat(file: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(file, readFileSync(file, 'utf8'), { simd: true, threads: true, bulk_memory: true });
  try {
    // wabt's own validator ignores the enabled features; the engine that will run it checks instead.
    const binary = parsed.toBinary({ canonicalize_lebs: true }).buffer;
    if (!WebAssembly.validate(binary)) throw new Error(`${file} compiled to a module this engine refuses`);
    return binary;
  } finally {
    parsed.destroy();
  }
}

/** Every WebAssembly text source under src/, each with the path of the binary committed beside it. */
export function watSources(): { source: string; binary: string }[] {
  const root = join(import.meta.dirname, '..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.wat'))
    .map((f) => ({ source: join(root, f), binary: join(root, f.replace(/\.wat$/, '.wasm')) }));
}
