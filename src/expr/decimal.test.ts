import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Decimal } from 'decimal.js';
import {
  FeelDecimal,
  addNumbers,
  compareNumbers,
  divideNumbers,
  integerPower,
  multiplyNumbers,
  parseNumber,
  roundNumber,
  sqrtNumber,
  subtractNumbers,
  type FeelNumber,
  type RoundingMode,
} from './decimal.ts';
import { compileExpression, exactJsonText, toJson, valueToString, type FeelContext } from './index.ts';

/** The FEEL string of an expression's value: every digit a decimal128 result has. */
const feel = (source: string, vars: FeelContext = {}) => {
  const r = compileExpression(source).evaluate(vars);
  return { text: r.value === null ? 'null' : valueToString(r.value), warnings: r.warnings.map((w) => w.code) };
};
const text = (source: string, vars: FeelContext = {}) => feel(source, vars).text;

// DMN 1.5, 10.3.2.3.1: "FEEL numbers ... IEEE 754-2008 Decimal128 format, with 34 decimal digits of
// precision and rounding toward the nearest neighbor with ties favoring the even neighbor."
describe('FEEL numbers are decimal128', () => {
  test('sums of decimal fractions are exact, not binary approximations', () => {
    assert.equal(text('0.1 + 0.2'), '0.3');
    assert.equal(text('0.1 + 0.2 = 0.3'), 'true');
    assert.equal(text('sum(for i in 1..10 return 0.1)'), '1');
    assert.equal(text('1.1 * 1.1'), '1.21');
    assert.equal(text('0.07 * 100'), '7');
    assert.equal(text('19.99 * 3'), '59.97');
    assert.equal(text('100 - 99.99'), '0.01');
    assert.equal(text('1234567.89 + 0.01'), '1234567.9');
  });

  test('a quotient that does not end has 34 significant digits, the last rounded half to even', () => {
    assert.equal(text('1 / 3'), '0.3333333333333333333333333333333333');
    assert.equal(text('2 / 3'), '0.6666666666666666666666666666666667');
    assert.equal(text('1 / 3 * 3'), '0.9999999999999999999999999999999999');
    assert.equal(text('100000 / 12'), '8333.333333333333333333333333333333');
    assert.equal(text('-1 / 7'), '-0.1428571428571428571428571428571429');
    assert.equal(text('10 / 4'), '2.5');
    assert.equal(text('1 / 3 = 0.3333333333333333333333333333333333'), 'true');
    assert.equal(text('1 / 3 < 0.3333333333333333333333333333333334'), 'true');
    assert.equal(text('1 / 3 > 0.3333333333333333'), 'true');
  });

  test('whole numbers are exact beyond a double (2^53)', () => {
    assert.equal(text('9007199254740993'), '9007199254740993');
    assert.equal(text('12345678901234567890 + 1'), '12345678901234567891');
    assert.equal(text('2 ** 100'), '1267650600228229401496703205376');
    assert.equal(text('99999999999999999999999999999999999'), '100000000000000000000000000000000000');
  });

  test('a literal of more than 34 digits is rounded to 34, half to even', () => {
    assert.equal(text('0.12345678901234567890123456789012345'), '0.1234567890123456789012345678901234');
    assert.equal(text('0.12345678901234567890123456789012335'), '0.1234567890123456789012345678901234');
    assert.equal(text('number("1.00000000000000000000000000000000050")'), '1');
  });

  test('results beyond the range of decimal128 are null with a warning; division by zero too', () => {
    assert.deepEqual(feel('10 ** 6145'), { text: 'null', warnings: ['number_out_of_range'] });
    assert.equal(text('10 ** 6144 > 1'), 'true');
    assert.deepEqual(feel('1 / 0'), { text: 'null', warnings: ['division_by_zero'] });
    assert.deepEqual(feel('1 / (1 - 1)'), { text: 'null', warnings: ['division_by_zero'] });
  });

  test('exact decimals keep their type, order and equality everywhere numbers go', () => {
    assert.equal(text('(1 / 3) instance of number'), 'true');
    assert.equal(text('min([1/3, 0.3])'), '0.3');
    assert.equal(text('max(1/3, 2/3)'), '0.6666666666666666666666666666666667');
    assert.equal(text('sort([2/3, 1/3, 0.5])'), '[0.3333333333333333333333333333333333, 0.5, 0.6666666666666666666666666666666667]');
    assert.equal(text('1/3 in [0..1]'), 'true');
    assert.equal(text('1/3 in (0.3333333333333333333333333333333333..1]'), 'false');
    assert.equal(text('1/3 between 0.3 and 0.34'), 'true');
    assert.equal(text('distinct values([1/3, 1/3, 2])'), '[0.3333333333333333333333333333333333, 2]');
    assert.equal(text('list contains([1/3], 1/3)'), 'true');
    assert.equal(text('string(1/3)'), '0.3333333333333333333333333333333333');
    assert.equal(text('-(1/3)'), '-0.3333333333333333333333333333333333');
  });

  test('JSON leaving the engine: the nearest double by default, every digit in exactJsonText', () => {
    const v = compileExpression('{third: 1/3, items: [2/3, 0.5], note: "a\u0000b"}').evaluate({}).value;
    assert.deepEqual(JSON.parse(JSON.stringify(toJson(v))), { third: 1 / 3, items: [2 / 3, 0.5], note: 'a\u0000b' });
    const text = exactJsonText(toJson(v, true), 0);
    assert.equal(text, '{"third":0.3333333333333333333333333333333333,"items":[0.6666666666666666666666666666666667,0.5],"note":"a\\u0000b"}');
    assert.deepEqual(JSON.parse(text), { third: 1 / 3, items: [2 / 3, 0.5], note: 'a\u0000b' });
  });

  test('a decision table compares an exact decimal input with its rules', () => {
    const tests = compileExpression('x in (< 0.3333333333333333333333333333333334)');
    assert.equal(tests.evaluate({ x: divideNumbers(1, 3)! }).value, true);
    assert.equal(tests.evaluate({ x: divideNumbers(2, 3)! }).value, false);
  });
});

