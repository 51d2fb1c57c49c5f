import cluster from 'node:cluster';
import { runClusterPrimary } from './cluster-primary.ts';
import { workersOf, type ServeFlags } from './serve-flags.ts';
import { runServer, type WorkerMessage } from './single-server.ts';

/** `arbiter serve`: one process, or a primary and its workers (each worker runs this same command again). */
export async function serve(flags: ServeFlags): Promise<void> {
  if (cluster.isWorker) {
    const send = (message: WorkerMessage) => process.send?.(message);
    try {
      await runServer(flags, { index: Number(process.env.ARBITER_WORKER_INDEX ?? 0), send });
    } catch (err) {
      // The channel to the primary would keep a failed worker alive: it reports and ends.
      send({ type: 'failed', message: (err as Error).message });
      process.exit(1);
    }
    return;
  }
  const workers = workersOf(flags);
  if (workers === 1) return runServer(flags, null);
  return runClusterPrimary(flags, workers);
}
