import { auditHashFromEnv, useAuditHash, type AuditHash } from '../privacy/index.ts';
import { prepareAuditHashing } from './audit-hashing.ts';
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
  /** What the audit chain is hashed with from now on; the installation's `ARBITER_AUDIT_HASH` when absent. */
  auditHash?: AuditHash;
}

export function defaultDataDir(): string {
  return process.env.ARBITER_DATA_DIR || '.arbiter';
}

/**
 * Opens the database and makes it hash the audit chain as the installation chose: every process
 * that writes audit events opens its database here first.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const hash = options.auditHash ?? auditHashFromEnv();
  const db = await openDriver(options, hash);
  try {
    await prepareAuditHashing(db, hash);
  } catch (err) {
    await db.close();
    throw err;
  }
  useAuditHash(hash);
  return db;
}

async function openDriver(options: OpenOptions, hash: AuditHash): Promise<Database> {
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
  // PGlite loads an extension only when it starts; pgcrypto (for SM3) costs startup time, so only when needed.
  return openPGlite(options.dataDir === undefined ? defaultDataDir() : options.dataDir, options.seed, { pgcrypto: hash === 'sm3' });
}
