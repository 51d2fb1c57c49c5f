import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * The signatures Arbiter makes (audit checkpoints, bundles, evidence packs): Ed25519, or SM2 with
 * SM3 (GB/T 32918.2) for installations that must use the national algorithms. The algorithm
 * follows the key, so a verifier needs only the public key.
 *
 * SM2 signs SM3(Z || message), Z binding the signer's public key and a distinguishing ID. OpenSSL
 * 3 (and so node:crypto, which cannot set the ID) uses an empty ID by default; GM/T 0009-2012
 * and the tools a regulator would verify with (GmSSL, BouncyCastle, Tongsuo) use
 * "1234567812345678". So SM2 is signed and checked by sm-crypto-v2 (on @noble/curves) with that
 * ID: `openssl dgst -sm3 -sigopt distid:1234567812345678 -verify` accepts the signatures. Keys
 * are still made by OpenSSL's generator and kept as PEM.
 */
export type SignatureAlgorithm = 'ed25519' | 'sm2-sm3';
export const SM2_DISTINGUISHING_ID = '1234567812345678';

// id-sm2 curve, 1.2.156.10197.1.301, as it is written in a key's DER.
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');
// In PKCS#8, ECPrivateKey starts: version 1 (02 01 01), then the 32-byte private scalar (04 20).
const EC_PRIVATE_KEY_START = Buffer.from('0201010420', 'hex');

const publicOf = (key: KeyObject) => (key.type === 'private' ? createPublicKey(key) : key);

/** The public point, 04 || x || y in hex: the last 65 bytes of an SM2 key's SubjectPublicKeyInfo. */
const sm2PublicHex = (key: KeyObject) => publicOf(key).export({ type: 'spki', format: 'der' }).subarray(-65).toString('hex');

function sm2PrivateHex(key: KeyObject): string {
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const at = der.indexOf(EC_PRIVATE_KEY_START);
  if (at < 0) throw new Error('this SM2 private key is not in the PKCS#8 form OpenSSL writes');
  return der.subarray(at + EC_PRIVATE_KEY_START.length, at + EC_PRIVATE_KEY_START.length + 32).toString('hex');
}

export function signatureAlgorithmOf(key: KeyObject): SignatureAlgorithm {
  const pub = publicOf(key);
  if (pub.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (pub.export({ type: 'spki', format: 'der' }).includes(SM2_CURVE_OID)) return 'sm2-sm3';
  throw new Error(`a signing key must be Ed25519 or SM2, not ${pub.asymmetricKeyType ?? 'this kind of key'}`);
}

/** A new key pair, from OpenSSL's generator. */
export function newSigningKeyPair(algorithm: SignatureAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'SM2' });
}

/** The first 16 hex digits of the SHA-256 of the public key (DER): how a signature names its key. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(publicOf(key).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signMessage(key: KeyObject, message: Buffer): Buffer {
  if (signatureAlgorithmOf(key) === 'ed25519') return sign(null, message, key);
  const der = sm2.doSignature(new Uint8Array(message), sm2PrivateHex(key), {
    hash: true,
    der: true,
    publicKey: sm2PublicHex(key),
    userId: SM2_DISTINGUISHING_ID,
  });
  return Buffer.from(der, 'hex');
}

/** Does the signature hold for this message under this key? A malformed signature is false, not an error. */
export function verifyMessage(key: KeyObject, message: Buffer, signature: Buffer): boolean {
  const pub = publicOf(key);
  try {
    if (signatureAlgorithmOf(pub) === 'ed25519') return verify(null, message, pub, signature);
    return sm2.doVerifySignature(new Uint8Array(message), signature.toString('hex'), sm2PublicHex(pub), {
      hash: true,
      der: true,
      userId: SM2_DISTINGUISHING_ID,
    });
  } catch {
    return false;
  }
}
