import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { choiceFromEnv } from '../support/env-choice.ts';
import { randomBytesPooled } from '../support/random-pool.ts';

/**
 * Authenticated encryption with associated data. The associated data names where a ciphertext
 * belongs (table, column, row), so a ciphertext copied elsewhere fails to decrypt. Two formats,
 * told apart by their first byte, so an installation can change algorithm and still read what
 * it sealed before:
 * - 1, AES-256-GCM: 12 bytes IV, 16 bytes tag, ciphertext.
 * - 2, the national algorithms (GB/T 32907 SM4, GB/T 32905 SM3): SM4-CTR under the key's first
 *   16 bytes, then HMAC-SM3 under its last 16 over the format, IV, associated data and
 *   ciphertext (encrypt-then-MAC; this OpenSSL has no SM4-GCM): 16 bytes IV, 32 bytes tag, ciphertext.
 */
export type SealingAlgorithm = 'aes-256-gcm' | 'sm4';
export const SEALING_ALGORITHMS: readonly SealingAlgorithm[] = ['aes-256-gcm', 'sm4'];

const AES_FORMAT = 1;
const SM4_FORMAT = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SM4_IV_BYTES = 16;
const SM3_TAG_BYTES = 32;

let sealing: SealingAlgorithm = 'aes-256-gcm';

/** What new ciphertexts are sealed with, per installation (`ARBITER_SEALING`); every format is read whatever it is. */
export function useSealingAlgorithm(algorithm: SealingAlgorithm): void {
  sealing = algorithm;
}

export function sealingAlgorithm(): SealingAlgorithm {
  return sealing;
}

/** The installation's choice, `ARBITER_SEALING` (default aes-256-gcm); a value it cannot be is an error naming the choices. */
export function sealingFromEnv(env: NodeJS.ProcessEnv = process.env): SealingAlgorithm {
  return choiceFromEnv('ARBITER_SEALING', SEALING_ALGORITHMS, env);
}

export class DecryptionError extends Error {
  constructor(
    readonly code: 'tampered' | 'key_destroyed' | 'bad_format',
    message: string,
  ) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** HMAC-SM3 over the format byte, the IV, the associated data (length first) and the ciphertext. */
function sm3Tag(macKey: Buffer, iv: Buffer, associatedData: Buffer, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(associatedData.length);
  return createHmac('sm3', macKey)
    .update(Buffer.from([SM4_FORMAT]))
    .update(iv)
    .update(length)
    .update(associatedData)
    .update(body)
    .digest();
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const aad = Buffer.from(associatedData, 'utf8');
  if (sealing === 'sm4') {
    const iv = randomBytesPooled(SM4_IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', key.subarray(0, 16), iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([SM4_FORMAT]), iv, sm3Tag(key.subarray(16, 32), iv, aad, body), body]);
  }
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([AES_FORMAT]), iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  const tampered = () =>
    new DecryptionError('tampered', `the ciphertext for ${associatedData} failed its integrity check: it was altered or does not belong here`);
  if (sealed.length >= 1 + SM4_IV_BYTES + SM3_TAG_BYTES && sealed[0] === SM4_FORMAT) {
    const iv = sealed.subarray(1, 1 + SM4_IV_BYTES);
    const tag = sealed.subarray(1 + SM4_IV_BYTES, 1 + SM4_IV_BYTES + SM3_TAG_BYTES);
    const body = sealed.subarray(1 + SM4_IV_BYTES + SM3_TAG_BYTES);
    // The tag is checked before anything is decrypted.
    if (!timingSafeEqual(tag, sm3Tag(key.subarray(16, 32), iv, Buffer.from(associatedData, 'utf8'), body))) throw tampered();
    const decipher = createDecipheriv('sm4-ctr', key.subarray(0, 16), iv);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== AES_FORMAT)
    throw new DecryptionError('bad_format', 'the ciphertext is not in a format Arbiter wrote');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw tampered();
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
