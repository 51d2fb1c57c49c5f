import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMigrations, migrate, openDatabase } from '../../src/store/index.ts';
import { openPGlite } from '../../src/store/pglite-database.ts';

/**
 * PGlite spends seconds in initdb for every new folder, and the suites open dozens; they start
 * from one migrated data folder instead, made once per set of migrations and PGlite version and
 * shared by every test process of the run (and the next) through a file in the temp folder.
 */
function templatePath(): string {
  const pgliteVersion = (
    JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  const hash = createHash('sha256').update(pgliteVersion).update(migrationsDigest());
  return join(tmpdir(), `arbiter-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** A digest of every migration, names and SQL: a migrated template is reused only while it is the same. */
export function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.id).update('\0').update(m.sql);
  return hash.digest('hex');
}

let cached: Promise<Blob> | null = null;

async function build(path: string): Promise<Blob> {
  const db = await openPGlite(null);
  try {
    await migrate(db);
    const dump = await db.dumpDataDir();
    // Another process may build it at the same moment; a rename makes whichever lands last whole.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    await db.close();
  }
}

/** The migrated data folder as a tarball, for `openDatabase({ seed })`. */
export function migratedTemplate(): Promise<Blob> {
  cached ??= (async () => {
    const path = templatePath();
    if (existsSync(path)) return new Blob([readFileSync(path)]);
    return build(path);
  })();
  return cached;
}

/** Makes `dir` an embedded database with every migration applied, for a process the test starts on it. */
export async function seedDataDir(dir: string): Promise<void> {
  const db = await openDatabase({ dataDir: dir, seed: await migratedTemplate() });
  await db.close();
}
