import { Command } from 'commander';
import { auditCommand } from './commands/audit-command.ts';
import { bureauSimCommand } from './commands/bureau-sim-command.ts';
import { optimizeCommand } from './commands/optimize-command.ts';
import { backtestCommand } from './commands/backtest-command.ts';
import { batchCommand } from './commands/batch-command.ts';
import { bundleCommand } from './commands/bundle-command.ts';
import { piaCommand } from './commands/pia-command.ts';
import { evidenceCommand } from './commands/evidence-command.ts';
import { dmnCommand } from './commands/dmn-command.ts';
import { decideCommand, pathsCommand, testCommand } from './commands/flow-commands.ts';
import { keysCommand } from './commands/keys-command.ts';
import { migrateCommand } from './commands/migrate-command.ts';
import { purgeCommand } from './commands/purge-command.ts';
import { erasuresCommand } from './commands/erasures-command.ts';
import { binsCommand, cardCommand, evaluateCommand, importCommand, scoreCommand, trainCommand } from './commands/model-commands.ts';
import { serveCommand } from './commands/serve-command.ts';
import { synthCommand } from './commands/synth-command.ts';

// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('arbiter').description('Arbiter: credit decisioning engine').version('0.1.0').showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(keysCommand());
program.addCommand(auditCommand());
program.addCommand(dmnCommand());
program.addCommand(decideCommand());
program.addCommand(pathsCommand());
program.addCommand(testCommand());
program.addCommand(purgeCommand());
program.addCommand(erasuresCommand());
program.addCommand(trainCommand());
program.addCommand(scoreCommand());
program.addCommand(evaluateCommand());
program.addCommand(cardCommand());
program.addCommand(binsCommand());
program.addCommand(importCommand());
program.addCommand(synthCommand());
program.addCommand(bureauSimCommand());
program.addCommand(optimizeCommand());
program.addCommand(backtestCommand());
program.addCommand(batchCommand());
program.addCommand(bundleCommand());
program.addCommand(piaCommand());
program.addCommand(evidenceCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A person reads this: the message (and for flow problems every issue with its path), not a stack trace.
  const issues = (err as { issues?: { path: string; message: string }[] }).issues;
  if (issues?.length) {
    console.error(`arbiter: ${issues.length} problem(s):`);
    for (const i of issues) console.error(`  ${i.path}: ${i.message}`);
  } else console.error(`arbiter: ${(err as Error).message}`);
  process.exitCode = 1;
}
