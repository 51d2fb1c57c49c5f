import { availableParallelism } from 'node:os';
import type { DatabaseFlags } from '../database-option.ts';

export interface ServeFlags extends DatabaseFlags {
  port: string;
  host: string;
  demo?: boolean;
  bureauPort: string;
  workers?: string;
  eventSinks?: string;
}

/** The port, checked: a whole number from 0 (any free port) to 65535. */
export function portOf(flags: ServeFlags): number {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${flags.port}"`);
  }
  return port;
}

/**
 * How many server processes: as given, else one per core on PostgreSQL. The embedded database
 * lives inside one process, so there it is always one.
 */
export function workersOf(flags: ServeFlags): number {
  if (flags.workers === undefined) return flags.database ? availableParallelism() : 1;
  const n = Number(flags.workers);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--workers must be a whole number from 1 to 256, got "${flags.workers}"`);
  if (n > 1 && !flags.database) {
    throw new Error(`--workers ${n} needs PostgreSQL (--database postgres://...): the embedded database belongs to one process; leave --workers out or give 1`);
  }
  return n;
}
