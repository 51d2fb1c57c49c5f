import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

interface BatchFlags extends DatabaseFlags {
  flow: string;
  version?: string;
  file: string;
  out: string;
}

export function batchCommand(): Command {
  return withDatabaseOptions(
    new Command('batch')
      .description(
        'decide a file of applications (CSV or JSON lines) as online decisions are made, and write the results; servers running on the same PostgreSQL take chunks too',
      )
      .requiredOption('--flow <id>', 'the flow (its published version, unless --version)')
      .option('--version <n>', 'a published version of the flow')
      .requiredOption('--file <F.csv|F.jsonl|F.parquet>', 'the applications')
      .requiredOption('--out <results.csv|results.parquet>', 'where to write one row per application: decision, outcome, reasons, offer, or the error'),
  ).action(async (flags: BatchFlags) => (await import('./batch-action.ts')).runBatch(flags));
}
