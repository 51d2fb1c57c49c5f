import { t } from '../i18n/i18n.ts';
import { useState } from 'react';
import type { FlowDefinition } from '../types.ts';
import type { useFlowCheck } from './checks.ts';
import { TextField } from './form-parts.tsx';

/** A keyboard way to draw an edge: pick the node it goes to. */
export function ConnectFrom({ def, from, onConnect }: { def: FlowDefinition; from: string; onConnect: (to: string) => void }) {
  const [to, setTo] = useState('');
  const source = def.nodes.find((n) => n.id === from);
  if (!source || source.kind === 'output') return null;
  return (
    <div className="row connect-from">
      <label className="inline">
        {t('Connect to')}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('Connect {{from}} to', { from })}>
          <option value="">…</option>
          {def.nodes
            .filter((n) => n.id !== from && n.kind !== 'input')
            .map((n) => (
              <option key={n.id} value={n.id}>
                {n.label ?? n.id}
              </option>
            ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={!to}
        onClick={() => {
          onConnect(to);
          setTo('');
        }}
      >
        {t('Connect')}
      </button>
    </div>
  );
}

export function FlowSettings({ def, isNew, onChange }: { def: FlowDefinition; isNew: boolean; onChange: (d: FlowDefinition, group?: string) => void }) {
  const onError = (def.onError ?? {}) as { outcome?: string };
  return (
    <div>
      <h3>{t('Flow')}</h3>
      <p className="muted small">{t('Select a node or an edge to edit it.')}</p>
      {isNew ? (
        <TextField label={t('Flow id')} value={def.id} onChange={(v) => onChange({ ...def, id: v }, 'flow-id')} />
      ) : (
        <p>
          {t('Id:')} <code>{def.id}</code>
        </p>
      )}
      <TextField label={t('Name')} value={def.name} onChange={(v) => onChange({ ...def, name: v }, 'flow-name')} />
      <TextField
        label={t('Description')}
        value={(def.description as string | undefined) ?? ''}
        onChange={(v) => onChange({ ...def, description: v || undefined }, 'flow-description')}
      />
      <label className="field">
        {t('When a node cannot be evaluated')}
        <select value={onError.outcome ?? 'refer'} onChange={(e) => onChange({ ...def, onError: { ...onError, outcome: e.target.value } })}>
          <option value="refer">{t('refer to a person (default)')}</option>
          <option value="decline">{t('decline')}</option>
        </select>
      </label>
    </div>
  );
}

export function ProblemList({ check, onGo }: { check: ReturnType<typeof useFlowCheck>['check']; onGo: (i: { node?: string; edge?: number }) => void }) {
  if (!check) return null;
  const all = [
    ...check.issues.map((i) => ({ ...i, level: 'problem', levelText: t('problem') })),
    ...check.publishable.map((i) => ({ ...i, level: 'before publishing', levelText: t('before publishing') })),
    ...check.warnings.map((i) => ({ ...i, level: 'warning', levelText: t('warning') })),
  ];
  if (!all.length) return null;
  return (
    <section className="panel" aria-label={t('Problems')}>
      <h3>
        {t('Problems and findings (')}
        {all.length})
      </h3>
      <ul className="problem-list">
        {all.slice(0, 200).map((i, k) => (
          <li key={k}>
            <span className={i.level === 'problem' ? 'problem-text' : 'warning-text'}>{i.levelText}</span>{' '}
            {i.node !== undefined || i.edge !== undefined ? (
              <button type="button" className="linklike" onClick={() => onGo(i)}>
                {i.node ?? t('edge {{edge}}', { edge: i.edge })}
              </button>
            ) : (
              <code>{i.path}</code>
            )}{' '}
            {i.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
