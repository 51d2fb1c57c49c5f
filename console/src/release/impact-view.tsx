import { t } from '../i18n/i18n.ts';
import type { ImpactReport, Release } from '../types.ts';
import { num, pct, money } from '../ui.tsx';

const VERDICTS = ['approve', 'decline', 'refer', 'review'] as const;

function PathTable({ title, rows }: { title: string; rows: ImpactReport['paths']['added'] }) {
  if (!rows.length) return null;
  return (
    <table aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{t('Path')}</th>
          <th>{t('Live')}</th>
          <th>{t('Draft')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.path}>
            <td className="small">
              <code>{p.path}</code>
            </td>
            <td>{num(p.live)}</td>
            <td>{num(p.draft)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the change would have done to the live version's latest decisions: the figures an approver weighs. */
export function ImpactView({ release }: { release: Release }) {
  if (release.impactStatus === 'none')
    return (
      <p className="muted">
        {t('No impact report:')} {release.emergency ? t('an emergency rollback is applied at once.') : t('nothing is live yet to compare with.')}
      </p>
    );
  if (release.impactStatus === 'pending' || release.impactStatus === 'running')
    return (
      <p className="muted" role="status">
        {t('The impact report is being written: the latest')} {num(release.impactDecisions)} {t('decisions are replayed through the draft.')}
      </p>
    );
  if (release.impactStatus === 'failed' || !release.impact)
    return (
      <div className="error" role="alert">
        {t('The impact report failed:')} {release.impactError}
      </div>
    );
  const r = release.impact;
  const errors = (e: Record<string, number>) =>
    Object.entries(e)
      .map(([code, n]) => `${code} ${num(n)}`)
      .join(', ') || 'none';
  return (
    <div className="impact">
      <p>
        {r.source === 'sample'
          ? t('{{decisions}} uploaded applications run through {{value}}', {
              decisions: num(r.decisions),
              value:
                release.fromVersion === null
                  ? t('v{{version}} (nothing is live to compare with)', { version: release.version })
                  : t('v{{from}} and v{{version}}', { from: release.fromVersion, version: release.version }),
            })
          : t('{{decisions}} of the latest decisions of v{{fromVersion}} replayed through v{{fromVersion2}} and v{{version}}', {
              decisions: num(r.decisions),
              fromVersion: release.fromVersion,
              fromVersion2: release.fromVersion,
              version: release.version,
            })}{' '}
        {t('in')} {r.seconds.toFixed(1)} s{r.erased ? t('; {{erased}} left out (personal data erased)', { erased: num(r.erased) }) : ''}.{' '}
        {r.bureau.replayed + r.bureau.unavailable
          ? t(
              'Bureau answers replayed from what each decision recorded: {{replayed}}; unavailable (personal features are not kept in clear): {{unavailable}}.',
              { replayed: num(r.bureau.replayed), unavailable: num(r.bureau.unavailable) },
            )
          : ''}
      </p>
      <div className="tiles">
        <div className="tile">
          <div className="tile-label">{t('Approval rate')}</div>
          <div className="tile-value">
            {pct(r.live.approvalRate)} → {pct(r.draft.approvalRate)}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('Outcomes that change')}</div>
          <div className="tile-value">{num(r.changedOutcome)}</div>
          <div className="small muted">
            {pct(r.decisions ? r.changedOutcome / r.decisions : null)} {t('of decisions')}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('Swap-ins (newly approved)')}</div>
          <div className="tile-value">{num(r.swapIns.count)}</div>
          <div className="small muted">
            {t('bad rate')} {pct(r.swapIns.badRate)} {t('of')} {num(r.swapIns.known)} {t('with known outcome')}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('Swap-outs (no longer approved)')}</div>
          <div className="tile-value">{num(r.swapOuts.count)}</div>
          <div className="small muted">
            {t('bad rate')} {pct(r.swapOuts.badRate)} {t('of')} {num(r.swapOuts.known)} {t('with known outcome')}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('Same outcome, other reasons')}</div>
          <div className="tile-value">{num(r.changedReasons.count)}</div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('Same outcome, other offer')}</div>
          <div className="tile-value">{num(r.changedOffer.count)}</div>
        </div>
      </div>
      {r.live.expectedProfit !== null || r.draft.expectedProfit !== null ? (
        <p>
          {t('Expected profit')} {money(r.live.expectedProfit)} → {money(r.draft.expectedProfit)}
          {t('; expected loss')} {money(r.live.expectedLoss)} → {money(r.draft.expectedLoss)}.
        </p>
      ) : null}
      <table aria-label={t('Outcomes, live against draft')}>
        <caption>{t('Outcomes: draft (rows) against live (columns)')}</caption>
        <thead>
          <tr>
            <th />
            {VERDICTS.map((v) => (
              <th key={v}>{v}</th>
            ))}
            <th>{t('Draft total')}</th>
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((d) => (
            <tr key={d}>
              <th>{d}</th>
              {VERDICTS.map((l) => (
                <td key={l} className={d !== l && r.matrix[d][l] ? 'changed' : undefined}>
                  {num(r.matrix[d][l])}
                </td>
              ))}
              <td>{num(r.draft.outcomes[d])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        {t('Refused or failed runs: live')} {errors(r.errors.live)}
        {t('; draft')} {errors(r.errors.draft)}.
      </p>
      {r.changedReasons.top.length ? (
        <table aria-label={t('Reasons that change')}>
          <caption>{t('Reasons that change (same outcome)')}</caption>
          <thead>
            <tr>
              <th>{t('Live')}</th>
              <th>{t('Draft')}</th>
              <th>{t('Decisions')}</th>
            </tr>
          </thead>
          <tbody>
            {r.changedReasons.top.map((m) => (
              <tr key={`${m.from}>${m.to}`}>
                <td>{m.from}</td>
                <td>{m.to}</td>
                <td>{num(m.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        {t('Paths taken:')} {num(r.paths.distinctLive)} {t('by the live version,')} {num(r.paths.distinctDraft)} {t('by the draft.')}
      </p>
      <PathTable title={t('Paths only the draft takes')} rows={r.paths.added} />
      <PathTable title={t('Paths the draft no longer takes')} rows={r.paths.removed} />
      <PathTable title={t('Paths taken more or less often')} rows={r.paths.changed} />
    </div>
  );
}
