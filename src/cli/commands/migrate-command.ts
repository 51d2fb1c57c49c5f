import { Command } from 'commander';
import { withDatabaseOptions, openMigrated, type DatabaseFlags } from '../database-option.ts';

export function migrateCommand(): Command {
  return withDatabaseOptions(new Command('migrate').description('apply pending database migrations')).action(async (flags: DatabaseFlags) => {
    const { db, applied } = await openMigrated(flags);
    await db.close();
    console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
  });
}
