import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileExpression, FeelSyntaxError } from './index.ts';
import { Env } from './env.ts';

test('hostile expressions are bounded: huge ranges and loops give null with a warning, deep nesting a syntax error, runaway recursion null', () => {
  const huge = compileExpression('count(for i in 1..1000000000 return i)').evaluate();
  assert.equal(huge.value, null);
  assert.match(huge.warnings[0]!.message, /would take 1000000000 steps; at most 1000000/);
  const nested = compileExpression('count(for i in 1..2000, j in 1..2000 return i)').evaluate();
  assert.equal(nested.value, null);
  assert.match(nested.warnings[0]!.message, /more than 1000000 steps|at most 1000000 are allowed/);
  assert.equal(compileExpression('count(for i in 1..1000, j in 1..999 return i)').evaluate().value, 999000, 'a large but bounded loop still runs');
  for (const text of [
    `${'('.repeat(5000)}1${')'.repeat(5000)}`,
    '['.repeat(5000) + ']'.repeat(5000),
    `${'not('.repeat(3000)}true${')'.repeat(3000)}`,
    `${'-'.repeat(50000)}1`,
  ]) {
    assert.throws(
      () => compileExpression(text),
      (err: unknown) => err instanceof FeelSyntaxError && /nested more than 200 deep|minus signs in a row/.test(err.message),
    );
  }
  assert.equal(compileExpression('- - 3').evaluate().value, 3);
  const recursion = compileExpression('{f: function(x) f(x)}.f(1)').evaluate();
  assert.equal(recursion.value, null);
  assert.match(recursion.warnings[0]!.message, /called more than 500 deep/);
  assert.equal(compileExpression('{f: function(n) if n = 0 then 0 else n + f(n - 1)}.f(100)').evaluate().value, 5050, 'honest recursion still works');
});

test('memory is budgeted: strings and lists that would pass the budget are null with a warning, whatever builds them', () => {
  const limits = { steps: 1_000_000, memory: 1_000_000 };
  const run = (source: string) => {
    const env = Env.root({}, limits);
    const value = compileExpression(source).run(env);
    return { value, codes: env.sink.warnings.map((w) => w.code) };
  };
  // Doubling a string: 2^21 characters passes a budget of one million.
  const doubling = run(`{a: "${'x'.repeat(1000)}", b: a+a, c: b+b, d: c+c, e: d+d, f: e+e, g: f+f, h: g+g, i: h+h, j: i+i, k: j+j, l: k+k}.l`);
  assert.equal(doubling.value, null);
  assert.ok(doubling.codes.includes('memory_limit'));
  for (const source of [
    `string join(for i in 1..1000 return "${'y'.repeat(2000)}")`,
    `{l: for i in 1..1000 return i, m: concatenate(${Array(1001).fill('l').join(',')})}.m`,
    `replace("${'a'.repeat(1000)}", "a", "${'b'.repeat(2000)}")`,
    '{l: for i in 1..1000 return i, n: [l,l,l,l,l,l,l,l,l,l], m: flatten(for i in 1..200 return n)}.m',
  ]) {
    const r = run(source);
    assert.equal(r.value, null, source.slice(0, 60));
    assert.ok(r.codes.includes('memory_limit'), `${source.slice(0, 60)}: ${r.codes}`);
  }
  assert.equal(run('string length(string join(for i in 1..100 return "abc"))').value, 300, 'ordinary work fits');
});

test('steps are budgeted across the whole evaluation: function calls, filters and regular expressions count', () => {
  const limits = { steps: 10_000, memory: 1_000_000 };
  const run = (source: string, vars = {}) => {
    const env = Env.root(vars, limits);
    const value = compileExpression(source, { knownNames: Object.keys(vars) }).run(env);
    return { value, codes: env.sink.warnings.map((w) => w.code) };
  };
  const fib = run('{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2)}.fib(30)');
  assert.equal(fib.value, null);
  assert.ok(fib.codes.includes('too_many_iterations'));
  assert.equal(run('{l: for i in 1..5000 return i, a: count(l[item > 1]), b: count(l[item > 2])}.b').value, null);
  assert.equal(run('matches(s, "^a+$")', { s: 'a'.repeat(6000) }).value, null);
  assert.equal(run('matches(s, "^a+$")', { s: 'a'.repeat(500) }).value, true);
});
