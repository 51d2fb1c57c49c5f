import cluster, { type Worker } from 'node:cluster';
import { createSink, readSinkConfig } from '../../events/index.ts';
import type { BureauSim } from '../../tools/bureau-sim/index.ts';
import { auditCheckpoints, loadKeys, openMigrated } from '../database-access.ts';
import { aggregateClusterMetrics } from './cluster-metrics.ts';
import { assertPortFree, publicUrl } from './listen-port.ts';
import { portOf, type ServeFlags } from './serve-flags.ts';
import { bootstrapAdminKey, databaseLabel, type WorkerMessage } from './server-start.ts';
import { printWelcome } from './welcome.ts';

/** A worker that dies sooner than this after it started counts as failing to start. */
const MIN_UPTIME_MS = 10_000;
/** After this many such failures in a row the primary stops: the cause is not passing. */
const MAX_FAST_FAILURES = 3;

/**
 * The primary of `arbiter serve --workers N`: it migrates, makes the first key, seeds the demo,
 * then forks N server processes that share one port (the primary hands out connections), forks a
 * replacement for one that crashes, and on SIGTERM lets every worker finish its requests.
 * Decisions, reviews and jobs need nothing from it: they are coordinated through PostgreSQL.
 */
export async function runClusterPrimary(flags: ServeFlags, workers: number): Promise<void> {
  const port = portOf(flags);
  // A mistake in the sinks file (or a missing secret) stops the start here, not in every worker.
  if (flags.eventSinks) for (const c of readSinkConfig(flags.eventSinks)) createSink(c);
  await assertPortFree(port, flags.host);
  loadKeys(flags);
  // The checkpoint key is made here if missing, once, not by every worker at the same moment.
  auditCheckpoints(flags, true);
  const { db, applied } = await openMigrated(flags);
  const database = databaseLabel(db);
  if (applied.length) console.log(`applied ${applied.length} migration(s)`);
  let bootstrapSecret: string | null = null;
  let demoKeys: Record<string, string> | null = null;
  let bureau: BureauSim | null = null;
  try {
    bootstrapSecret = await bootstrapAdminKey(db, flags);
    if (flags.demo) {
      // The whole server is loaded here only to seed the demo; without it the primary stays small.
      const [{ buildServer, createLogger }, { startJobQueue }, { seedDemoQuietly, startDemoBureau }] = await Promise.all([
        import('../../api/index.ts'),
        import('../../store/index.ts'),
        import('./demo-start.ts'),
      ]);
      bureau = await startDemoBureau(flags);
      const logger = createLogger();
      const queue = await startJobQueue(db);
      const built = await buildServer({ db, logger, queue, keys: loadKeys(flags) });
      demoKeys = await seedDemoQuietly(built.services, built.app.log, flags);
      await built.app.close();
      await queue.stop();
    }
  } finally {
    await db.close();
  }

  let closing = false;
  const started = new Map<Worker, number>();
  const fastFailures = new Map<number, number>();
  const onMetrics = aggregateClusterMetrics(() => [...started.keys()]);
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ ARBITER_WORKER_INDEX: String(index) });
    started.set(worker, Date.now());
    worker.on('message', (m: unknown) => onMetrics(worker, m));
    worker.on('exit', (code, signal) => {
      const uptime = Date.now() - (started.get(worker) ?? 0);
      started.delete(worker);
      if (closing) return;
      const fast = uptime < MIN_UPTIME_MS ? (fastFailures.get(index) ?? 0) + 1 : 0;
      fastFailures.set(index, fast);
      const how = signal ?? `exit code ${code}`;
      if (fast >= MAX_FAST_FAILURES) {
        console.error(`arbiter: server worker ${index} stopped ${fast} times within ${MIN_UPTIME_MS / 1000} s of starting (last: ${how}); stopping`);
        void stopAll(1);
        return;
      }
      console.error(`arbiter: server worker ${index} stopped (${how}); starting another`);
      // Backing off keeps a worker that cannot start from using the machine to retry.
      setTimeout(() => closing || fork(index), fast === 0 ? 0 : 500 * 2 ** fast).unref();
    });
    return worker;
  };

  const stopAll = async (exitCode: number) => {
    if (closing) return;
    closing = true;
    const exits = [...started.keys()].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of started.keys()) w.process.kill('SIGTERM');
    await Promise.all(exits);
    await bureau?.close().catch(() => {});
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGINT', () => void stopAll(0));

  const addresses = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const worker = fork(i);
      return new Promise<string>((resolve, reject) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'listening') resolve(m.address);
          else if (m.type === 'failed') reject(new Error(m.message));
        });
        worker.once('exit', (code) => reject(new Error(`server worker ${i} exited with code ${code} before it listened`)));
      });
    }),
  ).catch(async (err: Error) => {
    console.error(`arbiter: ${err.message}`);
    await stopAll(1);
    return [];
  });
  if (closing) return;
  printWelcome({ url: publicUrl(flags.host, addresses[0]!), database: `${database} with ${workers} server processes`, flags, demoKeys, bootstrapSecret });
}
