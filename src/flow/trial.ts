import type { FlowTestCase } from './definition.ts';
import { FlowError, type FlowIssue } from './flow-error.ts';
import type { CompiledFlow, Offer, Reason, ReviewVerdict, TraceEntry, TrialReports } from './run-types.ts';

/** What a trial gives the run: an application and what a person or a bureau would have answered. */
export interface TrialInput {
  application: unknown;
  consents?: readonly string[];
  reports?: TrialReports;
  reviews?: Readonly<Record<string, 'approve' | 'decline'>>;
}

/** One application run through a flow, stored nowhere: the editor's test panel and test cases. */
export interface TrialResult {
  status: 'completed' | 'pending_review' | 'invalid' | 'failed';
  outcome: 'approve' | 'decline' | 'refer' | 'pending_review' | null;
  reasons: Reason[];
  offer: Offer | null;
  path: string[];
  trace: TraceEntry[];
  /** Where a review node stopped the run. */
  wait: { node: string; reason: string; queue: string } | null;
  /** Why the application was refused or the run could not finish, with the paths concerned. */
  issues: FlowIssue[];
  ms: number;
}

export async function runTrial(flow: CompiledFlow, input: TrialInput): Promise<TrialResult> {
  const grantedAt = new Date().toISOString();
  const reviews: Record<string, ReviewVerdict> = {};
  for (const [node, verdict] of Object.entries(input.reviews ?? {})) reviews[node] = { verdict, note: 'given in a trial', reviewer: 'trial' };
  const empty = { reasons: [], offer: null, path: [], trace: [], wait: null, ms: 0, outcome: null };
  try {
    const r = await flow.run(input.application, {
      trace: true,
      reviews,
      consents: (input.consents ?? []).map((scope) => ({ scope, grantedAt, channel: 'trial' })),
      reports: input.reports ?? {},
    });
    const common = { path: r.path, trace: r.trace ?? [], ms: r.ms, issues: [] };
    if (r.status === 'completed')
      return { ...common, status: 'completed', outcome: r.output.outcome, reasons: r.output.reasons, offer: r.output.offer, wait: null };
    return { ...common, status: 'pending_review', outcome: 'pending_review', reasons: [], offer: null, wait: r.wait };
  } catch (err) {
    if (!(err instanceof FlowError)) throw err;
    return { ...empty, status: err.code === 'invalid_application' ? 'invalid' : 'failed', issues: err.issues };
  }
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** What differed from the expectation, one line each. */
  failures: string[];
  result: TrialResult;
}

const close = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : JSON.stringify(a) === JSON.stringify(b);

/** Runs every case and says, for each, what differed from what it expects. */
export async function runTestCases(flow: CompiledFlow, cases: readonly FlowTestCase[]): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = [];
  for (const c of cases) {
    const result = await runTrial(flow, c);
    const failures: string[] = [];
    if (result.status === 'invalid' || result.status === 'failed') failures.push(...result.issues.map((i) => `${i.path}: ${i.message}`));
    else if (result.outcome !== c.expect.outcome) failures.push(`outcome ${result.outcome}, expected ${c.expect.outcome}`);
    const codes = new Set(result.reasons.map((r) => r.code));
    const missing = (c.expect.reasons ?? []).filter((code) => !codes.has(code));
    if (missing.length) failures.push(`reasons lack ${missing.join(', ')} (gave ${[...codes].join(', ') || 'none'})`);
    for (const [field, want] of Object.entries(c.expect.offer ?? {})) {
      const got = result.offer?.[field];
      if (!close(got, want)) failures.push(`offer.${field} is ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(want)}`);
    }
    results.push({ name: c.name, passed: failures.length === 0, failures, result });
  }
  return results;
}
