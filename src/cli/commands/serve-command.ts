import { createServer } from 'node:net';
import { Command, Option } from 'commander';
import { buildServer, createLogger } from '../../api/index.ts';
import { KeyService, startWorkers } from '../../services/index.ts';
import { ReloadingKeyProvider } from '../../privacy/index.ts';
import { countApiKeys, startJobQueue } from '../../store/index.ts';
import { startBureauSim, type BureauSim } from '../../tools/bureau-sim/index.ts';
import { demoKeys, seedDemo } from '../../tools/demo/seed-demo.ts';
import { auditCheckpoints, erasureLedger, loadKeys, openMigrated, withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

/** Minutes between signed checkpoints of the audit chain head (ARBITER_CHECKPOINT_MINUTES). */
const CHECKPOINT_MINUTES = Number(process.env.ARBITER_CHECKPOINT_MINUTES || 60);

interface ServeFlags extends DatabaseFlags {
  port: string;
  host: string;
  demo?: boolean;
  bureauPort: string;
}

function portMessage(err: unknown, port: number, host: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use (another Arbiter or another program); stop it or choose another port with --port or PORT`;
  if (code === 'EACCES') return `port ${port} on ${host} may not be opened by this user; choose a port above 1023 with --port or PORT`;
  if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine; set --host or HOST to one of its addresses (127.0.0.1, 0.0.0.0)`;
  return `cannot listen on ${host}:${port}: ${(err as Error).message}`;
}

/** Throws a readable error when the port cannot be listened on. */
async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err) => reject(new Error(portMessage(err, port, host))));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export function serveCommand(): Command {
  const command = new Command('serve')
    .description('run the HTTP API (and console) on the embedded database or on PostgreSQL')
    .addOption(new Option('--port <n>', 'port to listen on').env('PORT').default('3000'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
    .option('--demo', 'run the bureau simulator beside the server, and seed a demo into an empty database (models, flows, history, reviews)')
    .addOption(new Option('--bureau-port <n>', 'port of the demo bureau simulator').env('ARBITER_DEMO_BUREAU_PORT').default('4010'));
  return withDatabaseOptions(command).action(async (flags: ServeFlags) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535, got "${flags.port}"`);
    }
    // Found out before the database is opened and the demo seeded, not a minute later.
    await assertPortFree(port, flags.host);
    const logger = createLogger();
    const local = loadKeys(flags);
    // A file-backed key set is watched, so a rotation reaches running servers.
    const keys = local.source === 'env' ? local : new ReloadingKeyProvider(local, local.source);
    const { db, applied } = await openMigrated(flags);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    let bootstrapSecret: string | null = null;
    if (!flags.demo && (await countApiKeys(db)) === 0) {
      const created = await new KeyService(db).create({ name: 'bootstrap admin', role: 'admin' }, { actor: 'system' });
      bootstrapSecret = created.secret;
    }
    const queue = await startJobQueue(db);
    const ledger = erasureLedger(flags);
    if (!ledger) logger.warn('no erasure ledger (--erasure-ledger or ARBITER_ERASURE_LEDGER): erasures cannot be replayed after a restore from backup');
    const checkpoints = auditCheckpoints(flags, true);
    if (!checkpoints) logger.warn('no audit checkpoints (--checkpoint-key and --checkpoint-dir): a rewritten audit chain with recomputed hashes would verify');
    const built = await buildServer({ db, logger, queue, keys, erasureLedger: ledger, auditCheckpoints: checkpoints });
    const { app } = built;
    await startWorkers(built.services);
    let bureau: BureauSim | null = null;
    let demo: Awaited<ReturnType<typeof seedDemo>> = null;
    if (flags.demo) {
      try {
        bureau = await startBureauSim({ port: Number(flags.bureauPort), host: '127.0.0.1' });
        console.log(`Demo bureau simulator listening on ${bureau.url}`);
      } catch (err) {
        console.error(
          `The demo bureau simulator could not start on port ${flags.bureauPort} (${(err as Error).message}); bureau checks will take their fallback branch. Free the port or set --bureau-port.`,
        );
      }
      const dataDir = flags.dataDir ?? '.arbiter';
      // Seeding makes thousands of decisions; their info lines would bury what the demo prints.
      const level = app.log.level;
      app.log.level = 'warn';
      try {
        demo = await seedDemo(built.services, { dataDir, bureauUrl: `http://127.0.0.1:${flags.bureauPort}`, log: (line) => console.log(line) });
      } finally {
        app.log.level = level;
      }
      if (demo) console.log(`Demo seeded. Files for the sandbox are in ${demo.files.dir}.`);
    }
    let address: string;
    try {
      address = await app.listen({ port, host: flags.host });
    } catch (err) {
      // Taken since the check above: nothing may keep the process alive without a server.
      console.error(`arbiter: ${portMessage(err, port, flags.host)}`);
      await bureau?.close().catch(() => {});
      await queue.stop().catch(() => {});
      await db.close().catch(() => {});
      process.exit(1);
    }
    const url = `http://${flags.host === '0.0.0.0' || flags.host === '127.0.0.1' ? 'localhost' : flags.host}:${new URL(address).port}`;
    console.log(`Arbiter is running at ${url} on ${db.kind === 'pglite' ? `the embedded database in ${db.location}` : `PostgreSQL ${db.location}`}`);
    const shownKeys = flags.demo ? (demo?.keys ?? demoKeys(flags.dataDir ?? '.arbiter')) : null;
    if (shownKeys) {
      console.log(`Console: ${url}/console/ - sign in with one of the demo keys (kept in ${flags.dataDir ?? '.arbiter'}/demo/keys.json):`);
      for (const [role, secret] of Object.entries(shownKeys)) console.log(`  ${role.padEnd(13)} ${secret}`);
    } else if (bootstrapSecret) {
      console.log(`Console: ${url}/console/`);
      console.log(`Admin API key (shown this once, store it now): ${bootstrapSecret}`);
    } else {
      console.log('Sign in with an API key; create one with `arbiter keys create --role admin` while the server is stopped, or POST /v1/keys.');
    }
    // The chain head signed now and on a schedule, so a later rewrite of the chain shows against it.
    const signHead = () =>
      checkpoints
        ? built.services.audit.checkpoint().catch((err: Error) => logger.warn({ err: { message: err.message } }, 'audit checkpoint failed'))
        : Promise.resolve();
    await signHead();
    const checkpointTimer = checkpoints ? setInterval(() => void signHead(), CHECKPOINT_MINUTES * 60_000) : null;
    checkpointTimer?.unref();
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'shutting down');
      if (checkpointTimer) clearInterval(checkpointTimer);
      await app.close();
      await signHead();
      await bureau?.close().catch(() => {});
      await queue.stop().catch(() => {});
      await db.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  });
}
