import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvLine } from './csv-cell.ts';

test('CSV cells that a spreadsheet would run as formulas are neutralised; numbers and plain text are kept', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  for (const lead of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${lead}1+1`).replace(/^"/, '').startsWith(`'${lead}`), JSON.stringify(lead));
  assert.equal(csvCell(-1.5), '-1.5', 'a number stays a number');
  assert.equal(csvCell('-12.50'), '-12.50', 'and so does a number written as text');
  assert.equal(csvCell('Duration'), 'Duration');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvLine(['x', 2, null, '@SUM(A1)']), "x,2,,'@SUM(A1)");
});
