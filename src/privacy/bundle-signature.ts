import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { keyIdOf } from './audit-checkpoints.ts';
import { canonicalJson } from './canonical-json.ts';

/** Who signed a bundle, and the signature over its canonical JSON. */
export interface BundleSignature {
  algorithm: 'ed25519';
  /** The first 16 hex digits of the SHA-256 of the signing public key. */
  keyId: string;
  signature: string;
}

const message = (content: unknown) => Buffer.from(`arbiter bundle v1\n${canonicalJson(content)}`);

export function signBundle(key: KeyObject, content: unknown): BundleSignature {
  return { algorithm: 'ed25519', keyId: keyIdOf(key), signature: sign(null, message(content), key).toString('base64') };
}

/**
 * The trusted key that signed this content, or null: a key not trusted here, or a signature
 * that does not match (the content changed after signing).
 */
export function bundleSigner(content: unknown, s: BundleSignature, trusted: readonly KeyObject[]): string | null {
  const key = trusted.map((k) => (k.type === 'private' ? createPublicKey(k) : k)).find((k) => keyIdOf(k) === s.keyId);
  if (!key || s.algorithm !== 'ed25519') return null;
  try {
    return verify(null, message(content), key, Buffer.from(s.signature, 'base64')) ? s.keyId : null;
  } catch {
    return null;
  }
}
