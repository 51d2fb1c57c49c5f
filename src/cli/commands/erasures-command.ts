import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

export function erasuresCommand(): Command {
  const erasures = new Command('erasures').description('the erasure ledger: erasures recorded outside the database');
  withDatabaseOptions(
    erasures
      .command('replay')
      .description('after restoring the database from a backup, erase again every application the ledger names (run before serving the restored database)'),
  ).action(async (flags: DatabaseFlags) => {
    const { erasureLedger, withDatabase } = await import('../database-access.ts');
    const { replayErasures } = await import('../../store/index.ts');
    const ledger = erasureLedger(flags);
    if (!ledger) throw new Error('name the erasure ledger with --erasure-ledger FILE (or ARBITER_ERASURE_LEDGER): with --database there is no default');
    const r = await withDatabase(flags, (db) => replayErasures(db, ledger, { actor: 'cli:erasure-replay' }));
    console.log(
      `${r.entries} erasure(s) in ${ledger.path}: ${r.reapplied} applied again, ${r.alreadyErased} already erased, ${r.missing} not in this database`,
    );
  });
  return erasures;
}
