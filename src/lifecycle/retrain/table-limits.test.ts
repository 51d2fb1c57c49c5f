import assert from 'node:assert/strict';
import { test } from 'node:test';
import { honourLimits, type Frontier } from './table-limits.ts';

/** A segment of `n` applications lending `amount` each; the i-th least risky earns `earn(i)` and is expected to lose `lose(i)`. */
const segment = (n: number, amount: number, earn: (i: number) => number, lose: (i: number) => number, k: number): Frontier => ({
  pd: Float64Array.from({ length: n }, (_, i) => (i + 1) / (n + 1)),
  profit: Float64Array.from({ length: n }, (_, i) => earn(i)),
  loss: Float64Array.from({ length: n }, (_, i) => lose(i)),
  volume: new Float64Array(n).fill(amount),
  k,
  min: 0,
  max: n,
});

test('a budget drops the approvals that earn least per amount lent, from the risky end of each segment', () => {
  // Small loans earn more per amount lent: the budget is spent on them first.
  const small = segment(
    10,
    100,
    (i) => 50 - i,
    () => 1,
    10,
  );
  const large = segment(
    10,
    1000,
    (i) => 200 - 10 * i,
    () => 1,
    10,
  );
  assert.deepEqual(honourLimits([small, large], { maxVolume: 5000 }, 20), []);
  assert.equal(small.k, 10);
  assert.equal(large.k, 4, 'the large loans at the risky end go first');
});

test("a segment's floor is kept even where it breaks the portfolio's budget, and that is said", () => {
  const a = segment(
    10,
    1000,
    () => 10,
    () => 1,
    10,
  );
  a.min = 8;
  const unmet = honourLimits([a], { maxVolume: 5000 }, 10);
  assert.equal(a.k, 8);
  assert.deepEqual(unmet, ['volume 8000 above 5000']);
});

test('a minimum approval rate adds the next applications worth most; a loss rate drops those that raise it most per profit', () => {
  const a = segment(
    10,
    100,
    (i) => 10 - i,
    (i) => i,
    2,
  );
  const b = segment(
    10,
    100,
    (i) => 5 - i,
    (i) => i,
    2,
  );
  assert.deepEqual(honourLimits([a, b], { minApprovalRate: 0.5 }, 20), []);
  assert.equal(a.k + b.k, 10);
  assert.ok(a.k > b.k, 'the segment whose next applications earn more takes more of them');
  const c = segment(
    10,
    100,
    () => 1,
    (i) => 2 * i,
    10,
  );
  assert.deepEqual(honourLimits([c], { maxLossRate: 0.05 }, 10), []);
  let loss = 0;
  for (let i = 0; i < c.k; i++) loss += c.loss[i]!;
  assert.ok(loss <= 0.05 * 100 * c.k, `loss ${loss} on ${100 * c.k} lent`);
  assert.equal(c.k, 6);
});
