import { join } from 'node:path';
import { after, before } from 'node:test';
import { pino } from 'pino';
import { buildServer, type Server, type ServerOptions } from '../../src/api/index.ts';
import type { Role } from '../../src/privacy/index.ts';
import { ROLES } from '../../src/privacy/index.ts';
import { createApiKey, type Database } from '../../src/store/index.ts';
import { testKeyProvider } from '../../src/privacy/index.ts';

/** One set of master keys per test process, so a restarted server can read what the first wrote. */
export const TEST_KEYS = testKeyProvider();

export const silentLogger = pino({ level: 'silent' });

/** A page in place of the built console, so API suites do not depend on a Vite build. */
const CONSOLE_STAND_IN = join(import.meta.dirname, '..', 'fixtures', 'console');

/**
 * Suites about other things publish a draft in one step, as a development installation may;
 * the release suites pass `governance: FOUR_EYES`, the default of a real installation.
 */
export const SINGLE_PERSON = { singlePersonRelease: true, impactDecisions: 10_000 } as const;
export const FOUR_EYES = { singlePersonRelease: false, impactDecisions: 10_000 } as const;

/** A server on `db` with the test keys and no log output; `options` as buildServer takes them. */
export async function testServer(db: Database, options: Omit<ServerOptions, 'db' | 'keys' | 'logger'> = {}): Promise<Server> {
  return buildServer({ db, logger: silentLogger, keys: TEST_KEYS, consoleDir: CONSOLE_STAND_IN, governance: SINGLE_PERSON, ...options });
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

export interface ApiFixture {
  ctx: import('./backends.ts').TestDatabase;
  server: Server;
  keys: Record<Role, string>;
  call(role: Role, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): ReturnType<Server['app']['inject']>;
}

/**
 * The usual API suite setup: a fresh database on the backend, a server, a key of every role,
 * and `call(role, method, url, body)`; torn down after the suite. Reassign `server` to restart.
 */
export function useApiFixture(
  backend: import('./backends.ts').Backend,
  setup?: (f: ApiFixture) => Promise<void>,
  options: Omit<ServerOptions, 'db' | 'keys' | 'logger'> = {},
): ApiFixture {
  const f = {
    call: (role, method, url, payload) => f.server.app.inject({ method, url, headers: bearer(f.keys[role]), ...(payload ? { payload } : {}) }),
  } as ApiFixture;
  before(async () => {
    f.ctx = await backend.create();
    f.server = await testServer(f.ctx.db, options);
    f.keys = await keysForEveryRole(f.ctx.db);
    await setup?.(f);
  });
  after(async () => {
    await f.server.app.close();
    await f.ctx.cleanup();
  });
  return f;
}
