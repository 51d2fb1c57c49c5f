import { t } from '../i18n/i18n.ts';
import { get } from '../api.ts';
import type { PageProps } from '../types.ts';
import { Chart } from '../chart.tsx';
import { href } from '../router.ts';
import type { Decision } from '../types.ts';
import { ErrorBox, Loading, num, pct, useLoad, when, money } from '../ui.tsx';

interface Usage {
  connectorId: string;
  pulls: number;
  errorRate: number;
  cost: number;
  latencyMs: { p50: number | null; p99: number | null };
  circuit: string;
}
interface Alert {
  id: string;
  flowId: string;
  metric: string;
  message: string;
  raisedAt: string;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : null;
};

/** Figures over the most recent decisions (up to 500), as a risk team reads them at a glance. */
function summarise(decisions: Decision[]) {
  const completed = decisions.filter((d) => d.status === 'completed');
  const times = decisions.map((d) => Date.parse(d.createdAt));
  const spanMinutes = times.length > 1 ? Math.max(1, (Math.max(...times) - Math.min(...times)) / 60_000) : 1;
  const perMinute = new Map<string, number>();
  for (const d of decisions) {
    const minute = d.createdAt.slice(0, 16);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  const ms = decisions.map((d) => d.durationMs);
  return {
    count: decisions.length,
    perMinute: decisions.length / spanMinutes,
    approvalRate: completed.length ? completed.filter((d) => d.outcome === 'approve').length / completed.length : null,
    pending: decisions.filter((d) => d.status === 'pending_review').length,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    p99: quantile(ms, 0.99),
    series: [...perMinute].sort(([a], [b]) => a.localeCompare(b)).slice(-60),
  };
}

export function OverviewPage(_: PageProps) {
  const decisions = useLoad(() => get<{ decisions: Decision[] }>('/v1/decisions?limit=500').then((r) => r.decisions), []);
  const pending = useLoad(() => get<{ decisions: Decision[] }>('/v1/decisions?status=pending_review&limit=500').then((r) => r.decisions.length), []);
  const bureau = useLoad(async () => {
    const { connectors } = await get<{ connectors: { connectorId: string }[] }>('/v1/connectors');
    return Promise.all(connectors.map((c) => get<Usage>(`/v1/connectors/${encodeURIComponent(c.connectorId)}/usage`)));
  }, []);
  const alerts = useLoad(() => get<{ alerts: Alert[] }>('/v1/alerts?open=true&limit=20').then((r) => r.alerts), []);
  const s = decisions.data ? summarise(decisions.data) : null;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('Overview')}</h1>
      <ErrorBox error={decisions.error} />
      {s ? (
        <>
          <div className="tiles">
            <Tile label={t('Decisions per minute')} value={num(s.perMinute, 1)} note={t('over the last {{count}} decisions', { count: s.count })} />
            <Tile label={t('Approval rate')} value={pct(s.approvalRate)} note={t('of completed decisions')} />
            <Tile
              label={t('Latency p50 / p95 / p99')}
              value={t('{{p50}} / {{p95}} / {{p99}} ms', { p50: num(s.p50, 2), p95: num(s.p95, 2), p99: num(s.p99, 2) })}
              note={t('time to run the flow')}
            />
            <Tile
              label={t('Pending reviews')}
              value={pending.data === null ? '…' : num(pending.data)}
              note={<a href={href('decisions')}>{t('decisions waiting for a person')}</a>}
            />
            <Tile
              label={t('Bureau error rate')}
              value={
                bureau.data
                  ? pct(
                      bureau.data.reduce((w, u) => w + u.errorRate * u.pulls, 0) /
                        Math.max(
                          1,
                          bureau.data.reduce((n, u) => n + u.pulls, 0),
                        ),
                    )
                  : bureau.error
                    ? '—'
                    : '…'
              }
              note={
                bureau.data
                  ? t('{{reduce}} pulls, {{length}} connectors', { reduce: num(bureau.data.reduce((n, u) => n + u.pulls, 0)), length: bureau.data.length })
                  : bureau.error
                    ? t('not visible to this role')
                    : t('loading…')
              }
            />
            <Tile
              label={t('Open alerts')}
              value={alerts.data ? num(alerts.data.length) : alerts.error ? '—' : '…'}
              note={alerts.error ? t('not visible to this role') : alerts.data ? t('drift, approval, early delinquency') : t('loading…')}
            />
          </div>
          {s.series.length > 1 ? (
            <Chart
              label={t('Decisions per minute')}
              option={{
                title: { text: t('Decisions per minute'), textStyle: { fontSize: 13 } },
                xAxis: { type: 'category', data: s.series.map(([m]) => m.slice(11)) },
                yAxis: { type: 'value' },
                series: [{ type: 'bar', data: s.series.map(([, n]) => n), itemStyle: { color: '#3867d6' } }],
              }}
            />
          ) : null}
        </>
      ) : decisions.loading ? (
        <Loading what={t('recent decisions')} />
      ) : null}
      {bureau.data?.length ? (
        <>
          <h2>{t('Bureau connectors')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('Connector')}</th>
                <th>{t('Pulls')}</th>
                <th>{t('Error rate')}</th>
                <th>p50</th>
                <th>p99</th>
                <th>{t('Cost')}</th>
                <th>{t('Circuit')}</th>
              </tr>
            </thead>
            <tbody>
              {bureau.data.map((u) => (
                <tr key={u.connectorId}>
                  <td>{u.connectorId}</td>
                  <td>{num(u.pulls)}</td>
                  <td>{pct(u.errorRate)}</td>
                  <td>
                    {num(u.latencyMs.p50)} {t('ms')}
                  </td>
                  <td>
                    {num(u.latencyMs.p99)} {t('ms')}
                  </td>
                  <td>{money(u.cost, 2)}</td>
                  <td>{u.circuit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {alerts.data?.length ? (
        <>
          <h2>{t('Open alerts')}</h2>
          <ul className="alerts">
            {alerts.data.map((a) => (
              <li key={a.id}>
                <strong>{a.flowId}</strong> {a.message} <span className="muted">({when(a.raisedAt)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note: React.ReactNode }) {
  return (
    <div className="tile">
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      <div className="tile-note">{note}</div>
    </div>
  );
}
