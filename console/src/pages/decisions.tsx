import { useMemo, useState, type FormEvent } from 'react';
import { Chart, type ChartOption } from '../chart.tsx';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { FlowGraph } from '../flow-graph.tsx';
import { go, href } from '../router.ts';
import type { Decision, FlowSummary, FlowVersion } from '../types.ts';
import { ActionButton, Badge, Empty, ErrorBox, Json, Loaded, num, useLoad, Values, when } from '../ui.tsx';

const EXAMPLE = {
  applicantName: 'Wang Fang',
  nationalId: '110101199003074512',
  phone: '13812345678',
  age: 34,
  monthlyIncome: 18000,
  monthlyDebt: 2500,
  employment: 'employed',
  yearsEmployed: 6,
  product: 'personal',
  channel: 'online',
  customerType: 'existing',
  bureauScore: 712,
  delinquencies: 0,
  bankrupt: false,
  fraudFlag: false,
  requestedAmount: 50000,
  termMonths: 36,
};

export function DecisionsPage({ me, route }: PageProps) {
  const id = route[1];
  return id ? <DecisionDetail me={me} id={id} /> : <DecisionList me={me} />;
}

function DecisionList({ me }: { me: PageProps['me'] }) {
  const [filter, setFilter] = useState({ flow: '', status: '', outcome: '' });
  const query = new URLSearchParams(Object.entries({ ...filter, limit: '100' }).filter(([, v]) => v)).toString();
  const list = useLoad(() => get<{ decisions: Decision[] }>(`/v1/decisions?${query}`).then((r) => r.decisions), [query]);
  const [found, setFound] = useState<Decision[] | null>(null);
  return (
    <section aria-labelledby="decisions-title">
      <h1 id="decisions-title">Decisions</h1>
      {me.role === 'service' ? <NewDecision /> : null}
      <form className="filters" aria-label="Filter decisions" onSubmit={(e) => e.preventDefault()}>
        <label>
          Flow <input value={filter.flow} onChange={(e) => setFilter({ ...filter, flow: e.target.value })} placeholder="any" />
        </label>
        <label>
          Status{' '}
          <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
            <option value="">any</option>
            <option value="completed">completed</option>
            <option value="pending_review">pending review</option>
          </select>
        </label>
        <label>
          Outcome{' '}
          <select value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value })}>
            <option value="">any</option>
            <option value="approve">approve</option>
            <option value="decline">decline</option>
            <option value="refer">refer</option>
          </select>
        </label>
      </form>
      {me.role !== 'auditor' ? <Search onFound={setFound} /> : null}
      {found ? (
        <>
          <h2>
            Search results{' '}
            <button type="button" className="btn btn-secondary" onClick={() => setFound(null)}>
              Clear
            </button>
          </h2>
          <DecisionTable decisions={found} />
        </>
      ) : (
        <Loaded state={list} what="decisions">
          {(decisions) => (decisions.length ? <DecisionTable decisions={decisions} /> : <Empty>No decisions match.</Empty>)}
        </Loaded>
      )}
    </section>
  );
}

