import { KeyService } from '../../services/key-service.ts';
import { countApiKeys, type Database } from '../../store/index.ts';
import type { ServeFlags } from './serve-flags.ts';

/** A server process of a cluster: its place among the workers, and how it tells the primary it listens. */
export interface WorkerRole {
  index: number;
  send(message: WorkerMessage): void;
}

export type WorkerMessage = { type: 'listening'; address: string } | { type: 'failed'; message: string };

export function databaseLabel(db: Database): string {
  return db.kind === 'pglite' ? `the embedded database in ${db.location}` : `PostgreSQL ${db.location}`;
}

/** With no key at all, an admin key is made so that someone can sign in; its secret is shown once. */
export async function bootstrapAdminKey(db: Database, flags: ServeFlags): Promise<string | null> {
  if (flags.demo || (await countApiKeys(db)) > 0) return null;
  const created = await new KeyService(db).create({ name: 'bootstrap admin', role: 'admin' }, { actor: 'system' });
  return created.secret;
}
