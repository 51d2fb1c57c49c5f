import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditHashFromEnv, CheckpointStore, loadCheckpointKey, loadKeyProvider, type LocalKeyProvider } from '../privacy/index.ts';
import { ErasureLedger, migrate, openDatabase, type AuditCheckpoints, type Database } from '../store/index.ts';
import type { DatabaseFlags } from './database-option.ts';

/**
 * Signed audit checkpoints: the key and folder given, or beside the embedded database. With
 * PostgreSQL both must be given; otherwise there are none. `create` makes a missing key: SM2 on
 * an installation whose chain is hashed with SM3 (the national algorithms), Ed25519 otherwise.
 */
export function auditCheckpoints(flags: DatabaseFlags, create: boolean): AuditCheckpoints | null {
  const embedded = !flags.database;
  const keyFile = flags.checkpointKey ?? (embedded ? join(flags.dataDir ?? '.arbiter', 'audit-checkpoint-key.pem') : null);
  const dir = flags.checkpointDir ?? (embedded ? join(flags.dataDir ?? '.arbiter', 'audit-checkpoints') : null);
  if (!keyFile || !dir) return null;
  if (!create && !existsSync(keyFile)) return null;
  return { key: loadCheckpointKey(keyFile, create, auditHashFromEnv() === 'sm3' ? 'sm2-sm3' : 'ed25519'), store: new CheckpointStore(dir) };
}

/**
 * The erasure ledger: given, or beside the embedded database (outside its pgdata folder). With
 * PostgreSQL and none given, there is none: erasures are then not replayable after a restore.
 */
export function erasureLedger(flags: DatabaseFlags): ErasureLedger | null {
  if (flags.erasureLedger) return new ErasureLedger(flags.erasureLedger);
  return flags.database ? null : new ErasureLedger(join(flags.dataDir ?? '.arbiter', 'erasure-ledger.jsonl'));
}

/**
 * The master keys: for the embedded database a key file beside the data is created on first
 * use; for PostgreSQL they must be given (every server of one database needs the same keys).
 */
export function loadKeys(flags: DatabaseFlags): LocalKeyProvider {
  const embedded = !flags.database;
  const keyFile = flags.keyFile ?? (embedded ? join(flags.dataDir ?? '.arbiter', 'master-keys.json') : '');
  if (!keyFile && !process.env.ARBITER_MASTER_KEYS) {
    throw new Error(
      'with --database, give the master keys: --key-file F (or ARBITER_KEY_FILE, or ARBITER_MASTER_KEYS); create a key file with `arbiter keys init-master --key-file F`',
    );
  }
  return loadKeyProvider({ keyFile, createIfMissing: embedded });
}

/** Opens the database named by the flags and brings its schema up to date. */
export async function openMigrated(flags: DatabaseFlags): Promise<{ db: Database; applied: string[] }> {
  const db = await openDatabase({ databaseUrl: flags.database, dataDir: flags.dataDir });
  try {
    const applied = await migrate(db);
    return { db, applied };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function withDatabase<T>(flags: DatabaseFlags, fn: (db: Database) => Promise<T>): Promise<T> {
  const { db } = await openMigrated(flags);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