function DecisionTable({ decisions }: { decisions: Decision[] }) {
  return (
    <table aria-label="Decisions">
      <thead>
        <tr>
          <th>Decision</th>
          <th>Flow</th>
          <th>Status</th>
          <th>Outcome</th>
          <th>Reasons</th>
          <th>Time</th>
          <th>When</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((d) => (
          <tr key={d.id}>
            <td>
              <a href={href('decisions', d.id)}>{d.id}</a>
            </td>
            <td>
              {d.flow.id} v{d.flow.version}
            </td>
            <td>
              <Badge value={d.status} />
            </td>
            <td>
              <Badge value={d.outcome} />
            </td>
            <td className="small">{d.reasons.map((r) => r.code).join(', ') || '—'}</td>
            <td>{num(d.durationMs, 2)} ms</td>
            <td>{when(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Finds applications by a searchable personal field; the value goes in the body, never the URL. */
function Search({ onFound }: { onFound: (d: Decision[]) => void }) {
  const [field, setField] = useState('nationalId');
  const [value, setValue] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onFound((await post<{ decisions: Decision[] }>('/v1/decisions/search', { field, value })).decisions);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="filters" aria-label="Find an applicant" onSubmit={submit}>
      <label>
        Find by{' '}
        <select value={field} onChange={(e) => setField(e.target.value)}>
          <option value="nationalId">national ID</option>
          <option value="phone">phone</option>
        </select>
      </label>
      <input aria-label="Value to find" value={value} onChange={(e) => setValue(e.target.value)} required autoComplete="off" />
      <button type="submit" className="btn btn-secondary">
        Find
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

function NewDecision() {
  const flows = useLoad(
    () =>
      get<{ flows: FlowSummary[] }>('/v1/flows')
        .then((r) => r.flows)
        .catch(() => [] as FlowSummary[]),
    [],
  );
  const [flow, setFlow] = useState('consumer-lending');
  const [text, setText] = useState(JSON.stringify(EXAMPLE, null, 2));
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let application: unknown;
    try {
      application = JSON.parse(text);
    } catch (err) {
      setError(new Error(`The application is not valid JSON: ${(err as Error).message}`));
      return;
    }
    try {
      const d = await post<Decision>('/v1/decisions', { flow, application, idempotencyKey: `console-${crypto.randomUUID()}` });
      go('decisions', d.id);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <details className="panel" open>
      <summary>Run a decision</summary>
      <form onSubmit={submit} aria-label="Run a decision">
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is a select or, before flows load, a text input, chosen below */}
        <label>
          Flow{' '}
          {flows.data?.length ? (
            <select value={flow} onChange={(e) => setFlow(e.target.value)}>
              {flows.data.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.id}
                </option>
              ))}
            </select>
          ) : (
            <input value={flow} onChange={(e) => setFlow(e.target.value)} />
          )}
        </label>
        <label htmlFor="application">Application (JSON)</label>
        <textarea id="application" rows={12} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <button type="submit" className="btn btn-primary">
          Decide
        </button>
        <ErrorBox error={error} />
      </form>
    </details>
  );
}

function DecisionDetail({ me, id }: { me: PageProps['me']; id: string }) {
  const decision = useLoad(() => get<Decision>(`/v1/decisions/${encodeURIComponent(id)}`), [id]);
  return (
    <section aria-labelledby="decision-title">
      <p>
        <a href={href('decisions')}>← Decisions</a>
      </p>
      <Loaded state={decision} what="the decision">
        {(d) => (
          <>
            <h1 id="decision-title">
              {d.id} <Badge value={d.outcome ?? d.status} />
            </h1>
            <p className="muted">
              {d.flow.id} v{d.flow.version} · {when(d.createdAt)} · {num(d.durationMs, 2)} ms
              {d.override ? ` · decided by a person (${d.override.reviewer}): ${d.override.note}` : ''}
              {d.pendingReviewId ? (
                <>
                  {' '}
                  · waiting for review <a href={href('reviews', d.pendingReviewId)}>{d.pendingReviewId}</a>
                </>
              ) : null}
            </p>
            <div className="columns">
              <div>
                <h2>Reasons</h2>
                {d.reasons.length ? (
                  <ul>
                    {d.reasons.map((r, i) => (
                      <li key={i}>
                        <code>{r.code}</code> {r.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">None given.</p>
                )}
                <ModelReasons reasons={d.reasons} />
                <h2>Offer</h2>
                {d.offer ? <Values label="Offer" values={d.offer} /> : <p className="muted">No offer.</p>}
              </div>
              <div>
                <h2>Application</h2>
                <Application me={me} decision={d} />
              </div>
            </div>
            <Trace decision={d} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Why a role may reveal: a reviewer for a case they hold, an admin for a request with its ticket number. */
const REVEAL_PURPOSES: Record<string, { value: string; label: string }[]> = {
  reviewer: [
    { value: 'review_case', label: 'Working the review case I hold' },
    { value: 'complaint', label: "Handling the applicant's contest" },
  ],
  admin: [
    { value: 'applicant_request', label: "The applicant's own request (access, correction)" },
    { value: 'fraud_investigation', label: 'A fraud investigation' },
    { value: 'legal_obligation', label: 'A legal or regulatory obligation' },
    { value: 'audit', label: 'An audit' },
  ],
};

/** Personal data arrives masked; a role that may reveal states why, and the reveal is audited. */
function Application({ me, decision }: { me: PageProps['me']; decision: Decision }) {
  const purposes = REVEAL_PURPOSES[me.role] ?? [];
  const [purpose, setPurpose] = useState(purposes[0]?.value ?? '');
  const [reference, setReference] = useState('');
  const [revealed, setRevealed] = useState<Record<string, unknown> | null>(null);
  if (decision.personalDataErased) return <p className="muted">The personal data of this application was erased.</p>;
  const shown = { ...(decision.application ?? {}), ...(revealed ?? {}) };
  const needsReference = me.role === 'admin';
  return (
    <>
      <table aria-label="Application">
        <tbody>
          {Object.entries(shown).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className={revealed && k in revealed ? 'revealed' : undefined}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {purposes.length ? (
        <div className="reveal">
          <label htmlFor="purpose">Reveal personal data for (recorded in the audit log)</label>
          <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            {purposes.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          {needsReference ? (
            <>
              <label htmlFor="reference">Ticket or case number</label>
              <input id="reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="e.g. SAR-2026-042" />
            </>
          ) : null}
          <ActionButton
            kind="secondary"
            disabled={needsReference && reference.trim().length < 3}
            onClick={async () =>
              setRevealed(
                (
                  await post<{ application: Record<string, unknown> }>(`/v1/decisions/${encodeURIComponent(decision.id)}/reveal`, {
                    purpose,
                    ...(needsReference ? { reference: reference.trim() } : {}),
                  })
                ).application,
              )
            }
          >
            Reveal
          </ActionButton>
        </div>
      ) : null}
    </>
  );
}

function Trace({ decision }: { decision: Decision }) {
  const flow = useLoad(
    () => get<FlowVersion>(`/v1/flows/${encodeURIComponent(decision.flow.id)}/versions/${decision.flow.version}`).catch(() => null),
    [decision.flow.id, decision.flow.version],
  );
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <h2>Trace</h2>
      {flow.data ? <FlowGraph definition={flow.data.definition} highlight={decision.path} height={380} /> : null}
      <ol className="trace" aria-label="Trace">
        {(decision.trace ?? []).map((t, i) => (
          <li key={i} data-node={t.node}>
            <button type="button" className="trace-step" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
              <strong>{t.node}</strong> <Badge value={t.kind} /> {t.branch ? <span>→ {t.branch}</span> : null} <span className="muted">{num(t.ms, 3)} ms</span>
            </button>
            {open === i ? (
              <div className="columns small">
                <div>
                  <h4>Read</h4>
                  <Json value={t.read} />
                </div>
                <div>
                  <h4>Wrote</h4>
                  <Json value={t.wrote} />
                </div>
                {t.warnings?.length ? (
                  <div>
                    <h4>Warnings</h4>
                    <Json value={t.warnings} />
                  </div>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {!decision.trace?.length ? <p className="muted">No trace was kept for this decision.</p> : null}
      <p className="muted small">Path: {decision.path.join(' → ')}</p>
    </>
  );
}

/**
 * The features a model gave as reasons, as a waterfall: each bar starts where the one before it
 * ended, so the chart shows how far each feature raised the risk and how far they raised it together.
 */
function ModelReasons({ reasons }: { reasons: Decision['reasons'] }) {
  const option = useMemo<ChartOption | null>(() => {
    const fromModel = reasons.filter((r) => typeof r.impact === 'number');
    if (!fromModel.length) return null;
    const base: number[] = [];
    let total = 0;
    for (const r of fromModel) {
      base.push(total);
      total += r.impact!;
    }
    return {
      xAxis: { type: 'category', data: fromModel.map((r) => r.feature ?? r.code), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: 'raised the risk by' },
      series: [
        { type: 'bar', stack: 'waterfall', data: base, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, tooltip: { show: false } },
        { type: 'bar', stack: 'waterfall', name: 'impact', data: fromModel.map((r) => Number(r.impact!.toFixed(3))), label: { show: true, position: 'top' } },
      ],
    };
  }, [reasons]);
  if (!option) return null;
  return (
    <>
      <h2>What raised the risk</h2>
      <Chart option={option} label="Model reasons" height={220} />
    </>
  );
}
