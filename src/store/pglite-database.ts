import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { statementText, type Database, type PreparedStatement, type Queryable } from './database.ts';
import { cachedInitdb, cacheInitdb } from './pglite-initdb-cache.ts';
import { StoreError } from './store-error.ts';
import { makePrivate } from '../support/private-files.ts';

const LOCK_FILE = 'arbiter.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite allows one process per data directory; a second opener would corrupt it,
 * so a pid file guards the folder and names the holder in the error.
 */
function takeDirectoryLock(dir: string): () => void {
  const lockPath = join(dir, LOCK_FILE);
  try {
    const holder = Number(readFileSync(lockPath, 'utf8').trim());
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new StoreError(
        'database_locked',
        `The embedded database in ${dir} is in use by process ${holder}. Stop that process, or use the HTTP API of the running server instead.`,
      );
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
  }
  writeFileSync(lockPath, String(process.pid), { mode: 0o600 });
  return () => rmSync(lockPath, { force: true });
}

/**
 * PostgreSQL zeroes all of its shared buffers when it starts, and inside WebAssembly the default
 * 128MB took about 0.6 s of every start (each CLI command and server on the embedded database);
 * 16MB starts in about 0.3 s in all, and the single connection of the embedded database reads
 * past it through the operating system's file cache. ARBITER_EMBEDDED_SHARED_BUFFERS sets it.
 */
const DEFAULT_SHARED_BUFFERS = '16MB';

export function embeddedSharedBuffers(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.ARBITER_EMBEDDED_SHARED_BUFFERS;
  if (raw === undefined || raw === '') return DEFAULT_SHARED_BUFFERS;
  const match = /^(\d+)(kB|MB|GB)$/.exec(raw);
  const kb = match ? Number(match[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[match[2] as 'kB' | 'MB' | 'GB'] : 0;
  // PostgreSQL refuses fewer than 16 buffers of 8kB; above 2GB the WebAssembly heap cannot hold them.
  if (kb < 128 || kb > 2 * 1024 * 1024) {
    throw new StoreError('invalid_setting', `ARBITER_EMBEDDED_SHARED_BUFFERS must be a size from 128kB to 2GB such as 16MB or 256MB, got "${raw}"`);
  }
  return raw;
}

/** The embedded database, which can also write its whole data folder out as a tarball. */
export interface PGliteDatabase extends Database {
  readonly kind: 'pglite';
  /** The data folder as an uncompressed tarball, to seed other folders with (`OpenOptions.seed`). */
  dumpDataDir(): Promise<Blob>;
}

/**
 * `seed` is a data folder written by `dumpDataDir`, used only when the folder holds no database
 * yet: loading it skips PostgreSQL's initdb, which takes seconds. Without one, a new folder
 * starts from the cached empty cluster when there is one (see pglite-initdb-cache.ts).
 */
export async function openPGlite(dataDir: string | null, seed?: Blob, options: { pgcrypto?: boolean } = {}): Promise<PGliteDatabase> {
  let release = (): void => {};
  let pg: PGlite;
  let fresh = true;
  let initial: Blob | undefined;
  const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${embeddedSharedBuffers()}`];
  const extensions: Extensions = options.pgcrypto ? { pgcrypto: (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto } : {};
  if (dataDir) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    release = takeDirectoryLock(dir);
    const pgdata = join(dir, 'pgdata');
    fresh = !existsSync(join(pgdata, 'PG_VERSION'));
    initial = fresh ? (seed ?? cachedInitdb()) : undefined;
    pg = new PGlite(pgdata, { startParams, extensions, ...(initial ? { loadDataDir: initial } : {}) });
    const unlock = release;
    release = () => {
      makePrivate(dir);
      unlock();
    };
  } else {
    initial = seed ?? cachedInitdb();
    pg = new PGlite({ startParams, extensions, ...(initial ? { loadDataDir: initial } : {}) });
  }
  await pg.waitReady;
  // The first new cluster on this machine spares every later one initdb's seconds.
  if (fresh && !initial) await cacheInitdb(pg);
  if (dataDir) makePrivate(resolve(dataDir));
  const query: Queryable['query'] = async <Row>(sql: string | PreparedStatement, params?: unknown[]) => {
    const result = await pg.query<Row>(statementText(sql), params);
    return { rows: result.rows };
  };
  return {
    kind: 'pglite' as const,
    location: dataDir ? resolve(dataDir) : 'memory',
    query,
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: async <Row>(sql: string | PreparedStatement, params?: unknown[]) => ({ rows: (await tx.query<Row>(statementText(sql), params)).rows }),
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: async () => {
      await pg.close();
      release();
    },
    dumpDataDir: () => pg.dumpDataDir('none') as Promise<Blob>,
  };
}
