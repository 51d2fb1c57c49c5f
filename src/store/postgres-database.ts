import pg from 'pg';
import type { Database, PreparedStatement, Queryable } from './database.ts';

/** A prepared statement goes by its name, so each connection parses and plans it once. */
function asConfig(sql: string | PreparedStatement, values?: unknown[]): pg.QueryConfig {
  return typeof sql === 'string' ? { text: sql, values } : { name: sql.name, text: sql.text, values };
}

// Decimals and bigints come back as text from pg but as numbers from PGlite; parse int8 so both agree.
pg.types.setTypeParser(20, (value) => Number(value));

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

export interface PostgresOptions {
  url: string;
  /** A schema to work in (created if missing); tests use one each so runs never collide. */
  schema?: string;
  maxConnections?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const max = options.maxConnections ?? 10;
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: 5000,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client that loses its server must not crash the process; the pool discards it.
  pool.on('error', () => {});
  if (options.schema) {
    // Only created when missing: a role without CREATE (the runtime role) may use an existing one.
    const { rows } = await pool.query('select 1 from pg_namespace where nspname = $1', [options.schema]);
    if (!rows.length) await pool.query(`create schema if not exists "${options.schema}"`);
  }
  const query: Queryable['query'] = async <Row>(sql: string | PreparedStatement, params?: unknown[]) => {
    const result = await pool.query(asConfig(sql, params));
    return { rows: result.rows as Row[] };
  };
  return {
    kind: 'postgres',
    location: describeUrl(options.url) + (options.schema ? ` (schema ${options.schema})` : ''),
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      // A checked-out client whose server goes away emits 'error'; unheard, that would end the
      // process. Heard, the transaction fails with it and the client is discarded, not reused.
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn({
          query: async <Row>(sql: string | PreparedStatement, params?: unknown[]) => ({ rows: (await client.query(asConfig(sql, params))).rows as Row[] }),
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (err) {
        if (!broken) await client.query('rollback').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    close: () => pool.end(),
  };
}
