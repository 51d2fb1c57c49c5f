import { buildServer, createLogger } from '../../api/index.ts';
import { createSink, EventDispatcher, readSinkConfig } from '../../events/index.ts';
import { startTracing } from '../../support/telemetry.ts';
import { ReloadingKeyProvider } from '../../privacy/index.ts';
import { startWorkers } from '../../services/index.ts';
import { startJobQueue } from '../../store/index.ts';
import type { BureauSim } from '../../tools/bureau-sim/index.ts';
import { auditCheckpoints, erasureLedger, loadKeys, openMigrated } from '../database-access.ts';
import { WorkerMetricsLink } from './cluster-metrics.ts';
import { assertPortFree, portMessage, publicUrl } from './listen-port.ts';
import { portOf, type ServeFlags } from './serve-flags.ts';
import { bootstrapAdminKey, databaseLabel, type WorkerRole } from './server-start.ts';
import { printWelcome } from './welcome.ts';

/** Minutes between signed checkpoints of the audit chain head (ARBITER_CHECKPOINT_MINUTES). */
const CHECKPOINT_MINUTES = Number(process.env.ARBITER_CHECKPOINT_MINUTES || 60);

/**
 * One server process: alone (it migrates, seeds the demo and greets), or as a worker of a cluster
 * whose primary did that already (it only serves, and reports to the primary when it listens).
 */
export async function runServer(flags: ServeFlags, worker: WorkerRole | null): Promise<void> {
  const port = portOf(flags);
  // A mistake in the sinks file is found before anything starts.
  const sinks = flags.eventSinks ? readSinkConfig(flags.eventSinks).map((c) => createSink(c)) : [];
  // Found out before the database is opened and the demo seeded, not a minute later.
  if (!worker) await assertPortFree(port, flags.host);
  const logger = createLogger();
  // Spans are exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set.
  const tracing = await startTracing('arbiter');
  const local = loadKeys(flags);
  // A file-backed key set is watched, so a rotation reaches running servers.
  const keys = local.source === 'env' ? local : new ReloadingKeyProvider(local, local.source);
  const { db, applied } = await openMigrated(flags);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  const bootstrapSecret = worker ? null : await bootstrapAdminKey(db, flags);
  const queue = await startJobQueue(db);
  const ledger = erasureLedger(flags);
  const quiet = worker !== null && worker.index > 0;
  if (!ledger && !quiet) logger.warn('no erasure ledger (--erasure-ledger or ARBITER_ERASURE_LEDGER): erasures cannot be replayed after a restore from backup');
  // Every worker verifies against the checkpoints; only the first signs the chain head, for all.
  const checkpoints = auditCheckpoints(flags, true);
  const signs = !quiet;
  if (!checkpoints && !quiet)
    logger.warn('no audit checkpoints (--checkpoint-key and --checkpoint-dir): a rewritten audit chain with recomputed hashes would verify');
  const clusterMetrics = worker ? new WorkerMetricsLink() : null;
  const built = await buildServer({ db, logger, queue, keys, erasureLedger: ledger, auditCheckpoints: checkpoints, metricsText: clusterMetrics?.text });
  clusterMetrics?.answerWith(built.metrics);
  const { app } = built;
  await startWorkers(built.services);
  let bureau: BureauSim | null = null;
  let demoKeys: Record<string, string> | null = null;
  if (flags.demo && !worker) {
    // Loaded only to seed the demo, as the cluster primary does.
    const { seedDemoQuietly, startDemoBureau } = await import('./demo-start.ts');
    bureau = await startDemoBureau(flags);
    demoKeys = await seedDemoQuietly(built.services, app.log, flags);
  }
  let address: string;
  try {
    address = await app.listen({ port, host: flags.host });
  } catch (err) {
    // Taken since the check above: nothing may keep the process alive without a server.
    const message = portMessage(err, port, flags.host);
    if (worker) worker.send({ type: 'failed', message });
    else console.error(`arbiter: ${message}`);
    await bureau?.close().catch(() => {});
    await queue.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(1);
  }
  const events = sinks.length ? new EventDispatcher(db, sinks, { logger }) : null;
  events?.start();
  if (worker) worker.send({ type: 'listening', address });
  else printWelcome({ url: publicUrl(flags.host, address), database: databaseLabel(db), flags, demoKeys, bootstrapSecret });
  // The chain head signed now and on a schedule, so a later rewrite of the chain shows against it.
  const signHead = () =>
    checkpoints && signs
      ? built.services.audit.checkpoint().catch((err: Error) => logger.warn({ err: { message: err.message } }, 'audit checkpoint failed'))
      : Promise.resolve();
  await signHead();
  const checkpointTimer = checkpoints && signs ? setInterval(() => void signHead(), CHECKPOINT_MINUTES * 60_000) : null;
  checkpointTimer?.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    if (checkpointTimer) clearInterval(checkpointTimer);
    await app.close();
    await events?.stop();
    await tracing?.shutdown().catch(() => {});
    await signHead();
    await bureau?.close().catch(() => {});
    await queue.stop().catch(() => {});
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
