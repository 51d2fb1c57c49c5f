import { t } from '../i18n/i18n.ts';
import { useId, useState } from 'react';
import { post } from '../api.ts';
import { href } from '../router.ts';
import type { Release } from '../types.ts';
import { ActionButton } from '../ui.tsx';
import { Person } from '../people.tsx';

/** Submits a draft for a second person's approval, with the change note an approver reads first. */
export function SubmitForApproval({ flowId, version, onSubmitted }: { flowId: string; version: number; onSubmitted: (r: Release) => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sample, setSample] = useState<File | null>(null);
  const id = useId();
  if (!open)
    return (
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        {t('Submit v')}
        {version} {t('for approval')}
      </button>
    );
  return (
    <fieldset className="panel release-form">
      <legend>
        {t('Submit v')}
        {version} {t('for approval')}
      </legend>
      <label htmlFor={id}>{t('Change note: what changes, and why')}</label>
      <textarea id={id} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <label>
        {t("Applications for the impact report (CSV or JSON lines; optional: otherwise the live version's latest decisions)")}{' '}
        <input type="file" accept=".csv,.jsonl,.ndjson" onChange={(e) => setSample(e.target.files?.[0] ?? null)} />
      </label>
      <div className="toolbar">
        <ActionButton
          disabled={!note.trim()}
          onClick={async () => {
            const body = sample ? { note, sample: { format: /\.csv$/i.test(sample.name) ? 'csv' : 'jsonl', content: await sample.text() } } : { note };
            const r = await post<Release>(`/v1/flows/${encodeURIComponent(flowId)}/versions/${version}/submit`, body);
            setOpen(false);
            onSubmitted(r);
          }}
        >
          {t('Submit')}
        </ActionButton>
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
          {t('Cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * What every rollback asks: why, and whether it is an emergency (applied at once, confirmed by a
 * second person afterwards) or waits for approval; for a flow's version and for a model's.
 */
export function RollbackFields({
  why,
  version,
  onRollBack,
}: {
  why: string;
  version: number;
  onRollBack: (reason: string, emergency: boolean) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [emergency, setEmergency] = useState(false);
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{why}</label>
      <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label className="check">
        <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />{' '}
        {t('Emergency: apply now, a second person confirms afterwards')}
      </label>
      <div className="toolbar">
        <ActionButton kind={emergency ? 'danger' : 'primary'} disabled={!reason.trim()} onClick={() => onRollBack(reason, emergency)}>
          {emergency ? t('Roll back to v{{version}} now', { version }) : t('Ask to roll back to v{{version}}', { version })}
        </ActionButton>
      </div>
    </>
  );
}

/** Returns the flow to an earlier published version: for approval, or at once in an emergency. */
export function RollBack({ flowId, version, onDone }: { flowId: string; version: number; onDone: (r: Release) => void }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
        {t('Roll back to v')}
        {version}
      </button>
    );
  return (
    <fieldset className="panel release-form">
      <legend>
        {t('Roll back to v')}
        {version}
      </legend>
      <RollbackFields
        why={t('Why the flow goes back to v{{version}}', { version })}
        version={version}
        onRollBack={async (reason, emergency) => {
          const r = await post<Release>(`/v1/flows/${encodeURIComponent(flowId)}/rollback`, { version, reason, emergency });
          setOpen(false);
          onDone(r);
        }}
      />
      <div className="toolbar">
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
          {t('Cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** Where a request just made can be followed. */
export function ReleaseLink({ release }: { release: Release }) {
  const what = release.action === 'rollback' ? t('Rollback to v{{version}}', { version: release.version }) : `v${release.version}`;
  const state =
    release.status === 'published'
      ? release.emergency
        ? t('applied; a second person confirms it')
        : t('live')
      : release.status === 'submitted'
        ? t('waiting for approval')
        : release.status;
  return (
    <div className="notice" role="status">
      {what}: {state}. <a href={href('releases', release.id)}>{t('Open the release')}</a>
    </div>
  );
}

/**
 * Whether a stored model's or DMN model's version is approved for use (flows naming it are
 * released only then), and, for those who may, a way to submit it with a note.
 */
export function ApprovalCell({
  kind,
  id,
  version,
  approvedBy,
  canSubmit,
}: {
  kind: 'model' | 'dmn_model' | 'connector';
  id: string;
  version: number;
  approvedBy: string | null;
  canSubmit: boolean;
}) {
  const [asked, setAsked] = useState<Release | null>(null);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  if (approvedBy)
    return (
      <span>
        {t('approved by')} <Person id={approvedBy} />
      </span>
    );
  if (asked) return <a href={href('releases', asked.id)}>{t('submitted for approval')}</a>;
  if (!canSubmit) return <span className="muted">{t('not approved for use')}</span>;
  if (!open)
    return (
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        {t('Submit v')}
        {version} {t('for approval')}
      </button>
    );
  return (
    <span className="row">
      <input
        aria-label={t('Why v{{version}} should be used', { version })}
        value={note}
        placeholder={t('what it is, why use it')}
        onChange={(e) => setNote(e.target.value)}
      />
      <ActionButton disabled={!note.trim()} onClick={async () => setAsked(await post<Release>('/v1/releases', { kind, id, version, note }))}>
        {t('Submit')}
      </ActionButton>
    </span>
  );
}
