import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const arbiter = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'arbiter.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });

test('dmn eval prints the decision as JSON', () => {
  const res = arbiter('dmn', 'eval', '--file', 'examples/dmn/credit-policy.dmn', '--decision', 'Credit Limit', '--input', 'examples/dmn/applicant.json');
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { decision: 'Credit Limit', result: 20900, warnings: [] });
});

test('dmn eval names a missing decision and the ones that exist', () => {
  const res = arbiter('dmn', 'eval', '--file', 'examples/dmn/credit-policy.dmn', '--decision', 'Nope', '--input', 'examples/dmn/applicant.json');
  assert.equal(res.status, 1);
  assert.match(res.stderr, /no decision named "Nope"; the model has: Risk Band, Decision, Credit Limit/);
});

test('dmn tck ends with the pass count', () => {
  const res = arbiter('dmn', 'tck', 'test/fixtures/dmn-tck/compliance-level-2');
  const lines = res.stdout.trim().split('\n');
  console.log(lines.at(-1));
  assert.match(lines.at(-1)!, /^\d+ passed, 0 failed$/);
  assert.equal(res.status, 0);
});
