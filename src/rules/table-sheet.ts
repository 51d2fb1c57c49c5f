import { type Aggregation, type DecisionTableDefinition, HIT_POLICIES, type HitPolicy } from './decision-table.ts';
import { RuleError } from './rule-error.ts';
import { COLUMN_TYPES } from './feel-types.ts';

/**
 * A decision table as the rows of a spreadsheet, and back: the form analysts keep policy in.
 *
 *   row 1   Hit policy | FIRST | Aggregation | (SUM, MIN, MAX, COUNT with COLLECT)
 *   row 2   input      | input (number) | output | output (string) | annotation
 *           (what each column is, with the type its values must have in brackets, if any)
 *   row 3   bureauScore| dti   | band        | spread | Annotation      (expression / output name)
 *   row 4   Bureau score | …   |             |        |                 (input labels)
 *   row 5   allowed values (input values / output values)
 *   row 6   default outputs
 *   row 7…  one rule per row
 *
 * Every cell is FEEL text. A number, boolean or date typed into a cell is read as the FEEL it
 * stands for; an empty input cell is "-" (any value), an empty output cell null.
 */
export type SheetCell = string | number | boolean | Date | null;

const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];
const HEADER_ROWS = 6;

export function tableToSheet(table: DecisionTableDefinition): SheetCell[][] {
  const typed = (kind: string, typeRef: string | undefined) => (typeRef ? `${kind} (${typeRef})` : kind);
  const kinds = [...table.inputs.map((i) => typed('input', i.typeRef)), ...table.outputs.map((o) => typed('output', o.typeRef)), 'annotation'];
  const width = kinds.length;
  const row = (cells: (string | undefined)[]): SheetCell[] => Array.from({ length: width }, (_, i) => cells[i] ?? null);
  return [
    row(['Hit policy', table.hitPolicy ?? 'UNIQUE', ...(table.aggregation ? ['Aggregation', table.aggregation] : [])]),
    row(kinds),
    row([...table.inputs.map((i) => i.expression), ...table.outputs.map((o) => o.name), 'Annotation']),
    row([...table.inputs.map((i) => i.label), ...table.outputs.map(() => undefined)]),
    row([...table.inputs.map((i) => i.inputValues), ...table.outputs.map((o) => o.outputValues)]),
    row([...table.inputs.map(() => undefined), ...table.outputs.map((o) => o.defaultOutput)]),
    ...table.rules.map((r) => row([...r.inputEntries, ...r.outputEntries, r.annotation])),
  ];
}

/** A cell as FEEL text; null for an empty cell. */
function feelOf(cell: SheetCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? `date("${iso.slice(0, 10)}")` : `date and time("${iso.replace('.000Z', 'Z')}")`;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'boolean') return String(cell);
  const text = cell.trim();
  return text === '' ? null : text;
}

const where = (row: number, column: number) =>
  `row ${row + 1}, column ${String.fromCharCode(65 + (column % 26))}${column >= 26 ? Math.floor(column / 26) : ''}`;

