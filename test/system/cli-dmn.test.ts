import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const arbiter = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'arbiter.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });

test('dmn eval prints the decision as JSON', () => {
  const res = arbiter('dmn', 'eval', '--file', 'examples/dmn/credit-policy.dmn', '--decision', 'Credit Limit', '--input', 'examples/dmn/applicant.json');
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { decision: 'Credit Limit', result: 20900, errors: [], warnings: [] });
});

test('dmn eval reads JSON strings as the dates and durations the model declares, and fails a decision whose input does not conform', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-dmn-'));
  try {
    const application = {
      Applicant: { Name: 'A. Borrower', 'Monthly Income': 4000, Employment: { Since: '2019-03-01', Probation: 'P6M' } },
      'Late Payments': [{ Due: '2024-01-05', Paid: '2024-01-20T10:00:00', Grace: 'P3D' }],
      'As Of': '2024-11-01',
    };
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(application));
    const ok = arbiter('dmn', 'eval', '--file', 'examples/dmn/repayment-history.dmn', '--decision', 'Offer', '--input', good);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { decision: 'Offer', result: 'Offer', errors: [], warnings: [] });

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...application, 'As Of': '01/11/2024' }));
    const failed = arbiter('dmn', 'eval', '--file', 'examples/dmn/repayment-history.dmn', '--decision', 'Offer', '--input', bad);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /decision "Offer" failed: it requires decision History Band, which failed/);
    const printed = JSON.parse(failed.stdout) as { result: unknown; errors: { decision: string; message: string }[] };
    assert.equal(printed.result, null);
    assert.deepEqual(printed.errors, [
      { decision: 'History Band', message: 'input As Of: expected date, got a string that is not one (write it as 2020-10-01)' },
      { decision: 'Offer', message: 'it requires decision History Band, which failed' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
