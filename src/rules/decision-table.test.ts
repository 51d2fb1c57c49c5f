import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toJson } from '../expr/index.ts';
import { analyseTable } from './table-analysis.ts';
import { compileDecisionTable, type DecisionTableDefinition, type HitPolicy } from './decision-table.ts';

function table(hitPolicy: HitPolicy, extra: Partial<DecisionTableDefinition> = {}): DecisionTableDefinition {
  return {
    hitPolicy,
    inputs: [{ expression: 'score' }, { expression: 'channel' }],
    outputs: [{ name: 'decision', outputValues: '"decline", "refer", "approve"' }],
    rules: [
      { inputEntries: ['< 600', '-'], outputEntries: ['"decline"'] },
      { inputEntries: ['[600..700)', '"web", "branch"'], outputEntries: ['"refer"'] },
      { inputEntries: ['>= 650', '-'], outputEntries: ['"approve"'] },
    ],
    ...extra,
  };
}

const run = (def: DecisionTableDefinition, vars: Record<string, unknown>) => {
  const r = compileDecisionTable(def).evaluate(vars as never);
  return { value: toJson(r.value), matched: r.matched, warnings: r.warnings };
};

describe('hit policies', () => {
  test('UNIQUE: one match gives its output, several give null and say which rules', () => {
    assert.equal(run(table('UNIQUE'), { score: 620, channel: 'web' }).value, 'refer');
    const both = run(table('UNIQUE'), { score: 660, channel: 'web' });
    assert.equal(both.value, null);
    assert.match(both.warnings[0]!.message, /rules 2, 3 all matched/);
  });
  test('FIRST takes the first match', () => assert.equal(run(table('FIRST'), { score: 660, channel: 'web' }).value, 'refer'));
  test('PRIORITY takes the output listed first among output values', () => assert.equal(run(table('PRIORITY'), { score: 660, channel: 'web' }).value, 'refer'));
  test('ANY needs equal outputs', () => {
    assert.equal(run(table('ANY'), { score: 660, channel: 'web' }).value, null);
    assert.equal(run(table('ANY'), { score: 500, channel: 'web' }).value, 'decline');
  });
  test('RULE ORDER lists outputs in rule order', () => assert.deepEqual(run(table('RULE ORDER'), { score: 660, channel: 'web' }).value, ['refer', 'approve']));
  test('OUTPUT ORDER lists outputs by output-value priority', () => {
    const def = table('OUTPUT ORDER', { outputs: [{ name: 'decision', outputValues: '"approve", "refer", "decline"' }] });
    assert.deepEqual(run(def, { score: 660, channel: 'web' }).value, ['approve', 'refer']);
  });
  test('COLLECT with and without aggregation', () => {
    const numeric: DecisionTableDefinition = {
      hitPolicy: 'COLLECT',
      inputs: [{ expression: 'x' }],
      outputs: [{ name: 'points' }],
      rules: [
        { inputEntries: ['> 1'], outputEntries: ['10'] },
        { inputEntries: ['> 2'], outputEntries: ['20'] },
        { inputEntries: ['> 3'], outputEntries: ['5'] },
      ],
    };
    assert.deepEqual(run(numeric, { x: 5 }).value, [10, 20, 5]);
    assert.equal(run({ ...numeric, aggregation: 'SUM' }, { x: 5 }).value, 35);
    assert.equal(run({ ...numeric, aggregation: 'MIN' }, { x: 5 }).value, 5);
    assert.equal(run({ ...numeric, aggregation: 'MAX' }, { x: 5 }).value, 20);
    assert.equal(run({ ...numeric, aggregation: 'COUNT' }, { x: 5 }).value, 3);
    assert.equal(run({ ...numeric, aggregation: 'COUNT' }, { x: 0 }).value, 0);
  });
});

