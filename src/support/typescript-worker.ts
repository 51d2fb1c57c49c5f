import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. Workers do not inherit tsx's loader, so each
 * registers it before importing the module.
 */
export function typescriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}
