/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe, so a feature or field name chosen by
 * someone else cannot become a formula in the analyst's spreadsheet; cells with a comma, quote
 * or line break are quoted. Numbers are written as they are.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  // A plain number written as text ("-12.50") is a number to a spreadsheet, not a formula.
  return csvQuote(/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v) ? `'${v}` : v);
}

/**
 * A cell quoted as CSV needs it (a comma, quote or line break), nothing else: for files that
 * flows read back as written, never opened in a spreadsheet.
 */
export function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of cells. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
