import { readFileSync } from 'node:fs';

const compiled = new Map<string, WebAssembly.Module>();

/**
 * A committed WebAssembly binary, compiled once per process. A Module can be sent to worker
 * threads, which instantiate it over the same shared memory.
 */
export function wasmModule(url: URL): WebAssembly.Module {
  let module = compiled.get(url.href);
  if (!module) {
    module = new WebAssembly.Module(readFileSync(url));
    compiled.set(url.href, module);
  }
  return module;
}
