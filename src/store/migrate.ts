import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 74_1_2026;

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}

/** Applies pending migrations, each in its own transaction; safe when several processes start at once. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const { rows } = await tx.query('select 1 from schema_migrations where id = $1', [migration.id]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

export async function pendingMigrations(db: Database): Promise<string[]> {
  // Before the first migration the table does not exist: everything is pending.
  const { rows } = await db.query<{ id: string }>('select id from schema_migrations').catch(() => ({ rows: [] as { id: string }[] }));
  const applied = new Set(rows.map((r) => r.id));
  return listMigrations()
    .map((m) => m.id)
    .filter((id) => !applied.has(id));
}
