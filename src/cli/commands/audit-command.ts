import { Command } from 'commander';
import { verifyAudit } from '../../store/index.ts';
import { withDatabase, withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  withDatabaseOptions(audit.command('verify').description('walk the hash chain; exit 1 and name the first broken event if any').option('--json', 'print JSON')).action(
    async (flags: DatabaseFlags & { json?: boolean }) => {
      const result = await withDatabase(flags, (db) => verifyAudit(db));
      if (flags.json) console.log(JSON.stringify(result, null, 2));
      else if (result.ok) console.log(`audit chain intact: ${result.checked} events verified`);
      else console.log(`audit chain BROKEN at event ${result.firstBroken?.seq}: ${result.firstBroken?.message} (${result.checked} events verified before it)`);
      if (!result.ok) process.exitCode = 1;
    },
  );
  return audit;
}
