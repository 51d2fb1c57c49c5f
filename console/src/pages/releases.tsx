import { t, tk } from '../i18n/i18n.ts';
import { useEffect, useId, useState } from 'react';
import { get, post } from '../api.ts';
import { FlowChanges } from '../flow-changes.tsx';
import { Person } from '../people.tsx';
import { ImpactView } from '../release/impact-view.tsx';
import { ArtefactChanges } from '../release/artefact-changes.tsx';
import { href } from '../router.ts';
import type { Governance, Issue, PageProps, Release } from '../types.ts';
import { ActionButton, Badge, Empty, Loaded, num, useLoad, when } from '../ui.tsx';

type Filter = 'submitted' | 'unconfirmed' | 'all';
const FILTERS: { id: Filter; title: string; query: string }[] = [
  { id: 'submitted', title: tk('Waiting for approval'), query: 'status=submitted' },
  { id: 'unconfirmed', title: tk('Emergency rollbacks to confirm'), query: 'unconfirmed=true' },
  { id: 'all', title: tk('All'), query: '' },
];

const KIND_NAMES: Record<Release['subjectType'], string> = { flow: tk('flow'), model: tk('model'), dmn_model: tk('DMN model'), connector: tk('connector') };
const what = (r: Release) =>
  r.subjectType !== 'flow'
    ? t('v{{version}} for use', { version: r.version })
    : r.action === 'rollback'
      ? t('roll back to v{{version}}', { version: r.version })
      : t('publish v{{version}}', { version: r.version });
/** Where an artefact's versions are shown in the console. */
const pageOf = (kind: Release['subjectType'], id: string) => (kind === 'model' ? href('models', id) : kind === 'dmn_model' ? href('dmn', id) : null);
const artefactPage = (r: Release) => pageOf(r.subjectType, r.subjectId);

