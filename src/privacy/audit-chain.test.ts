import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { auditHashFromEnv, ChainVerifier, GENESIS_HASH, hashAlgorithmOf, hashedAroundSeq, hashEvent, type AuditHash, type AuditEvent } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

/** n events, hashed with `hashOf(seq)` (SHA-256 throughout by default). */
function chain(n: number, hashOf: (seq: number) => AuditHash = () => 'sha256'): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actor: 'a',
      action: 'x',
      subjectType: null,
      subjectId: null,
      requestId: null,
      data: { seq },
    };
    const hash = hashEvent(prev, content, hashOf(seq));
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

const verify = (events: AuditEvent[]) => {
  const v = new ChainVerifier();
  return events.flatMap((e) => v.check(e)).map((b) => [b.seq, b.reason]);
};

test('canonical JSON ignores key order at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }), '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
});

test('an intact chain verifies', () => {
  const v = new ChainVerifier();
  const events = chain(5);
  for (const e of events) assert.deepEqual(v.check(e), []);
  assert.equal(v.finish({ seq: 5, hash: events[4]!.hash }), null);
});

test('every altered event is named, not only the first', () => {
  const events = chain(8);
  events[2] = { ...events[2]!, data: { seq: 99 } };
  events[5] = { ...events[5]!, actor: 'forged' };
  const v = new ChainVerifier();
  const breaks = events.flatMap((e) => v.check(e));
  assert.deepEqual(
    breaks.map((b) => [b.seq, b.reason]),
    [
      [3, 'hash_mismatch'],
      [6, 'hash_mismatch'],
    ],
  );
  assert.equal(v.checked, 2);
  assert.equal(v.examined, 8);
});

test('a missing event is named', () => {
  const events = chain(5);
  events.splice(1, 1);
  const v = new ChainVerifier();
  assert.deepEqual(v.check(events[0]!), []);
  assert.deepEqual(
    v.check(events[1]!).map((b) => [b.seq, b.reason]),
    [[2, 'missing']],
  );
  assert.deepEqual(v.check(events[2]!), [], 'the chain goes on after the gap');
});

test('the text around an event sequence number, with the number put back, hashes as the event does', () => {
  const text = fc.string({ unit: 'binary' });
  const nullable = fc.option(text, { nil: null });
  fc.assert(
    fc.property(
      fc.record({
        at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        actor: text,
        action: text,
        subjectType: nullable,
        subjectId: nullable,
        requestId: nullable,
        // Data may itself hold keys named seq and subjectId, with any value.
        data: fc.oneof(fc.jsonValue(), fc.constant({ seq: -1, subjectId: '"seq":-1,"subjectId":' })),
      }),
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
      (content, seq, prev) => {
        const { before, after } = hashedAroundSeq(content);
        const direct = hashEvent(prev, { ...content, seq });
        const around = createHash('sha256').update(`${prev}\n${before}${seq}${after}`).digest('hex');
        assert.equal(around, direct);
      },
    ),
    { numRuns: 100 },
  );
});

test('an SM3 event hash is "sm3:" and the SM3 of what a SHA-256 one covers (GB/T 32905)', () => {
  const [event] = chain(1, () => 'sm3');
  const { prevHash, hash, ...content } = event!;
  assert.equal(
    hash,
    `sm3:${createHash('sm3')
      .update(`${prevHash}\n${canonicalJson(content)}`)
      .digest('hex')}`,
  );
  assert.equal(hashAlgorithmOf(hash), 'sm3');
  assert.equal(hashAlgorithmOf(chain(1)[0]!.hash), 'sha256');
});

test('a chain that moved from SHA-256 to SM3 verifies whole, and an SM3 event altered is found', () => {
  const events = chain(6, (seq) => (seq <= 3 ? 'sha256' : 'sm3'));
  assert.deepEqual(verify(events), []);
  events[4] = { ...events[4]!, actor: 'forged' };
  assert.deepEqual(verify(events), [[5, 'hash_mismatch']]);
});

test('an SM3 event re-hashed with SHA-256 (a downgrade) breaks the link to the next event', () => {
  const events = chain(4, () => 'sm3');
  const { prevHash, hash: _sm3, ...content } = events[1]!;
  events[1] = { ...events[1]!, hash: hashEvent(prevHash, content, 'sha256') };
  assert.deepEqual(verify(events), [[3, 'prev_hash_mismatch']]);
});

test('ARBITER_AUDIT_HASH chooses the hash; a value it cannot be names the choices', () => {
  assert.equal(auditHashFromEnv({}), 'sha256');
  assert.equal(auditHashFromEnv({ ARBITER_AUDIT_HASH: 'sm3' }), 'sm3');
  assert.throws(() => auditHashFromEnv({ ARBITER_AUDIT_HASH: 'md5' }), /ARBITER_AUDIT_HASH must be one of sha256, sm3, got "md5"/);
});
