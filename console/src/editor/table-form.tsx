import { t } from '../i18n/i18n.ts';
import { useEffect, useState } from 'react';
import { post, postForFile } from '../api.ts';
import { ActionButton, ErrorBox, saveText } from '../ui.tsx';
import type { Posted, TableCheckRequest } from '../types.ts';
import type { LocatedIssue } from './checks.ts';
import { FeelField, issuesAt, Problems, SelectField } from './form-parts.tsx';

/** A decision table as the API takes it, and what `POST /v1/tables/check` says of one. */
export type TableSpec = TableCheckRequest['table'];
type TableCheck = Posted<'/v1/tables/check'>;

const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'RULE ORDER', 'OUTPUT ORDER', 'COLLECT'];

/** The types a column may declare (DMN typeRef); a value of another type is an evaluation error. */
type ColumnType = NonNullable<TableSpec['inputs'][number]['typeRef']>;
/**
 * The server's list (rules/feel-types.ts) reaches the console only as the API schema's type, and
 * importing it would bring the FEEL engine into the page; keyed by that type, a type the server
 * adds and this lacks fails to compile here.
 */
const TYPE_KEYS: Record<ColumnType, true> = {
  number: true,
  string: true,
  boolean: true,
  date: true,
  time: true,
  'date and time': true,
  'days and time duration': true,
  'years and months duration': true,
  list: true,
  context: true,
  Any: true,
};
const COLUMN_TYPES = Object.keys(TYPE_KEYS) as ColumnType[];

/** A column's type: any value, or one of the built-in types. */
function TypeSelect({ label, value, onChange }: { label: string; value: ColumnType | undefined; onChange: (v: ColumnType | undefined) => void }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as ColumnType | undefined)}>
      <option value="">{t('any type')}</option>
      {COLUMN_TYPES.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}

/** A copy of a column with its type set, or without one. */
const withType = <C extends { typeRef?: ColumnType }>(c: C, t: ColumnType | undefined): C => {
  const { typeRef: _, ...rest } = c;
  return (t ? { ...rest, typeRef: t } : rest) as C;
};

