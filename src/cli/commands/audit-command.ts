import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

const load = async () => ({ ...(await import('../../services/index.ts')), ...(await import('../database-access.ts')) });

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  withDatabaseOptions(
    audit
      .command('verify')
      .description('walk the hash chain and hold it against the signed checkpoints; exit 1 and list every break if any')
      .option('--json', 'print JSON'),
  ).action(async (flags: DatabaseFlags & { json?: boolean }) => {
    const { AuditService, auditCheckpoints, withDatabase } = await load();
    const checkpoints = auditCheckpoints(flags, false);
    const result = await withDatabase(flags, (db) => new AuditService(db, checkpoints).verify());
    if (flags.json) console.log(JSON.stringify(result, null, 2));
    else {
      const against = checkpoints
        ? `, ${result.checkpoints.matched} of ${result.checkpoints.checked} signed checkpoints matched`
        : ' (no signed checkpoints configured)';
      if (result.ok) console.log(`audit chain intact: ${result.checked} events verified${against}`);
      else {
        console.log(`audit chain BROKEN: ${result.breaks.length} break(s)${against}`);
        for (const b of result.breaks) console.log(`  event ${b.seq}: ${b.reason}: ${b.message}`);
        for (const f of result.invalidCheckpoints) console.log(`  checkpoint ${f}: its signature does not hold (forged or damaged)`);
      }
    }
    if (!result.ok) process.exitCode = 1;
  });
  withDatabaseOptions(
    audit.command('checkpoint').description('sign the chain head with the checkpoint key and write it to the checkpoint folder (servers also do this hourly)'),
  ).action(async (flags: DatabaseFlags) => {
    const { AuditService, auditCheckpoints, withDatabase } = await load();
    const checkpoints = auditCheckpoints(flags, true);
    if (!checkpoints)
      throw new Error(
        'with --database, give --checkpoint-key FILE and --checkpoint-dir DIR (or ARBITER_CHECKPOINT_KEY and ARBITER_CHECKPOINT_DIR), both outside the database',
      );
    const { checkpoint, file } = await withDatabase(flags, (db) => new AuditService(db, checkpoints).checkpoint());
    console.log(`signed the audit chain head (event ${checkpoint.seq}, key ${checkpoint.keyId}) into ${file}`);
  });
  return audit;
}
