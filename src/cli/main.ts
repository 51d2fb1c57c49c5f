import { Command } from 'commander';
import { auditCommand } from './commands/audit-command.ts';
import { dmnCommand } from './commands/dmn-command.ts';
import { keysCommand } from './commands/keys-command.ts';
import { migrateCommand } from './commands/migrate-command.ts';
import { serveCommand } from './commands/serve-command.ts';

const program = new Command('arbiter')
  .description('Arbiter: credit decisioning engine')
  .version('0.1.0')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(keysCommand());
program.addCommand(auditCommand());
program.addCommand(dmnCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A person reads this: the message, not a stack trace.
  console.error(`arbiter: ${(err as Error).message}`);
  process.exitCode = 1;
}
