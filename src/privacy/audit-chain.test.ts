import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChainVerifier, GENESIS_HASH, hashEvent, type AuditEvent } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = { seq, at: new Date(Date.UTC(2026, 0, seq)).toISOString(), actor: 'a', action: 'x', subjectType: null, subjectId: null, requestId: null, data: { seq } };
    const hash = hashEvent(prev, content);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

test('canonical JSON ignores key order at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }), '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
});

test('an intact chain verifies', () => {
  const v = new ChainVerifier();
  const events = chain(5);
  for (const e of events) assert.equal(v.check(e), null);
  assert.equal(v.finish({ seq: 5, hash: events[4]!.hash }), null);
});

test('the first altered event is named', () => {
  const events = chain(5);
  events[2] = { ...events[2]!, data: { seq: 99 } };
  const v = new ChainVerifier();
  const breaks = events.map((e) => v.check(e)).filter(Boolean);
  assert.equal(breaks[0]?.seq, 3);
  assert.equal(breaks[0]?.reason, 'hash_mismatch');
});

test('a missing event is named', () => {
  const events = chain(5);
  events.splice(1, 1);
  const v = new ChainVerifier();
  assert.equal(v.check(events[0]!), null);
  assert.deepEqual(v.check(events[1]!)?.seq, 2);
});