/** Move a column left or right, or remove it (its cells in every rule go with it). */
function ColumnActions({ part, index, onMove, onRemove }: { part: 'input' | 'output'; index: number; onMove: (by: number) => void; onRemove: () => void }) {
  const name = `${part} column ${index + 1}`;
  return (
    <span className="column-actions">
      <button type="button" className="btn btn-secondary btn-small" aria-label={t('Move {{name}} left', { name })} onClick={() => onMove(-1)}>
        ←
      </button>
      <button type="button" className="btn btn-secondary btn-small" aria-label={t('Move {{name}} right', { name })} onClick={() => onMove(1)}>
        →
      </button>
      <button type="button" className="btn btn-secondary btn-small" aria-label={t('Remove {{name}}', { name })} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

/**
 * A decision table, in a table node of the flow editor and on the Decision tables page: columns
 * added, removed and moved, hit policy, and the rules as a grid. Each cell's FEEL, the gaps
 * (inputs no rule matches) and overlaps are checked on the server as the analyst types and shown
 * in the grid, a cell's problem under the cell. Read only, it shows the table and nothing to change.
 */
export function TableForm({
  table,
  onChange,
  names,
  issues,
  base,
  label = 'Rules',
  readOnly = false,
  onCheck,
}: {
  table: TableSpec;
  onChange: (next: TableSpec, group?: string) => void;
  names: readonly string[];
  issues: readonly LocatedIssue[];
  base: string;
  /** The grid's accessible name. */
  label?: string;
  readOnly?: boolean;
  /** Told each check's answer (a page that saves the table refuses while a cell does not compile). */
  onCheck?: (check: TableCheck | null) => void;
}) {
  const [check, setCheck] = useState<TableCheck | null>(null);
  const [importError, setImportError] = useState<Error | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  useEffect(() => {
    // Checking is an editor's permission; a reader sees the table as stored.
    if (readOnly) return;
    let live = true;
    const timer = setTimeout(() => {
      post<TableCheck>('/v1/tables/check', { table }).then(
        (r) => {
          if (!live) return;
          setCheck(r);
          setCheckError(null);
          onCheck?.(r);
        },
        (err: Error) => {
          if (!live) return;
          setCheck(null);
          setCheckError(err.message);
          onCheck?.(null);
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [table, readOnly, onCheck]);
  const cellProblem = (rule: number, column: number) => check?.cells.find((c) => c.rule === rule + 1 && c.column === column + 1)?.message;
  const width = table.inputs.length;
  const setRule = (i: number, rule: TableSpec['rules'][number], group?: string) =>
    onChange({ ...table, rules: table.rules.map((r, k) => (k === i ? rule : r)) }, group);
  const move = <T,>(list: T[], i: number, by: number): T[] => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return next;
  };
  const moveColumn = (part: 'input' | 'output', i: number, by: number) =>
    part === 'input'
      ? onChange({ ...table, inputs: move(table.inputs, i, by), rules: table.rules.map((r) => ({ ...r, inputEntries: move(r.inputEntries, i, by) })) })
      : onChange({ ...table, outputs: move(table.outputs, i, by), rules: table.rules.map((r) => ({ ...r, outputEntries: move(r.outputEntries, i, by) })) });
  const removeColumn = (part: 'input' | 'output', i: number) =>
    part === 'input'
      ? onChange({
          ...table,
          inputs: table.inputs.filter((_, k) => k !== i),
          rules: table.rules.map((r) => ({ ...r, inputEntries: r.inputEntries.filter((_, k) => k !== i) })),
        })
      : onChange({
          ...table,
          outputs: table.outputs.filter((_, k) => k !== i),
          rules: table.rules.map((r) => ({ ...r, outputEntries: r.outputEntries.filter((_, k) => k !== i) })),
        });
  const columnLabel = (c: number) => (c < width ? (table.inputs[c]!.label ?? table.inputs[c]!.expression) : table.outputs[c - width]!.name);
  return (
    <fieldset className="table-form">
      <legend>{t('Decision table')}</legend>
      {readOnly ? (
        <p className="muted">
          {t('Hit policy')} {table.hitPolicy ?? 'UNIQUE'}
          {t('. Read only: editing needs the risk-manager or analyst role.')}
        </p>
      ) : (
        <>
          <SelectField
            label={t('Hit policy')}
            value={table.hitPolicy ?? 'UNIQUE'}
            options={HIT_POLICIES}
            onChange={(v) => onChange({ ...table, hitPolicy: v as TableSpec['hitPolicy'] })}
          />
          {table.hitPolicy === 'COLLECT' ? (
            <SelectField
              label={t('Aggregation')}
              value={table.aggregation ?? ''}
              options={['', 'SUM', 'MIN', 'MAX', 'COUNT']}
              onChange={(v) => onChange(v ? { ...table, aggregation: v as TableSpec['aggregation'] } : (({ aggregation: _, ...rest }) => rest)(table))}
            />
          ) : null}
          <div className="columns-editor">
            {table.inputs.map((col, i) => (
              <div className="column-card" key={`in${i}`}>
                <FeelField
                  label={t('Input column {{value}}', { value: i + 1 })}
                  value={col.expression}
                  names={names}
                  issues={issuesAt(issues, `${base}.inputs[${i}]`)}
                  onChange={(v) => onChange({ ...table, inputs: table.inputs.map((c, k) => (k === i ? { ...c, expression: v } : c)) }, `in-${i}`)}
                />
                <input
                  aria-label={t('Input column {{value}} allowed values', { value: i + 1 })}
                  placeholder={t('allowed values, e.g. "A","B"')}
                  value={col.inputValues ?? ''}
                  onChange={(e) =>
                    onChange(
                      { ...table, inputs: table.inputs.map((c, k) => (k === i ? { ...c, inputValues: e.target.value || undefined } : c)) },
                      `in-values-${i}`,
                    )
                  }
                />
                <TypeSelect
                  label={t('Input column {{value}} type', { value: i + 1 })}
                  value={col.typeRef}
                  onChange={(t) => onChange({ ...table, inputs: table.inputs.map((c, k) => (k === i ? withType(c, t) : c)) }, `in-type-${i}`)}
                />
                <ColumnActions part="input" index={i} onMove={(by) => moveColumn('input', i, by)} onRemove={() => removeColumn('input', i)} />
              </div>
            ))}
            {table.outputs.map((col, i) => (
              <div className="column-card output" key={`out${i}`}>
                <label>
                  {t('Output column')} {i + 1}
                  <input
                    aria-label={t('Output column {{value}} name', { value: i + 1 })}
                    value={col.name}
                    onChange={(e) => onChange({ ...table, outputs: table.outputs.map((c, k) => (k === i ? { ...c, name: e.target.value } : c)) }, `out-${i}`)}
                  />
                </label>
                <TypeSelect
                  label={t('Output column {{value}} type', { value: i + 1 })}
                  value={col.typeRef}
                  onChange={(t) => onChange({ ...table, outputs: table.outputs.map((c, k) => (k === i ? withType(c, t) : c)) }, `out-type-${i}`)}
                />
                {(['outputValues', 'defaultOutput'] as const).map((part) => (
                  <input
                    key={part}
                    aria-label={t('Output column {{value}} {{value2}}', { value: i + 1, value2: part === 'outputValues' ? 'allowed values' : 'default' })}
                    placeholder={part === 'outputValues' ? t('allowed values, in priority order, e.g. "A","B"') : t('default when no rule matches')}
                    value={col[part] ?? ''}
                    onChange={(e) =>
                      onChange(
                        {
                          ...table,
                          outputs: table.outputs.map((c, k) => {
                            if (k !== i) return c;
                            const { [part]: _, ...rest } = c;
                            return e.target.value ? { ...rest, [part]: e.target.value } : rest;
                          }),
                        },
                        `out-${part}-${i}`,
                      )
                    }
                  />
                ))}
                <ColumnActions part="output" index={i} onMove={(by) => moveColumn('output', i, by)} onRemove={() => removeColumn('output', i)} />
              </div>
            ))}
          </div>
          <div className="toolbar">
            <ActionButton kind="secondary" onClick={async () => saveText(await postForFile('/v1/tables/xlsx', { table }), 'decision-table.xlsx')}>
              {t('Download spreadsheet')}
            </ActionButton>
            <label className="btn btn-secondary btn-small file-button">
              {t('Import spreadsheet')}
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (!file) return;
                  setImportError(null);
                  try {
                    const bytes = new Uint8Array(await file.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
                    onChange((await post<{ table: TableSpec }>('/v1/tables/from-xlsx', { file: btoa(binary) })).table);
                  } catch (err) {
                    setImportError(err as Error);
                  }
                }}
              />
            </label>
          </div>
          <ErrorBox error={importError} />
          <div className="toolbar">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                onChange({
                  ...table,
                  inputs: [...table.inputs, { expression: '' }],
                  rules: table.rules.map((r) => ({ ...r, inputEntries: [...r.inputEntries, '-'] })),
                })
              }
            >
              {t('Add input column')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                onChange({
                  ...table,
                  outputs: [...table.outputs, { name: `output${table.outputs.length + 1}` }],
                  rules: table.rules.map((r) => ({ ...r, outputEntries: [...r.outputEntries, 'null'] })),
                })
              }
            >
              {t('Add output column')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                onChange({ ...table, rules: [...table.rules, { inputEntries: table.inputs.map(() => '-'), outputEntries: table.outputs.map(() => 'null') }] })
              }
            >
              {t('Add rule')}
            </button>
          </div>
        </>
      )}
      <table className="rules-grid" aria-label={label}>
        <thead>
          <tr>
            <th>#</th>
            {table.inputs.map((c, i) => (
              <th key={`i${i}`} className="in">
                {c.label ?? (c.expression || t('input {{value}}', { value: i + 1 }))}
              </th>
            ))}
            {table.outputs.map((c, i) => (
              <th key={`o${i}`} className="out">
                {c.name}
              </th>
            ))}
            <th>{t('Annotation')}</th>
            {readOnly ? null : <th />}
          </tr>
        </thead>
        <tbody>
          {table.rules.map((rule, r) => {
            const overlapping = check?.overlaps.some((o) => o.rules.includes(r + 1));
            return (
              <tr key={r} className={overlapping ? 'overlap' : undefined}>
                <td>{r + 1}</td>
                {[...rule.inputEntries, ...rule.outputEntries].map((text, c) => {
                  const problem = cellProblem(r, c);
                  const isInput = c < width;
                  const id = `${base}-cell-${r + 1}-${c + 1}`;
                  return (
                    <td key={c} className={problem ? 'cell-error' : undefined}>
                      <input
                        aria-label={t('Rule {{value}} {{value2}}', { value: r + 1, value2: isInput ? `input ${c + 1}` : `output ${c - width + 1}` })}
                        aria-description={columnLabel(c)}
                        aria-invalid={Boolean(problem)}
                        aria-describedby={problem ? `${id}-error` : undefined}
                        title={problem}
                        value={text}
                        readOnly={readOnly}
                        onChange={(e) =>
                          setRule(
                            r,
                            isInput
                              ? { ...rule, inputEntries: rule.inputEntries.map((x, k) => (k === c ? e.target.value : x)) }
                              : { ...rule, outputEntries: rule.outputEntries.map((x, k) => (k === c - width ? e.target.value : x)) },
                            `cell-${r}-${c}`,
                          )
                        }
                      />
                      {problem ? (
                        <div className="cell-message" id={`${id}-error`} role="alert">
                          {problem}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
                <td>
                  <input
                    aria-label={t('Rule {{value}} annotation', { value: r + 1 })}
                    value={rule.annotation ?? ''}
                    readOnly={readOnly}
                    onChange={(e) => setRule(r, { ...rule, annotation: e.target.value || undefined }, `note-${r}`)}
                  />
                </td>
                {readOnly ? null : (
                  <td className="nowrap">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-label={t('Move rule {{value}} up', { value: r + 1 })}
                      onClick={() => onChange({ ...table, rules: move(table.rules, r, -1) })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-label={t('Remove rule {{value}}', { value: r + 1 })}
                      onClick={() => onChange({ ...table, rules: table.rules.filter((_, k) => k !== r) })}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {checkError ? (
        <div className="error" role="alert">
          {t('The table could not be checked:')} {checkError}
        </div>
      ) : null}
      {check ? <TableFindings table={table} check={check} /> : null}
      <Problems issues={issues.filter((i) => !i.path.includes('.inputs['))} />
    </fieldset>
  );
}

/** What the check found, by column: cells that do not compile, gaps and overlaps with an example of each. */
function TableFindings({ table, check }: { table: TableSpec; check: TableCheck }) {
  const example = (values: readonly unknown[]) => table.inputs.map((c, j) => `${c.label ?? c.expression} = ${JSON.stringify(values[j])}`).join(', ');
  const shown = 5;
  return (
    <section className="small" role="status" aria-label={t('Table check')}>
      {check.cells.length ? (
        <p className="problem-text">
          {check.cells.length === 1
            ? t('One cell does not compile; it says why.')
            : t('{{length}} cells do not compile; each says why.', { length: check.cells.length })}
        </p>
      ) : null}
      {check.table ? <p className="problem-text">{check.table}</p> : null}
      {!check.cells.length && !check.table ? (
        <>
          <p>
            {check.gaps.length === 0
              ? t('No gaps: every input is matched by a rule.')
              : t('{{length}}{{value}} gaps: inputs no rule matches.', { length: check.gaps.length, value: check.truncated ? '+' : '' })}{' '}
            {check.overlaps.length === 0
              ? t('No overlaps.')
              : t('{{length}} overlaps{{value}}.', {
                  length: check.overlaps.length,
                  value: table.hitPolicy && table.hitPolicy !== 'UNIQUE' ? t(' (allowed by the {{policy}} hit policy)', { policy: table.hitPolicy }) : '',
                })}
            {check.unanalysedColumns.length
              ? t(' Columns {{join}} use expressions the analysis cannot enumerate.', { join: check.unanalysedColumns.join(', ') })
              : ''}
          </p>
          <ul className="findings">
            {check.gaps.slice(0, shown).map((g) => (
              <li key={`g${JSON.stringify(g.example)}`} className="gap">
                {t('Gap:')} {example(g.example)}
              </li>
            ))}
            {check.gaps.length > shown ? (
              <li className="gap">
                {t('and')} {check.gaps.length - shown} {t('more gaps')}
              </li>
            ) : null}
            {check.overlaps.map((o) => (
              <li key={`o${o.rules.join('-')}`} className="overlap">
                {t('Rules')} {o.rules[0]} {t('and')} {o.rules[1]} {t('both match')} {example(o.example)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
