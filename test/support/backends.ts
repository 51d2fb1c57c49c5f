import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/store/index.ts';
import { migratedTemplate, migrationsDigest } from './migrated-template.ts';

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
 * cannot be given a schema; dropped by the returned function. With `migrated`, it is copied from a
 * database that has every migration applied (made once per set of migrations, and kept for the
 * next run), as `CREATE DATABASE ... TEMPLATE` copies files instead of replaying 21 migrations.
 */
export async function createScratchDatabase(base = POSTGRES_URL, options: { migrated?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `arbiter_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? await migratedPostgresTemplate(base) : null;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(base, name);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

function withDatabaseName(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** By server: each test process makes or finds the template once. */
const templates = new Map<string, Promise<string>>();

/**
 * The name of a database on the server of `base` holding every migration and nothing else.
 * Test processes run side by side: an advisory lock lets one of them make it while the others
 * wait, and it is made under a temporary name and renamed, so a half-made one is never copied.
 */
function migratedPostgresTemplate(base: string): Promise<string> {
  const made = templates.get(base);
  if (made) return made;
  const making = (async () => {
    const name = `arbiter_template_${migrationsDigest().slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) {
        const partial = `${name}_${process.pid}`;
        await admin.query(`drop database if exists "${partial}"`);
        await admin.query(`create database "${partial}"`);
        const db = await openDatabase({ databaseUrl: withDatabaseName(base, partial) });
        try {
          await migrate(db);
        } finally {
          await db.close();
        }
        await admin.query(`alter database "${partial}" rename to "${name}"`);
      }
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
      return name;
    } finally {
      await admin.end();
    }
  })();
  templates.set(base, making);
  return making;
}

/**
 * The audit log refuses changes through a trigger; an attacker with the database owner's rights
 * can switch it off, which is what the hash chain is for. Wraps SQL the way such an attacker would.
 */
export function asAttacker(sql: string): string {
  return `alter table audit_events disable trigger audit_events_no_change; ${sql}; alter table audit_events enable trigger audit_events_no_change;`;
}
