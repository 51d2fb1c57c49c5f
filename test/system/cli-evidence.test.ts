import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { signatureAlgorithmOf } from '../../src/privacy/index.ts';
import { arbiter } from '../support/process.ts';

test('arbiter evidence export writes a signed pack; verify passes it, and fails naming a file with one byte changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-evidence-'));
  try {
    const key = join(dir, 'signing.pem');
    assert.equal(arbiter(['bundle', 'keygen', '--out', key]).code, 0);
    const out = join(dir, 'evidence.json');
    const exported = arbiter([
      'evidence',
      'export',
      '--data-dir',
      join(dir, 'data'),
      '--from',
      '2026-01-01',
      '--to',
      '2027-01-01',
      '--signing-key',
      key,
      '--out',
      out,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /wrote .*evidence\.json: \d+ files for 2026-01-01T00:00:00\.000Z to 2027-01-01T00:00:00\.000Z, signed by key [0-9a-f]{16}/);
    const verified = arbiter(['evidence', 'verify', '--file', out, '--trust', key.replace(/\.pem$/, '.pub.pem')]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /verifies: every file as signed/);

    const pack = JSON.parse(readFileSync(out, 'utf8'));
    const text: string = pack.files['audit-verification.json'];
    pack.files['audit-verification.json'] = text.replace('true', 'tru3');
    writeFileSync(out, JSON.stringify(pack));
    const failed = arbiter(['evidence', 'verify', '--file', out, '--trust', key.replace(/\.pem$/, '.pub.pem')]);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /FAIL audit-verification\.json: changed since it was signed/);
    assert.match(failed.stderr, /does not verify: 1 problem/);
    assert.match(
      arbiter(['evidence', 'export', '--data-dir', join(dir, 'data'), '--from', 'yesterday', '--to', '2027-01-01', '--signing-key', key, '--out', out]).stderr,
      /--from yesterday: write a date/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on the national algorithms (ARBITER_AUDIT_HASH=sm3) the CLI makes an SM2 checkpoint key, signs the SM3 chain head with it, and verifies the chain against it; bundle keygen makes SM2 keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-national-cli-'));
  const national = { ARBITER_AUDIT_HASH: 'sm3', ARBITER_SEALING: 'sm4' };
  try {
    const data = join(dir, 'data');
    const created = arbiter(['keys', 'create', '--role', 'analyst', '--data-dir', data], national);
    assert.equal(created.code, 0, created.stderr);
    const signed = arbiter(['audit', 'checkpoint', '--data-dir', data], national);
    assert.equal(signed.code, 0, signed.stderr);
    const file = /into (\S+)$/m.exec(signed.stdout)![1]!;
    const checkpoint = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(checkpoint.algorithm, 'sm2-sm3');
    assert.match(checkpoint.hash, /^sm3:[0-9a-f]{64}$/, 'the head was hashed with SM3');
    const audit = arbiter(['audit', 'verify', '--data-dir', data], national);
    assert.equal(audit.code, 0, audit.stdout + audit.stderr);
    assert.match(audit.stdout, /audit chain intact: \d+ events verified, 1 of 1 signed checkpoints matched/);

    const key = join(dir, 'signing.pem');
    assert.equal(arbiter(['bundle', 'keygen', '--algorithm', 'sm2', '--out', key]).code, 0);
    assert.equal(signatureAlgorithmOf(createPublicKey(readFileSync(key.replace(/\.pem$/, '.pub.pem'), 'utf8'))), 'sm2-sm3');
    assert.match(arbiter(['bundle', 'keygen', '--algorithm', 'rsa', '--out', join(dir, 'rsa.pem')]).stderr, /--algorithm must be ed25519 or sm2, got "rsa"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