// DMN 1.5, 10.3.4.5, Table 80 (semantics of numeric functions): the examples given there.
describe('numeric functions, by the examples of DMN 1.5 10.3.4.5', () => {
  const examples: [string, string][] = [
    ['decimal(1/3, 2)', '0.33'],
    ['decimal(1.5, 0)', '2'],
    ['decimal(2.5, 0)', '2'],
    ['decimal(1.035, 2)', '1.04'],
    ['decimal(1.045, 2)', '1.04'],
    ['decimal(-1.5, 0)', '-2'],
    ['decimal(-2.5, 0)', '-2'],
    ['floor(1.5)', '1'],
    ['floor(-1.5)', '-2'],
    ['floor(-1.56, 1)', '-1.6'],
    ['ceiling(1.5)', '2'],
    ['ceiling(-1.5)', '-1'],
    ['ceiling(-1.56, 1)', '-1.5'],
    ['round up(5.5, 0)', '6'],
    ['round up(-5.5, 0)', '-6'],
    ['round up(1.121, 2)', '1.13'],
    ['round up(-1.126, 2)', '-1.13'],
    ['round down(5.5, 0)', '5'],
    ['round down(-5.5, 0)', '-5'],
    ['round down(1.121, 2)', '1.12'],
    ['round down(-1.126, 2)', '-1.12'],
    ['round half up(5.5, 0)', '6'],
    ['round half up(-5.5, 0)', '-6'],
    ['round half up(1.121, 2)', '1.12'],
    ['round half up(-1.126, 2)', '-1.13'],
    ['round half down(5.5, 0)', '5'],
    ['round half down(-5.5, 0)', '-5'],
    ['round half down(1.121, 2)', '1.12'],
    ['round half down(-1.126, 2)', '-1.13'],
    ['abs(10)', '10'],
    ['abs(-10)', '10'],
    ['modulo(12, 5)', '2'],
    ['modulo(-12, 5)', '3'],
    ['modulo(12, -5)', '-3'],
    ['modulo(-12, -5)', '-2'],
    ['modulo(10.1, 4.5)', '1.1'],
    ['modulo(-10.1, 4.5)', '3.4'],
    ['modulo(10.1, -4.5)', '-3.4'],
    ['modulo(-10.1, -4.5)', '-1.1'],
    ['sqrt(16)', '4'],
    ['sqrt(2)', '1.414213562373095048801688724209698'],
    ['odd(5)', 'true'],
    ['odd(2)', 'false'],
    ['even(5)', 'false'],
    ['even(2)', 'true'],
    ['sum([1, 2, 3])', '6'],
    ['sum(1, 2, 3)', '6'],
    ['mean([1, 2, 3])', '2'],
    ['mean(1, 2, 3)', '2'],
    ['median(8, 2, 5, 3, 4)', '4'],
    ['median([6, 1, 2, 3])', '2.5'],
    ['stddev(2, 4, 7, 5)', '2.081665999466132735282297706979931'],
    ['mode(6, 3, 9, 6, 6)', '[6]'],
    ['mode(6, 1, 9, 6, 1)', '[1, 6]'],
    ['product(2, 3, 4)', '24'],
  ];
  for (const [source, expected] of examples) test(source, () => assert.equal(text(source), expected));

  test('rounding a decimal beyond a double keeps its digits', () => {
    assert.equal(text('decimal(1/3, 20)'), '0.33333333333333333333');
    assert.equal(text('decimal(2/3, 33)'), '0.666666666666666666666666666666667');
    assert.equal(text('round half up(1234.5, -2)'), '1200');
    assert.equal(text('decimal(1/3, 40)'), '0.3333333333333333333333333333333333');
    assert.equal(text('decimal(1, 6177)'), 'null');
  });

  test("exp and log are given to a double's precision, as the specification sets none", () => {
    assert.equal(text('decimal(log(10), 11)'), '2.30258509299');
    assert.equal(text('decimal(exp(5), 12)'), '148.413159102577');
    assert.equal(text('log(0)'), 'null');
  });
});

