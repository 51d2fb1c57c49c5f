import type { Database } from './database.ts';
import { StoreError } from './store-error.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives a PostgreSQL role what a running server needs and nothing that could rewrite history:
 * reading and writing the working tables, but on the audit log only INSERT and SELECT. Not
 * the owner of any table, the role cannot disable the audit log's triggers, alter it, update,
 * delete or truncate it. Migrations run as the owner; servers connect as this role.
 */
export async function grantRuntimeRole(db: Database, role: string): Promise<void> {
  if (db.kind !== 'postgres') throw new StoreError('invalid', 'a runtime role is a PostgreSQL role; the embedded database has no roles');
  if (!ROLE_NAME.test(role))
    throw new StoreError('invalid', `"${role}" is not a plain role name (lower-case letters, digits and _, starting with a letter or _)`);
  const { rows } = await db.query<{ schema: string }>('select current_schema() as schema');
  const schema = rows[0]!.schema;
  const { rows: owner } = await db.query<{ owner: string }>(
    "select tableowner as owner from pg_tables where schemaname = current_schema() and tablename = 'audit_events'",
  );
  if (owner[0]?.owner === role)
    throw new StoreError('invalid', `role ${role} owns the audit log; a runtime role must not be the owner (run migrations as another role)`);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await db.exec(`
    grant usage on schema ${q(schema)} to ${role};
    grant select, insert, update, delete on all tables in schema ${q(schema)} to ${role};
    revoke update, delete, truncate, trigger, references on ${q(schema)}.audit_events from ${role};
    grant usage, select, update on all sequences in schema ${q(schema)} to ${role};
  `);
  const { rows: boss } = await db.query("select 1 from pg_namespace where nspname = 'pgboss'");
  if (boss.length) {
    await db.exec(`
      grant usage on schema pgboss to ${role};
      grant select, insert, update, delete on all tables in schema pgboss to ${role};
      grant usage, select, update on all sequences in schema pgboss to ${role};
      grant execute on all functions in schema pgboss to ${role};
    `);
  }
}
