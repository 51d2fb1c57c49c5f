import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import wabtInit from 'wabt';

/**
 * A kernel's memory layout is defined once, in TypeScript: its .wat names the module on a
 * `;; constants: <path>` line and writes `{{NAME}}` where a size or offset goes; the module's
 * `WAT_CONSTANTS` fill them in. A placeholder the module does not define is an error.
 */
export async function expandWat(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
  const named = /^;; constants: (\S+)$/m.exec(text)?.[1];
  if (!named) {
    if (text.includes('{{')) throw new Error(`${file} has {{placeholders}} but no ";; constants:" line naming their module`);
    return text;
  }
  const module = (await import(pathToFileURL(resolve(dirname(file), named)).href)) as { WAT_CONSTANTS?: Record<string, number> };
  const constants = module.WAT_CONSTANTS;
  if (!constants) throw new Error(`${named} (named by ${file}) exports no WAT_CONSTANTS`);
  return text.replace(/\{\{([\w.]+)\}\}/g, (_, name: string) => {
    const value = constants[name];
    if (value === undefined) throw new Error(`${file}: {{${name}}} is not defined in ${named}`);
    return String(value);
  });
}

/**
 * Compiles a WebAssembly text file to its binary, with SIMD, shared memory and bulk memory operations enabled. Used by
 * `npm run build:wasm` and by the test that checks each committed binary still matches its
 * source; at run time the committed binaries are loaded and wabt is not needed.
 */
export async function compileWat(file: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(file, await expandWat(file), { simd: true, threads: true, bulk_memory: true });
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
