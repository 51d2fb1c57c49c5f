import { Option, type Command } from 'commander';
import { migrate, openDatabase, type Database } from '../store/index.ts';

export interface DatabaseFlags {
  database?: string;
  dataDir?: string;
}

export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--database <url>', 'PostgreSQL URL (postgres://...); without it the embedded database is used').env('DATABASE_URL'))
    .addOption(new Option('--data-dir <dir>', 'folder of the embedded database').env('ARBITER_DATA_DIR').default('.arbiter'));
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
