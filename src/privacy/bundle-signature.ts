import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { keyIdOf, signatureAlgorithmOf, signMessage, verifyMessage, type SignatureAlgorithm } from './signing-keys.ts';

/** Who signed a bundle, and the signature over its canonical JSON. */
export interface BundleSignature {
  algorithm: SignatureAlgorithm;
  /** The first 16 hex digits of the SHA-256 of the signing public key. */
  keyId: string;
  signature: string;
}

const message = (content: unknown) => Buffer.from(`arbiter bundle v1\n${canonicalJson(content)}`);

export function signBundle(key: KeyObject, content: unknown): BundleSignature {
  return { algorithm: signatureAlgorithmOf(key), keyId: keyIdOf(key), signature: signMessage(key, message(content)).toString('base64') };
}

/**
 * The trusted key that signed this content, or null: a key not trusted here, a signature that
 * does not match (the content changed after signing), or one claiming another algorithm than
 * its key's.
 */
export function bundleSigner(content: unknown, s: BundleSignature, trusted: readonly KeyObject[]): string | null {
  const key = trusted.find((k) => keyIdOf(k) === s.keyId);
  if (!key || s.algorithm !== signatureAlgorithmOf(key)) return null;
  return verifyMessage(key, message(content), Buffer.from(s.signature, 'base64')) ? s.keyId : null;
}