// A second implementation (decimal.js, configured as decimal128's precision and rounding) on
// random operands of every kind: short decimals, integers, 17-digit doubles, 34-digit quotients,
// and wide-exponent values.
describe('against decimal.js at 34 digits, half to even', () => {
  const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  const asD = (n: FeelNumber | null) => (n === null ? 'null' : new D(typeof n === 'number' ? n : n.toString()).toString());
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const operand = (): FeelNumber => {
    const k = rnd();
    if (k < 0.3) return Math.round((rnd() - 0.5) * 1e6) / 10 ** Math.floor(rnd() * 5);
    if (k < 0.5) return Math.round(rnd() * 100000);
    if (k < 0.6) return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10);
    if (k < 0.8) return divideNumbers(Math.round(rnd() * 1e6) + 1, Math.round(rnd() * 97) + 1)!;
    return parseNumber(`${Math.floor(rnd() * 1e17)}.${Math.floor(rnd() * 1e17)}e${Math.floor(rnd() * 40 - 20)}`)!;
  };
  const modes: [RoundingMode, Decimal.Rounding][] = [
    ['half-even', Decimal.ROUND_HALF_EVEN],
    ['half-up', Decimal.ROUND_HALF_UP],
    ['half-down', Decimal.ROUND_HALF_DOWN],
    ['up', Decimal.ROUND_UP],
    ['down', Decimal.ROUND_DOWN],
    ['floor', Decimal.ROUND_FLOOR],
    ['ceiling', Decimal.ROUND_CEIL],
  ];

  test('20,000 random pairs: +, -, *, /, order, rounding, square root and powers agree digit for digit', () => {
    const mismatches: string[] = [];
    const check = (what: string, got: FeelNumber | null, want: Decimal) => {
      if (asD(got) !== want.toString()) mismatches.push(`${what}: ${asD(got)}, decimal.js ${want.toString()}`);
    };
    let decimals = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = operand();
      const b = operand();
      const da = new D(asD(a));
      const db = new D(asD(b));
      const sum = addNumbers(a, b);
      if (sum instanceof FeelDecimal) decimals++;
      check(`${asD(a)} + ${asD(b)}`, sum, da.plus(db));
      check(`${asD(a)} - ${asD(b)}`, subtractNumbers(a, b), da.minus(db));
      check(`${asD(a)} * ${asD(b)}`, multiplyNumbers(a, b), da.times(db));
      if (!db.isZero()) check(`${asD(a)} / ${asD(b)}`, divideNumbers(a, b), da.div(db));
      if (compareNumbers(a, b) !== da.cmp(db)) mismatches.push(`compare ${asD(a)} ${asD(b)}`);
      const places = Math.floor(rnd() * 8) - 2;
      const [mode, dm] = modes[i % modes.length]!;
      const want =
        places >= 0
          ? da.toDecimalPlaces(places, dm)
          : da
              .div(10 ** -places)
              .toDecimalPlaces(0, dm)
              .times(10 ** -places);
      check(`${mode}(${asD(a)}, ${places})`, roundNumber(a, places, mode), want);
      if (!da.isNeg()) check(`sqrt(${asD(a)})`, sqrtNumber(a), da.sqrt());
      if (i % 10 === 0) {
        const p = Math.floor(rnd() * 12);
        check(`${asD(a)} ** ${p}`, integerPower(a, p), da.pow(p));
      }
    }
    assert.deepEqual(mismatches.slice(0, 10), []);
    assert.ok(decimals > 2000, `only ${decimals} sums needed more than a double`);
  });
});
