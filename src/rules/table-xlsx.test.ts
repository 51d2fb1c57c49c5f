import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { craftedTables, demoTables, randomInputs, seeded, TABLE_NAMES } from '../../test/support/tables.ts';
import { compileDecisionTable } from './decision-table.ts';
import { sameValue } from './index.ts';
import { type SheetCell, sheetToTable, tableToSheet } from './table-sheet.ts';
import { tableToXlsx, xlsxToTable } from './table-xlsx.ts';

describe('decision tables as spreadsheets', () => {
  const all = [...demoTables(), ...craftedTables];

  test('every table goes to an XLSX workbook and back unchanged, and decides 10,000 applications as before', async () => {
    const rand = seeded(7);
    for (const { name, table } of all) {
      const file = await tableToXlsx(table);
      assert.equal(file.subarray(0, 2).toString(), 'PK', `${name}: an XLSX workbook is a zip`);
      const back = await xlsxToTable(file);
      assert.deepEqual(back, { ...table, hitPolicy: table.hitPolicy ?? 'UNIQUE' }, name);
      const before = compileDecisionTable(table, TABLE_NAMES);
      const after = compileDecisionTable(back, TABLE_NAMES);
      for (let i = 0; i < 10_000 / all.length; i++) {
        const inputs = randomInputs(rand);
        assert.ok(sameValue(after.evaluate(inputs).value, before.evaluate(inputs).value), `${name} on ${JSON.stringify(inputs)}`);
      }
    }
  });

  test('cells an analyst typed as numbers, booleans, dates or left empty read as the FEEL they stand for', () => {
    const rows: SheetCell[][] = [
      ['Hit policy', 'first', null],
      ['input', 'input', 'output', 'annotation'],
      ['age', 'since', 'limit', 'Annotation'],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 0, null],
      [18, new Date(Date.UTC(2020, 0, 1)), 5000, 'adult'],
      [true, null, null, null],
      [null, null, null, null],
    ];
    assert.deepEqual(sheetToTable(rows), {
      hitPolicy: 'FIRST',
      inputs: [{ expression: 'age' }, { expression: 'since' }],
      outputs: [{ name: 'limit', defaultOutput: '0' }],
      rules: [
        { inputEntries: ['18', 'date("2020-01-01")'], outputEntries: ['5000'], annotation: 'adult' },
        { inputEntries: ['true', '-'], outputEntries: ['null'] },
      ],
    });
  });

  test('a sheet that is not a decision table is refused with the row and column', async () => {
    const sheet = tableToSheet(craftedTables[0]!.table);
    assert.throws(() => sheetToTable(sheet.slice(0, 3)), /needs its 6 heading rows/);
    assert.throws(() => sheetToTable([['Policy', 'FIRST'], ...sheet.slice(1)]), /row 1, column A: expected "Hit policy"/);
    assert.throws(() => sheetToTable([['Hit policy', 'MOST'], ...sheet.slice(1)]), /row 1, column B: hit policy "MOST"/);
    assert.throws(
      () => sheetToTable([sheet[0]!, ['input', 'thing', 'output'], ...sheet.slice(2)]),
      /row 2, column B: a column is "input", "output" or "annotation"/,
    );
    await assert.rejects(xlsxToTable(Buffer.from('not a workbook')), /not an XLSX workbook/);
    // A small file that unpacks to far more than any decision table is refused before it is inflated.
    const { zipSync } = await import('fflate');
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 }));
    assert.ok(bomb.byteLength < 1024 * 1024);
    await assert.rejects(xlsxToTable(bomb), /would unpack to 80 MB/);
  });
});
