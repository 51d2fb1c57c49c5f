import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A numeric column: NaN marks a missing value. */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
}

/** A categorical column, dictionary-encoded: codes index `levels`, -1 marks a missing value. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** A columnar data set: typed arrays per column, all of one length. */
export class Frame {
  readonly byName: ReadonlyMap<string, Column>;
  constructor(
    readonly columns: readonly Column[],
    readonly rows: number,
  ) {
    this.byName = new Map(columns.map((c) => [c.name, c]));
  }

  column(name: string): Column {
    const c = this.byName.get(name);
    if (!c) throw new Error(`no column "${name}"; columns are ${this.columns.map((x) => x.name).join(', ')}`);
    return c;
  }

  /** 1 where the column equals `positive` (the "bad" outcome), 0 otherwise. */
  target(name: string, positive: string): Uint8Array {
    const c = this.column(name);
    const y = new Uint8Array(this.rows);
    if (c.kind === 'categorical') {
      const code = c.levels.indexOf(positive);
      if (code < 0) throw new Error(`column "${name}" never holds "${positive}"; it holds ${c.levels.join(', ')}`);
      for (let i = 0; i < this.rows; i++) y[i] = c.codes[i] === code ? 1 : 0;
    } else {
      const v = Number(positive);
      for (let i = 0; i < this.rows; i++) y[i] = c.values[i] === v ? 1 : 0;
    }
    let bad = 0;
    for (let i = 0; i < this.rows; i++) bad += y[i]!;
    if (bad === 0 || bad === this.rows)
      throw new Error(`column "${name}" is constant: ${bad === 0 ? 'no' : 'every'} row of ${this.rows} holds "${positive}"; a model needs both outcomes`);
    return y;
  }

  /** The given rows (by index, in that order) as a frame of their own. */
  selectRows(rows: ArrayLike<number>): Frame {
    return new Frame(
      this.columns.map((c) =>
        c.kind === 'numeric' ? { ...c, values: Float64Array.from(rows, (r) => c.values[r]!) } : { ...c, codes: Int32Array.from(rows, (r) => c.codes[r]!) },
      ),
      rows.length,
    );
  }

  without(...names: string[]): Frame {
    return new Frame(
      this.columns.filter((c) => !names.includes(c.name)),
      this.rows,
    );
  }
}

const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'null', 'NULL']);

/** Builds columns from text cells: a column is numeric when every present cell is a number. */
export function frameFromRecords(header: string[], rows: string[][]): Frame {
  const seen = new Set<string>();
  for (const [j, name] of header.entries()) {
    if (seen.has(name)) throw new Error(`column ${j + 1} is named "${name.slice(0, 80)}" like an earlier column; every column needs its own name`);
    seen.add(name);
  }
  const columns: Column[] = header.map((name, j) => {
    const cells = rows.map((r) => (r[j] ?? '').trim());
    const isNumber = (c: string) => MISSING.has(c) || (c !== '' && Number.isFinite(Number(c)));
    let strays = 0;
    for (const c of cells) if (!isNumber(c)) strays++;
    const numeric = strays === 0;
    // A column of numbers with a stray word is a data error, not a category with thousands of levels.
    if (!numeric && strays <= Math.max(1, cells.length * 0.01) && cells.length >= 20) {
      const row = cells.findIndex((c) => !isNumber(c));
      throw new Error(
        `column "${name}" holds numbers except ${JSON.stringify(cells[row])} in data row ${row + 1}; correct it, or leave the cell empty for a missing value`,
      );
    }
    if (numeric) return { kind: 'numeric', name, values: Float64Array.from(cells, (c) => (MISSING.has(c) ? NaN : Number(c))) };
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(cells, (c) => {
      if (MISSING.has(c)) return -1;
      let k = index.get(c);
      if (k === undefined) {
        k = levels.length;
        levels.push(c);
        index.set(c, k);
      }
      return k;
    });
    return { kind: 'categorical', name, codes, levels };
  });
  return new Frame(columns, rows.length);
}

export function readCsv(path: string): Frame {
  return csvFrame(readFileSync(path, 'utf8'), path);
}

/** CSV text with a header line; `where` names it in errors. */
export function csvFrame(text: string, where: string): Frame {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    // csv-parse names the line and the column counts ("Invalid Record Length: expect 14, got 13 on line 5").
    throw new Error(`${where}: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new Error(`${where} is empty`);
  return frameFromRecords(header, rows);
}

/** JSON lines: one object per line; keys of the first line are the columns. */
export function readJsonLines(path: string): Frame {
  const objects = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const header = Object.keys(objects[0] ?? {});
  return frameFromRecords(
    header,
    objects.map((o) => header.map((h) => (o[h] === null || o[h] === undefined ? '' : String(o[h])))),
  );
}

/** One row typed as a model expects it: numbers (missing as NaN) or categories (missing as -1). */
export function rowFrame(spec: { name: string; kind: 'numeric' | 'categorical' }[], values: unknown[]): Frame {
  const columns: Column[] = spec.map((s, k) => {
    const v = values[k];
    const absent = v === null || v === undefined || v === '';
    if (s.kind === 'numeric') return { kind: 'numeric', name: s.name, values: Float64Array.of(absent ? NaN : Number(v)) };
    return { kind: 'categorical', name: s.name, codes: Int32Array.of(absent ? -1 : 0), levels: absent ? [] : [String(v)] };
  });
  return new Frame(columns, 1);
}
