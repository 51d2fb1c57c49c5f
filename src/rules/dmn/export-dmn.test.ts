import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeelValue } from '../../expr/index.ts';
import { craftedTables, demoTables, randomInputs, seeded, TABLE_NAMES as NAMES } from '../../../test/support/tables.ts';
import { compileDecisionTable, type DecisionTableDefinition } from '../decision-table.ts';
import { DmnRuntime, importDmn, sameValue } from '../index.ts';
import { DMN_VERSIONS, tableToDmnXml } from './export-dmn.ts';

describe('decision tables exported as DMN 1.5 or 1.3 and read back', () => {
  const all = [...demoTables(), ...craftedTables];

  test('the XML is DMN 1.5 (or 1.3 when asked) with a diagram, and reads back to the same table', async () => {
    assert.ok(all.length >= 6);
    const dated = { '1.5': '20230324', '1.3': '20191111' } as const;
    for (const dmnVersion of DMN_VERSIONS)
      for (const { name, table } of all) {
        const xml = tableToDmnXml(table, { decision: name, inputs: NAMES, dmnVersion });
        assert.ok(xml.includes(`xmlns="https://www.omg.org/spec/DMN/${dated[dmnVersion]}/MODEL/"`), dmnVersion);
        assert.ok(xml.includes(`typeLanguage="https://www.omg.org/spec/DMN/${dated[dmnVersion]}/FEEL/"`), dmnVersion);
        assert.match(xml, /<dmndi:DMNShape id="shape_decision_/);
        const model = await importDmn(xml);
        const logic = model.decisions.get(name)?.logic;
        assert.equal(logic?.kind, 'table', name);
        const back = (logic as { table: DecisionTableDefinition }).table;
        assert.equal(back.hitPolicy, table.hitPolicy ?? 'UNIQUE', name);
        assert.equal(back.aggregation, table.aggregation, name);
        assert.deepEqual(
          back.inputs.map((i) => [i.expression, i.inputValues]),
          table.inputs.map((i) => [i.expression, i.inputValues]),
          name,
        );
        assert.deepEqual(
          back.outputs.map((o) => [o.outputValues, o.defaultOutput]),
          table.outputs.map((o) => [o.outputValues, o.defaultOutput]),
          name,
        );
        assert.deepEqual(
          back.rules.map((r) => [r.inputEntries, r.outputEntries]),
          table.rules.map((r) => [r.inputEntries, r.outputEntries]),
          name,
        );
      }
  });

  test('10,000 generated applications get the same outputs from the table and from its DMN model', async () => {
    const rand = seeded(20261129);
    const pairs = await Promise.all(
      all.map(async ({ name, table }) => ({
        name,
        table: compileDecisionTable(table, NAMES),
        runtime: new DmnRuntime(await importDmn(tableToDmnXml(table, { decision: name, inputs: NAMES }))),
      })),
    );
    let compared = 0;
    for (let i = 0; i < 10_000; i++) {
      const inputs = randomInputs(rand);
      for (const { name, table, runtime } of pairs) {
        const want: FeelValue = table.evaluate(inputs).value;
        const got = runtime.evaluateDecision(name, inputs);
        assert.ok(sameValue(got.value, want), `${name} on ${JSON.stringify(inputs)}: DMN ${JSON.stringify(got.value)}, table ${JSON.stringify(want)}`);
        compared++;
      }
    }
    assert.equal(compared, 10_000 * pairs.length);
  });
});
