import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberOption } from './number-option.ts';

test('a numeric option is checked against its range, and the error says what it may be', () => {
  assert.equal(numberOption('0.3', 'test-fraction', { min: 0, max: 1, minExcluded: true, maxExcluded: true }), 0.3);
  assert.equal(numberOption('4010', 'port', { min: 0, max: 65535, integer: true }), 4010);
  const refused: [unknown, Parameters<typeof numberOption>[2], RegExp][] = [
    ['2', { min: 0, max: 1 }, /^--x 2: a number from 0 to 1$/],
    ['1.5', { min: 1, integer: true }, /^--x 1.5: an integer of at least 1$/],
    ['0', { min: 0, max: 1, minExcluded: true }, /^--x 0: a number above 0 and at most 1$/],
    ['1', { min: 0, max: 1, minExcluded: true, maxExcluded: true }, /^--x 1: a number above 0 and below 1$/],
    ['ten', {}, /^--x ten: a number$/],
    ['', { integer: true }, /^--x : an integer$/],
    [undefined, { min: 0 }, /^--x undefined: a number of at least 0$/],
    ['Infinity', {}, /^--x Infinity: a number$/],
  ];
  for (const [value, range, message] of refused) assert.throws(() => numberOption(value, 'x', range), { message });
});
