import type PgBoss from 'pg-boss';
import { secondsFromEnv } from '../support/env-seconds.ts';
import type { Database, Queryable } from './database.ts';

/** pg-boss sends SQL through this adapter, so the queue lives in the same database, embedded or not. */
function adapter(q: Queryable): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        // Scripts (pg-boss's own migrations) may hold several statements.
        if (/;\s*\S/.test(text.trim().replace(/;\s*$/, ''))) {
          await q.exec(text);
          return { rows: [] };
        }
      }
      return q.query(text, values ?? []);
    },
  };
}

export interface JobQueue {
  boss: PgBoss;
  /** Enqueues a job inside the caller's transaction: it exists if and only if the transaction commits. */
  sendInTransaction(tx: Queryable, queue: string, data: object, options?: { startAfter?: Date }): Promise<void>;
  work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  /** A cron schedule for a queue; one job per slot across every process. */
  schedule(queue: string, cron: string): Promise<void>;
  /** False once stopping has begun: the server is then not ready for work that needs the queue. */
  readonly running: boolean;
  stop(): Promise<void>;
}

export const QUEUES = [
  'decision.resume',
  'personal-data.purge',
  'backtest.run',
  'retrain.run',
  'retrain.scheduled',
  'retrain.growth',
  'monitoring.run',
  'release.impact',
  'release.publish',
] as const;

/**
 * How long a resume may stay taken before its worker is presumed dead and another process takes
 * it over (ARBITER_RESUME_EXPIRE_SECONDS, 30 by default): a resume takes milliseconds, so a
 * crashed server's resumes are finished by another within a minute. Shorter means a faster
 * take-over, but a resume held up longer than this (a database stalled for that long) runs twice,
 * which is harmless (resuming a completed decision does nothing) but wasted work.
 */
const resumeExpirySeconds = (env: NodeJS.ProcessEnv = process.env): number => secondsFromEnv('ARBITER_RESUME_EXPIRE_SECONDS', 30, env);

/**
 * How long a job may stay active before its worker is presumed dead and another process takes
 * it over, and how often it is retried; back-tests and retraining may run for many minutes.
 */
const queuePolicy = (resumeExpiry: number): Record<(typeof QUEUES)[number], { expireInSeconds: number; retryLimit: number; retryDelay: number }> => ({
  'decision.resume': { expireInSeconds: resumeExpiry, retryLimit: 10, retryDelay: Math.min(5, Math.ceil(resumeExpiry / 6)) },
  'personal-data.purge': { expireInSeconds: 1800, retryLimit: 3, retryDelay: 60 },
  'backtest.run': { expireInSeconds: 3600, retryLimit: 2, retryDelay: 10 },
  'retrain.run': { expireInSeconds: 3600, retryLimit: 2, retryDelay: 10 },
  'retrain.scheduled': { expireInSeconds: 300, retryLimit: 3, retryDelay: 60 },
  'retrain.growth': { expireInSeconds: 300, retryLimit: 3, retryDelay: 60 },
  'monitoring.run': { expireInSeconds: 900, retryLimit: 3, retryDelay: 60 },
  'release.impact': { expireInSeconds: 1800, retryLimit: 2, retryDelay: 10 },
  'release.publish': { expireInSeconds: 300, retryLimit: 10, retryDelay: 30 },
});

/**
 * Errors PostgreSQL raises when two processes install the same schema at once: duplicate
 * objects, and deadlocks or serialisation failures between their DDL.
 */
const CONCURRENT_DDL = new Set(['23505', '42P07', '42710', '42P06', '40P01', '40001']);

/**
 * Servers started together on a fresh database all install pg-boss's schema; the losers of
 * that race fail on a duplicate object. The schema is there by then, so trying again succeeds.
 */
async function startConcurrently<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (attempt >= 8 || !CONCURRENT_DDL.has((err as { code?: string }).code ?? '')) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}

export async function startJobQueue(db: Database, options: { pollingSeconds?: number } = {}): Promise<JobQueue> {
  const resumeExpiry = resumeExpirySeconds();
  const policy = queuePolicy(resumeExpiry);
  // Loaded by processes that run the queue (servers), not by every command.
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({
    db: adapter(db),
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
    // Expired jobs (a worker that died) are found by maintenance: every 30 s rather than 2 min, and
    // no less often than resumes expire, so that a take-over waits for one expiry and one round.
    maintenanceIntervalSeconds: Math.min(30, resumeExpiry),
  } as PgBoss.ConstructorOptions);
  boss.on('error', () => {
    // Transient database errors while polling; pg-boss retries on its own.
  });
  await startConcurrently(() => boss.start());
  for (const q of QUEUES) {
    await startConcurrently(() => boss.createQueue(q, { name: q, ...policy[q] }));
    // Queues made by an earlier version keep their old policy unless told.
    await startConcurrently(() => boss.updateQueue(q, { name: q, ...policy[q] }));
  }
  const pollingIntervalSeconds = options.pollingSeconds ?? 1;
  let running = true;
  return {
    boss,
    get running() {
      return running;
    },
    async sendInTransaction(tx, queue, data, options) {
      await boss.send(queue, data, { db: adapter(tx), ...(options?.startAfter ? { startAfter: options.startAfter } : {}) } as PgBoss.SendOptions);
    },
    async work(queue, handler) {
      await boss.work(queue, { pollingIntervalSeconds, batchSize: 5 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    async schedule(queue, cron) {
      await startConcurrently(() => boss.schedule(queue, cron, {}, { tz: 'UTC' }));
    },
    async stop() {
      if (!running) return;
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
