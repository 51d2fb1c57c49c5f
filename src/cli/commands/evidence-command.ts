import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

interface ExportFlags extends DatabaseFlags {
  from: string;
  to: string;
  signingKey: string;
  out: string;
}

function dateOption(value: string, flag: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) throw new Error(`--${flag} ${value}: write a date, 2026-11-01, or a date and time`);
  return d;
}

/** Evidence for a regulator: one signed file for a period, checked elsewhere with the public key alone. */
export function evidenceCommand(): Command {
  const evidence = new Command('evidence').description("a signed evidence pack of a period's decision logic, approvals and audit log, and its check");
  evidence.addCommand(
    withDatabaseOptions(
      new Command('export')
        .description(
          'write the flow, model, connector and DMN versions in force, releases and approvals, back-tests, audit events of a period, and the signed checkpoints of --checkpoint-dir, to one signed file',
        )
        .requiredOption('--from <date>', 'the start of the period (ISO date or date and time, UTC)')
        .requiredOption('--to <date>', 'its end')
        .requiredOption('--signing-key <private.pem>', 'an Ed25519 or SM2 key (arbiter bundle keygen) that signs the manifest')
        .requiredOption('--out <evidence.json>', 'the file to write'),
    ).action(async (flags: ExportFlags) => {
      const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { readKey } = await import('./bundle-actions.ts');
      const { withDatabase } = await import('../database-access.ts');
      const { exportEvidence } = await import('../../services/evidence-pack.ts');
      const range = { from: dateOption(flags.from, 'from'), to: dateOption(flags.to, 'to') };
      const key = readKey(flags.signingKey, 'private');
      const checkpoints: Record<string, string> = {};
      if (flags.checkpointDir)
        for (const f of readdirSync(flags.checkpointDir)
          .filter((x) => x.endsWith('.json'))
          .sort())
          checkpoints[f] = readFileSync(join(flags.checkpointDir, f), 'utf8');
      const pack = await withDatabase(flags, (db) => exportEvidence(db, range, key, checkpoints));
      writeFileSync(flags.out, JSON.stringify(pack));
      console.log(
        `wrote ${flags.out}: ${pack.manifest.files.length} files for ${pack.manifest.from} to ${pack.manifest.to}, signed by key ${pack.signature.keyId}`,
      );
    }),
  );
  evidence.addCommand(
    new Command('verify')
      .description('check an evidence pack: the signature by a trusted key, and every file against the signed manifest')
      .requiredOption('--file <evidence.json>', 'the pack')
      .requiredOption('--trust <public.pem...>', 'public keys whose signatures are accepted')
      .action(async (flags: { file: string; trust: string[] }) => {
        const { readKey } = await import('./bundle-actions.ts');
        const { readJsonFile } = await import('../read-json.ts');
        const { verifyEvidence } = await import('../../services/evidence-pack.ts');
        const result = verifyEvidence(
          readJsonFile(flags.file, 'evidence pack'),
          flags.trust.map((t) => readKey(t, 'public')),
        );
        if (result.problems.length) {
          for (const p of result.problems) console.log(`FAIL ${p}`);
          throw new Error(`${flags.file} does not verify: ${result.problems.length} problem(s)`);
        }
        console.log(`${flags.file} verifies: every file as signed, by key ${result.signedBy}`);
      }),
  );
  return evidence;
}
