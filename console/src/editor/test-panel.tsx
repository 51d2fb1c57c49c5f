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
    <section className="panel test-panel" aria-label="Test panel">
      <h3>Try it</h3>
      <div className="columns">
        <div>
          {recent.data?.length ? (
            <label className="field">
              Start from a recent decision
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
            Application (JSON)
            <textarea className="json-edit" spellCheck={false} rows={12} value={appText} onChange={(e) => setAppText(e.target.value)} />
          </label>
          <fieldset>
            <legend>Consents given</legend>
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
              Report of {n.id} (mapped features as JSON; empty: the pull is unavailable, null: it fails)
              <textarea className="json-edit" rows={3} value={reports[n.id] ?? ''} onChange={(e) => setReports({ ...reports, [n.id]: e.target.value })} />
            </label>
          ))}
          {reviewNodes.map((n) => (
            <label className="field" key={n.id}>
              Verdict at {n.id}
              <select
                value={reviews[n.id] ?? ''}
                onChange={(e) => {
                  const next = { ...reviews };
                  if (e.target.value) next[n.id] = e.target.value as 'approve' | 'decline';
                  else delete next[n.id];
                  setReviews(next);
                }}
              >
                <option value="">none yet (the run waits)</option>
                <option value="approve">approve</option>
                <option value="decline">decline</option>
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
                  setError(new Error(`The application or a report is not JSON: ${(err as Error).message}`));
                  return;
                }
                const r = await post<TrialResult>('/v1/flows/trial', { definition, ...input });
                setResult(r);
                onPath(r.path);
              }}
            >
              Run
            </ActionButton>
          </div>
          <ErrorBox error={error} />
        </div>
        <div aria-live="polite">
          {result ? <TrialView result={result} /> : <p className="muted">Run an application to see its path lit on the graph and every step.</p>}
          {result && (result.status === 'completed' || result.status === 'pending_review') ? (
            <div className="row">
              <input aria-label="Test case name" placeholder="name this case" value={caseName} onChange={(e) => setCaseName(e.target.value)} />
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
                Save as test case (expects {result.outcome})
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <h3>
        Test cases <span className="muted">({tests.length}, saved with the flow)</span>
      </h3>
      {tests.length ? (
        <>
          <table aria-label="Test cases">
            <thead>
              <tr>
                <th>Name</th>
                <th>Expects</th>
                <th>Result</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tests.map((t, i) => {
                const r = run?.cases[i];
                return (
                  <tr key={i}>
                    <td>{t.name}</td>
                    <td>
                      <Badge value={t.expect.outcome} /> {t.expect.reasons?.join(', ')}
                    </td>
                    <td>{r ? r.passed ? <span className="pass">passed</span> : <span className="problem-text">failed: {r.failures.join('; ')}</span> : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={`Remove test case ${t.name}`}
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
            Run all test cases
          </ActionButton>
          {run ? (
            <p role="status">
              {run.passed} passed, {run.failed} failed.
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">None yet: run an application, then save it as a test case.</p>
      )}
    </section>
  );
}

function TrialView({ result }: { result: TrialResult }) {
  if (result.status === 'invalid' || result.status === 'failed') {
    return (
      <div className="error" role="alert">
        {result.status === 'invalid' ? 'The application does not fit the input fields:' : 'The run failed:'}
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
        Outcome <Badge value={result.outcome} /> in {result.ms.toFixed(1)} ms
        {result.wait ? ` (waits at ${result.wait.node}: ${result.wait.reason})` : ''}
      </p>
      {result.reasons.length ? (
        <ul>
          {result.reasons.map((r, i) => (
            <li key={i}>
              <code>{r.code}</code> {r.text}
            </li>
          ))}
        </ul>
      ) : null}
      {result.offer && Object.keys(result.offer).length ? <p className="small">Offer: {compact(result.offer)}</p> : null}
      <table aria-label="Steps" className="small">
        <thead>
          <tr>
            <th>Step</th>
            <th>Read</th>
            <th>Wrote</th>
          </tr>
        </thead>
        <tbody>
          {result.trace.map((t, i) => (
            <tr key={i}>
              <td>
                <code>
                  {t.node}
                  {t.branch ? `:${t.branch}` : ''}
                </code>{' '}
                <span className="muted">{t.kind}</span>
              </td>
              <td>{compact(t.read)}</td>
              <td>{t.error ? <span className="problem-text">{t.error.message}</span> : compact(t.wrote)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
