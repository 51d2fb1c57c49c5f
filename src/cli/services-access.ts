import { createLogger } from '../api/index.ts';
import { ephemeralKeyProvider } from '../privacy/index.ts';
import { createServices, type Services } from '../services/index.ts';
import { systemClock } from '../support/clock.ts';
import { openMigrated } from './database-access.ts';
import type { DatabaseFlags } from './database-option.ts';

/**
 * The services over the database the flags name, for commands that read and write no personal
 * data (bundles, impact assessments): the keys they hold are never used.
 */
export async function withServices<T>(flags: DatabaseFlags, run: (services: Services) => Promise<T>): Promise<T> {
  const { db } = await openMigrated(flags);
  const services = createServices({
    db,
    queue: null,
    logger: createLogger(),
    keys: ephemeralKeyProvider(),
    clock: systemClock,
    erasures: null,
    auditCheckpoints: null,
  });
  try {
    return await run(services);
  } finally {
    await db.close();
  }
}
