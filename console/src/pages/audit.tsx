import { t, tk } from '../i18n/i18n.ts';
import { Fragment, useState } from 'react';
import { get } from '../api.ts';
import type { PageProps } from '../types.ts';
import type { AuditEvent } from '../types.ts';
import { ActionButton, Empty, Json, Loaded, num, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';

interface Verification {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBroken: { seq: number; reason: string; message: string } | null;
  breaks: { seq: number; reason: string; message: string }[];
  checkpoints: { checked: number; matched: number };
  invalidCheckpoints: string[];
}

export function AuditPage(_: PageProps) {
  const [filters, setFilters] = useState({ action: '', actor: '', subjectType: '', subjectId: '' });
  // The actions the log holds, offered by name: nobody should have to know them by heart.
  const actions = useLoad(() => get<{ actions: { action: string; count: number }[] }>('/v1/audit/actions').then((r) => r.actions), []);
  const [applied, setApplied] = useState(filters);
  const [afterSeq, setAfterSeq] = useState<number[]>([]);
  const query = new URLSearchParams(
    Object.entries({ ...applied, limit: '50', ...(afterSeq.length ? { afterSeq: String(afterSeq[afterSeq.length - 1]) } : {}) }).filter(([, v]) => v),
  ).toString();
  const page = useLoad(() => get<{ events: AuditEvent[]; nextAfterSeq: number | null }>(`/v1/audit?${query}`), [query]);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('Audit log')}</h1>
      <div className="panel">
        <ActionButton onClick={async () => setVerification(await get<Verification>('/v1/audit/verify'))}>{t('Verify the chain')}</ActionButton>
        {verification ? (
          <div className={verification.ok ? 'notice' : 'error'} role="status" data-testid="chain-verification">
            {verification.ok ? (
              t(
                "The chain is intact: {{checked}} events checked, head at #{{headSeq}}. Each event's hash covers the one before it, so no event was changed, removed or reordered{{value}}.",
                {
                  checked: num(verification.checked),
                  headSeq: verification.headSeq,
                  value: verification.checkpoints.checked
                    ? t('; all {{count}} signed checkpoints match', { count: num(verification.checkpoints.checked) })
                    : '',
                },
              )
            ) : (
              <>
                {t('The chain is broken: {{length}} break(s).', { length: verification.breaks.length })}
                <ul>
                  {verification.breaks.map((b) => (
                    <li key={`${b.seq}-${b.reason}`}>{t('Event #{{seq}}: {{message}}', { seq: b.seq, message: b.message })}</li>
                  ))}
                  {verification.invalidCheckpoints.map((f) => (
                    <li key={f}>{t('Checkpoint {{f}}: its signature does not hold', { f })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
      </div>
      <form
        className="filters"
        aria-label={t('Filter events')}
        onSubmit={(e) => {
          e.preventDefault();
          setAfterSeq([]);
          setApplied(filters);
        }}
      >
        {(['action', 'actor', 'subjectType', 'subjectId'] as const).map((k) => (
          // biome-ignore lint/a11y/noLabelWithoutControl: the control is a select for actions and an input for the rest, chosen inside
          <label key={k}>
            {t({ action: tk('Action'), actor: tk('Actor'), subjectType: tk('Subject type'), subjectId: tk('Subject id') }[k])}{' '}
            {k === 'action' ? (
              <select value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })}>
                <option value="">{t('any')}</option>
                {(actions.data ?? []).map((a) => (
                  <option key={a.action} value={a.action}>
                    {a.action} ({num(a.count)})
                  </option>
                ))}
              </select>
            ) : (
              <input value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })} placeholder={t('any')} />
            )}
          </label>
        ))}
        <button type="submit" className="btn btn-secondary">
          {t('Filter')}
        </button>
      </form>
      <Loaded state={page} what={t('audit events')}>
        {({ events, nextAfterSeq }) =>
          events.length === 0 ? (
            <Empty>{t('No events match.')}</Empty>
          ) : (
            <>
              <table aria-label={t('Audit events')}>
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('When')}</th>
                    <th>{t('Actor')}</th>
                    <th>{t('Action')}</th>
                    <th>{t('Subject')}</th>
                    <th>{t('Hash')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <Fragment key={e.seq}>
                      <tr>
                        <td>
                          <button type="button" className="link" aria-expanded={open === e.seq} onClick={() => setOpen(open === e.seq ? null : e.seq)}>
                            {e.seq}
                          </button>
                        </td>
                        <td>{when(e.at)}</td>
                        <td>
                          <Person id={e.actor} />
                        </td>
                        <td>
                          <code>{e.action}</code>
                        </td>
                        <td>{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : '—'}</td>
                        <td>
                          <code className="small">{e.hash.slice(0, 12)}…</code>
                        </td>
                      </tr>
                      {open === e.seq ? (
                        <tr>
                          <td colSpan={6}>
                            <Json value={e.data} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
              <div className="toolbar">
                <button type="button" className="btn btn-secondary" disabled={!afterSeq.length} onClick={() => setAfterSeq(afterSeq.slice(0, -1))}>
                  {t('Previous')}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={nextAfterSeq === null}
                  onClick={() => nextAfterSeq !== null && setAfterSeq([...afterSeq, nextAfterSeq])}
                >
                  {t('Next')}
                </button>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
