import { t, localText } from '../i18n/i18n.ts';
import { useMemo, useState } from 'react';
import { get, post } from '../api.ts';
import type { Decision, FlowDefinition, Posted } from '../types.ts';
import { ActionButton, Badge, ErrorBox, useLoad } from '../ui.tsx';
import { afterIdle } from '../idle.ts';
import type { Catalog } from './node-form.tsx';

export interface TestCase {
  name: string;
  application: Record<string, unknown>;
  consents?: string[];
  reports?: Record<string, Record<string, unknown> | null>;
  reviews?: Record<string, 'approve' | 'decline'>;
  expect: { outcome: string; reasons?: string[]; offer?: Record<string, unknown> };
}

type TrialResult = Posted<'/v1/flows/trial'>;
type TestRun = Posted<'/v1/flows/tests'>;

/** A starting application: the first test case's, else a value of each field's type. */
function sampleApplication(def: FlowDefinition): Record<string, unknown> {
  const first = (def.tests as TestCase[] | undefined)?.[0];
  if (first) return first.application;
  const sample: Record<string, unknown> = {};
  for (const [name, f] of Object.entries((def.input?.fields ?? {}) as Record<string, { type: string; enum?: string[]; minimum?: number }>)) {
    sample[name] =
      f.enum?.[0] ??
      { number: f.minimum ?? 0, string: '', boolean: false, date: '2000-01-01', dateTime: '2026-01-01T00:00:00Z', time: '09:00:00', object: {}, array: [] }[
        f.type
      ] ??
      null;
  }
  return sample;
}

