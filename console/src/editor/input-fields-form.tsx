import { t } from '../i18n/i18n.ts';
import type { LocatedIssue } from './checks.ts';
import { issuesAt, keyPath, Problems, withChinese, type Texts } from './form-parts.tsx';

export interface FieldSpec {
  type: string;
  class?: string;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  mask?: string;
  search?: boolean;
  description?: string;
  label?: string;
  labels?: Texts;
}

const TYPES = ['number', 'string', 'boolean', 'date', 'dateTime', 'time', 'dayTimeDuration', 'yearMonthDuration', 'object', 'array'];
const MASKS = ['', 'phone', 'nationalId', 'name', 'email', 'account', 'full'];

/** The application's fields: name, type, personal-data class (needed to publish), and what a value may be. */
export function InputFieldsForm({
  fields,
  onChange,
  issues,
}: {
  fields: Record<string, FieldSpec>;
  onChange: (next: Record<string, FieldSpec>, group?: string) => void;
  issues: readonly LocatedIssue[];
}) {
  const rows = Object.entries(fields);
  const set = (i: number, name: string, spec: FieldSpec, group?: string) =>
    onChange(Object.fromEntries(rows.map((r, k) => (k === i ? [name, spec] : r))), group);
  const clean = (spec: FieldSpec): FieldSpec => Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined && v !== '')) as FieldSpec;
  const free = () => {
    for (let i = rows.length + 1; ; i++) if (!(`field${i}` in fields)) return `field${i}`;
  };
  return (
    <fieldset className="input-fields">
      <legend>{t('Application fields')}</legend>
      <table aria-label={t('Application fields')}>
        <thead>
          <tr>
            <th>{t('Name')}</th>
            <th>{t('Label')}</th>
            <th>{t('Label in Simplified Chinese')}</th>
            <th>{t('Type')}</th>
            <th>{t('Class')}</th>
            <th>{t('Required')}</th>
            <th>{t('Allowed values')}</th>
            <th>{t('Min')}</th>
            <th>{t('Max')}</th>
            <th>{t('Mask')}</th>
            <th>{t('Search')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, spec], i) => {
            const problems = issuesAt(issues, keyPath('$.input.fields', name));
            return (
              <tr key={i} className={problems.length ? 'has-problems' : undefined}>
                <td>
                  <input
                    aria-label={t('Field {{value}} name', { value: i + 1 })}
                    value={name}
                    onChange={(e) => set(i, e.target.value, spec, `field-name-${i}`)}
                  />
                  <Problems issues={problems} />
                </td>
                <td>
                  <input
                    aria-label={t('{{name}} label', { name })}
                    value={spec.label ?? ''}
                    onChange={(e) => set(i, name, clean({ ...spec, label: e.target.value || undefined }), `field-label-${i}`)}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('Chinese label of {{name}}', { name })}
                    lang="zh-CN"
                    value={spec.labels?.['zh-CN'] ?? ''}
                    onChange={(e) => set(i, name, clean({ ...spec, labels: withChinese(spec.labels, e.target.value) }), `field-label-zh-${i}`)}
                  />
                </td>
                <td>
                  <select aria-label={t('{{name}} type', { name })} value={spec.type} onChange={(e) => set(i, name, { ...spec, type: e.target.value })}>
                    {TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('{{name}} class', { name })}
                    value={spec.class ?? ''}
                    onChange={(e) => set(i, name, clean({ ...spec, class: e.target.value || undefined }))}
                  >
                    <option value="">{t('unclassified')}</option>
                    <option value="C1">{t('C1 (general)')}</option>
                    <option value="C2">{t('C2 (identity, account)')}</option>
                    <option value="C3">{t('C3 (authentication, never stored)')}</option>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('{{name}} required', { name })}
                    checked={spec.required ?? false}
                    onChange={(e) => set(i, name, clean({ ...spec, required: e.target.checked || undefined }))}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('{{name}} allowed values', { name })}
                    placeholder="a, b, c"
                    value={(spec.enum ?? []).join(', ')}
                    onChange={(e) => {
                      const values = e.target.value
                        .split(',')
                        .map((v) => v.trim())
                        .filter(Boolean);
                      set(i, name, clean({ ...spec, enum: values.length ? values : undefined }), `field-enum-${i}`);
                    }}
                  />
                </td>
                {(['minimum', 'maximum'] as const).map((bound) => (
                  <td key={bound}>
                    <input
                      type="number"
                      aria-label={`${name} ${bound}`}
                      className="narrow"
                      value={spec[bound] ?? ''}
                      onChange={(e) =>
                        set(i, name, clean({ ...spec, [bound]: e.target.value === '' ? undefined : Number(e.target.value) }), `field-${bound}-${i}`)
                      }
                    />
                  </td>
                ))}
                <td>
                  <select
                    aria-label={t('{{name}} mask', { name })}
                    value={spec.mask ?? ''}
                    disabled={spec.class !== 'C2'}
                    onChange={(e) => set(i, name, clean({ ...spec, mask: e.target.value || undefined }))}
                  >
                    {MASKS.map((m) => (
                      <option key={m} value={m}>
                        {m || t('from the name')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('{{name}} searchable', { name })}
                    disabled={spec.class !== 'C2'}
                    checked={spec.search ?? false}
                    onChange={(e) => set(i, name, clean({ ...spec, search: e.target.checked || undefined }))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    aria-label={t('Remove field {{name}}', { name })}
                    onClick={() => onChange(Object.fromEntries(rows.filter((_, k) => k !== i)))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange({ ...fields, [free()]: { type: 'number', class: 'C1' } })}>
        {t('Add field')}
      </button>
    </fieldset>
  );
}
