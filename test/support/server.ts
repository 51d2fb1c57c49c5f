import { pino } from 'pino';
import { buildServer, type Server } from '../../src/api/index.ts';
import type { Role } from '../../src/privacy/index.ts';
import { ROLES } from '../../src/privacy/index.ts';
import { createApiKey, type Database } from '../../src/store/index.ts';
import { testKeyProvider } from '../../src/privacy/index.ts';

/** One set of master keys per test process, so a restarted server can read what the first wrote. */
export const TEST_KEYS = testKeyProvider();

export const silentLogger = pino({ level: 'silent' });

export async function testServer(db: Database, options: { bodyLimit?: number } = {}): Promise<Server> {
  return buildServer({ db, logger: silentLogger, keys: TEST_KEYS, ...options });
}

/** A key of every role, by role. */
export async function keysForEveryRole(db: Database): Promise<Record<Role, string>> {
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    keys[role] = (await createApiKey(db, { name: `test ${role}`, role }, { actor: 'test' })).secret;
  }
  return keys;
}

export function bearer(secret: string): { authorization: string } {
  return { authorization: `Bearer ${secret}` };
}
