import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeyProvider, saveKeyFile, type Role } from '../../src/privacy/index.ts';
import { KeyService } from '../../src/services/index.ts';
import { openDatabase } from '../../src/store/index.ts';
import { createScratchDatabase } from './backends.ts';

/** A PostgreSQL database for servers that a test starts as processes, with what they need to run. */
export interface ServerDatabase<R extends Role> {
  url: string;
  /** A master key file that every server of the database is given with --key-file. */
  keyFile: string;
  /** One API key secret per role asked for. */
  keys: Record<R, string>;
  drop(): Promise<void>;
}

/**
 * Prepares what an operator would with `arbiter migrate`, `keys create` and `keys init-master`,
 * through the same services in this process: the system tests are about the servers they
 * start, and the CLI suite runs those commands as processes.
 */
export async function prepareServerDatabase<R extends Role>(roles: readonly R[]): Promise<ServerDatabase<R>> {
  const scratch = await createScratchDatabase(undefined, { migrated: true });
  const keys = {} as Record<R, string>;
  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    const service = new KeyService(db);
    for (const role of roles) keys[role] = (await service.create({ name: `${role} key`, role }, { actor: 'test' })).secret;
  } finally {
    await db.close();
  }
  const keyFile = join(mkdtempSync(join(tmpdir(), 'arbiter-keys-')), 'keys.json');
  saveKeyFile(loadKeyProvider({ keyFile, createIfMissing: true }), keyFile);
  return { url: scratch.url, keyFile, keys, drop: () => scratch.drop() };
}