export function ReleasesPage({ me, route }: PageProps) {
  const [filter, setFilter] = useState<Filter>('submitted');
  const list = useLoad(
    () => get<{ releases: Release[] }>(`/v1/releases?limit=200&${FILTERS.find((f) => f.id === filter)!.query}`).then((r) => r.releases),
    [filter, route.join('/')],
  );
  const id = route[1];
  return (
    <section aria-labelledby="releases-title">
      <h1 id="releases-title">{t('Releases')}</h1>
      <div role="tablist" aria-label={t('Which releases')} className="tabs">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={filter === f.id}
            className={filter === f.id ? 'tab active' : 'tab'}
            onClick={() => setFilter(f.id)}
          >
            {t(f.title)}
          </button>
        ))}
      </div>
      <div className="split">
        <nav aria-label={t('Release requests')} className="side">
          <Loaded state={list} what={t('releases')}>
            {(rows) =>
              rows.length === 0 ? (
                <Empty>
                  {filter === 'submitted'
                    ? t('Nothing waits for approval.')
                    : filter === 'unconfirmed'
                      ? t('No emergency rollback waits.')
                      : t('No releases yet.')}
                </Empty>
              ) : (
                <ul className="list">
                  {rows.map((r) => (
                    <li key={r.id}>
                      <a href={href('releases', r.id)} aria-current={r.id === id ? 'true' : undefined}>
                        <strong>
                          {r.subjectType === 'flow' ? '' : `${t(KIND_NAMES[r.subjectType])} `}
                          {r.subjectId}: {what(r)}
                        </strong>
                        <span className="muted small">
                          <Badge value={r.status} /> {r.emergency ? <span className="badge badge-decline">{t('emergency')}</span> : null} {when(r.submittedAt)}{' '}
                          · <Person id={r.submittedBy} />
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </nav>
        <div className="content">{id ? <ReleaseDetail key={id} me={me} id={id} onChanged={list.reload} /> : <Empty>{t('Choose a release.')}</Empty>}</div>
      </div>
    </section>
  );
}

function ReleaseDetail({ me, id, onChanged }: { me: PageProps['me']; id: string; onChanged: () => void }) {
  const release = useLoad(() => get<Release>(`/v1/releases/${encodeURIComponent(id)}`), [id]);
  const governance = useLoad(() => get<Governance>('/v1/governance'), []);
  const writing = release.data?.impactStatus === 'pending' || release.data?.impactStatus === 'running';
  // The impact report is written in the background: looked at again until it is there.
  useEffect(() => {
    if (!writing) return;
    const t = window.setInterval(release.reload, 2000);
    return () => window.clearInterval(t);
  }, [writing, release.reload]);
  return (
    <Loaded state={release} what={t('the release')}>
      {(r) => {
        const changed = () => {
          release.reload();
          onChanged();
        };
        return (
          <>
            <h2>
              {r.subjectType === 'flow' ? '' : `${t(KIND_NAMES[r.subjectType])} `}
              {r.subjectId}: {what(r)} <Badge value={r.status} /> {r.emergency ? <span className="badge badge-decline">{t('emergency')}</span> : null}
            </h2>
            <table aria-label={t('Release')} className="facts">
              <tbody>
                <tr>
                  <th>{t('Change note')}</th>
                  <td className="note">{r.note}</td>
                </tr>
                <tr>
                  <th>{t('Submitted')}</th>
                  <td>
                    <Person id={r.submittedBy} />, {when(r.submittedAt)}
                  </td>
                </tr>
                <tr>
                  <th>{t('Written by')}</th>
                  <td>
                    {r.authors.length
                      ? r.authors.map((a, i) => (
                          <span key={a}>
                            {i ? ', ' : ''}
                            <Person id={a} />
                          </span>
                        ))
                      : '—'}
                  </td>
                </tr>
                {r.subjectType === 'flow' ? (
                  <tr>
                    <th>{t('Live when submitted')}</th>
                    <td>
                      {r.fromVersion === null ? 'nothing' : <a href={href('flows', r.subjectId, r.fromVersion)}>v{r.fromVersion}</a>} →{' '}
                      <a href={href('flows', r.subjectId, r.version)}>v{r.version}</a>
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <th>{t('What approval means')}</th>
                    <td>
                      {t('Flows that name')} {t(KIND_NAMES[r.subjectType])} {r.subjectId}@{r.version} {t('can be released once it is approved for use.')}{' '}
                      {artefactPage(r) ? <a href={artefactPage(r)!}>{t('See its versions')}</a> : null}
                    </td>
                  </tr>
                )}
                {r.alsoApproves.length ? (
                  <tr>
                    <th>{t('Also approves for use')}</th>
                    <td>
                      {r.alsoApproves.map((a, i) => (
                        <span key={`${a.kind}/${a.id}@${a.version}`}>
                          {i ? ', ' : ''}
                          {t(KIND_NAMES[a.kind])}{' '}
                          {pageOf(a.kind, a.id) ? (
                            <a href={pageOf(a.kind, a.id)!}>
                              {a.id}@{a.version}
                            </a>
                          ) : (
                            `${a.id}@${a.version}`
                          )}
                        </span>
                      ))}
                    </td>
                  </tr>
                ) : null}
                {r.decidedBy ? (
                  <tr>
                    <th>{r.status === 'withdrawn' ? t('Withdrawn') : r.status === 'rejected' ? t('Rejected') : t('Approved')}</th>
                    <td>
                      <Person id={r.decidedBy} />, {when(r.decidedAt)}
                      {r.comment ? `: ${r.comment}` : ''}
                    </td>
                  </tr>
                ) : null}
                {r.effectiveAt ? (
                  <tr>
                    <th>{t('Effective')}</th>
                    <td>{when(r.effectiveAt)}</td>
                  </tr>
                ) : null}
                {r.publishedAt ? (
                  <tr>
                    <th>{t('Live since')}</th>
                    <td>{when(r.publishedAt)}</td>
                  </tr>
                ) : null}
                {r.emergency ? (
                  <tr>
                    <th>{t('Confirmed')}</th>
                    <td>{r.confirmedBy ? <Person id={r.confirmedBy} /> : t('not yet: a second person confirms this emergency rollback')}</td>
                  </tr>
                ) : null}
                {r.error ? (
                  <tr>
                    <th>{t('Could not be made')}</th>
                    <td className="error-text">{r.error}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            <Loaded state={governance} what={t('the release settings')}>
              {(g) => <Decide me={me} release={r} governance={g} onChanged={changed} />}
            </Loaded>
            {r.subjectType === 'flow' && r.action === 'publish' && r.status === 'submitted' && (me.role === 'risk-manager' || me.role === 'analyst') ? (
              <Checks flowId={r.subjectId} version={r.version} />
            ) : null}
            {r.subjectType === 'flow' ? (
              <section className="panel" aria-label={t('Impact on recent decisions')}>
                <h3>{t('Impact on recent decisions')}</h3>
                <ImpactView release={r} />
              </section>
            ) : (
              <section className="panel" aria-label={t('What the version changes')}>
                <h3>
                  {t('What v')}
                  {r.version} {t('changes')}
                </h3>
                <ArtefactChanges release={r} />
              </section>
            )}
            {r.subjectType === 'flow' && r.fromVersion !== null && r.fromVersion !== r.version ? (
              <section className="panel" aria-label={t('Changes from v{{fromVersion}} to v{{version}}', { fromVersion: r.fromVersion, version: r.version })}>
                <h3>
                  {t('Changes from v')}
                  {r.fromVersion} {t('to v')}
                  {r.version}
                </h3>
                <FlowChanges flowId={r.subjectId} from={r.fromVersion} to={r.version} />
              </section>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}

/** The version's static checks, as publishing will run them again. */
function Checks({ flowId, version }: { flowId: string; version: number }) {
  const checks = useLoad(
    () =>
      post<{ ok: boolean; issues: Issue[]; publishable: Issue[]; paths: number | null }>(
        `/v1/flows/${encodeURIComponent(flowId)}/versions/${version}/validate`,
      ),
    [flowId, version],
  );
  return (
    <Loaded state={checks} what={t('the checks')}>
      {(c) => {
        const problems = [...c.issues, ...c.publishable];
        return problems.length ? (
          <div className="error" role="alert">
            {t('The checks find')} {problems.length} {t('problems:')}
            <ul>
              {problems.map((i, k) => (
                <li key={k}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="notice" role="status">
            {t('Checks passed:')} {num(c.paths)} {t('paths, every input field classified.')}
          </div>
        );
      }}
    </Loaded>
  );
}

/** What the signed-in person may do with the request: approve or reject it, withdraw their own, confirm an emergency. */
function Decide({ me, release: r, governance, onChanged }: { me: PageProps['me']; release: Release; governance: Governance; onChanged: () => void }) {
  const [comment, setComment] = useState('');
  const [effective, setEffective] = useState('');
  const commentId = useId();
  const effectiveId = useId();
  const mine = r.submittedBy === me.actor || r.authors.includes(me.actor);
  const alone = governance.singlePersonRelease;
  const base = `/v1/releases/${encodeURIComponent(r.id)}`;
  if (r.status === 'submitted') {
    return (
      <section className="panel" aria-label={t('Decision')}>
        {r.submittedBy === me.actor ? (
          <div className="toolbar">
            <ActionButton kind="secondary" onClick={async () => (await post(`${base}/withdraw`), onChanged())}>
              {t('Withdraw')}
            </ActionButton>
          </div>
        ) : null}
        {me.role !== 'risk-manager' ? (
          <p className="muted">{t('A risk manager who did not write or submit this change approves or rejects it.')}</p>
        ) : mine && !alone ? (
          <p className="muted" role="note">
            {r.submittedBy === me.actor
              ? t('You submitted this change: a different risk manager approves or rejects it (four-eyes).')
              : t('You wrote this change: a different risk manager approves or rejects it (four-eyes).')}
          </p>
        ) : (
          <>
            <div className="row">
              <label htmlFor={commentId}>
                {t('Comment')}
                <textarea id={commentId} rows={2} cols={60} value={comment} onChange={(e) => setComment(e.target.value)} />
              </label>
              <label htmlFor={effectiveId}>
                {t('Effective from (empty: at once)')}
                <input id={effectiveId} type="datetime-local" step={1} value={effective} onChange={(e) => setEffective(e.target.value)} />
              </label>
            </div>
            <div className="toolbar">
              <ActionButton
                onClick={async () => {
                  await post(`${base}/approve`, {
                    ...(comment.trim() ? { comment } : {}),
                    ...(effective ? { effectiveAt: new Date(effective).toISOString() } : {}),
                  });
                  onChanged();
                }}
              >
                {t('Approve')}
              </ActionButton>
              <ActionButton kind="danger" disabled={!comment.trim()} onClick={async () => (await post(`${base}/reject`, { comment }), onChanged())}>
                {t('Reject')}
                {comment.trim() ? '' : t(' (say why in the comment)')}
              </ActionButton>
            </div>
          </>
        )}
      </section>
    );
  }
  if (r.emergency && !r.confirmedBy && me.role === 'risk-manager') {
    return (
      <section className="panel" aria-label={t('Confirmation')}>
        {r.submittedBy === me.actor && !alone ? (
          <p className="muted">{t('You made this emergency rollback: a different risk manager confirms it.')}</p>
        ) : (
          <ActionButton onClick={async () => (await post(`${base}/confirm`, {}), onChanged())}>{t('Confirm the emergency rollback')}</ActionButton>
        )}
      </section>
    );
  }
  return null;
}
