/**
 * Impact report benchmark: the demo flow decides N applications on PostgreSQL (sealed and
 * audited, as a batch stores them), a draft that declines tier C instead of reviewing it is
 * submitted, and the impact report replays the live version's N latest decisions through the
 * live version and the draft. Printed beside it: the same two flows over the same applications
 * held in memory, with nothing read or opened, so the cost of reading and opening shows as a ratio.
 *
 *   npm run bench:impact [-- --rows 100000]
 */
import { pino } from 'pino';
import { buildServer } from '../src/api/index.ts';
import { testKeyProvider } from '../src/privacy/index.ts';
import { openDatabase, migrate } from '../src/store/index.ts';
import { createScratchDatabase } from '../test/support/backends.ts';
import { demoApplications } from './flow/applications.ts';
import { benchArg } from './bench-args.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROWS = benchArg('rows', 100_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const definition = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'flows', 'consumer-lending.json'), 'utf8'));
delete definition.$schema;

/** The demo flow with tier C declined outright: the change whose impact is measured. */
function tierCDeclined(): Record<string, unknown> {
  const def = structuredClone(definition);
  const gone = new Set(['riskReview', 'declineRiskReview']);
  def.nodes = def.nodes.filter((n: { id: string }) => !gone.has(n.id));
  def.edges = def.edges
    .filter((e: { from: string }) => !gone.has(e.from))
    .map((e: { to: string }) => (e.to === 'riskReview' ? { ...e, to: 'declineRisk' } : e));
  return def;
}

const scratch = await createScratchDatabase(POSTGRES_URL);
const db = await openDatabase({ databaseUrl: scratch.url });
try {
  await migrate(db);
  const { services, app } = await buildServer({
    db,
    logger: pino({ level: 'silent' }),
    keys: testKeyProvider(),
    consoleDir: null,
    governance: { singlePersonRelease: false, impactDecisions: ROWS },
  });
  const analyst = { actor: 'bench-analyst' };
  const approver = { actor: 'bench-risk-manager' };
  await services.flows.create(definition, analyst);
  await services.releases.approve((await services.releases.submit('consumer-lending', 1, { note: 'bench' }, analyst)).id, {}, approver);

  const apps = demoApplications(ROWS);
  const t0 = performance.now();
  await services.batches.submit({ flow: 'consumer-lending', format: 'jsonl', content: `${apps.map((a) => JSON.stringify(a)).join('\n')}\n` }, analyst);
  while (await services.batches.runOne()) {}
  const storing = (performance.now() - t0) / 1000;
  console.log(`impact benchmark: ${ROWS.toLocaleString('en-US')} decisions of the demo flow stored on PostgreSQL in ${storing.toFixed(1)} s`);

  await services.flows.addDraft('consumer-lending', tierCDeclined(), analyst);
  const t1 = performance.now();
  const submitted = await services.releases.submit('consumer-lending', 2, { note: 'bench: decline tier C' }, analyst);
  let release = await services.releases.get(submitted.id);
  while (release.impactStatus === 'pending' || release.impactStatus === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    release = await services.releases.get(submitted.id);
  }
  const wall = (performance.now() - t1) / 1000;
  if (release.impactStatus !== 'done') throw new Error(`impact report failed: ${release.impactError}`);
  const report = release.impact as {
    decisions: number;
    seconds: number;
    changedOutcome: number;
    live: { approvalRate: number };
    draft: { approvalRate: number };
  };

  // The same two flows over the same applications in memory: the replay without reading or opening anything.
  const live = (await services.decisions.catalog.load('consumer-lending', 1)).flow;
  const draft = (await services.decisions.catalog.compileVersion(await services.flows.version('consumer-lending', 2), new Set())).flow;
  const t2 = performance.now();
  for (const a of apps) {
    await live.run(a, { trace: false, consents: [], reports: {}, reviews: {} });
    await draft.run(a, { trace: false, consents: [], reports: {}, reviews: {} });
  }
  const inMemory = (performance.now() - t2) / 1000;
  console.log(
    `  impact report: ${report.decisions.toLocaleString('en-US')} decisions replayed through both versions in ${report.seconds.toFixed(1)} s (${wall.toFixed(1)} s from submission to report; goal: under 30 s)`,
  );
  console.log(
    `  approval ${(report.live.approvalRate * 100).toFixed(1)}% -> ${(report.draft.approvalRate * 100).toFixed(1)}%, ${report.changedOutcome.toLocaleString('en-US')} outcomes change`,
  );
  console.log(
    `  both flows over the same applications in memory: ${inMemory.toFixed(1)} s; the report takes ${(report.seconds / inMemory).toFixed(1)}x that (reading and opening sealed decisions)`,
  );
  await app.close();
} finally {
  await db.close();
  await scratch.drop();
}
