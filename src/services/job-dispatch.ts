import type { Logger } from 'pino';
import type { JobQueue, Queryable } from '../store/index.ts';

/**
 * Where a job for a stored record goes: into the shared queue inside the transaction that
 * stores the record (so the job exists if and only if the record does), or, with no queue, to
 * this process once the record is committed. In that case, if the process or its database goes
 * first, the record stays queued.
 */
export function dispatchJob(queue: JobQueue | null, name: string, id: string, runHere: (id: string) => Promise<void>, logger: Logger, what: string) {
  return {
    enqueue: queue ? (tx: Queryable) => queue.sendInTransaction(tx, name, { id }) : undefined,
    committed(): void {
      if (!queue) setImmediate(() => runHere(id).catch((err: Error) => logger.warn({ id, code: (err as { code?: string }).code }, `${what} could not run`)));
    },
  };
}
