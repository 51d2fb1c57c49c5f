import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytesPooled } from './random-pool.ts';

test('pooled random bytes are never handed out twice, across refills, and each draw is its own copy', () => {
  const seen = new Set<string>();
  const draws: Buffer[] = [];
  for (let i = 0; i < 3000; i++) {
    const b = randomBytesPooled(i % 2 ? 12 : 32);
    assert.equal(b.length, i % 2 ? 12 : 32);
    const hex = b.toString('hex');
    assert.ok(!seen.has(hex), `draw ${i} repeated an earlier one`);
    seen.add(hex);
    draws.push(b);
  }
  // Later draws (and the pool's zeroing of what it handed out) do not change earlier ones.
  const first = Buffer.from(draws[0]!);
  for (let i = 0; i < 1000; i++) randomBytesPooled(32);
  assert.deepEqual(draws[0], first);
  assert.equal(randomBytesPooled(20_000).length, 20_000);
});
