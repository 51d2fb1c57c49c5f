import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test('dmn eval links the models a file imports, at every depth, and names an import it was not given', () => {
  const dir = 'examples/dmn/imports';
  const rate = (...imports: string[]) =>
    arbiter(
      'dmn',
      'eval',
      '--file',
      `${dir}/loan-offer.dmn`,
      '--import',
      ...imports.map((m) => `${dir}/${m}.dmn`),
      '--decision',
      'Rate',
      '--input',
      `${dir}/applicant.json`,
    );
  const res = rate('risk-grade', 'affordability');
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { decision: 'Rate', result: 0.069, errors: [], warnings: [] });
  const missing = rate('risk-grade');
  assert.notEqual(missing.status, 0);
  assert.match(
    missing.stderr,
    /"Risk Grade" imports "Affordability" from namespace https:\/\/arbiter\.example\/dmn\/affordability, and no model given has that namespace; give that model with --import FILE/,
  );
});

test('dmn eval names a missing decision and the ones that exist', () => {
  const res = arbiter('dmn', 'eval', '--file', 'examples/dmn/credit-policy.dmn', '--decision', 'Nope', '--input', 'examples/dmn/applicant.json');
  assert.equal(res.status, 1);
  assert.match(res.stderr, /no decision named "Nope"; the model has: Risk Band, Decision, Credit Limit/);
});

test('dmn tck compares numbers digit for digit, counts a tolerance apart, and skips external functions', () => {
  // Compliance level 2 holds four loan payments whose expectations are not decimal128 results (README, Conformance).
  const exact = arbiter('dmn', 'tck', 'test/fixtures/dmn-tck/compliance-level-2');
  assert.match(exact.stdout.trim().split('\n').at(-1)!, /^\d+ passed, 4 failed, 0 skipped$/);
  assert.match(exact.stdout, /FAIL 0008-LX-arithmetic\/.* payment: expected 562\.707359373292, got 562\.7073593732659271562143285576524/);
  assert.equal(exact.status, 1);
  const tolerant = arbiter('dmn', 'tck', 'test/fixtures/dmn-tck/compliance-level-2', '--tolerance', '1e-10');
  assert.match(tolerant.stdout.trim().split('\n').at(-1)!, /^\d+ passed \(4 of them only within the relative tolerance 1e-10\), 0 failed, 0 skipped$/);
  assert.equal(tolerant.status, 0);
  assert.match(arbiter('dmn', 'tck', 'test/fixtures/dmn-tck', '--tolerance', 'lots').stderr, /--tolerance lots: a number from 0 to 1/);

  // A TCK folder laid out as the repository lays it out, with a case that calls a Java function.
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-tck-'));
  try {
    const cases = join(dir, 'compliance-level-3', '9001-external');
    mkdirSync(cases, { recursive: true });
    const decision = (name: string, text: string) =>
      `<decision name="${name}" id="d_${name}"><variable typeRef="number" name="${name}"/><literalExpression><text>${text}</text></literalExpression></decision>`;
    writeFileSync(
      join(cases, '9001-external.dmn'),
      `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:arbiter:test" name="9001-external" id="_9001">${decision(
        'Third',
        '1 / 3',
      )}${decision('Larger', '{ m: function(a, b) external { java: { class: "java.lang.Math", method signature: "max(double, double)" } }, r: m(1, 2) }.r')}</definitions>`,
    );
    const result = (name: string, value: string) =>
      `<testCase id="${name}"><resultNode name="${name}" type="decision"><expected><value xsi:type="xsd:decimal">${value}</value></expected></resultNode></testCase>`;
    writeFileSync(
      join(cases, '9001-external-test-01.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><modelName>9001-external.dmn</modelName>${result(
        'Third',
        '0.3333333333333333333333333333333333',
      )}${result('Larger', '2')}</testCases>`,
    );
    const res = arbiter('dmn', 'tck', dir);
    assert.equal(res.stdout.trim().split('\n').at(-1), '1 passed, 0 failed, 1 skipped');
    assert.match(res.stdout, /SKIP compliance-level-3\/9001-external\/9001-external-test-01\.xml Larger Larger: calls an external function/);
    assert.equal(res.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
