import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';

/** The definition written plainly: what stored request digests and the audit chain were hashed with. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => reference(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

function randomValue(seed: { n: number }, depth: number): unknown {
  const next = () => {
    seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
    return seed.n / 2147483648;
  };
  const pick = next();
  if (depth > 3 || pick < 0.45) {
    const leaves = [null, undefined, true, false, 0, -1.5, 1e21, 123456.789, '', 'a"b\\c', 'é😀\n', 'Z', 'a'];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (pick < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(seed, depth + 1));
  const keys = ['b', 'a', 'B', 'ä', '😀', '10', '9', 'a b', '"q"', ''];
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) out[keys[Math.floor(next() * keys.length)]!] = randomValue(seed, depth + 1);
  return out;
}

test('canonical JSON sorts keys at every depth and drops undefined entries', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }, undefined] }), '{"a":[{"c":"x"},null],"b":1}');
  assert.equal(canonicalJson(undefined), 'null');
});

test('canonical JSON is byte for byte what stored digests and audit hashes were made with', () => {
  const seed = { n: 42 };
  for (let i = 0; i < 5000; i++) {
    const v = randomValue(seed, 0);
    assert.equal(canonicalJson(v), reference(v));
  }
});
