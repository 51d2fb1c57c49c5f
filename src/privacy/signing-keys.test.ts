import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { keyIdOf, newSigningKeyPair, SM2_DISTINGUISHING_ID, signatureAlgorithmOf, signMessage, verifyMessage } from './signing-keys.ts';

// GB/T 32918.5-2017 (GM/T 0003.5-2012) Annex A: the signature example on the recommended curve,
// message "message digest", ID "1234567812345678".
const STANDARD = {
  x: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  y: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
// SubjectPublicKeyInfo { id-ecPublicKey, id-sm2 } with the point 04 || x || y.
const standardKey = createPublicKey({
  key: Buffer.from(`3059301306072a8648ce3d020106082a811ccf5501822d03420004${STANDARD.x}${STANDARD.y}`, 'hex'),
  format: 'der',
  type: 'spki',
});
const standardSignature = Buffer.from(`3046022100${STANDARD.r}022100${STANDARD.s}`, 'hex');

const work = mkdtempSync(join(tmpdir(), 'arbiter-sm2-'));
after(() => rmSync(work, { recursive: true, force: true }));

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('SM2 signatures', () => {
  test("the standard's example verifies, and nothing changed does", () => {
    assert.equal(signatureAlgorithmOf(standardKey), 'sm2-sm3');
    assert.equal(verifyMessage(standardKey, Buffer.from('message digest'), standardSignature), true);
    assert.equal(verifyMessage(standardKey, Buffer.from('message digesT'), standardSignature), false);
    const bent = Buffer.from(standardSignature);
    bent[40] = bent[40]! ^ 1;
    assert.equal(verifyMessage(standardKey, Buffer.from('message digest'), bent), false);
    assert.equal(verifyMessage(standardKey, Buffer.from('message digest'), Buffer.from('not DER')), false, 'a malformed signature is false');
  });

  test('a new SM2 key signs what only its public key verifies; the PEM read back signs the same way', () => {
    const { privateKey, publicKey } = newSigningKeyPair('sm2-sm3');
    const message = Buffer.from('arbiter audit checkpoint v1\n42\nsm3:abcd');
    const signature = signMessage(privateKey, message);
    assert.equal(verifyMessage(publicKey, message, signature), true);
    assert.equal(verifyMessage(publicKey, Buffer.concat([message, Buffer.from('!')]), signature), false);
    assert.equal(verifyMessage(newSigningKeyPair('sm2-sm3').publicKey, message, signature), false, "another key's");
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const reread = createPublicKey(pem);
    assert.equal(keyIdOf(reread), keyIdOf(publicKey));
    assert.equal(verifyMessage(reread, message, signature), true);
  });

  test('OpenSSL, given the standard distinguishing ID, accepts our signatures, and we accept its', () => {
    const { privateKey, publicKey } = newSigningKeyPair('sm2-sm3');
    const message = join(work, 'message');
    writeFileSync(message, 'evidence manifest');
    writeFileSync(join(work, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(work, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(work, 'ours.sig'), signMessage(privateKey, Buffer.from('evidence manifest')));
    const distid = `distid:${SM2_DISTINGUISHING_ID}`;
    assert.match(openssl('dgst', '-sm3', '-sigopt', distid, '-verify', join(work, 'pub.pem'), '-signature', join(work, 'ours.sig'), message), /Verified OK/);
    openssl('dgst', '-sm3', '-sigopt', distid, '-sign', join(work, 'key.pem'), '-out', join(work, 'theirs.sig'), message);
    assert.equal(verifyMessage(publicKey, Buffer.from('evidence manifest'), readFileSync(join(work, 'theirs.sig'))), true);
  });

  test('Ed25519 keys sign as before; other kinds of key are refused by name', () => {
    const { privateKey, publicKey } = newSigningKeyPair('ed25519');
    assert.equal(signatureAlgorithmOf(privateKey), 'ed25519');
    const signature = signMessage(privateKey, Buffer.from('bundle'));
    assert.equal(signature.length, 64);
    assert.equal(verifyMessage(publicKey, Buffer.from('bundle'), signature), true);
    assert.equal(verifyMessage(standardKey, Buffer.from('bundle'), signature), false, 'an Ed25519 signature under an SM2 key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    assert.throws(() => signMessage(rsa, Buffer.from('x')), /a signing key must be Ed25519 or SM2, not rsa/);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    assert.throws(() => signatureAlgorithmOf(p256), /must be Ed25519 or SM2/);
  });
});
