import type { ImpactReport, Release } from '../types.ts';
import { num, pct } from '../ui.tsx';

const VERDICTS = ['approve', 'decline', 'refer', 'review'] as const;

function PathTable({ title, rows }: { title: string; rows: ImpactReport['paths']['added'] }) {
  if (!rows.length) return null;
  return (
    <table aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>Path</th>
          <th>Live</th>
          <th>Draft</th>
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
      <p className="muted">No impact report: {release.emergency ? 'an emergency rollback is applied at once.' : 'nothing is live yet to compare with.'}</p>
    );
  if (release.impactStatus === 'pending' || release.impactStatus === 'running')
    return (
      <p className="muted" role="status">
        The impact report is being written: the latest {num(release.impactDecisions)} decisions are replayed through the draft.
      </p>
    );
  if (release.impactStatus === 'failed' || !release.impact)
    return (
      <div className="error" role="alert">
        The impact report failed: {release.impactError}
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
          ? `${num(r.decisions)} uploaded applications run through ${release.fromVersion === null ? `v${release.version} (nothing is live to compare with)` : `v${release.fromVersion} and v${release.version}`}`
          : `${num(r.decisions)} of the latest decisions of v${release.fromVersion} replayed through v${release.fromVersion} and v${release.version}`}{' '}
        in {r.seconds.toFixed(1)} s{r.erased ? `; ${num(r.erased)} left out (personal data erased)` : ''}.{' '}
        {r.bureau.replayed + r.bureau.unavailable
          ? `Bureau answers replayed from what each decision recorded: ${num(r.bureau.replayed)}; unavailable (personal features are not kept in clear): ${num(r.bureau.unavailable)}.`
          : ''}
      </p>
      <div className="tiles">
        <div className="tile">
          <div className="tile-label">Approval rate</div>
          <div className="tile-value">
            {pct(r.live.approvalRate)} → {pct(r.draft.approvalRate)}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">Outcomes that change</div>
          <div className="tile-value">{num(r.changedOutcome)}</div>
          <div className="small muted">{pct(r.decisions ? r.changedOutcome / r.decisions : null)} of decisions</div>
        </div>
        <div className="tile">
          <div className="tile-label">Swap-ins (newly approved)</div>
          <div className="tile-value">{num(r.swapIns.count)}</div>
          <div className="small muted">
            bad rate {pct(r.swapIns.badRate)} of {num(r.swapIns.known)} with known outcome
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">Swap-outs (no longer approved)</div>
          <div className="tile-value">{num(r.swapOuts.count)}</div>
          <div className="small muted">
            bad rate {pct(r.swapOuts.badRate)} of {num(r.swapOuts.known)} with known outcome
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">Same outcome, other reasons</div>
          <div className="tile-value">{num(r.changedReasons.count)}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Same outcome, other offer</div>
          <div className="tile-value">{num(r.changedOffer.count)}</div>
        </div>
      </div>
      {r.live.expectedProfit !== null || r.draft.expectedProfit !== null ? (
        <p>
          Expected profit {num(r.live.expectedProfit)} → {num(r.draft.expectedProfit)}; expected loss {num(r.live.expectedLoss)} → {num(r.draft.expectedLoss)}.
        </p>
      ) : null}
      <table aria-label="Outcomes, live against draft">
        <caption>Outcomes: draft (rows) against live (columns)</caption>
        <thead>
          <tr>
            <th />
            {VERDICTS.map((v) => (
              <th key={v}>{v}</th>
            ))}
            <th>Draft total</th>
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
        Refused or failed runs: live {errors(r.errors.live)}; draft {errors(r.errors.draft)}.
      </p>
      {r.changedReasons.top.length ? (
        <table aria-label="Reasons that change">
          <caption>Reasons that change (same outcome)</caption>
          <thead>
            <tr>
              <th>Live</th>
              <th>Draft</th>
              <th>Decisions</th>
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
        Paths taken: {num(r.paths.distinctLive)} by the live version, {num(r.paths.distinctDraft)} by the draft.
      </p>
      <PathTable title="Paths only the draft takes" rows={r.paths.added} />
      <PathTable title="Paths the draft no longer takes" rows={r.paths.removed} />
      <PathTable title="Paths taken more or less often" rows={r.paths.changed} />
    </div>
  );
}
