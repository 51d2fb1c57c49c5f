import { t } from '../i18n/i18n.ts';
import { useId } from 'react';
import type { LocatedIssue } from './checks.ts';
import { FeelEditor } from './feel-editor.tsx';

/** One spelling for a JSON path: the schema writes `.name`, the static checks `["name"]`. */
export const normalizePath = (path: string) => path.replace(/\["([A-Za-z_$][\w$]*)"\]/g, '.$1');

/** The issues whose path is `path` or lies below it. */
export function issuesAt(issues: readonly LocatedIssue[], path: string): LocatedIssue[] {
  const p = normalizePath(path);
  return issues.filter((i) => {
    const q = normalizePath(i.path);
    return q === p || q.startsWith(`${p}.`) || q.startsWith(`${p}[`);
  });
}

export const keyPath = (base: string, key: string) => normalizePath(`${base}[${JSON.stringify(key)}]`);

export function Problems({ issues }: { issues: readonly LocatedIssue[] }) {
  if (!issues.length) return null;
  return (
    <ul className="field-problems" role="alert">
      {issues.map((i, k) => (
        <li key={k}>{i.message}</li>
      ))}
    </ul>
  );
}

export function TextField({
  label,
  value,
  onChange,
  issues = [],
  placeholder,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  issues?: readonly LocatedIssue[];
  placeholder?: string;
  type?: 'text' | 'number';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} placeholder={placeholder} aria-invalid={issues.length > 0} onChange={(e) => onChange(e.target.value)} />
      <Problems issues={issues} />
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  issues = [],
}: {
  label: string;
  value: string;
  options: readonly (string | { value: string; label: string })[];
  onChange: (v: string) => void;
  issues?: readonly LocatedIssue[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={issues.length > 0} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => {
          const { value: v, label: l } = typeof o === 'string' ? { value: o, label: o || '—' } : o;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
      <Problems issues={issues} />
    </div>
  );
}

/** A FEEL field: the editor, and the flow's findings for it underlined in place. */
export function FeelField({
  label,
  value,
  onChange,
  names,
  issues,
  kind,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  names: readonly string[];
  issues: readonly LocatedIssue[];
  kind?: 'expression' | 'unary-tests';
}) {
  return (
    <div className="field">
      <span className="label">{label}</span>
      <FeelEditor
        label={label}
        value={value}
        onChange={onChange}
        names={names}
        kind={kind}
        problems={issues.map((i) => ({ message: i.message, line: i.line, column: i.column }))}
      />
    </div>
  );
}

/**
 * Names bound to FEEL, in order (an expression node's assignments, a bureau's inputs, an
 * offer): rename, edit, remove, add. Order matters where later entries read earlier ones.
 */
export function FeelMap({
  label,
  nameLabel,
  entries,
  onChange,
  names,
  issues,
  base,
  fixedNames,
}: {
  label: string;
  nameLabel: string;
  entries: Record<string, string>;
  onChange: (next: Record<string, string>, group?: string) => void;
  names: readonly string[];
  issues: readonly LocatedIssue[];
  /** The JSON path of the map, for its issues. */
  base: string;
  /** Names that must be there (a connector's inputs): they cannot be renamed or removed. */
  fixedNames?: readonly string[];
}) {
  const list = Object.entries(entries);
  const rebuild = (rows: [string, string][]) => Object.fromEntries(rows);
  const free = () => {
    for (let i = list.length + 1; ; i++) if (!(`value${i}` in entries)) return `value${i}`;
  };
  return (
    <fieldset className="feel-map">
      <legend>{label}</legend>
      {list.length === 0 ? <p className="muted small">{t('None yet.')}</p> : null}
      {list.map(([name, text], i) => (
        <div className="feel-map-row" key={i}>
          {fixedNames?.includes(name) ? (
            <code className="feel-map-name">{name}</code>
          ) : (
            <input
              aria-label={`${nameLabel} ${i + 1}`}
              className="feel-map-name"
              value={name}
              onChange={(e) => onChange(rebuild(list.map((r, k) => (k === i ? [e.target.value, r[1]] : r))), `${base}:name:${i}`)}
            />
          )}
          <span aria-hidden="true">=</span>
          <FeelField
            label={`${label}: ${name}`}
            value={text}
            names={names}
            issues={issuesAt(issues, keyPath(base, name))}
            onChange={(v) => onChange(rebuild(list.map((r, k) => (k === i ? [r[0], v] : r))), `${base}:${i}`)}
          />
          {fixedNames?.includes(name) ? null : (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('Remove {{name}}', { name })}
              onClick={() => onChange(rebuild(list.filter((_, k) => k !== i)))}
            >
              ×
            </button>
          )}
        </div>
      ))}
      <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange({ ...entries, [free()]: '' })}>
        {t('Add')} {nameLabel}
      </button>
      <Problems issues={issues.filter((i) => normalizePath(i.path) === normalizePath(base))} />
    </fieldset>
  );
}

/** A text for people in other languages, by locale, as flows give them. */
export type Texts = Partial<Record<string, string>>;

/** The texts with the Chinese one set to `v`, or without it when `v` is empty; undefined when none is left. */
export function withChinese(texts: Texts | undefined, v: string): Texts | undefined {
  const { 'zh-CN': _, ...others } = texts ?? {};
  const next = v ? { ...others, 'zh-CN': v } : others;
  return Object.keys(next).length ? next : undefined;
}
