import { t, localText } from '../i18n/i18n.ts';
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { go, href } from '../router.ts';
import type { Decision, Review } from '../types.ts';
import { ActionButton, Badge, Empty, Loaded, useLoad, Values, when } from '../ui.tsx';
import { Person } from '../people.tsx';

/** Matches the API's claim period: a case taken longer ago than this is free again. */
const CLAIM_MS = 30 * 60_000;
const takenByOther = (r: Review, me: PageProps['me']) =>
  r.claimedBy !== null && r.claimedBy !== me.actor && r.claimedAt !== null && Date.now() - Date.parse(r.claimedAt) < CLAIM_MS;

export function ReviewsPage({ me, route }: PageProps) {
  return route[1] ? <Case me={me} id={route[1]} /> : <Queue me={me} />;
}

function Queue({ me }: { me: PageProps['me'] }) {
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const reviews = useLoad(() => get<{ reviews: Review[] }>(`/v1/reviews?status=${status}&limit=200`).then((r) => r.reviews), [status]);
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('Review queue')}</h1>
      <div role="tablist" aria-label={t('Which reviews')} className="tabs">
        {(['pending', 'decided'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'tab active' : 'tab'} onClick={() => setStatus(s)}>
            {s === 'pending' ? t('Waiting') : t('Decided')}
          </button>
        ))}
      </div>
      <Loaded state={reviews} what={t('reviews')}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{status === 'pending' ? t('Nothing is waiting for a person.') : t('No reviews decided yet.')}</Empty>
          ) : (
            <table aria-label={t('Reviews')}>
              <thead>
                <tr>
                  <th>{t('Review')}</th>
                  <th>{t('Queue')}</th>
                  <th>{t('Why')}</th>
                  <th>{t('Waiting since')}</th>
                  {status === 'decided' ? (
                    <>
                      <th>{t('Verdict')}</th>
                      <th>{t('By')}</th>
                    </>
                  ) : (
                    <>
                      <th>{t('Taken')}</th>
                      <th />
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={href('reviews', r.id)}>{r.id}</a>
                    </td>
                    <td>{r.queue}</td>
                    <td>{r.reason}</td>
                    <td>{when(r.createdAt)}</td>
                    {status === 'decided' ? (
                      <>
                        <td>
                          <Badge value={r.verdict} />
                        </td>
                        <td>
                          <Person id={r.reviewer} />
                        </td>
                      </>
                    ) : (
                      <>
                        <td>
                          {r.claimedBy ? (
                            r.claimedBy === me.actor ? (
                              t('by you')
                            ) : takenByOther(r, me) ? (
                              <>
                                {t('by')} <Person id={r.claimedBy} /> {t('at')} {when(r.claimedAt)}
                              </>
                            ) : (
                              'lapsed'
                            )
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          {me.role === 'reviewer' && !takenByOther(r, me) ? (
                            <ActionButton
                              kind="secondary"
                              onClick={async () => {
                                await post(`/v1/reviews/${encodeURIComponent(r.id)}/claim`);
                                go('reviews', r.id);
                              }}
                            >
                              {t('Take case')}
                            </ActionButton>
                          ) : (
                            <a href={href('reviews', r.id)}>{t('Open')}</a>
                          )}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

function Case({ me, id }: { me: PageProps['me']; id: string }) {
  const data = useLoad(() => get<{ review: Review; decision: Decision }>(`/v1/reviews/${encodeURIComponent(id)}`), [id]);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<{ review: Review; decision: Decision } | null>(null);
  return (
    <section aria-labelledby="case-title">
      <p>
        <a href={href('reviews')}>{t('← Review queue')}</a>
      </p>
      <Loaded state={data} what={t('the case')}>
        {({ review, decision }) => {
          const current = done ?? { review, decision };
          return (
            <>
              <h1 id="case-title">
                {t('Case')} {review.id} <Badge value={current.review.status} />
              </h1>
              <p>
                <strong>{review.reason}</strong>{' '}
                <span className="muted">
                  {t('· queue')} {review.queue} {t('· node')} {review.nodeId} {t('· since')} {when(review.createdAt)} {t('· decision')}{' '}
                  <a href={href('decisions', decision.id)}>{decision.id}</a>
                </span>
              </p>
              <div className="columns">
                <div>
                  <h2>{t('Evidence')}</h2>
                  <h3>{t('Reasons so far')}</h3>
                  {decision.reasons.length ? (
                    <ul>
                      {decision.reasons.map((r, i) => (
                        <li key={i}>
                          <code>{r.code}</code> {localText(r.text, r.texts)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('None.')}</p>
                  )}
                  <h3>{t('What the flow computed')}</h3>
                  <Values label={t('What the flow computed')} values={Object.assign({}, ...(decision.trace ?? []).map((t) => t.wrote))} />
                  <p className="muted small">
                    {t('Path:')} {decision.path.join(' → ')}
                  </p>
                </div>
                <div>
                  <h2>{t('Application')}</h2>
                  <table aria-label={t('Application')}>
                    <tbody>
                      {Object.entries(decision.application ?? {}).map(([k, v]) => (
                        <tr key={k}>
                          <th scope="row">{k}</th>
                          <td>{String(v)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
              {current.review.status === 'pending' && current.review.claimedBy ? (
                <p className="muted" role="status">
                  {current.review.claimedBy === me.actor ? (
                    t('You took this case at {{claimedAt}}; nobody else may decide it for 30 minutes from then.', { claimedAt: when(current.review.claimedAt) })
                  ) : takenByOther(current.review, me) ? (
                    <>
                      {t('Taken by')} <Person id={current.review.claimedBy} /> {t('at')} {when(current.review.claimedAt)}
                      {t(': only they may decide it until 30 minutes after that.')}
                    </>
                  ) : (
                    <>
                      {t('Taken by')} <Person id={current.review.claimedBy} />
                      {t(', but the claim has lapsed.')}
                    </>
                  )}
                </p>
              ) : null}
              {current.review.status === 'pending' && me.role === 'reviewer' && !takenByOther(current.review, me) ? (
                <form className="panel verdict" aria-label={t('Verdict')} onSubmit={(e) => e.preventDefault()}>
                  <label htmlFor="note">{t('Note (required; it is kept with the decision)')}</label>
                  <textarea id="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
                  <div className="toolbar">
                    {(['approve', 'decline'] as const).map((verdict) => (
                      <ActionButton
                        key={verdict}
                        kind={verdict === 'approve' ? 'primary' : 'danger'}
                        disabled={!note.trim()}
                        onClick={async () => setDone(await post(`/v1/reviews/${encodeURIComponent(review.id)}`, { verdict, note }))}
                      >
                        {verdict === 'approve' ? t('Approve') : t('Decline')}
                      </ActionButton>
                    ))}
                  </div>
                </form>
              ) : null}
              {current.review.status === 'pending' && me.role !== 'reviewer' ? <p className="muted">{t('Only a reviewer may give the verdict.')}</p> : null}
              {current.review.status === 'decided' ? (
                <div className="notice" role="status">
                  {current.review.verdict === 'approve' ? t('Approved') : t('Declined')} {t('by')} <Person id={current.review.reviewer} /> (“
                  {current.review.note}
                  {t('”). The decision is now')} <Badge value={current.decision.outcome ?? current.decision.status} />.{' '}
                  <button type="button" className="btn btn-secondary" onClick={() => go('reviews')}>
                    {t('Next case')}
                  </button>
                </div>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
