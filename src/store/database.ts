/** The one interface both backends (PGlite and PostgreSQL) implement, so every repository runs on either. */
/**
 * A statement run many times a second: PostgreSQL parses and plans it once per connection and
 * keeps it by name. Its text must never vary (values go in parameters, lists in arrays).
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export const prepared = (name: string, text: string): PreparedStatement => ({ name, text });

export const statementText = (sql: string | PreparedStatement): string => (typeof sql === 'string' ? sql : sql.text);

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string | PreparedStatement, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Human-readable location without credentials, safe to log. */
  readonly location: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Connections of a pooled backend (PostgreSQL); the embedded database has one and no pool. */
  poolUse?(): PoolUse;
  close(): Promise<void>;
}
