import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

export function purgeCommand(): Command {
  return withDatabaseOptions(
    new Command('purge')
      .description(
        'erase the personal data of applications past their retention period that no legal hold or adverse-action record keeps (servers also do this daily)',
      )
      .option('--retention-days <n>', 'retention period in days', process.env.ARBITER_RETENTION_DAYS || String(7 * 365))
      .option('--as-of <iso-date>', 'purge as of this moment instead of now (for planning and tests)'),
  ).action(async (flags: DatabaseFlags & { retentionDays: string; asOf?: string }) => {
    const now = flags.asOf ? new Date(flags.asOf) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--as-of must be an ISO date, got "${flags.asOf}"`);
    const days = Number(flags.retentionDays);
    if (!Number.isInteger(days) || days < 0) throw new Error(`--retention-days must be a whole number of days, got "${flags.retentionDays}"`);
    const { erasureLedger, withDatabase } = await import('../database-access.ts');
    const { retentionTerms } = await import('../../services/index.ts');
    const { purgeDue } = await import('../../store/index.ts');
    const erased = await withDatabase(flags, (db) => purgeDue(db, retentionTerms(days), now, { actor: 'cli:retention' }, erasureLedger(flags)));
    console.log(`erased the personal data of ${erased} application(s) older than ${days} days as of ${now.toISOString()}`);
  });
}
