import type { Database } from './database.ts';
import { StoreError } from './store-error.ts';

export interface OpenOptions {
  /** `postgres://...` for a real server; absent for the embedded database. */
  databaseUrl?: string;
  /** Folder of the embedded database; `null` keeps it in memory. */
  dataDir?: string | null;
  schema?: string;
  /** Embedded only: a data folder (from `dumpDataDir`) to start a new folder from instead of running initdb. */
  seed?: Blob;
}

export function defaultDataDir(): string {
  return process.env.ARBITER_DATA_DIR || '.arbiter';
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.databaseUrl;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new StoreError(
        'bad_database_url',
        `--database must be a postgres:// URL, got "${url.split(':')[0]}:..."; leave it out to use the embedded database.`,
      );
    }
    // Only the driver in use is loaded: a process on PostgreSQL never loads the embedded database, nor the reverse.
    const { openPostgres } = await import('./postgres-database.ts');
    return openPostgres({ url, schema: options.schema });
  }
  const { openPGlite } = await import('./pglite-database.ts');
  return openPGlite(options.dataDir === undefined ? defaultDataDir() : options.dataDir, options.seed);
}
