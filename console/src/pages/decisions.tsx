import { t, tk, localText } from '../i18n/i18n.ts';
import { useMemo, useState, type FormEvent } from 'react';
import { Chart, type ChartOption } from '../chart.tsx';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { FlowGraph } from '../flow-graph.tsx';
import { go, href } from '../router.ts';
import type { Decision, FlowSummary, FlowVersion } from '../types.ts';
import { ActionButton, Badge, Empty, ErrorBox, formatValue, Json, Loaded, num, useLoad, Values, when } from '../ui.tsx';

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
      <h1 id="decisions-title">{t('Decisions')}</h1>
      {me.role === 'service' ? <NewDecision /> : null}
      <form className="filters" aria-label={t('Filter decisions')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('Flow')} <input value={filter.flow} onChange={(e) => setFilter({ ...filter, flow: e.target.value })} placeholder={t('any')} />
        </label>
        <label>
          {t('Status')}{' '}
          <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
            <option value="">{t('any')}</option>
            <option value="completed">{t('completed')}</option>
            <option value="pending_review">{t('pending review')}</option>
          </select>
        </label>
        <label>
          {t('Outcome')}{' '}
          <select value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value })}>
            <option value="">{t('any')}</option>
            <option value="approve">{t('approve')}</option>
            <option value="decline">{t('decline')}</option>
            <option value="refer">{t('refer')}</option>
          </select>
        </label>
      </form>
      {me.role !== 'auditor' ? <Search onFound={setFound} /> : null}
      {found ? (
        <>
          <h2>
            {t('Search results')}{' '}
            <button type="button" className="btn btn-secondary" onClick={() => setFound(null)}>
              {t('Clear')}
            </button>
          </h2>
          <DecisionTable decisions={found} />
        </>
      ) : (
        <Loaded state={list} what={t('decisions')}>
          {(decisions) => (decisions.length ? <DecisionTable decisions={decisions} /> : <Empty>{t('No decisions match.')}</Empty>)}
        </Loaded>
      )}
    </section>
  );
}

function DecisionTable({ decisions }: { decisions: Decision[] }) {
  return (
    <table aria-label={t('Decisions')}>
      <thead>
        <tr>
          <th>{t('Decision')}</th>
          <th>{t('Flow')}</th>
          <th>{t('Status')}</th>
          <th>{t('Outcome')}</th>
          <th>{t('Reasons')}</th>
          <th>{t('Time')}</th>
          <th>{t('When')}</th>
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
            <td>
              {num(d.durationMs, 2)} {t('ms')}
            </td>
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
    <form className="filters" aria-label={t('Find an applicant')} onSubmit={submit}>
      <label>
        {t('Find by')}{' '}
        <select value={field} onChange={(e) => setField(e.target.value)}>
          <option value="nationalId">{t('national ID')}</option>
          <option value="phone">{t('phone')}</option>
        </select>
      </label>
      <input aria-label={t('Value to find')} value={value} onChange={(e) => setValue(e.target.value)} required autoComplete="off" />
      <button type="submit" className="btn btn-secondary">
        {t('Find')}
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
      setError(new Error(t('The application is not valid JSON: {{error}}', { error: (err as Error).message })));
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
      <summary>{t('Run a decision')}</summary>
      <form onSubmit={submit} aria-label={t('Run a decision')}>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is a select or, before flows load, a text input, chosen below */}
        <label>
          {t('Flow')}{' '}
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
        <label htmlFor="application">{t('Application (JSON)')}</label>
        <textarea id="application" rows={12} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <button type="submit" className="btn btn-primary">
          {t('Decide')}
        </button>
        <ErrorBox error={error} />
      </form>
    </details>
  );
}

