import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeelSyntaxError, compileExpression, compileUnaryTests, toJson, valueToString, type FeelContext } from './index.ts';

function feel(source: string, vars: FeelContext = {}, knownNames: string[] = []) {
  return compileExpression(source, { knownNames }).evaluate(vars);
}
const value = (source: string, vars: FeelContext = {}, knownNames: string[] = []) => toJson(feel(source, vars, knownNames).value);

describe('FEEL expressions', () => {
  const cases: [string, unknown][] = [
    ['1 + 2 * 3', 7],
    // DMN 1.5: abs() of both kinds of duration; a number's string has no exponent; type names with spaces
    ['abs(duration("-P1DT2H"))', 'P1DT2H'],
    ['abs(duration("-P1Y2M"))', 'P1Y2M'],
    ['string(1e21)', '1000000000000000000000'],
    ['string(-1.5e22)', '-15000000000000000000000'],
    ['string(1.23e-7)', '0.000000123'],
    ['duration("P1D") instance of days and time duration', true],
    ['duration("P1Y") instance of days and time duration', false],
    ['duration("P1Y") instance of years and months duration', true],
    ['(1 + 2) * 3', 9],
    ['2 ** 3 ** 2', 64],
    ['-2 ** 2', 4],
    ['0.1 + 0.2', 0.3],
    ['10 / 4', 2.5],
    ['"a" + "b"', 'ab'],
    ['1 < 2 and 2 < 3', true],
    ['true and null', null],
    ['false and null', false],
    ['true or null', true],
    ['false or null', null],
    ['not(null)', null],
    ['if null then 1 else 2', 2],
    ['5 between 1 and 10', true],
    ['5 in [1..5]', true],
    ['5 in [1..5)', false],
    ['5 in (1, 5, 7)', true],
    ['5 in (< 3, > 4)', true],
    ['"b" in ["a", "b"]', true],
    ['[1, 2, 3][item > 1]', [2, 3]],
    ['[1, 2, 3][-1]', 3],
    ['[{a: 1}, {a: 2}].a', [1, 2]],
    ['{a: 1, b: a + 1}.b', 2],
    ['for x in [1, 2, 3] return x * x', [1, 4, 9]],
    ['for x in 1..3, y in 1..2 return x * y', [1, 2, 2, 4, 3, 6]],
    ['for i in 0..4 return if i = 0 then 1 else i * partial[-1]', [1, 1, 2, 6, 24]],
    ['some x in [1, 2, 3] satisfies x > 2', true],
    ['every x in [1, 2, 3] satisfies x > 2', false],
    ['(function(a, b) a - b)(b: 1, a: 5)', 4],
    ['{f: function(x) x * 2, r: f(21)}.r', 42],
    ['3 instance of number', true],
    ['"x" instance of number', false],
    ['[1, 2] instance of list<number>', true],
    ['string length("héllo")', 5],
    ['substring("foobar", -2)', 'ar'],
    ['upper case("abc")', 'ABC'],
    ['replace("banana", "a", "o")', 'bonono'],
    ['matches("credit-42", "^credit-\\d+$")', true],
    ['split("a,b,c", ",")', ['a', 'b', 'c']],
    ['string join(["a", "b"], "-")', 'a-b'],
    ['sum([1, 2, 3])', 6],
    ['mean(1, 2, 3)', 2],
    ['max([3, 1, 2])', 3],
    ['median([5, 1, 3, 2])', 2.5],
    ['count([1, 2])', 2],
    ['distinct values([1, 2, 1])', [1, 2]],
    ['flatten([1, [2, [3]]])', [1, 2, 3]],
    ['sort([3, 1, 2], function(x, y) x > y)', [3, 2, 1]],
    ['decimal(2.675, 2)', 2.68],
    ['decimal(2.5, 0)', 2],
    ['round half up(2.5, 0)', 3],
    ['floor(-1.5)', -2],
    ['ceiling(1.2)', 2],
    ['modulo(-12, 5)', 3],
    ['number("1,000.5", ",", ".")', 1000.5],
    ['string(1.5)', '1.5'],
    ['get value({a: 1}, "a")', 1],
    ['context put({a: 1}, "b", 2)', { a: 1, b: 2 }],
    ['date("2024-02-29") + duration("P1Y")', '2025-02-28'],
    ['date("2024-03-01") - date("2024-02-01")', 'P29D'],
    ['@"2024-01-01T10:00:00" + @"PT36H"', '2024-01-02T22:00:00'],
    ['years and months duration(date("2020-05-15"), date("2024-05-14"))', 'P3Y11M'],
    ['@"P1Y6M" / 2', 'P9M'],
    ['@"PT1H" * 1.5', 'PT1H30M'],
    ['date("2024-06-01").month', 6],
    ['day of week(date("2024-06-01"))', 'Saturday'],
    ['week of year(date("2024-12-30"))', 1],
    ['@"2024-01-01T12:00:00+01:00" = @"2024-01-01T11:00:00Z"', true],
    ['before(1, [2..3])', true],
    ['overlaps([1..5], [5..9])', true],
    ['includes([1..10], 10)', true],
    ['10 / 0', null],
    ['"a" + 1', null],
  ];
  for (const [source, expected] of cases) {
    test(source, () => assert.deepEqual(value(source), expected));
  }

  test('variables with spaces in their names', () => {
    assert.equal(value('Monthly Income * 12 - Existing Debt', { 'Monthly Income': 1000, 'Existing Debt': 500 }, ['Monthly Income', 'Existing Debt']), 11500);
    assert.equal(value("Applicant's age + 1", { "Applicant's age": 40 }, ["Applicant's age"]), 41);
  });

  test('runtime type errors give null and a warning, never an exception', () => {
    const r = feel('income * "x"', { income: 10 });
    assert.equal(r.value, null);
    assert.match(r.warnings[0]!.message, /cannot apply \* to number 10 and string/);
    const unknown = feel('nope + 1');
    assert.equal(unknown.value, null);
    assert.match(unknown.warnings[0]!.message, /no variable or function named "nope"/);
  });

  test('syntax errors name line, column and what was expected', () => {
    assert.throws(
      () => compileExpression('if x > 1 then\n  "a"'),
      (err: unknown) => err instanceof FeelSyntaxError && err.line === 2 && err.column === 6 && /expected "else"/.test(err.message),
    );
    assert.throws(() => compileExpression('1 + * 2'), /expected an expression but found "\*" at line 1, column 5/);
    assert.throws(() => compileExpression('"unterminated'), /unterminated string/);
    // DMN 1.5 10.3.1.2: a code point is \u and four hex digits or \U and six; beyond the BMP a string counts code points.
    assert.equal(value('string length("\\U01F600")'), 1);
    assert.equal(value('"\\uD83D\\uDE00" = "\\U01F600"'), true);
    assert.throws(() => compileExpression('"\\u{1F600}"'), /\\u must be followed by four hex digits.*at line 1, column 2/);
    assert.throws(() => compileExpression('x + "\\UFFFFFF"'), /beyond the last Unicode code point, U\+10FFFF at line 1, column 6/);
  });

  test('a compiled expression is reusable across inputs', () => {
    const c = compileExpression('score >= 700');
    assert.deepEqual(
      [650, 700, 750].map((score) => c.evaluate({ score }).value),
      [false, true, true],
    );
  });

  test('temporal values print in ISO form', () => {
    assert.equal(valueToString(feel('@"2021-01-01T10:10:10@Europe/Paris"').value), '2021-01-01T10:10:10@Europe/Paris');
    assert.equal(valueToString(feel('@"-P1DT2H"').value), '-P1DT2H');
  });

  test('a time in a zone whose id holds a T (Etc/GMT) is a time, not a date and time', () => {
    assert.equal(valueToString(feel('@"23:00:50@Etc/GMT"').value), '23:00:50@Etc/GMT');
    assert.equal(feel('@"23:00:50@Etc/GMT".hour').value, 23);
  });

  test('is() of two times compares clocks and offsets, a zone standing for its offset (as = compares times)', () => {
    const is = (a: string, b: string) => feel(`is(@"${a}", @"${b}")`).value;
    assert.equal(is('23:00:50Z', '23:00:50+00:00'), true);
    assert.equal(is('23:00:50@Etc/GMT', '23:00:50Z'), true);
    assert.equal(is('23:00:50@Asia/Shanghai', '23:00:50+08:00'), true);
    assert.equal(is('23:00:50@Asia/Shanghai', '23:00:50@Asia/Hong_Kong'), true);
    assert.equal(is('23:00:50', '23:00:50Z'), false, 'a local time is not a UTC one');
    assert.equal(is('20:00:50+00:00', '21:00:50+01:00'), false, 'the same instant on other clocks is another element');
    assert.equal(is('2002-04-02T12:00:00-01:00', '2002-04-02T17:00:00+04:00'), false);
  });
});

describe('unary tests', () => {
  const cases: [string, unknown, boolean | null][] = [
    ['< 600', 599, true],
    ['< 600', 600, false],
    ['[600..700)', 600, true],
    ['[600..700)', 700, false],
    ['(600..700]', 700, true],
    ['"A", "B"', 'B', true],
    ['"A", "B"', 'C', false],
    ['not("A", "B")', 'C', true],
    ['-', 'anything', true],
    ['? > limit', 11, true],
    ['>= 18', 18, true],
    ['[1, 2, 3]', 2, true],
    ['< 600', 'text', null],
  ];
  for (const [source, input, expected] of cases) {
    test(`${source} on ${JSON.stringify(input)}`, () => assert.equal(compileUnaryTests(source).matches(input as never, { limit: 10 }), expected));
  }
});
