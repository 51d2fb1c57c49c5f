import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL's initdb takes the embedded engine about six seconds, for every new data folder;
 * what it makes depends only on the engine's version. The first new folder on a machine is
 * written out (as the engine's own data-folder tarball, before any migration or data) to the
 * user's cache, and every later new folder starts from it. Private to the user (0700/0600): it
 * holds no data, but a tampered copy would become the next database.
 *
 * ARBITER_CACHE_DIR moves the cache; `off` turns it off. Any failure to read or write it only
 * means initdb runs.
 */
function cacheFile(version: string): string | null {
  const setting = process.env.ARBITER_CACHE_DIR;
  if (setting === 'off') return null;
  const dir = setting || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'arbiter');
  return join(dir, `pglite-initdb-${version.replace(/[^\w.-]/g, '_')}.tar.gz`);
}

function engineVersion(): string {
  // The package does not export its package.json; it sits beside dist/.
  const url = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** The cached empty cluster, or undefined when there is none yet. */
export function cachedInitdb(): Blob | undefined {
  try {
    const file = cacheFile(engineVersion());
    return file ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a just-initialised cluster to the cache (call before anything is stored in it). */
export async function cacheInitdb(pg: PGlite): Promise<void> {
  try {
    const file = cacheFile(engineVersion());
    if (!file) return;
    const dir = join(file, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const dump = (await pg.dumpDataDir('gzip')) as Blob;
    // Two processes may write it at once: a rename makes whichever lands last whole.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // A read-only home or a full disk: the next new folder runs initdb again.
  }
}
