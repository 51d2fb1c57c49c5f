import cluster from 'node:cluster';
import { workersOf, type ServeFlags } from './serve-flags.ts';
import type { WorkerMessage } from './server-start.ts';

/** `arbiter serve`: one process, or a primary and its workers (each worker runs this same command again). */
export async function serve(flags: ServeFlags): Promise<void> {
  if (cluster.isWorker) {
    const send = (message: WorkerMessage) => process.send?.(message);
    try {
      const { runServer } = await import('./single-server.ts');
      await runServer(flags, { index: Number(process.env.ARBITER_WORKER_INDEX ?? 0), send });
    } catch (err) {
      // The channel to the primary would keep a failed worker alive: it reports and ends.
      send({ type: 'failed', message: (err as Error).message });
      process.exit(1);
    }
    return;
  }
  const workers = workersOf(flags);
  // Each role loads only what it runs: the primary of a cluster never loads the server itself.
  if (workers === 1) return (await import('./single-server.ts')).runServer(flags, null);
  return (await import('./cluster-primary.ts')).runClusterPrimary(flags, workers);
}
