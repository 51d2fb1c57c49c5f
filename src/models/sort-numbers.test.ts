import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './random.ts';
import { sortNumbers } from './sort-numbers.ts';

test('numbers sort by their bits as the built-in typed-array sort orders them', () => {
  const rnd = seededRandom(3);
  const cases: Float64Array[] = [
    Float64Array.from({ length: 50_000 }, () => (rnd() - 0.5) * 1e6),
    Float64Array.from({ length: 50_000 }, () => Math.round(rnd() * 20)),
    Float64Array.from(
      { length: 50_000 },
      (_, i) => [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE][i % 8]! * (i % 3 === 0 ? 1 : rnd()),
    ),
    Float64Array.from({ length: 10_000 }, () => Math.exp((rnd() - 0.5) * 60) * (rnd() < 0.5 ? -1 : 1)),
    new Float64Array(8_000).fill(2.5),
    Float64Array.from({ length: 100 }, () => rnd()),
  ];
  for (const values of cases) {
    const expected = Float64Array.from(values).sort();
    const sorted = sortNumbers(Float64Array.from(values));
    assert.equal(sorted.length, expected.length);
    for (let i = 0; i < sorted.length; i++) assert.ok(Object.is(sorted[i], expected[i]), `at ${i}: ${sorted[i]} against ${expected[i]}`);
  }
});
