import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Running from dist/ (compiled by `npm run build`): modules are JavaScript and need no loader. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * A worker thread running one of our modules, named by its TypeScript source. Compiled, the
 * worker runs the module's JavaScript beside it; from source, workers do not inherit tsx's
 * loader, so each registers it before importing the module.
 */
export function typescriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (COMPILED) return new Worker(new URL(moduleUrl.href.replace(/\.ts$/, '.js')), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}