/** Reads a sheet laid out as `tableToSheet` writes it; a cell out of place is refused with its row and column. */
export function sheetToTable(rows: readonly (readonly SheetCell[])[]): DecisionTableDefinition {
  if (rows.length < HEADER_ROWS)
    throw new RuleError(
      'bad_sheet',
      `the sheet has ${rows.length} rows; a decision table needs its ${HEADER_ROWS} heading rows (hit policy, column kinds, expressions, labels, allowed values, defaults)`,
    );
  const [policyRow, kindRow, nameRow, labelRow, valuesRow, defaultRow] = rows as SheetCell[][];
  if (String(feelOf(policyRow![0]) ?? '').toLowerCase() !== 'hit policy')
    throw new RuleError('bad_sheet', `${where(0, 0)}: expected "Hit policy", found ${JSON.stringify(policyRow![0] ?? '')}`);
  const hitPolicy = String(feelOf(policyRow![1]) ?? 'UNIQUE').toUpperCase() as HitPolicy;
  if (!(HIT_POLICIES as readonly string[]).includes(hitPolicy))
    throw new RuleError('bad_sheet', `${where(0, 1)}: hit policy "${hitPolicy}" is not one of ${HIT_POLICIES.join(', ')}`);
  const aggregationText = feelOf(policyRow![2])?.toLowerCase() === 'aggregation' ? feelOf(policyRow![3])?.toUpperCase() : undefined;
  if (aggregationText && !AGGREGATIONS.includes(aggregationText as Aggregation))
    throw new RuleError('bad_sheet', `${where(0, 3)}: aggregation "${aggregationText}" is not one of ${AGGREGATIONS.join(', ')}`);

  const columns: { kind: 'input' | 'output' | 'annotation'; at: number; typeRef?: string }[] = [];
  kindRow!.forEach((c, at) => {
    const text = feelOf(c);
    if (text === null) return;
    const m = /^(input|output|annotation)\s*(?:\(\s*(.+?)\s*\))?$/i.exec(text);
    if (!m) throw new RuleError('bad_sheet', `${where(1, at)}: a column is "input", "output" or "annotation" (with its type in brackets), not "${text}"`);
    const kind = m[1]!.toLowerCase() as 'input' | 'output' | 'annotation';
    const typeRef = m[2];
    if (typeRef && !(COLUMN_TYPES as readonly string[]).includes(typeRef))
      throw new RuleError('bad_sheet', `${where(1, at)}: "${typeRef}" is not a type; use one of ${COLUMN_TYPES.join(', ')}`);
    columns.push({ kind, at, ...(typeRef ? { typeRef } : {}) });
  });
  const ins = columns.filter((c) => c.kind === 'input');
  const outs = columns.filter((c) => c.kind === 'output');
  const note = columns.find((c) => c.kind === 'annotation');
  if (!ins.length || !outs.length) throw new RuleError('bad_sheet', `${where(1, 0)}: a decision table needs at least one input and one output column`);
  const optional = (row: SheetCell[] | undefined, at: number) => feelOf(row?.[at]) ?? undefined;
  const required = (row: SheetCell[] | undefined, r: number, at: number, what: string) => {
    const text = feelOf(row?.[at]);
    if (text === null) throw new RuleError('bad_sheet', `${where(r, at)}: the ${what} is empty`);
    return text;
  };
  const table: DecisionTableDefinition = {
    hitPolicy,
    ...(aggregationText ? { aggregation: aggregationText as Aggregation } : {}),
    inputs: ins.map(({ at, typeRef }) => ({
      expression: required(nameRow, 2, at, 'input expression'),
      ...(typeRef ? { typeRef } : {}),
      ...(optional(labelRow, at) ? { label: optional(labelRow, at) } : {}),
      ...(optional(valuesRow, at) ? { inputValues: optional(valuesRow, at) } : {}),
    })),
    outputs: outs.map(({ at, typeRef }) => ({
      name: required(nameRow, 2, at, 'output name'),
      ...(typeRef ? { typeRef } : {}),
      ...(optional(valuesRow, at) ? { outputValues: optional(valuesRow, at) } : {}),
      ...(optional(defaultRow, at) ? { defaultOutput: optional(defaultRow, at) } : {}),
    })),
    rules: [],
  };
  for (let r = HEADER_ROWS; r < rows.length; r++) {
    const row = rows[r] as SheetCell[];
    if (row.every((c) => feelOf(c) === null)) continue;
    const annotation = note ? optional(row, note.at) : undefined;
    table.rules.push({
      inputEntries: ins.map(({ at }) => feelOf(row[at]) ?? '-'),
      outputEntries: outs.map(({ at }) => feelOf(row[at]) ?? 'null'),
      ...(annotation ? { annotation } : {}),
    });
  }
  return table;
}
