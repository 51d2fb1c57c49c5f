import type { DecisionTableDefinition } from './decision-table.ts';
import { RuleError } from './rule-error.ts';
import { type SheetCell, sheetToTable, tableToSheet } from './table-sheet.ts';

/** A spreadsheet upload larger than this is not a decision table. */
export const MAX_XLSX_BYTES = 4 * 1024 * 1024;
/** What a workbook may unpack to: a decision table of thousands of rules is a few megabytes of XML. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * Refuses a workbook whose parts would unpack to more than a decision table can be, from the
 * sizes its zip directory declares, before anything is inflated: a few kilobytes can be built
 * to unpack to gigabytes.
 */
async function refuseZipBombs(file: Buffer): Promise<void> {
  const { unzipSync } = await import('fflate');
  let total = 0;
  try {
    unzipSync(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), {
      filter: (part) => {
        total += part.originalSize;
        return false;
      },
    });
  } catch (err) {
    throw new RuleError('bad_sheet', `the file is not an XLSX workbook that can be read: ${(err as Error).message}`);
  }
  if (total > MAX_XLSX_UNPACKED_BYTES)
    throw new RuleError(
      'bad_sheet',
      `the workbook would unpack to ${Math.round(total / 1024 / 1024)} MB; a decision table is at most ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB`,
    );
}

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
  await refuseZipBombs(file);
  const { readSheet } = await import('read-excel-file/node');
  let rows: SheetCell[][];
  try {
    rows = (await readSheet(file)) as SheetCell[][];
  } catch (err) {
    throw new RuleError('bad_sheet', `the file is not an XLSX workbook that can be read: ${(err as Error).message}`);
  }
  return sheetToTable(rows);
}
