import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { FlowError, type CompiledFlow, type FlowResult, type TraceEntry, type TrialReports } from '../flow/index.ts';
import { ImpactTally, type ImpactReport } from '../lifecycle/index.ts';
import { latestDecisionPages, performanceOf, type Database, type DecisionWithConsents } from '../store/index.ts';
import type { DecisionService } from './decision-service.ts';

/** Rows replayed between yields to the event loop: a few milliseconds of work, so requests keep being answered. */
const SLICE = 250;

/** The bureau answers a decision recorded, as a trial's reports; masked (personal) features cannot be replayed. */
function recordedReports(trace: unknown, tally: ImpactTally): TrialReports {
  const reports: Record<string, Record<string, unknown> | null> = {};
  if (!Array.isArray(trace)) return reports;
  for (const entry of trace as TraceEntry[]) {
    if (entry.kind !== 'bureau') continue;
    const [features] = Object.entries(entry.wrote).filter(([k]) => k !== 'pull');
    const values = features?.[1];
    const replayable =
      entry.branch === 'ok' && values !== null && typeof values === 'object' && !Object.values(values as Record<string, unknown>).includes('***');
    reports[entry.node] = replayable ? (values as Record<string, unknown>) : null;
    if (replayable) tally.bureau.replayed++;
    else tally.bureau.unavailable++;
  }
  return reports;
}

async function runQuietly(
  flow: CompiledFlow,
  application: Record<string, unknown>,
  consents: DecisionWithConsents['consents'],
  reports: TrialReports,
): Promise<FlowResult | { error: string }> {
  try {
    // Trial mode: bureau nodes answer from the recorded reports and are never called.
    return await flow.run(application, { trace: false, consents, reports, reviews: {} });
  } catch (err) {
    if (err instanceof FlowError) return { error: err.code };
    return { error: 'failed' };
  }
}

const BAD_DAYS = 90;

/** What a release's impact report holds: the counts, what was left out, and how long it took. */
export type ImpactResult = ImpactReport & { seconds: number; erased: number; source: 'decisions' | 'sample' };

/**
 * Replays the live version's latest decisions through the live version and the candidate, and
 * counts what changes. Bureau data comes from what each decision recorded; nothing is stored.
 */
export async function replayImpact(
  db: Database,
  decisions: DecisionService,
  live: { flowId: string; version: number; flow: CompiledFlow },
  candidate: CompiledFlow,
  limit: number,
): Promise<ImpactResult> {
  const t0 = performance.now();
  const tally = new ImpactTally();
  let erased = 0;
  // Only bureau nodes need what a decision recorded; without them its trace stays sealed.
  const bureau = [live.flow, candidate].some((f) => f.definition.nodes.some((n) => n.kind === 'bureau' || n.kind === 'subflow'));
  const pages = latestDecisionPages(db, live.flowId, live.version, limit);
  // The next page is read while this one is replayed.
  let next = pages.next();
  for (;;) {
    const got = await next;
    if (got.done) break;
    const page = got.value;
    next = pages.next();
    const performance = await performanceOf(
      db,
      page.map((h) => h.decision.id),
    );
    for (let i = 0; i < page.length; i++) {
      if (i % SLICE === 0) await yieldToRequests();
      const h = page[i]!;
      const opened = decisions.open(h.decision, { trace: bureau });
      if (opened.erased || !opened.application) {
        erased++;
        continue;
      }
      const reports = recordedReports(opened.trace, tally);
      const events = performance.get(h.decision.id)?.events ?? [];
      const bad = events.length ? events.some((e) => e.type === 'default' || e.type === 'charge_off' || (e.dpd ?? 0) >= BAD_DAYS) : null;
      tally.add({
        live: await runQuietly(live.flow, opened.application, h.consents, reports),
        draft: await runQuietly(candidate, opened.application, h.consents, reports),
        bad,
      });
    }
  }
  return { ...tally.report(), erased, seconds: (performance.now() - t0) / 1000, source: 'decisions' };
}

/**
 * Runs uploaded applications through the live version (when there is one) and the candidate.
 * Bureau nodes take their failure path: a sample carries no consents or bureau reports, and no bureau is called.
 */
export async function replaySample(
  applications: readonly Record<string, unknown>[],
  live: CompiledFlow | null,
  candidate: CompiledFlow,
): Promise<ImpactResult> {
  const t0 = performance.now();
  const tally = new ImpactTally();
  for (let i = 0; i < applications.length; i++) {
    if (i % SLICE === 0) await yieldToRequests();
    const application = applications[i]!;
    tally.add({
      live: live ? await runQuietly(live, application, [], {}) : { error: 'no_live_version' },
      draft: await runQuietly(candidate, application, [], {}),
      bad: null,
    });
  }
  return { ...tally.report(), erased: 0, seconds: (performance.now() - t0) / 1000, source: 'sample' };
}
