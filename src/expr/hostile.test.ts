import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileExpression, FeelSyntaxError } from './index.ts';

test('hostile expressions are bounded: huge ranges and loops give null with a warning, deep nesting a syntax error, runaway recursion null', () => {
  const huge = compileExpression('count(for i in 1..1000000000 return i)').evaluate();
  assert.equal(huge.value, null);
  assert.match(huge.warnings[0]!.message, /would take 1000000000 steps; at most 1000000/);
  const nested = compileExpression('count(for i in 1..2000, j in 1..2000 return i)').evaluate();
  assert.equal(nested.value, null);
  assert.match(nested.warnings[0]!.message, /more than 1000000 iterations/);
  assert.equal(compileExpression('count(for i in 1..1000, j in 1..999 return i)').evaluate().value, 999000, 'a large but bounded loop still runs');
  for (const text of ['('.repeat(5000) + '1' + ')'.repeat(5000), '['.repeat(5000) + ']'.repeat(5000), 'not('.repeat(3000) + 'true' + ')'.repeat(3000), '-'.repeat(50000) + '1']) {
    assert.throws(() => compileExpression(text), (err: unknown) => err instanceof FeelSyntaxError && /nested more than 200 deep|minus signs in a row/.test(err.message));
  }
  assert.equal(compileExpression('- - 3').evaluate().value, 3);
  const recursion = compileExpression('{f: function(x) f(x)}.f(1)').evaluate();
  assert.equal(recursion.value, null);
  assert.match(recursion.warnings[0]!.message, /called more than 500 deep/);
  assert.equal(compileExpression('{f: function(n) if n = 0 then 0 else n + f(n - 1)}.f(100)').evaluate().value, 5050, 'honest recursion still works');
});
