import assert from 'node:assert/strict';
import { createCipheriv, createHash } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { DecryptionError, newDataKey, open, seal, sealingAlgorithm, sealingFromEnv, useSealingAlgorithm } from './index.ts';

describe('the national algorithms', () => {
  after(() => useSealingAlgorithm('aes-256-gcm'));

  // GB/T 32905-2016 (SM3), Appendix A: examples 1 and 2.
  test('SM3 gives the standard test vectors', () => {
    assert.equal(createHash('sm3').update('abc').digest('hex'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    assert.equal(createHash('sm3').update('abcd'.repeat(16)).digest('hex'), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  // GB/T 32907-2016 (SM4), Appendix A: example 1, and example 2 (the block encrypted 1,000,000 times).
  test('SM4 gives the standard test vectors', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const once = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    assert.equal(once.update(key).toString('hex'), '681edf34d206965e86b3e94f536e4246');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    let block = key;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    assert.equal(block.toString('hex'), '595298c7c6fd271f0402f804c33d3f66');
  });

  test('sealing with SM4-CTR and HMAC-SM3: a round trip, tampering and a wrong place are caught', () => {
    useSealingAlgorithm('sm4');
    const key = newDataKey();
    const sealed = seal(key, Buffer.from('applicant 110101199003771204'), 'decisions:application_c2:dec_1');
    assert.equal(sealed[0], 2, 'the national format');
    assert.equal(open(key, sealed, 'decisions:application_c2:dec_1').toString(), 'applicant 110101199003771204');
    for (const at of [0, 5, 20, 40, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] = bad[at]! ^ 1;
      assert.throws(() => open(key, bad, 'decisions:application_c2:dec_1'), DecryptionError, `a flipped byte at ${at}`);
    }
    assert.throws(
      () => open(key, sealed, 'decisions:application_c2:dec_2'),
      (e: DecryptionError) => e.code === 'tampered',
    );
    assert.throws(
      () => open(newDataKey(), sealed, 'decisions:application_c2:dec_1'),
      (e: DecryptionError) => e.code === 'tampered',
    );
  });

  test('an installation that changes algorithm still reads what it sealed before, both ways', () => {
    const key = newDataKey();
    useSealingAlgorithm('aes-256-gcm');
    const aes = seal(key, Buffer.from('before'), 'x');
    useSealingAlgorithm('sm4');
    const sm4 = seal(key, Buffer.from('after'), 'x');
    assert.equal(open(key, aes, 'x').toString(), 'before');
    useSealingAlgorithm('aes-256-gcm');
    assert.equal(open(key, sm4, 'x').toString(), 'after');
    assert.equal(aes[0], 1);
    assert.equal(sealingAlgorithm(), 'aes-256-gcm');
  });

  test('ARBITER_SEALING chooses, and a value it cannot be is refused naming the choices', () => {
    assert.equal(sealingFromEnv({}), 'aes-256-gcm');
    assert.equal(sealingFromEnv({ ARBITER_SEALING: 'sm4' }), 'sm4');
    assert.throws(() => sealingFromEnv({ ARBITER_SEALING: 'des' }), /ARBITER_SEALING must be one of aes-256-gcm, sm4, got "des"/);
  });
});
