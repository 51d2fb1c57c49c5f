import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { open, seal } from './envelope.ts';

/**
 * Wraps and unwraps data keys with versioned master keys. The built-in provider reads keys
 * from an environment variable or a key file; a KMS or Vault implements the same interface.
 */
export interface KeyProvider {
  /** The version new data keys are wrapped with. */
  readonly currentVersion: number;
  readonly versions: readonly number[];
  wrap(dataKey: Buffer, keyId: string): { version: number; wrapped: Buffer };
  unwrap(version: number, wrapped: Buffer, keyId: string): Buffer;
  /** The key of the keyed hash (HMAC) used for blind indexes; independent of master versions. */
  readonly indexKey: Buffer;
}

export class KeyConfigError extends Error {}

interface KeyFile {
  /** version → base64 of 32 bytes */
  masterKeys: Record<string, string>;
  current: number;
  indexKey: string;
}

function parseKeyFile(text: string, where: string): KeyFile {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(text) as KeyFile;
  } catch {
    throw new KeyConfigError(`${where} is not JSON: expected {"masterKeys": {"1": "<base64>"}, "current": 1, "indexKey": "<base64>"}`);
  }
  for (const [v, k] of Object.entries(parsed.masterKeys ?? {})) {
    if (!/^\d+$/.test(v) || Buffer.from(k, 'base64').length !== 32)
      throw new KeyConfigError(`${where}: master key version "${v}" must be a whole number with 32 bytes of base64`);
  }
  if (!parsed.masterKeys?.[String(parsed.current)]) throw new KeyConfigError(`${where}: the current version ${parsed.current} has no key`);
  if (Buffer.from(parsed.indexKey ?? '', 'base64').length !== 32) throw new KeyConfigError(`${where}: indexKey must be 32 bytes of base64`);
  return parsed;
}

/** Master keys held in memory: from ARBITER_MASTER_KEYS (the key file's JSON) or a key file. */
export class LocalKeyProvider implements KeyProvider {
  private readonly keys: Map<number, Buffer>;
  readonly currentVersion: number;
  readonly indexKey: Buffer;

  constructor(
    file: KeyFile,
    readonly source: string,
  ) {
    this.keys = new Map(Object.entries(file.masterKeys).map(([v, k]) => [Number(v), Buffer.from(k, 'base64')]));
    this.currentVersion = file.current;
    this.indexKey = Buffer.from(file.indexKey, 'base64');
  }

  get versions(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }

  wrap(dataKey: Buffer, keyId: string) {
    return { version: this.currentVersion, wrapped: seal(this.keys.get(this.currentVersion)!, dataKey, `data_key:${keyId}`) };
  }

  unwrap(version: number, wrapped: Buffer, keyId: string): Buffer {
    const master = this.keys.get(version);
    if (!master) throw new KeyConfigError(`master key version ${version} is not configured; it is needed to read data key ${keyId}`);
    return open(master, wrapped, `data_key:${keyId}`);
  }

  toFile(): KeyFile {
    return {
      masterKeys: Object.fromEntries([...this.keys].map(([v, k]) => [String(v), k.toString('base64')])),
      current: this.currentVersion,
      indexKey: this.indexKey.toString('base64'),
    };
  }

  /** A provider with one more master version, made current. */
  withNewVersion(): LocalKeyProvider {
    const file = this.toFile();
    const next = Math.max(...this.versions) + 1;
    file.masterKeys[String(next)] = randomBytes(32).toString('base64');
    file.current = next;
    return new LocalKeyProvider(file, this.source);
  }

  /** A provider without the given versions (after nothing uses them). */
  without(retired: number[]): LocalKeyProvider {
    const file = this.toFile();
    for (const v of retired) if (v !== file.current) delete file.masterKeys[String(v)];
    return new LocalKeyProvider(file, this.source);
  }
}

function freshKeyFile(): KeyFile {
  return { masterKeys: { '1': randomBytes(32).toString('base64') }, current: 1, indexKey: randomBytes(32).toString('base64') };
}

/**
 * Finds the master keys: ARBITER_MASTER_KEYS (JSON), else the key file (ARBITER_KEY_FILE, or
 * `master-keys.json` in the data folder). For the embedded database a missing file is created
 * (mode 0600) so that `npm start` works out of the box; for PostgreSQL, keys must be given.
 */
export function loadKeyProvider(options: { keyFile: string; createIfMissing: boolean }): LocalKeyProvider {
  const fromEnv = process.env.ARBITER_MASTER_KEYS;
  if (fromEnv) return new LocalKeyProvider(parseKeyFile(fromEnv, 'ARBITER_MASTER_KEYS'), 'env');
  if (existsSync(options.keyFile)) return new LocalKeyProvider(parseKeyFile(readFileSync(options.keyFile, 'utf8'), options.keyFile), options.keyFile);
  if (!options.createIfMissing) {
    throw new KeyConfigError(
      `no master keys: set ARBITER_MASTER_KEYS or ARBITER_KEY_FILE, or create ${options.keyFile} (arbiter keys init-master --key-file ${options.keyFile})`,
    );
  }
  const file = freshKeyFile();
  mkdirSync(dirname(options.keyFile), { recursive: true });
  writeFileSync(options.keyFile, JSON.stringify(file, null, 2), { mode: 0o600 });
  return new LocalKeyProvider(file, options.keyFile);
}

export function saveKeyFile(provider: LocalKeyProvider, path: string): void {
  writeFileSync(path, JSON.stringify(provider.toFile(), null, 2), { mode: 0o600 });
}

/** Blind index: a keyed hash of a normalised value, to find records without decrypting them. */
export function blindIndex(indexKey: Buffer, field: string, value: string): string {
  const normalised = value.replace(/[\s-]/g, '').toUpperCase();
  return createHmac('sha256', indexKey).update(`${field}\u0000${normalised}`).digest('hex');
}

/** Keys that live only as long as the process: for tests, and for what the CLI keeps in memory. */
export function ephemeralKeyProvider(): LocalKeyProvider {
  return new LocalKeyProvider(freshKeyFile(), 'memory');
}

export const testKeyProvider = ephemeralKeyProvider;