describe('table definitions', () => {
  test('several outputs give a context; no match gives the default outputs', () => {
    const def: DecisionTableDefinition = {
      hitPolicy: 'UNIQUE',
      inputs: [{ expression: 'score' }],
      outputs: [
        { name: 'decision', defaultOutput: '"refer"' },
        { name: 'limit', defaultOutput: '0' },
      ],
      rules: [{ inputEntries: ['>= 700'], outputEntries: ['"approve"', 'score * 10'] }],
    };
    assert.deepEqual(run(def, { score: 720 }).value, { decision: 'approve', limit: 7200 });
    assert.deepEqual(run(def, { score: 500 }).value, { decision: 'refer', limit: 0 });
  });
  test('an input outside its input values is tested as null, with a warning a flow fails closed on', () => {
    const def: DecisionTableDefinition = {
      hitPolicy: 'FIRST',
      inputs: [{ expression: 'channel', inputValues: '"web", "branch"' }],
      outputs: [{ name: 'route' }],
      rules: [
        { inputEntries: ['"web"'], outputEntries: ['"auto"'] },
        { inputEntries: ['null'], outputEntries: ['"manual"'] },
      ],
    };
    const r = run(def, { channel: 'fax' });
    assert.equal(r.value, 'manual');
    assert.match(r.warnings[0]!.message, /"fax" is not among the input values; it is tested as null/);
    assert.equal(run(def, { channel: 'web' }).value, 'auto');
  });
  test('a cell that uses ? decides by its boolean value, and one that gives another value must equal the input (table 55)', () => {
    const def: DecisionTableDefinition = {
      hitPolicy: 'FIRST',
      inputs: [{ expression: 'x' }],
      outputs: [{ name: 'hit' }],
      rules: [
        { inputEntries: ['string length(?) = 4'], outputEntries: ['"length"'] },
        { inputEntries: ['? = true'], outputEntries: ['"true"'] },
        { inputEntries: ['?'], outputEntries: ['"itself"'] },
        { inputEntries: ['string length("?") = 1'], outputEntries: ['"literal"'] },
      ],
    };
    assert.equal(run(def, { x: 'gold' }).value, 'length');
    assert.equal(run(def, { x: true }).value, 'true');
    assert.equal(run(def, { x: false }).value, null, 'false = false is not how a boolean test is satisfied');
    assert.equal(run(def, { x: 'silver' }).value, 'itself');
  });
  test('an input outside its input values gives null and a warning', () => {
    const def = table('FIRST', { inputs: [{ expression: 'score' }, { expression: 'channel', inputValues: '"web", "branch", "phone"' }] });
    const r = run(def, { score: 620, channel: 'fax' });
    assert.equal(r.value, null);
    assert.match(r.warnings[0]!.message, /"fax" is not among the input values/);
  });
  test('a FEEL error names its cell', () => {
    const bad = table('FIRST');
    bad.rules[1]!.inputEntries[0] = '[600..700';
    assert.throws(() => compileDecisionTable(bad), /rule 2, input 1: expected .* in "\[600\.\.700"/);
  });
  test('rules with the wrong number of entries are refused', () => {
    const bad = table('FIRST');
    bad.rules[0]!.inputEntries.push('1');
    assert.throws(() => compileDecisionTable(bad), /rule 1 has 3 input entries for 2 inputs/);
  });
});

describe('gap and overlap analysis', () => {
  test('finds an input no rule matches and the rules that overlap, with examples', () => {
    const analysis = analyseTable(compileDecisionTable(table('UNIQUE')));
    assert.deepEqual(analysis.overlaps, [{ rules: [2, 3], example: [650, 'web'] }]);
    assert.equal(analysis.gaps.length, 1);
    const [score, channel] = analysis.gaps[0]!.example;
    assert.ok((score as number) >= 600 && (score as number) < 650, `gap at score ${score}`);
    assert.ok(channel !== 'web' && channel !== 'branch');
    // the example really matches no rule
    assert.deepEqual(run(table('UNIQUE'), { score, channel }).matched, []);
  });
  test('a complete table without overlaps reports nothing', () => {
    const def: DecisionTableDefinition = {
      inputs: [{ expression: 'score' }, { expression: 'product', inputValues: '"card", "loan"' }],
      outputs: [{ name: 'd' }],
      rules: [
        { inputEntries: ['< 600', '-'], outputEntries: ['"no"'] },
        { inputEntries: ['>= 600', '"card"'], outputEntries: ['"yes"'] },
        { inputEntries: ['>= 600', '"loan"'], outputEntries: ['"maybe"'] },
      ],
    };
    const analysis = analyseTable(compileDecisionTable(def));
    assert.deepEqual([analysis.gaps, analysis.overlaps], [[], []]);
  });
});

describe('column types (DMN typeRef)', () => {
  const typed = (): DecisionTableDefinition => ({
    hitPolicy: 'FIRST',
    inputs: [
      { expression: 'score', typeRef: 'number' },
      { expression: 'channel', typeRef: 'string' },
    ],
    outputs: [
      { name: 'band', typeRef: 'string' },
      { name: 'limit', typeRef: 'number' },
    ],
    rules: [
      { inputEntries: ['< 600', '-'], outputEntries: ['"D"', '0'] },
      { inputEntries: ['>= 600', '"web"'], outputEntries: ['"B"', 'score * 10'] },
      { inputEntries: ['>= 600', '-'], outputEntries: ['"C"', '"not a number"'] },
    ],
  });

  test('values of the declared types are matched as usual; a missing value (null) conforms to every type', () => {
    assert.deepEqual(run(typed(), { score: 650, channel: 'web' }).value, { band: 'B', limit: 6500 });
    assert.deepEqual(run(typed(), { score: null, channel: 'web' }), { value: null, matched: [], warnings: [] });
  });

  test('an input of another type is an error, not a value compared with the rules: no rule matches and a warning says which column', () => {
    const r = run(typed(), { score: '650', channel: 'web' });
    assert.equal(r.value, null);
    assert.deepEqual(r.matched, []);
    assert.equal(r.warnings[0]!.code, 'input_type_mismatch');
    assert.match(r.warnings[0]!.message, /input score = "650" is a string, not a number/);
  });

  test('an output of another type than its column is an error: the result is null with a warning', () => {
    const r = run(typed(), { score: 650, channel: 'branch' });
    assert.equal(r.value, null);
    assert.equal(r.warnings[0]!.code, 'output_type_mismatch');
    assert.match(r.warnings[0]!.message, /output limit = "not a number" is not a number/);
  });

  test('a type this engine does not know by name (a DMN item definition) is left to the DMN runtime', () => {
    const def = typed();
    def.inputs[0]!.typeRef = 'tCreditScore';
    assert.deepEqual(run(def, { score: 650, channel: 'web' }).value, { band: 'B', limit: 6500 });
  });
});
