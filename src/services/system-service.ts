import { pendingMigrations, type Database, type JobQueue } from '../store/index.ts';

export type Readiness = { ready: true; database: Database['kind']; queue: 'running' | 'none' } | { ready: false; reason: string };

/** Whether this server can take traffic: its database reachable and migrated, its job queue running. */
export class SystemService {
  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue | null,
  ) {}

  async readiness(): Promise<Readiness> {
    try {
      await this.db.query('select 1');
      const pending = await pendingMigrations(this.db);
      if (pending.length > 0) return { ready: false, reason: `migrations pending: ${pending.join(', ')}; run \`arbiter migrate\`` };
      if (this.queue && !this.queue.running) return { ready: false, reason: 'the job queue is stopped (the server is shutting down)' };
      return { ready: true, database: this.db.kind, queue: this.queue ? 'running' : 'none' };
    } catch {
      return { ready: false, reason: 'database unreachable' };
    }
  }
}
