import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyIdOf, newSigningKeyPair, signatureAlgorithmOf, signMessage, verifyMessage, type SignatureAlgorithm } from './signing-keys.ts';

/** The chain head at a moment, signed with a key the database never holds. */
export interface SignedCheckpoint {
  seq: number;
  hash: string;
  at: string;
  /** Which key signed it: the first 16 hex digits of the SHA-256 of its public key. */
  keyId: string;
  /** Absent in checkpoints written before SM2 could sign them: those are Ed25519. */
  algorithm?: SignatureAlgorithm;
  signature: string;
}

export class CheckpointError extends Error {}

/**
 * The key that signs checkpoints: a PEM file, created (0600) when asked and missing, as an SM2
 * key when `algorithm` says so (installations on the national algorithms) and Ed25519
 * otherwise. A key file that exists is used whatever its kind.
 */
export function loadCheckpointKey(path: string, create = false, algorithm: SignatureAlgorithm = 'ed25519'): KeyObject {
  if (!existsSync(path)) {
    if (!create) throw new CheckpointError(`no checkpoint key at ${path}; create one with \`arbiter audit checkpoint --checkpoint-key ${path}\``);
    const { privateKey } = newSigningKeyPair(algorithm);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CheckpointError(`${path} is not a PEM private key: ${(err as Error).message}`);
  }
  try {
    signatureAlgorithmOf(key);
  } catch (err) {
    throw new CheckpointError(`${path}: ${(err as Error).message}`);
  }
  return key;
}

const message = (c: { seq: number; hash: string; at: string; keyId: string }) =>
  Buffer.from(`arbiter audit checkpoint v1\n${c.seq}\n${c.hash}\n${c.at}\n${c.keyId}`);

export function signCheckpoint(key: KeyObject, head: { seq: number; hash: string }, at = new Date()): SignedCheckpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: keyIdOf(key) };
  return { ...body, algorithm: signatureAlgorithmOf(key), signature: signMessage(key, message(body)).toString('base64') };
}

/** Does the checkpoint carry a valid signature of this key? */
export function checkpointSigned(key: KeyObject, c: SignedCheckpoint): boolean {
  if (c.keyId !== keyIdOf(key) || (c.algorithm ?? 'ed25519') !== signatureAlgorithmOf(key)) return false;
  return verifyMessage(key, message(c), Buffer.from(c.signature, 'base64'));
}

/** A folder of checkpoint files, one per chain head signed, outside the database. */
export class CheckpointStore {
  constructor(readonly dir: string) {}

  write(c: SignedCheckpoint): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `audit-checkpoint-${String(c.seq).padStart(12, '0')}.json`);
    writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    return file;
  }

  /** Every checkpoint in the folder, and those whose signature does not hold (forged or damaged). */
  read(key: KeyObject): { valid: SignedCheckpoint[]; invalid: string[] } {
    if (!existsSync(this.dir)) return { valid: [], invalid: [] };
    const valid: SignedCheckpoint[] = [];
    const invalid: string[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => /^audit-checkpoint-\d+\.json$/.test(n))
      .sort()) {
      try {
        const c = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as SignedCheckpoint;
        if (checkpointSigned(key, c)) valid.push(c);
        else invalid.push(name);
      } catch {
        invalid.push(name);
      }
    }
    return { valid, invalid };
  }
}