function DecisionDetail({ me, id }: { me: PageProps['me']; id: string }) {
  const decision = useLoad(() => get<Decision>(`/v1/decisions/${encodeURIComponent(id)}`), [id]);
  // The version that decided: its graph for the trace, its field labels for the application.
  const flowVersion = useLoad(
    async () =>
      decision.data
        ? get<FlowVersion>(`/v1/flows/${encodeURIComponent(decision.data.flow.id)}/versions/${decision.data.flow.version}`).catch(() => null)
        : null,
    [decision.data?.flow.id, decision.data?.flow.version],
  );
  return (
    <section aria-labelledby="decision-title">
      <p>
        <a href={href('decisions')}>{t('← Decisions')}</a>
      </p>
      <Loaded state={decision} what={t('the decision')}>
        {(d) => (
          <>
            <h1 id="decision-title">
              {d.id} <Badge value={d.outcome ?? d.status} />
            </h1>
            <p className="muted">
              {d.flow.id} v{d.flow.version} · {when(d.createdAt)} · {num(d.durationMs, 2)} {t('ms')}
              {d.override ? t(' · decided by a person ({{reviewer}}): {{note}}', { reviewer: d.override.reviewer, note: d.override.note }) : ''}
              {d.pendingReviewId ? (
                <>
                  {' '}
                  {t('· waiting for review')} <a href={href('reviews', d.pendingReviewId)}>{d.pendingReviewId}</a>
                </>
              ) : null}
            </p>
            <div className="columns">
              <div>
                <h2>{t('Reasons')}</h2>
                {d.reasons.length ? (
                  <ul>
                    {d.reasons.map((r, i) => (
                      <li key={i}>
                        <code>{r.code}</code> {localText(r.text, r.texts)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('None given.')}</p>
                )}
                <ModelReasons reasons={d.reasons} />
                <h2>{t('Offer')}</h2>
                {d.offer ? <Values label={t('Offer')} values={d.offer} /> : <p className="muted">{t('No offer.')}</p>}
              </div>
              <div>
                <h2>{t('Application')}</h2>
                <Application me={me} decision={d} fields={flowVersion.data?.definition.input?.fields ?? {}} />
              </div>
            </div>
            <Trace decision={d} flow={flowVersion.data ?? null} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Why a role may reveal: a reviewer for a case they hold, an admin for a request with its ticket number. */
const REVEAL_PURPOSES: Record<string, { value: string; label: string }[]> = {
  reviewer: [
    { value: 'review_case', label: tk('Working the review case I hold') },
    { value: 'complaint', label: tk("Handling the applicant's contest") },
  ],
  admin: [
    { value: 'applicant_request', label: tk("The applicant's own request (access, correction)") },
    { value: 'fraud_investigation', label: tk('A fraud investigation') },
    { value: 'legal_obligation', label: tk('A legal or regulatory obligation') },
    { value: 'audit', label: tk('An audit') },
  ],
};

/** Personal data arrives masked; a role that may reveal states why, and the reveal is audited. */
function Application({ me, decision, fields }: { me: PageProps['me']; decision: Decision; fields: Record<string, FieldLabels> }) {
  const purposes = REVEAL_PURPOSES[me.role] ?? [];
  const [purpose, setPurpose] = useState(purposes[0]?.value ?? '');
  const [reference, setReference] = useState('');
  const [revealed, setRevealed] = useState<Record<string, unknown> | null>(null);
  if (decision.personalDataErased) return <p className="muted">{t('The personal data of this application was erased.')}</p>;
  const shown = { ...(decision.application ?? {}), ...(revealed ?? {}) };
  const needsReference = me.role === 'admin';
  return (
    <>
      <table aria-label={t('Application')}>
        <tbody>
          {Object.entries(shown).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                {fields[k]?.label ? (
                  <>
                    {localText(fields[k].label, fields[k].labels)} <span className="muted small">{k}</span>
                  </>
                ) : (
                  k
                )}
              </th>
              <td className={revealed && k in revealed ? 'revealed' : undefined}>
                {typeof v === 'boolean' ? formatValue(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {purposes.length ? (
        <div className="reveal">
          <label htmlFor="purpose">{t('Reveal personal data for (recorded in the audit log)')}</label>
          <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            {purposes.map((p) => (
              <option key={p.value} value={p.value}>
                {t(p.label)}
              </option>
            ))}
          </select>
          {needsReference ? (
            <>
              <label htmlFor="reference">{t('Ticket or case number')}</label>
              <input id="reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder={t('e.g. SAR-2026-042')} />
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
            {t('Reveal')}
          </ActionButton>
        </div>
      ) : null}
    </>
  );
}

/** An input field's name for people, in the flow's words. */
interface FieldLabels {
  label?: string;
  labels?: Partial<Record<string, string>>;
}

function Trace({ decision, flow }: { decision: Decision; flow: FlowVersion | null }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <h2>{t('Trace')}</h2>
      {flow ? <FlowGraph definition={flow.definition} highlight={decision.path} height={380} /> : null}
      <ol className="trace" aria-label={t('Trace')}>
        {(decision.trace ?? []).map((step, i) => (
          <li key={i} data-node={step.node}>
            <button type="button" className="trace-step" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
              <strong>{step.node}</strong> <Badge value={step.kind} /> {step.branch ? <span>→ {step.branch}</span> : null}{' '}
              <span className="muted">
                {num(step.ms, 3)} {t('ms')}
              </span>
            </button>
            {open === i ? (
              <div className="columns small">
                <div>
                  <h4>{t('Read')}</h4>
                  <Json value={step.read} />
                </div>
                <div>
                  <h4>{t('Wrote')}</h4>
                  <Json value={step.wrote} />
                </div>
                {step.warnings?.length ? (
                  <div>
                    <h4>{t('Warnings')}</h4>
                    <Json value={step.warnings} />
                  </div>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {!decision.trace?.length ? <p className="muted">{t('No trace was kept for this decision.')}</p> : null}
      <p className="muted small">
        {t('Path:')} {decision.path.join(' → ')}
      </p>
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
      yAxis: { type: 'value', name: t('raised the risk by') },
      series: [
        { type: 'bar', stack: 'waterfall', data: base, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, tooltip: { show: false } },
        {
          type: 'bar',
          stack: 'waterfall',
          name: t('impact'),
          data: fromModel.map((r) => Number(r.impact!.toFixed(3))),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [reasons]);
  if (!option) return null;
  return (
    <>
      <h2>{t('What raised the risk')}</h2>
      <Chart option={option} label={t('Model reasons')} height={220} />
    </>
  );
}
