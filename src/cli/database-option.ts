import { Option, type Command } from 'commander';

// Only the options: this module is loaded for `--help`, so it must not load the database.

export interface DatabaseFlags {
  database?: string;
  dataDir?: string;
  keyFile?: string;
  erasureLedger?: string;
  checkpointKey?: string;
  checkpointDir?: string;
}

export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--database <url>', 'PostgreSQL URL (postgres://...); without it the embedded database is used').env('DATABASE_URL'))
    .addOption(new Option('--data-dir <dir>', 'folder of the embedded database').env('ARBITER_DATA_DIR').default('.arbiter'))
    .addOption(
      new Option('--key-file <file>', 'master keys for personal data (JSON); default <data-dir>/master-keys.json for the embedded database').env(
        'ARBITER_KEY_FILE',
      ),
    )
    .addOption(
      new Option(
        '--checkpoint-key <file>',
        'Ed25519 or SM2 key (PEM) that signs audit checkpoints, kept outside the database; default <data-dir>/audit-checkpoint-key.pem for the embedded database',
      ).env('ARBITER_CHECKPOINT_KEY'),
    )
    .addOption(
      new Option(
        '--checkpoint-dir <dir>',
        'folder of signed audit checkpoints, outside the database; default <data-dir>/audit-checkpoints for the embedded database',
      ).env('ARBITER_CHECKPOINT_DIR'),
    )
    .addOption(
      new Option(
        '--erasure-ledger <file>',
        'where erasures are recorded outside the database, to replay after a restore; default <data-dir>/erasure-ledger.jsonl for the embedded database',
      ).env('ARBITER_ERASURE_LEDGER'),
    );
}
