import type { DecisionTableDefinition } from './decision-table.ts';
import { RuleError } from './rule-error.ts';
import { type SheetCell, sheetToTable, tableToSheet } from './table-sheet.ts';

/** A spreadsheet upload larger than this is not a decision table. */
export const MAX_XLSX_BYTES = 4 * 1024 * 1024;

/** A decision table as an XLSX workbook of one sheet, "Decision table", laid out as `tableToSheet` says. */
export async function tableToXlsx(table: DecisionTableDefinition): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const rows = tableToSheet(table).map((row, r) =>
    row.map((value) => (value === null ? null : { value: String(value), type: String, ...(r < 3 ? { fontWeight: 'bold' as const } : {}) })),
  );
  return writeXlsxFile(rows, { sheet: 'Decision table', stickyRowsCount: 6 }).toBuffer();
}

/** The decision table in a workbook's first sheet; what is not one is refused with the row and column. */
export async function xlsxToTable(file: Buffer): Promise<DecisionTableDefinition> {
  if (file.byteLength > MAX_XLSX_BYTES) throw new RuleError('bad_sheet', `the workbook is over ${MAX_XLSX_BYTES / 1024 / 1024} MB`);
  const { readSheet } = await import('read-excel-file/node');
  let rows: SheetCell[][];
  try {
    rows = (await readSheet(file)) as SheetCell[][];
  } catch (err) {
    throw new RuleError('bad_sheet', `the file is not an XLSX workbook that can be read: ${(err as Error).message}`);
  }
  return sheetToTable(rows);
}
