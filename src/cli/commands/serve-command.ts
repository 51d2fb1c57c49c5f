import { Command, Option } from 'commander';
import { withDatabaseOptions } from '../database-option.ts';
import type { ServeFlags } from '../serve/serve-flags.ts';

export function serveCommand(): Command {
  const command = new Command('serve')
    .description('run the HTTP API (and console) on the embedded database or on PostgreSQL')
    .addOption(new Option('--port <n>', 'port to listen on').env('PORT').default('3000'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
    .addOption(
      new Option('--workers <n>', 'server processes sharing the port (PostgreSQL only; default: one per core there, one on the embedded database)').env(
        'ARBITER_WORKERS',
      ),
    )
    .addOption(
      new Option('--event-sinks <file>', 'JSON list of sinks (webhooks, NATS JetStream) that receive decision events (see docs/events.md)').env(
        'ARBITER_EVENT_SINKS',
      ),
    )
    .option('--demo', 'run the bureau simulator beside the server, and seed a demo into an empty database (models, flows, history, reviews)')
    .addOption(new Option('--bureau-port <n>', 'port of the demo bureau simulator').env('ARBITER_DEMO_BUREAU_PORT').default('4010'));
  return withDatabaseOptions(command).action(async (flags: ServeFlags) => (await import('../serve/serve.ts')).serve(flags));
}
