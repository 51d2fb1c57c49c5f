import { SM3_PREFIX, type AuditHash } from '../privacy/index.ts';
import type { Queryable } from './database.ts';
import { StoreError } from './store-error.ts';

/**
 * Decisions append their audit events inside the database statement that stores them (see
 * decision-rows.ts), so the database must hash as the installation chose. SHA-256 is built into
 * PostgreSQL; SM3 comes from the pgcrypto extension (PostgreSQL's, through OpenSSL, and
 * PGlite's own build), whose schema is found once so the statement can name it whatever the
 * connection's search path.
 */
let pgcryptoSchema: string | null = null;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Makes the database able to hash the chain with `algorithm`; a database that cannot is an error saying what to do. */
export async function prepareAuditHashing(db: Queryable, algorithm: AuditHash): Promise<void> {
  if (algorithm !== 'sm3') return;
  const installed = async () =>
    (
      await db.query<{ schema: string }>(
        "select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pgcrypto'",
      )
    ).rows[0]?.schema ?? null;
  let schema = await installed();
  if (!schema) {
    // In public, not the connection's first schema: a schema that is dropped (a test's) must not take it along.
    await db.query('create extension if not exists pgcrypto with schema public').catch((err: Error) => {
      throw new StoreError(
        'audit_hash_unavailable',
        `ARBITER_AUDIT_HASH=sm3 needs PostgreSQL's pgcrypto extension, which could not be created (${err.message}); run "create extension pgcrypto" as the database's owner`,
      );
    });
    schema = await installed();
  }
  const digest = `${quoteIdent(schema ?? 'public')}.digest`;
  const { rows } = await db
    .query<{ h: string }>(`select encode(${digest}('abc', 'sm3'), 'hex') as h`)
    .catch((err: Error) => ({ rows: [{ h: `error: ${err.message}` }] }));
  // GB/T 32905-2016, Appendix A, example 1.
  if (rows[0]?.h !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0') {
    throw new StoreError(
      'audit_hash_unavailable',
      `ARBITER_AUDIT_HASH=sm3: this database's pgcrypto cannot compute SM3 (${rows[0]?.h ?? 'no answer'}); it needs OpenSSL 1.1.1 or later`,
    );
  }
  pgcryptoSchema = schema;
}

/** The SQL that hashes `text` with `algorithm`, written as the chain stores it. */
export function chainHashSql(algorithm: AuditHash, text: string): string {
  if (algorithm === 'sha256') return `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;
  if (pgcryptoSchema === null)
    throw new StoreError('audit_hash_unavailable', 'the audit chain is hashed with SM3 but the database was not prepared for it (prepareAuditHashing)');
  return `'${SM3_PREFIX}' || encode(${quoteIdent(pgcryptoSchema)}.digest(convert_to(${text}, 'UTF8'), 'sm3'), 'hex')`;
}
