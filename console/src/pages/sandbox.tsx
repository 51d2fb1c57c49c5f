import { t } from '../i18n/i18n.ts';
import { useEffect, useState } from 'react';
import exampleStrategy from '../../../examples/strategies/consumer-loans.json';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { Chart } from '../chart.tsx';
import type { FlowSummary } from '../types.ts';
import { ActionButton, Badge, Empty, ErrorBox, Loaded, num, pct, useLoad, when, money } from '../ui.tsx';

interface Backtest {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  candidate: { flow: string; version: number };
  baseline: { flow: string; version: number };
  rowsDone: number;
  rowsEstimated: number;
  report: Report | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
interface FlowSide {
  approvalRate: number;
  outcomes: Record<string, number>;
  approvedBadRate: number | null;
  expectedProfit: number | null;
  realisedProfit: number | null;
  paths: { path: string; outcome: string; count: number; share: number; badRate: number | null }[];
  distinctPaths: number;
}
interface Swap {
  count: number;
  share: number;
  badRate: number | null;
}
interface Report {
  rows: number;
  invalid: number;
  invalidExamples: string[];
  candidate: FlowSide;
  baseline: FlowSide;
  swapIns: Swap;
  swapOuts: Swap;
  kept: Swap;
  matrix: Record<string, Record<string, { count: number; known: number; bad: number }>>;
  seconds: number;
}

function readFile(file: File): Promise<string> {
  return file.text();
}

export function SandboxPage({ me }: PageProps) {
  const canRun = me.role === 'risk-manager' || me.role === 'analyst';
  return (
    <section aria-labelledby="sandbox-title">
      <h1 id="sandbox-title">{t('Sandbox')}</h1>
      <p className="muted">
        {t(
          "Try a flow version on history before it decides anyone's loan, or optimise a portfolio of scored applications under a strategy. Nothing here changes a live decision.",
        )}
      </p>
      <BacktestPanel canRun={canRun} />
      {canRun ? <OptimizationPanel /> : null}
    </section>
  );
}

function FlowVersionPicker({
  label,
  value,
  onChange,
  flows,
}: {
  label: string;
  value: { flow: string; version: number };
  onChange: (v: { flow: string; version: number }) => void;
  flows: FlowSummary[];
}) {
  const current = flows.find((f) => f.id === value.flow);
  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <select
        aria-label={t('{{label}} flow', { label })}
        value={value.flow}
        onChange={(e) => onChange({ flow: e.target.value, version: flows.find((f) => f.id === e.target.value)?.latestVersion ?? 1 })}
      >
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.id}
          </option>
        ))}
      </select>
      <select aria-label={t('{{label}} version', { label })} value={value.version} onChange={(e) => onChange({ ...value, version: Number(e.target.value) })}>
        {Array.from({ length: current?.latestVersion ?? 1 }, (_, i) => i + 1).map((v) => (
          <option key={v} value={v}>
            v{v}
            {current?.liveVersion === v ? t(' (live)') : ''}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

function BacktestPanel({ canRun }: { canRun: boolean }) {
  const flows = useLoad(() => get<{ flows: FlowSummary[] }>('/v1/flows').then((r) => r.flows), []);
  const recent = useLoad(() => get<{ backtests: Backtest[] }>('/v1/backtests?limit=10').then((r) => r.backtests), []);
  const [candidate, setCandidate] = useState<{ flow: string; version: number } | null>(null);
  const [baseline, setBaseline] = useState<{ flow: string; version: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState({ column: 'defaulted', bad: '1' });
  const [withStrategy, setWithStrategy] = useState(false);
  const [running, setRunning] = useState<string | null>(null);
  useEffect(() => {
    if (!flows.data?.length || candidate) return;
    const synthC = flows.data.find((f) => f.id === 'synth-candidate');
    const synthB = flows.data.find((f) => f.id === 'synth-baseline');
    const first = flows.data[0]!;
    setCandidate({ flow: (synthC ?? first).id, version: (synthC ?? first).latestVersion });
    setBaseline({ flow: (synthB ?? first).id, version: (synthB ?? first).liveVersion ?? (synthB ?? first).latestVersion });
  }, [flows.data, candidate]);
  return (
    <div className="panel">
      <h2>{t('Back-test')}</h2>
      {canRun ? (
        <Loaded state={flows} what={t('flows')}>
          {(list) =>
            list.length === 0 || !candidate || !baseline ? (
              <Empty>{t('No flows to test.')}</Empty>
            ) : (
              <form aria-label={t('Start a back-test')} onSubmit={(e) => e.preventDefault()}>
                <div className="row">
                  <FlowVersionPicker label={t('Candidate')} value={candidate} onChange={setCandidate} flows={list} />
                  <FlowVersionPicker label={t('Baseline')} value={baseline} onChange={setBaseline} flows={list} />
                </div>
                <label htmlFor="history">{t('History (CSV with a header; outcome column where known)')}</label>
                <input id="history" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
                <div className="row">
                  <label>
                    {t('Outcome column')} <input value={outcome.column} onChange={(e) => setOutcome({ ...outcome, column: e.target.value })} />
                  </label>
                  <label>
                    {t('Bad value')} <input value={outcome.bad} onChange={(e) => setOutcome({ ...outcome, bad: e.target.value })} size={4} />
                  </label>
                  <label>
                    <input type="checkbox" checked={withStrategy} onChange={(e) => setWithStrategy(e.target.checked)} />{' '}
                    {t('value approved loans with the example strategy')}
                  </label>
                </div>
                <ActionButton
                  disabled={!file}
                  onClick={async () => {
                    const csv = await readFile(file!);
                    const started = await post<Backtest>('/v1/backtests', {
                      candidate,
                      baseline,
                      csv,
                      ...(outcome.column ? { outcome } : {}),
                      ...(withStrategy ? { strategy: { ...exampleStrategy, $schema: undefined } } : {}),
                    });
                    setRunning(started.id);
                    recent.reload();
                  }}
                >
                  {t('Run back-test')}
                </ActionButton>
              </form>
            )
          }
        </Loaded>
      ) : null}
      {running ? <BacktestProgress id={running} onDone={recent.reload} /> : null}
      <h3>{t('Recent back-tests')}</h3>
      <Loaded state={recent} what={t('back-tests')}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('None yet.')}</Empty>
          ) : (
            <table aria-label={t('Recent back-tests')}>
              <thead>
                <tr>
                  <th>{t('Back-test')}</th>
                  <th>{t('Candidate')}</th>
                  <th>{t('Baseline')}</th>
                  <th>{t('Status')}</th>
                  <th>{t('Rows')}</th>
                  <th>{t('Started')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <button type="button" className="link" onClick={() => setRunning(b.id)}>
                        {b.id}
                      </button>
                    </td>
                    <td>
                      {b.candidate.flow} v{b.candidate.version}
                    </td>
                    <td>
                      {b.baseline.flow} v{b.baseline.version}
                    </td>
                    <td>
                      <Badge value={b.status} />
                    </td>
                    <td>
                      {num(b.rowsDone)} / {num(b.rowsEstimated)}
                    </td>
                    <td>{when(b.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </div>
  );
}

/** Follows a back-test by polling until it is done or failed. */
function BacktestProgress({ id, onDone }: { id: string; onDone: () => void }) {
  const [b, setB] = useState<Backtest | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await get<Backtest>(`/v1/backtests/${encodeURIComponent(id)}`);
        if (!live) return;
        setB(next);
        if (next.status === 'done' || next.status === 'failed') onDone();
        else timer = window.setTimeout(poll, 500);
      } catch (err) {
        if (live) setError(err as Error);
      }
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [id, onDone]);
  if (error) return <ErrorBox error={error} />;
  if (!b) return null;
  const share = b.rowsEstimated ? b.rowsDone / b.rowsEstimated : 0;
  return (
    <section className="result" aria-label={t('Back-test {{id}}', { id: b.id })}>
      <h3>
        {b.id}: {b.candidate.flow} v{b.candidate.version} {t('against')} {b.baseline.flow} v{b.baseline.version} <Badge value={b.status} />
      </h3>
      {b.status === 'queued' || b.status === 'running' ? (
        <div>
          <progress max={1} value={share} aria-label={t('Back-test progress')} /> {num(b.rowsDone)} {t('of about')} {num(b.rowsEstimated)} {t('rows')}
        </div>
      ) : null}
      {b.status === 'failed' ? (
        <div className="error" role="alert">
          {t('The back-test failed:')} {b.error}
        </div>
      ) : null}
      {b.status === 'done' && b.report ? <BacktestReport report={b.report} /> : null}
    </section>
  );
}

function BacktestReport({ report }: { report: Report }) {
  const sides = [
    ['Candidate', report.candidate],
    ['Baseline', report.baseline],
  ] as const;
  return (
    <>
      <p>
        {num(report.rows)} {t('applications in')} {num(report.seconds, 2)} s
        {report.invalid
          ? t('; {{invalid}} rows could not be run ({{join}})', { invalid: report.invalid, join: report.invalidExamples.slice(0, 2).join('; ') })
          : ''}
        .
      </p>
      <table aria-label={t('Back-test summary')}>
        <thead>
          <tr>
            <th />
            <th>{t('Approval rate')}</th>
            <th>{t('Approved bad rate')}</th>
            <th>{t('Approve / decline / refer')}</th>
            <th>{t('Expected profit')}</th>
            <th>{t('Realised profit')}</th>
            <th>{t('Paths')}</th>
          </tr>
        </thead>
        <tbody>
          {sides.map(([name, s]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{pct(s.approvalRate)}</td>
              <td>{pct(s.approvedBadRate, 2)}</td>
              <td>
                {num(s.outcomes.approve)} / {num(s.outcomes.decline)} / {num(s.outcomes.refer)}
              </td>
              <td>{money(s.expectedProfit)}</td>
              <td>{money(s.realisedProfit)}</td>
              <td>{num(s.distinctPaths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('Swap set')}</h4>
      <table aria-label={t('Swap set')}>
        <thead>
          <tr>
            <th />
            <th>{t('Applications')}</th>
            <th>{t('Share')}</th>
            <th>{t('Bad rate')}</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              [t('Swap-ins (candidate approves, baseline does not)'), report.swapIns],
              [t('Swap-outs (baseline approves, candidate does not)'), report.swapOuts],
              [t('Kept (both approve)'), report.kept],
            ] as const
          ).map(([name, s]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{num(s.count)}</td>
              <td>{pct(s.share)}</td>
              <td>{pct(s.badRate, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('Candidate by baseline outcome')}</h4>
      <table aria-label={t('Outcome matrix')}>
        <thead>
          <tr>
            <th>{t('candidate ↓ / baseline →')}</th>
            {Object.keys(report.matrix).map((b) => (
              <th key={b}>{b}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.matrix).map(([c, row]) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {Object.keys(report.matrix).map((b) => (
                <td key={b}>
                  {num(row[b]?.count)}
                  {row[b]?.known ? (
                    <span className="muted small">
                      {' '}
                      ({pct(row[b]!.bad / row[b]!.known)} {t('bad)')}
                    </span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

interface Optimization {
  applications: number;
  objective: number;
  upperBound: number;
  approvalRate: number;
  expectedVolume: number;
  expectedLossRate: number;
  method: string;
  seconds: number;
  constraints: { name: string; label: string; binding: boolean; value: number; shadowPrice: number }[];
  cutoffs: Record<string, { applications: number; approvalRate: number; maxPd: number; agreement: number }>;
  frontier: { maxLossRate: number; expectedProfit: number; lossRate: number; approvalRate: number; volume: number }[] | null;
}

/** Whole seconds since `since`, ticking while it is set. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

function OptimizationPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [strategy, setStrategy] = useState(JSON.stringify({ ...exampleStrategy, $schema: undefined }, null, 2));
  const [result, setResult] = useState<Optimization | null>(null);
  const [running, setRunning] = useState<{ since: number; rows: number } | null>(null);
  const elapsed = useElapsedSeconds(running?.since ?? null);
  return (
    <div className="panel">
      <h2>{t('Optimisation')}</h2>
      <form aria-label={t('Run an optimisation')} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="portfolio">{t('Scored applications (CSV with the columns the strategy names)')}</label>
        <input id="portfolio" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <details>
          <summary>{t('Strategy')}</summary>
          <textarea aria-label={t('Strategy (JSON)')} rows={14} value={strategy} onChange={(e) => setStrategy(e.target.value)} spellCheck={false} />
        </details>
        <ActionButton
          disabled={!file}
          onClick={async () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(strategy);
            } catch (err) {
              throw new Error(t('The strategy is not valid JSON: {{error}}', { error: (err as Error).message }));
            }
            const csv = await readFile(file!);
            setResult(null);
            setRunning({ since: Date.now(), rows: Math.max(0, csv.trim().split('\n').length - 1) });
            try {
              setResult(await post<Optimization>('/v1/optimizations', { csv, strategy: parsed, points: 10 }));
            } finally {
              setRunning(null);
            }
          }}
        >
          {t('Optimise')}
        </ActionButton>
      </form>
      {running ? (
        <p className="muted" role="status" data-testid="optimisation-progress">
          {t('Choosing an offer for each of')} {num(running.rows)}{' '}
          {t("applications under the strategy's constraints, then 10 points of the efficient frontier:")} {elapsed}{' '}
          {t('s so far. Large portfolios take a minute or more; the answer comes in one piece.')}
        </p>
      ) : null}
      {result ? (
        <section className="result" aria-label={t('Optimisation result')}>
          <p>
            {num(result.applications)} {t('applications solved in')} {num(result.seconds, 2)} s ({result.method}
            {t('): expected profit')} <strong>{money(result.objective)}</strong> {t('(bound')} {money(result.upperBound)}
            {t('), approval')} {pct(result.approvalRate)}
            {t(', loss rate')} {pct(result.expectedLossRate, 2)}.
          </p>
          <table aria-label={t('Constraints')}>
            <thead>
              <tr>
                <th>{t('Constraint')}</th>
                <th>{t('Binding')}</th>
                <th>{t('Value')}</th>
                <th>{t('Shadow price')}</th>
              </tr>
            </thead>
            <tbody>
              {result.constraints.map((c) => (
                <tr key={c.name}>
                  <td>{c.label}</td>
                  <td>{c.binding ? 'binding' : 'slack'}</td>
                  <td>{num(c.value, 4)}</td>
                  <td>{num(c.shadowPrice, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={t('Cutoffs')}>
            <thead>
              <tr>
                <th>{t('Segment')}</th>
                <th>{t('Applications')}</th>
                <th>{t('Approval')}</th>
                <th>{t('PD cutoff')}</th>
                <th>{t('Agreement')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(result.cutoffs).map(([g, c]) => (
                <tr key={g}>
                  <td>{g}</td>
                  <td>{num(c.applications)}</td>
                  <td>{pct(c.approvalRate)}</td>
                  <td>{num(c.maxPd, 4)}</td>
                  <td>{pct(c.agreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.frontier ? (
            <Chart
              label={t('Efficient frontier')}
              option={{
                title: { text: t('Efficient frontier: expected profit against expected loss rate'), textStyle: { fontSize: 13 } },
                tooltip: { trigger: 'item' },
                xAxis: { type: 'value', name: t('loss rate'), axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(1)}%` } },
                yAxis: { type: 'value', name: t('expected profit') },
                series: [{ type: 'line', data: result.frontier.map((p) => [p.lossRate, p.expectedProfit]), itemStyle: { color: '#3867d6' } }],
              }}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
