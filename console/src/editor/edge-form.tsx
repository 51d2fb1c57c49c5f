import { t } from '../i18n/i18n.ts';
import type { FlowDefinition, FlowEdge } from '../types.ts';
import type { LocatedIssue } from './checks.ts';
import { FeelField, issuesAt, Problems, SelectField, TextField } from './form-parts.tsx';
import { portsOf } from './node-kinds.ts';

/** An edge: its ends, and by the kind of node it leaves, its condition (switch) or port (ruleset, review, bureau, optimise). */
export function EdgeForm({
  edge,
  index,
  definition,
  names,
  issues,
  onChange,
  onDelete,
}: {
  edge: FlowEdge;
  index: number;
  definition: FlowDefinition;
  names: readonly string[];
  issues: readonly LocatedIssue[];
  onChange: (edge: FlowEdge, group?: string) => void;
  onDelete: () => void;
}) {
  const source = definition.nodes.find((n) => n.id === edge.from);
  const ports = source ? portsOf(source.kind) : null;
  const ids = definition.nodes.map((n) => n.id);
  const base = `$.edges[${index}]`;
  const without = (k: keyof FlowEdge): FlowEdge => {
    const { [k]: _, ...rest } = edge;
    return rest as FlowEdge;
  };
  return (
    <div className="edge-form">
      <div className="row">
        <SelectField label={t('From')} value={edge.from} options={ids} onChange={(v) => onChange({ ...edge, from: v })} />
        <SelectField label={t('To')} value={edge.to} options={ids} onChange={(v) => onChange({ ...edge, to: v })} />
      </div>
      {source?.kind === 'switch' ? (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={edge.default ?? false}
              onChange={(e) => onChange(e.target.checked ? { ...without('when'), default: true } : { ...without('default'), when: '' })}
            />
            {t('Otherwise (taken when no condition holds)')}
          </label>
          {edge.default ? null : (
            <FeelField
              label={t('Condition')}
              value={edge.when ?? ''}
              names={names}
              issues={issuesAt(issues, `${base}.when`)}
              onChange={(v) => onChange({ ...edge, when: v }, `edge-when-${index}`)}
            />
          )}
        </>
      ) : null}
      {ports ? (
        <SelectField label={t('Port')} value={edge.on ?? ''} options={['', ...ports]} onChange={(v) => onChange(v ? { ...edge, on: v } : without('on'))} />
      ) : null}
      <TextField
        label={t('Label (optional)')}
        value={edge.label ?? ''}
        onChange={(v) => onChange(v ? { ...edge, label: v } : without('label'), `edge-label-${index}`)}
      />
      <Problems issues={issues.filter((i) => i.edge === index && !i.path.endsWith('.when'))} />
      <button type="button" className="btn btn-danger btn-small" onClick={onDelete}>
        {t('Delete edge')}
      </button>
    </div>
  );
}
