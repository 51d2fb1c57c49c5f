import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { importDmn, runTck } from '../../src/rules/index.ts';

const TCK = join(import.meta.dirname, '..', 'fixtures', 'dmn-tck');

/**
 * Expectations that are not decimal128 results: loan payments with `**` and a negative exponent,
 * and a fractional power, whose TCK values differ from the 34-digit result in the 11th to 16th
 * digit (0008's first one is 562.707359373292; Python's decimal module at 34 and at 100 digits
 * gives 562.70735937326592715621432855765..., as Arbiter does). They pass only within a relative
 * 1e-10, and are listed so that any other inexact number is a failure.
 */
const APPROXIMATE_EXPECTATIONS = new Set([
  'compliance-level-2/0008-LX-arithmetic/0008-LX-arithmetic-test-01.xml 002 payment',
  'compliance-level-2/0008-LX-arithmetic/0008-LX-arithmetic-test-01.xml 003 payment',
  'compliance-level-2/0009-invocation-arithmetic/0009-invocation-arithmetic-test-01.xml 002 MonthlyPayment',
  'compliance-level-2/0009-invocation-arithmetic/0009-invocation-arithmetic-test-01.xml 003 MonthlyPayment',
  'compliance-level-3/0004-lending/0004-lending-test-01.xml 001 RequiredMonthlyInstallment',
  'compliance-level-3/0014-loan-comparison/0014-loan-comparison-test-01.xml 001 RankedProducts',
  'compliance-level-3/0041-multiple-nestedcontext/0041-multiple-nestedcontext-test-01.xml 003 Boxed Context',
  'compliance-level-3/0100-arithmetic/0100-arithmetic-test-01.xml exponent_lhs_number_exp_rhs_number_005 exponent_lhs_number_exp_rhs_number_005',
]);

test('the DMN TCK cases pass digit for digit, but for expectations that are not decimal128 results', async () => {
  const results = await runTck(TCK);
  const failed = results.filter((r) => !r.passed);
  for (const f of failed) console.log(`FAIL ${f.file} ${f.testCase} ${f.node}: expected ${f.expected}, got ${f.actual}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  assert.ok(results.length >= 2000, `only ${results.length} result nodes were found`);
  assert.deepEqual(
    failed.map((f) => `${f.file} ${f.testCase} ${f.node}`).filter((k) => !APPROXIMATE_EXPECTATIONS.has(k)),
    [],
    'every other result matches exactly',
  );
  const approximate = await runTck(TCK, { tolerance: 1e-10 });
  assert.deepEqual(
    approximate.filter((r) => !r.passed).map((f) => `${f.file} ${f.testCase} ${f.node}`),
    [],
  );
  assert.equal(approximate.filter((r) => r.approximate).length, failed.length);
});

test('DMN with a DOCTYPE (entity expansion, external entities) is refused', async () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="&lol2;" namespace="x"/>`;
  await assert.rejects(importDmn(laughs), /may not contain a DOCTYPE/);
  const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="&x;" namespace="x"/>`;
  await assert.rejects(importDmn(xxe), /may not contain a DOCTYPE/);
  await assert.rejects(importDmn('<definitions'), /could not be read|not DMN/);
  await assert.rejects(importDmn('<html/>'), /could not be read|not DMN/);
});