const compact = (v: unknown) => {
  const s = JSON.stringify(v);
  return s && s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

/**
 * Runs the draft as it is on the screen: one application typed in (with the consents, bureau
 * reports and reviewer verdicts a trial needs, since it calls no bureau and waits for nobody),
 * the path lit on the graph, each step's inputs and outputs; and the flow's saved test cases.
 */
export function TestPanel({
  definition,
  catalog,
  onPath,
  onTests,
}: {
  definition: FlowDefinition;
  catalog: Catalog;
  onPath: (path: string[]) => void;
  onTests: (tests: TestCase[]) => void;
}) {
  const [appText, setAppText] = useState(() => JSON.stringify(sampleApplication(definition), null, 2));
  // Recent decisions of this flow, to start from a real application (shown as the role may see it: masked).
  const recent = useLoad(
    () =>
      afterIdle()
        .then(() => get<{ decisions: Decision[] }>(`/v1/decisions?flow=${encodeURIComponent(definition.id)}&limit=20`))
        .then((r) => r.decisions)
        .catch(() => [] as Decision[]),
    [definition.id],
  );
  const bureauNodes = definition.nodes.filter((n) => n.kind === 'bureau');
  const reviewNodes = definition.nodes.filter((n) => n.kind === 'review');
  const scopes = useMemo(() => {
    const s = new Set<string>(['credit-bureau']);
    for (const n of bureauNodes) {
      const c = catalog.connectors.find((x) => x.reference === n.connector);
      if (c) s.add(c.consentScope);
    }
    return [...s];
  }, [bureauNodes, catalog.connectors]);
  const [consents, setConsents] = useState<string[]>([]);
  const [reports, setReports] = useState<Record<string, string>>({});
  const [reviews, setReviews] = useState<Record<string, 'approve' | 'decline'>>({});
  const [result, setResult] = useState<TrialResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [run, setRun] = useState<TestRun | null>(null);
  const [caseName, setCaseName] = useState('');
  const tests = (definition.tests ?? []) as TestCase[];

  const trialInput = (): Omit<TestCase, 'name' | 'expect'> => {
    const parsedReports: Record<string, Record<string, unknown> | null> = {};
    for (const [node, text] of Object.entries(reports)) if (text.trim()) parsedReports[node] = JSON.parse(text);
    return {
      application: JSON.parse(appText),
      ...(consents.length ? { consents } : {}),
      ...(Object.keys(parsedReports).length ? { reports: parsedReports } : {}),
      ...(Object.keys(reviews).length ? { reviews } : {}),
    };
  };

  return (
    <section className="panel test-panel" aria-label={t('Test panel')}>
      <h3>{t('Try it')}</h3>
      <div className="columns">
        <div>
          {recent.data?.length ? (
            <label className="field">
              {t('Start from a recent decision')}
              <select
                value=""
                onChange={async (e) => {
                  if (!e.target.value) return;
                  const d = await get<Decision>(`/v1/decisions/${encodeURIComponent(e.target.value)}`);
                  if (d.application) setAppText(JSON.stringify(d.application, null, 2));
                }}
              >
                <option value="">…</option>
                {recent.data.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id} · {d.outcome ?? d.status} · {new Date(d.createdAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            {t('Application (JSON)')}
            <textarea className="json-edit" spellCheck={false} rows={12} value={appText} onChange={(e) => setAppText(e.target.value)} />
          </label>
          <fieldset>
            <legend>{t('Consents given')}</legend>
            {scopes.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={consents.includes(s)}
                  onChange={(e) => setConsents(e.target.checked ? [...consents, s] : consents.filter((c) => c !== s))}
                />
                {s}
              </label>
            ))}
          </fieldset>
          {bureauNodes.map((n) => (
            <label className="field" key={n.id}>
              {t('Report of')} {n.id} {t('(mapped features as JSON; empty: the pull is unavailable, null: it fails)')}
              <textarea className="json-edit" rows={3} value={reports[n.id] ?? ''} onChange={(e) => setReports({ ...reports, [n.id]: e.target.value })} />
            </label>
          ))}
          {reviewNodes.map((n) => (
            <label className="field" key={n.id}>
              {t('Verdict at')} {n.id}
              <select
                value={reviews[n.id] ?? ''}
                onChange={(e) => {
                  const next = { ...reviews };
                  if (e.target.value) next[n.id] = e.target.value as 'approve' | 'decline';
                  else delete next[n.id];
                  setReviews(next);
                }}
              >
                <option value="">{t('none yet (the run waits)')}</option>
                <option value="approve">{t('approve')}</option>
                <option value="decline">{t('decline')}</option>
              </select>
            </label>
          ))}
          <div className="toolbar">
            <ActionButton
              onClick={async () => {
                setError(null);
                let input: ReturnType<typeof trialInput>;
                try {
                  input = trialInput();
                } catch (err) {
                  setError(new Error(t('The application or a report is not JSON: {{error}}', { error: (err as Error).message })));
                  return;
                }
                const r = await post<TrialResult>('/v1/flows/trial', { definition, ...input });
                setResult(r);
                onPath(r.path);
              }}
            >
              {t('Run')}
            </ActionButton>
          </div>
          <ErrorBox error={error} />
        </div>
        <div aria-live="polite">
          {result ? <TrialView result={result} /> : <p className="muted">{t('Run an application to see its path lit on the graph and every step.')}</p>}
          {result && (result.status === 'completed' || result.status === 'pending_review') ? (
            <div className="row">
              <input aria-label={t('Test case name')} placeholder={t('name this case')} value={caseName} onChange={(e) => setCaseName(e.target.value)} />
              <button
                type="button"
                className="btn btn-secondary"
                disabled={!caseName.trim()}
                onClick={() => {
                  const input = trialInput();
                  onTests([
                    ...tests,
                    {
                      name: caseName.trim(),
                      ...input,
                      expect: { outcome: result.outcome ?? 'refer', ...(result.reasons.length ? { reasons: result.reasons.map((r) => r.code) } : {}) },
                    },
                  ]);
                  setCaseName('');
                }}
              >
                {t('Save as test case (expects')} {result.outcome})
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <h3>
        {t('Test cases')}{' '}
        <span className="muted">
          ({tests.length}
          {t(', saved with the flow)')}
        </span>
      </h3>
      {tests.length ? (
        <>
          <table aria-label={t('Test cases')}>
            <thead>
              <tr>
                <th>{t('Name')}</th>
                <th>{t('Expects')}</th>
                <th>{t('Result')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tests.map((testCase, i) => {
                const r = run?.cases[i];
                return (
                  <tr key={i}>
                    <td>{testCase.name}</td>
                    <td>
                      <Badge value={testCase.expect.outcome} /> {testCase.expect.reasons?.join(', ')}
                    </td>
                    <td>
                      {r ? (
                        r.passed ? (
                          <span className="pass">{t('passed')}</span>
                        ) : (
                          <span className="problem-text">
                            {t('failed:')} {r.failures.join('; ')}
                          </span>
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={t('Remove test case {{name}}', { name: testCase.name })}
                        onClick={() => onTests(tests.filter((_, k) => k !== i))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ActionButton kind="secondary" onClick={async () => setRun(await post<TestRun>('/v1/flows/tests', { definition }))}>
            {t('Run all test cases')}
          </ActionButton>
          {run ? (
            <p role="status">
              {run.passed} {t('passed,')} {run.failed} {t('failed.')}
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('None yet: run an application, then save it as a test case.')}</p>
      )}
    </section>
  );
}

function TrialView({ result }: { result: TrialResult }) {
  if (result.status === 'invalid' || result.status === 'failed') {
    return (
      <div className="error" role="alert">
        {result.status === 'invalid' ? t('The application does not fit the input fields:') : t('The run failed:')}
        <ul>
          {result.issues.map((i, k) => (
            <li key={k}>
              <code>{i.path}</code> {i.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div data-testid="trial-result">
      <p>
        {t('Outcome')} <Badge value={result.outcome} /> {t('in')} {result.ms.toFixed(1)} {t('ms')}
        {result.wait ? t(' (waits at {{node}}: {{reason}})', { node: result.wait.node, reason: result.wait.reason }) : ''}
      </p>
      {result.reasons.length ? (
        <ul>
          {result.reasons.map((r, i) => (
            <li key={i}>
              <code>{r.code}</code> {localText(r.text, r.texts)}
            </li>
          ))}
        </ul>
      ) : null}
      {result.offer && Object.keys(result.offer).length ? (
        <p className="small">
          {t('Offer:')} {compact(result.offer)}
        </p>
      ) : null}
      <table aria-label={t('Steps')} className="small">
        <thead>
          <tr>
            <th>{t('Step')}</th>
            <th>{t('Read')}</th>
            <th>{t('Wrote')}</th>
          </tr>
        </thead>
        <tbody>
          {result.trace.map((step, i) => (
            <tr key={i}>
              <td>
                <code>
                  {step.node}
                  {step.branch ? `:${step.branch}` : ''}
                </code>{' '}
                <span className="muted">{step.kind}</span>
              </td>
              <td>{compact(step.read)}</td>
              <td>{step.error ? <span className="problem-text">{step.error.message}</span> : compact(step.wrote)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
