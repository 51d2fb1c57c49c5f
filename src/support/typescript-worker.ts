import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
// Plain JavaScript shared with bin/arbiter.mjs; src/ and dist/ sit at the same depth, so the path holds from both.
import { freshBuild } from '../../bin/fresh-build.mjs';

/** Running from dist/ (compiled by `npm run build`): modules are JavaScript and need no loader. */
const COMPILED = import.meta.url.endsWith('.js');
const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = pathToFileURL(join(ROOT, 'src', '/')).href;
const BUILD = pathToFileURL(join(ROOT, 'dist', '/')).href;
let distFresh: boolean | null = null;

/**
 * A worker thread running one of our modules, named by its TypeScript source. Compiled, the
 * worker runs the module's JavaScript beside it. From source, it runs the same module of a
 * build that is newer than every source when there is one (starting a worker is then a tenth
 * of the work), and otherwise registers tsx (workers do not inherit its loader) and imports the source.
 */
export function typescriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (COMPILED) return new Worker(new URL(moduleUrl.href.replace(/\.ts$/, '.js')), options);
  distFresh ??= freshBuild(ROOT);
  if (distFresh && moduleUrl.href.startsWith(SOURCES)) {
    return new Worker(new URL(`${BUILD}${moduleUrl.href.slice(SOURCES.length).replace(/\.ts$/, '.js')}`), options);
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}
