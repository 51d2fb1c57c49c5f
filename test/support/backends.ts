import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/store/index.ts';
import { migratedTemplate } from './migrated-template.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** One database for a test: opened, migrated, reopenable (to test restarts) and dropped at the end. */
export interface TestDatabase {
  db: Database;
  reopen(): Promise<Database>;
  /** PostgreSQL only: another connection pool on the same database, as a second server process would have. */
  openAnother?(): Promise<Database>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const pgliteBackend: Backend = {
  name: 'pglite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'arbiter-test-'));
    let db = await openDatabase({ dataDir: dir, seed: await migratedTemplate() });
    await migrate(db);
    return {
      get db() {
        return db;
      },
      async reopen() {
        await db.close();
        db = await openDatabase({ dataDir: dir });
        await migrate(db);
        return db;
      },
      async cleanup() {
        await db.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresBackend: Backend = {
  name: 'postgres',
  async create() {
    const schema = `arbiter_test_${randomBytes(6).toString('hex')}`;
    let db = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
    await migrate(db);
    const others: Database[] = [];
    return {
      get db() {
        return db;
      },
      async openAnother() {
        const other = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
        others.push(other);
        return other;
      },
      async reopen() {
        await db.close();
        db = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
        await migrate(db);
        return db;
      },
      async cleanup() {
        await db.close().catch(() => {});
        for (const o of others) await o.close().catch(() => {});
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`drop schema if exists "${schema}" cascade`);
        await admin.end();
      },
    };
  },
};

/** The suites about what is stored and how (audit chain, encryption, retention, isolation, restarts, the main workflow) run on both: the embedded default and the real server. */
export const BACKENDS: Backend[] = [pgliteBackend, postgresBackend];

/**
 * The suites about the HTTP surface (roles, bad and hostile input, limits, logging) and about
 * use cases whose SQL the stored-data suites already run on both (models, back-tests,
 * retraining, monitoring, outcomes, bureau pulls) run on the real server only: the embedded
 * database is the same PostgreSQL compiled to WebAssembly, several times slower, and the
 * system lane runs the CLI, the demo and the console on it end to end.
 */
export const SERVER_BACKENDS: Backend[] = [postgresBackend];

/**
 * A fresh PostgreSQL database beside `base` (the suites' server unless given), for processes that
 * cannot be given a schema; dropped by the returned function.
 */
export async function createScratchDatabase(base = POSTGRES_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `arbiter_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * The audit log refuses changes through a trigger; an attacker with the database owner's rights
 * can switch it off, which is what the hash chain is for. Wraps SQL the way such an attacker would.
 */
export function asAttacker(sql: string): string {
  return `alter table audit_events disable trigger audit_events_no_change; ${sql}; alter table audit_events enable trigger audit_events_no_change;`;
}
