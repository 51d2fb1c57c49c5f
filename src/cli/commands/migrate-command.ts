import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

export function migrateCommand(): Command {
  return withDatabaseOptions(
    new Command('migrate')
      .description('apply pending database migrations (as the owner role); --grant-runtime then lets a role run servers without owning the audit log')
      .option('--grant-runtime <role>', 'PostgreSQL role the servers connect as: gets the working tables, and on the audit log only INSERT and SELECT'),
  ).action(async (flags: DatabaseFlags & { grantRuntime?: string }) => {
    const { openMigrated } = await import('../database-access.ts');
    const { grantRuntimeRole, startJobQueue } = await import('../../store/index.ts');
    const { db, applied } = await openMigrated(flags);
    try {
      console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
      if (flags.grantRuntime) {
        // The job queue's tables are made by their owner too, so the runtime role only uses them.
        const queue = await startJobQueue(db);
        await queue.stop();
        await grantRuntimeRole(db, flags.grantRuntime);
        console.log(`role ${flags.grantRuntime} may run servers: the working tables, and the audit log for INSERT and SELECT only`);
      }
    } finally {
      await db.close();
    }
  });
}
