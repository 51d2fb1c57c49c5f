import { Command, Option } from 'commander';
import { buildServer, createLogger } from '../../api/index.ts';
import { ReloadingKeyProvider } from '../../privacy/index.ts';
import { countApiKeys, createApiKey, startJobQueue } from '../../store/index.ts';
import { loadKeys, openMigrated, withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

interface ServeFlags extends DatabaseFlags {
  port: string;
  host: string;
}

export function serveCommand(): Command {
  const command = new Command('serve')
    .description('run the HTTP API (and console) on the embedded database or on PostgreSQL')
    .addOption(new Option('--port <n>', 'port to listen on').env('PORT').default('3000'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'));
  return withDatabaseOptions(command).action(async (flags: ServeFlags) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535, got "${flags.port}"`);
    }
    const logger = createLogger();
    const local = loadKeys(flags);
    // A file-backed key set is watched, so a rotation reaches running servers.
    const keys = local.source === 'env' ? local : new ReloadingKeyProvider(local, local.source);
    const { db, applied } = await openMigrated(flags);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    let bootstrapSecret: string | null = null;
    if ((await countApiKeys(db)) === 0) {
      const created = await createApiKey(db, { name: 'bootstrap admin', role: 'admin' }, { actor: 'system' });
      bootstrapSecret = created.secret;
    }
    const queue = await startJobQueue(db);
    const { app, decisions, backtests, lifecycle, monitoring } = await buildServer({ db, logger, queue, keys });
    await decisions.startWorker();
    await backtests.startWorker();
    await lifecycle.startWorker();
    await monitoring.startWorker();
    const address = await app.listen({ port, host: flags.host });
    const url = `http://${flags.host === '0.0.0.0' || flags.host === '127.0.0.1' ? 'localhost' : flags.host}:${new URL(address).port}`;
    console.log(`Arbiter is running at ${url} on ${db.kind === 'pglite' ? `the embedded database in ${db.location}` : `PostgreSQL ${db.location}`}`);
    if (bootstrapSecret) {
      console.log(`Admin API key (shown this once, store it now): ${bootstrapSecret}`);
    } else {
      console.log('Sign in with an API key; create one with `arbiter keys create --role admin` while the server is stopped, or POST /v1/keys.');
    }
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'shutting down');
      await app.close();
      await queue.stop().catch(() => {});
      await db.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  });
}
