import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomBytesPooled } from '../support/random-pool.ts';

/**
 * AES-256-GCM with associated data. The associated data names where a ciphertext belongs
 * (table, column, row), so a ciphertext copied elsewhere fails to decrypt.
 * Layout: 1 byte format version, 12 bytes IV, 16 bytes tag, ciphertext.
 */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(
    readonly code: 'tampered' | 'key_destroyed' | 'bad_format',
    message: string,
  ) {
    super(message);
    this.name = 'DecryptionError';
  }
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT)
    throw new DecryptionError('bad_format', 'the ciphertext is not in a format Arbiter wrote');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError('tampered', `the ciphertext for ${associatedData} failed its integrity check: it was altered or does not belong here`);
  }
}

export function sealJson(key: Buffer, value: unknown, associatedData: string): Buffer {
  return seal(key, Buffer.from(JSON.stringify(value), 'utf8'), associatedData);
}

export function openJson<T = unknown>(key: Buffer, sealed: Buffer, associatedData: string): T {
  return JSON.parse(open(key, sealed, associatedData).toString('utf8')) as T;
}

export function newDataKey(): Buffer {
  return randomBytesPooled(32);
}
