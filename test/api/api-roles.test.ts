import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { digestOfGenerated, openApiDigest } from '../../scripts/api-types.ts';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../src/privacy/index.ts';
import { claimReview, createAdminChange, createApiKey, findActiveKey, recordEvents } from '../../src/store/index.ts';
import { CLAIM_MINUTES } from '../../src/services/index.ts';
import type { Server } from '../../src/api/index.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';
import { addFlowVersion } from '../../src/store/index.ts';
import { sampleModelFile, storeSampleModel } from '../support/models.ts';
import { simConnector } from '../support/bureau-sim.ts';
import { sampleProgram, sampleRun, unconfirmedSampleProgram } from '../support/lifecycle.ts';
import {
  addConnectorVersion,
  addModelVersion,
  createFlow,
  getBacktest,
  getFlowVersion,
  publishVersion,
  raiseAlerts,
  setChallenger,
  setMonitor,
} from '../../src/store/index.ts';
import { compileConnector } from '../../src/connectors/index.ts';
import { tableToXlsx } from '../../src/rules/index.ts';
import { demoTables } from '../support/tables.ts';
import { demoApplication, demoFlow, pendingReview, publishDemoFlow, uniqueKey } from '../support/flows.ts';
import { exampleStrategy, historyCsv } from '../support/backtests.ts';

/**
 * A valid request for every route, so that an admitted role gets a 2xx. A route added
 * without an entry here fails the "every route has a sample" test.
 */
type Sample = (ctx: TestDatabase, server: Server) => Promise<Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> }>;
const declined = async (server: Server) =>
  (
    await server.services.decisions.decide(
      { flow: 'consumer-lending', application: { ...demoApplication(), bureauScore: 500 }, idempotencyKey: uniqueKey() },
      { actor: 'test' },
    )
  ).decision.id;
const newDraft = async (ctx: TestDatabase) => (await addFlowVersion(ctx.db, 'consumer-lending', demoFlow(), { actor: 'test' })).version;
const sampleConnector = () => simConnector({ url: 'http://127.0.0.1:4010' }, 'sim-json-bureau', { id: 'sample-bureau' });
const storeSampleConnector = async (ctx: TestDatabase) =>
  (await addConnectorVersion(ctx.db, 'sample-bureau', sampleConnector(), compileConnector(sampleConnector()).contentHash, { actor: 'test' })).version.version;
const backtestBody = () => {
  const app = demoApplication();
  const cols = Object.keys(app);
  return {
    candidate: { flow: 'consumer-lending', version: 1 },
    baseline: { flow: 'consumer-lending', version: 1 },
    csv: `${cols.join(',')}\n${cols.map((c) => String(app[c])).join(',')}\n`,
  };
};
/** One finished back-test per database: reading it changes nothing, and each run starts worker threads. */
const finishedBacktests = new WeakMap<TestDatabase, Promise<string>>();
const finishedBacktest = (ctx: TestDatabase, server: Server) => {
  let id = finishedBacktests.get(ctx);
  if (!id) {
    id = (async () => {
      const b = await server.services.backtests.start(backtestBody(), { actor: 'test' });
      for (;;) {
        const { status, error } = await getBacktest(ctx.db, b.id);
        if (status === 'done') return b.id;
        if (status === 'failed') throw new Error(`sample back-test failed: ${error}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    finishedBacktests.set(ctx, id);
  }
  return id;
};
/** A second published version to be the challenger, once per database. */
const challengerVersion = async (ctx: TestDatabase) => {
  const v = await newDraft(ctx);
  await publishVersion(ctx.db, 'consumer-lending', v, { actor: 'test' }, () => {});
  return v;
};
const withChallenger = async (ctx: TestDatabase) =>
  setChallenger(ctx.db, { flowId: 'consumer-lending', version: await challengerVersion(ctx), champion: 1, mode: 'shadow', share: 1 }, { actor: 'test' });
/** A batch of two applications, decided to the end when `finished`; submitted by `actor` (a key id). */
async function matrixBatch(server: Server, finished: boolean, actor = 'matrix'): Promise<string> {
  const text = `${JSON.stringify(demoApplication())}\n${JSON.stringify(demoApplication())}\n`;
  const batch = await server.services.batches.submit({ flow: 'consumer-lending', format: 'jsonl', content: text }, { actor });
  if (finished) while (await server.services.batches.runOne()) {}
  return batch.id;
}

/** A draft submitted for release by someone other than the suite's keys. */
const matrixRelease = async (ctx: TestDatabase, server: Server) =>
  (await server.services.releases.submit('consumer-lending', await newDraft(ctx), { note: 'matrix' }, { actor: 'matrix' })).id;
/** A pending change, asked for by another admin, that sets the reviewer's permissions to what they are. */
const sameRoleChange = async (ctx: TestDatabase, server: Server) => {
  const permissions = server.routes.filter((r) => r.access !== 'public' && r.access.includes('reviewer')).map((r) => `${r.method} ${r.url}`);
  return (await ctx.db.transaction((tx) => createAdminChange(tx, { kind: 'role', subject: 'reviewer', payload: { permissions } }, { actor: 'matrix' }))).id;
};
/** Two new versions published, the later live: the earlier one to roll back to. */
const rollbackTarget = async (ctx: TestDatabase) => {
  const earlier = await challengerVersion(ctx);
  await challengerVersion(ctx);
  return earlier;
};

let rollbackModels = 0;
/** A model of its own with two versions, and a flow live on the second: rolled back to the first. */
const modelRollbackTarget = async (ctx: TestDatabase) => {
  const id = `matrix-${process.pid}-${++rollbackModels}`;
  const file = sampleModelFile();
  for (const hash of ['1', '2'])
    await addModelVersion(ctx.db, id, { text: JSON.stringify(file), contentHash: `${file.version}-${hash}`, kind: 'xgboost', summary: {} }, { actor: 'test' });
  const flow = JSON.parse(JSON.stringify((await getFlowVersion(ctx.db, 'scored-sample', 1)).definition).replaceAll('"sample@1"', `"${id}@2"`));
  flow.id = id;
  await createFlow(ctx.db, id, id, flow, { actor: 'test' });
  await publishVersion(ctx.db, id, 1, { actor: 'test' }, () => {});
  return id;
};

const POLICY_DMN = readFileSync('examples/dmn/credit-policy.dmn', 'utf8');
/** The stored DMN model the DMN routes' samples read: uploading the same XML again is the same version. */
async function matrixDmn(server: Server): Promise<void> {
  await server.services.dmn.upload('credit-policy', POLICY_DMN, { actor: 'matrix' });
}

const SAMPLES: Record<string, Sample> = {
  'GET /v1/governance': async () => ({ method: 'GET', url: '/v1/governance' }),
  'GET /v1/auth/config': async () => ({ method: 'GET', url: '/v1/auth/config' }),
  'GET /v1/permissions': async () => ({ method: 'GET', url: '/v1/permissions' }),
  'GET /v1/users': async () => ({ method: 'GET', url: '/v1/users' }),
  'POST /v1/releases': async (_ctx, server) => {
    const { version } = await server.services.dmn.upload('credit-policy', POLICY_DMN.replace('</definitions>', `<!-- ${uniqueKey()} --></definitions>`), {
      actor: 'matrix',
    });
    return { method: 'POST', url: '/v1/releases', payload: { kind: 'dmn_model', id: 'credit-policy', version: version.version, note: 'matrix' } };
  },
  'GET /v1/roles': async () => ({ method: 'GET', url: '/v1/roles' }),
  // Sets the analyst's permissions to what they are: allowed or refused, nothing changes.
  'PUT /v1/roles/:role': async (_ctx, server) => ({
    method: 'PUT',
    url: '/v1/roles/analyst',
    payload: { permissions: server.routes.filter((r) => r.access !== 'public' && r.access.includes('analyst')).map((r) => `${r.method} ${r.url}`) },
  }),
  'GET /v1/admin-changes': async () => ({ method: 'GET', url: '/v1/admin-changes' }),
  'POST /v1/admin-changes/:id/approve': async (ctx, server) => ({
    method: 'POST',
    url: `/v1/admin-changes/${await sameRoleChange(ctx, server)}/approve`,
    payload: {},
  }),
  'POST /v1/admin-changes/:id/reject': async (ctx, server) => ({
    method: 'POST',
    url: `/v1/admin-changes/${await sameRoleChange(ctx, server)}/reject`,
    payload: { comment: 'matrix' },
  }),
  'POST /v1/auth/logout': async () => ({ method: 'POST', url: '/v1/auth/logout' }),
  'POST /v1/flows/:id/versions/:version/submit': async (ctx) => ({
    method: 'POST',
    url: `/v1/flows/consumer-lending/versions/${await newDraft(ctx)}/submit`,
    payload: { note: 'matrix' },
  }),
  'GET /v1/releases': async () => ({ method: 'GET', url: '/v1/releases?flow=consumer-lending' }),
  'GET /v1/releases/:id': async (ctx, server) => ({ method: 'GET', url: `/v1/releases/${await matrixRelease(ctx, server)}` }),
  'POST /v1/releases/:id/approve': async (ctx, server) => ({ method: 'POST', url: `/v1/releases/${await matrixRelease(ctx, server)}/approve`, payload: {} }),
  'POST /v1/releases/:id/reject': async (ctx, server) => ({
    method: 'POST',
    url: `/v1/releases/${await matrixRelease(ctx, server)}/reject`,
    payload: { comment: 'matrix' },
  }),
  'POST /v1/releases/:id/withdraw': async (ctx, server) => ({ method: 'POST', url: `/v1/releases/${await matrixRelease(ctx, server)}/withdraw` }),
  'POST /v1/releases/:id/confirm': async (ctx, server) => {
    const emergency = await server.services.releases.rollback(
      'consumer-lending',
      { version: await rollbackTarget(ctx), reason: 'matrix', emergency: true },
      { actor: 'matrix' },
    );
    return { method: 'POST', url: `/v1/releases/${emergency.id}/confirm`, payload: {} };
  },
  'POST /v1/models/:id/rollback': async (ctx) => (
    await sampleProgram(ctx.db), { method: 'POST', url: `/v1/models/${await modelRollbackTarget(ctx)}/rollback`, payload: { version: 1, reason: 'matrix' } }
  ),
  'POST /v1/flows/:id/rollback': async (ctx) => ({
    method: 'POST',
    url: '/v1/flows/consumer-lending/rollback',
    payload: { version: await rollbackTarget(ctx), reason: 'matrix' },
  }),
  'POST /v1/tables/xlsx': async () => ({ method: 'POST', url: '/v1/tables/xlsx', payload: { table: demoTables()[0]!.table } }),
  'POST /v1/tables/from-xlsx': async () => ({
    method: 'POST',
    url: '/v1/tables/from-xlsx',
    payload: { file: (await tableToXlsx(demoTables()[0]!.table)).toString('base64') },
  }),
  'GET /v1/audit/actions': async () => ({ method: 'GET', url: '/v1/audit/actions' }),
  'GET /v1/people': async () => ({ method: 'GET', url: '/v1/people?ids=key_a,key_b' }),
  'GET /v1/dmn': async () => ({ method: 'GET', url: '/v1/dmn' }),
  'POST /v1/dmn': async () => ({ method: 'POST', url: '/v1/dmn', payload: { id: 'credit-policy', xml: POLICY_DMN } }),
  'GET /v1/dmn/:id/versions': async (_ctx, server) => (await matrixDmn(server), { method: 'GET', url: '/v1/dmn/credit-policy/versions' }),
  'GET /v1/dmn/:id/versions/:version': async (_ctx, server) => (await matrixDmn(server), { method: 'GET', url: '/v1/dmn/credit-policy/versions/1' }),
  'GET /v1/dmn/:id/versions/:version/file': async (_ctx, server) => (await matrixDmn(server), { method: 'GET', url: '/v1/dmn/credit-policy/versions/1/file' }),
  'POST /v1/dmn/:id/versions/:version/evaluate': async (_ctx, server) => (
    await matrixDmn(server),
    { method: 'POST', url: '/v1/dmn/credit-policy/versions/1/evaluate', payload: { decision: 'Risk Band', input: { 'Credit Score': 700 } } }
  ),
  'GET /v1/flows/:id/versions/:version/nodes/:node/dmn': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/versions/1/nodes/personalTier/dmn' }),
  'GET /healthz': async () => ({ method: 'GET', url: '/healthz' }),
  'GET /readyz': async () => ({ method: 'GET', url: '/readyz' }),
  'GET /metrics': async () => ({ method: 'GET', url: '/metrics' }),
  'GET /': async () => ({ method: 'GET', url: '/' }),
  'GET /console': async () => ({ method: 'GET', url: '/console' }),
  'GET /console/*': async () => ({ method: 'GET', url: '/console/' }),
  'GET /v1/me': async () => ({ method: 'GET', url: '/v1/me' }),
  'POST /v1/models/bins': async () => ({
    method: 'POST',
    url: '/v1/models/bins',
    payload: { data: 'income,bad\n1000,no\n2000,yes\n3000,no\n4000,yes\n', target: 'bad', bad: 'yes' },
  }),
  'POST /v1/models/:id/versions/scorecard': async () => ({
    method: 'POST',
    url: '/v1/models/matrix-card/versions/scorecard',
    payload: { data: 'income,bad\n1000,no\n2000,yes\n3000,no\n4000,yes\n', target: 'bad', bad: 'yes' },
  }),
  'PUT /v1/me/preferences': async () => ({ method: 'PUT', url: '/v1/me/preferences', payload: { locale: 'zh-CN' } }),
  'GET /v1/keys': async () => ({ method: 'GET', url: '/v1/keys' }),
  'POST /v1/keys': async () => ({ method: 'POST', url: '/v1/keys', payload: { name: 'matrix', role: 'analyst' } }),
  'DELETE /v1/keys/:id': async (ctx) => {
    const { key } = await createApiKey(ctx.db, { name: 'to revoke', role: 'analyst' }, { actor: 'test' });
    return { method: 'DELETE', url: `/v1/keys/${key.id}` };
  },
  'GET /v1/audit': async () => ({ method: 'GET', url: '/v1/audit?limit=5' }),
  'GET /v1/audit/verify': async () => ({ method: 'GET', url: '/v1/audit/verify' }),
  'GET /v1/events/sinks': async () => ({ method: 'GET', url: '/v1/events/sinks' }),
  'POST /v1/batches': async () => ({
    method: 'POST',
    url: '/v1/batches?flow=consumer-lending',
    headers: { 'content-type': 'application/x-ndjson' },
    payload: `${JSON.stringify(demoApplication())}\n`,
  }),
  'GET /v1/batches/:id': async (_ctx, server) => ({ method: 'GET', url: `/v1/batches/${await matrixBatch(server, false)}` }),
  'GET /v1/batches/:id/results': async (_ctx, server) => ({ method: 'GET', url: `/v1/batches/${await matrixBatch(server, true)}/results` }),
  // Submitted by the service key, which may cancel only its own; a risk manager any.
  'POST /v1/batches/:id/cancel': async (_ctx, server) => {
    const service = (await server.services.keys.list()).find((k) => k.role === 'service' && !k.revokedAt)!;
    return { method: 'POST', url: `/v1/batches/${await matrixBatch(server, false, service.id)}/cancel` };
  },
  'GET /v1/events/dead-letters': async () => ({ method: 'GET', url: '/v1/events/dead-letters?limit=5' }),
  'POST /v1/events/dead-letters/:sink/:seq/retry': async (ctx) => {
    // A dead letter of its own for each request, so an allowed role gets 202 every time.
    await ctx.db.transaction((tx) => recordEvents(tx, [{ type: 'decision.made', applicationId: 'matrix', data: {} }]));
    const { rows } = await ctx.db.query<{ seq: number }>('select max(seq)::int as seq from event_outbox');
    await ctx.db.query("insert into event_sinks (name) values ('matrix') on conflict do nothing");
    await ctx.db.query("insert into event_deliveries (sink, seq, status, attempts) values ('matrix', $1, 'dead', 12)", [rows[0]!.seq]);
    return { method: 'POST', url: `/v1/events/dead-letters/matrix/${rows[0]!.seq}/retry` };
  },
  'GET /v1/flows/schema': async () => ({ method: 'GET', url: '/v1/flows/schema' }),
  'GET /v1/feel/functions': async () => ({ method: 'GET', url: '/v1/feel/functions' }),
  'POST /v1/flows/check': async () => ({ method: 'POST', url: '/v1/flows/check', payload: { definition: demoFlow() } }),
  'POST /v1/flows/trial': async () => ({ method: 'POST', url: '/v1/flows/trial', payload: { definition: demoFlow(), application: demoApplication() } }),
  'POST /v1/flows/tests': async () => ({ method: 'POST', url: '/v1/flows/tests', payload: { definition: demoFlow() } }),
  'POST /v1/flows/:id/versions/:version/tests': async () => ({ method: 'POST', url: '/v1/flows/consumer-lending/versions/1/tests' }),
  'POST /v1/feel/check': async () => ({ method: 'POST', url: '/v1/feel/check', payload: { text: '> 18 and', kind: 'unary-tests' } }),
  'POST /v1/tables/check': async () => ({
    method: 'POST',
    url: '/v1/tables/check',
    payload: { table: { inputs: [{ expression: 'age' }], outputs: [{ name: 'r' }], rules: [{ inputEntries: ['< 18'], outputEntries: ['"minor"'] }] } },
  }),
  'POST /v1/optimizations': async () => ({
    method: 'POST',
    url: '/v1/optimizations',
    payload: {
      csv: historyCsv(300, 1),
      strategy: { ...exampleStrategy(), $schema: undefined, portfolio: {}, columns: { ...(exampleStrategy().columns as object), pd: 'truePd' } },
      points: 2,
    },
  }),
  'GET /v1/flows': async () => ({ method: 'GET', url: '/v1/flows' }),
  'POST /v1/flows': async () => ({ method: 'POST', url: '/v1/flows', payload: { definition: { ...demoFlow(), id: `f${uniqueKey().slice(4)}` } } }),
  'GET /v1/flows/:id/versions': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/versions' }),
  'POST /v1/flows/:id/versions': async () => ({ method: 'POST', url: '/v1/flows/consumer-lending/versions', payload: { definition: demoFlow() } }),
  'GET /v1/flows/:id/versions/:version': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/versions/1' }),
  'PUT /v1/flows/:id/versions/:version': async (ctx) => ({
    method: 'PUT',
    url: `/v1/flows/consumer-lending/versions/${await newDraft(ctx)}`,
    payload: { definition: demoFlow() },
  }),
  'POST /v1/flows/:id/versions/:version/validate': async () => ({ method: 'POST', url: '/v1/flows/consumer-lending/versions/1/validate' }),
  'POST /v1/flows/:id/versions/:version/publish': async (ctx) => ({
    method: 'POST',
    url: `/v1/flows/consumer-lending/versions/${await newDraft(ctx)}/publish`,
  }),
  'GET /v1/flows/:id/versions/:version/paths': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/versions/1/paths' }),
  'GET /v1/flows/:id/versions/:version/impact-assessment': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/versions/1/impact-assessment' }),
  'GET /v1/flows/:id/diff': async () => ({ method: 'GET', url: '/v1/flows/consumer-lending/diff?from=1&to=1' }),
  'POST /v1/decisions': async () => ({
    method: 'POST',
    url: '/v1/decisions',
    payload: { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() },
  }),
  'GET /v1/decisions': async () => ({ method: 'GET', url: '/v1/decisions?limit=5' }),
  'GET /v1/decisions/:id': async (_ctx, server) => ({ method: 'GET', url: `/v1/decisions/${(await pendingReview(server)).decisionId}` }),
  'GET /v1/reviews': async () => ({ method: 'GET', url: '/v1/reviews' }),
  'GET /v1/reviews/:id': async (_ctx, server) => ({ method: 'GET', url: `/v1/reviews/${(await pendingReview(server)).reviewId}` }),
  'POST /v1/decisions/:id/reveal': async (ctx, server) => {
    // A reviewer reveals only for a case they hold: the sample's case is held by the suite's reviewer.
    const { decisionId, reviewId } = await pendingReview(server);
    await claimReview(ctx.db, reviewId, { actor: reviewerKeyId }, { minutes: CLAIM_MINUTES, now: new Date() });
    return { method: 'POST', url: `/v1/decisions/${decisionId}/reveal`, payload: { purpose: 'review_case', reference: 'CASE-1', fields: ['phone'] } };
  },
  'POST /v1/decisions/search': async () => ({ method: 'POST', url: '/v1/decisions/search', payload: { field: 'nationalId', value: '110101199003074512' } }),
  'DELETE /v1/applications/:id/personal-data': async (_ctx, server) => ({
    method: 'DELETE',
    url: `/v1/applications/${(await pendingReview(server)).decisionId}/personal-data`,
  }),
  'GET /v1/decisions/:id/explanation': async (_ctx, server) => ({ method: 'GET', url: `/v1/decisions/${await declined(server)}/explanation` }),
  'POST /v1/decisions/:id/contest': async (_ctx, server) => ({
    method: 'POST',
    url: `/v1/decisions/${await declined(server)}/contest`,
    payload: { statement: 'my income was misread' },
  }),
  'POST /v1/applications/:id/legal-holds': async (_ctx, server) => ({
    method: 'POST',
    url: `/v1/applications/${(await pendingReview(server)).decisionId}/legal-holds`,
    payload: { reason: 'regulator request', heldUntil: '2030-01-01T00:00:00Z' },
  }),
  'GET /v1/models': async () => ({ method: 'GET', url: '/v1/models' }),
  'POST /v1/models/:id/versions': async () => ({ method: 'POST', url: '/v1/models/uploaded/versions', payload: sampleModelFile() }),
  'GET /v1/models/:id/versions': async (ctx) => {
    await storeSampleModel(ctx.db);
    return { method: 'GET', url: '/v1/models/sample/versions' };
  },
  'GET /v1/models/:id/versions/:version': async (ctx) => ({ method: 'GET', url: `/v1/models/sample/versions/${await storeSampleModel(ctx.db)}` }),
  'GET /v1/models/:id/versions/:version/file': async (ctx) => ({ method: 'GET', url: `/v1/models/sample/versions/${await storeSampleModel(ctx.db)}/file` }),
  'GET /v1/models/:id/versions/:version/card': async (ctx) => ({ method: 'GET', url: `/v1/models/sample/versions/${await storeSampleModel(ctx.db)}/card` }),
  'GET /v1/connectors/schema': async () => ({ method: 'GET', url: '/v1/connectors/schema' }),
  'GET /v1/connectors': async () => ({ method: 'GET', url: '/v1/connectors' }),
  'POST /v1/connectors': async () => ({ method: 'POST', url: '/v1/connectors', payload: sampleConnector() }),
  'GET /v1/connectors/:id/versions': async (ctx) => {
    await storeSampleConnector(ctx);
    return { method: 'GET', url: '/v1/connectors/sample-bureau/versions' };
  },
  'GET /v1/connectors/:id/versions/:version': async (ctx) => ({
    method: 'GET',
    url: `/v1/connectors/sample-bureau/versions/${await storeSampleConnector(ctx)}`,
  }),
  'GET /v1/connectors/:id/usage': async (ctx) => {
    await storeSampleConnector(ctx);
    return { method: 'GET', url: '/v1/connectors/sample-bureau/usage' };
  },
  'POST /v1/backtests': async () => ({ method: 'POST', url: '/v1/backtests', payload: backtestBody() }),
  'GET /v1/backtests': async () => ({ method: 'GET', url: '/v1/backtests' }),
  'GET /v1/backtests/:id': async (_ctx, server) => ({ method: 'GET', url: `/v1/backtests/${await finishedBacktest(_ctx, server)}` }),
  'GET /v1/backtests/:id/report.html': async (_ctx, server) => ({ method: 'GET', url: `/v1/backtests/${await finishedBacktest(_ctx, server)}/report.html` }),
  'PUT /v1/flows/:id/challenger': async (ctx) => ({
    method: 'PUT',
    url: '/v1/flows/consumer-lending/challenger',
    payload: { version: await challengerVersion(ctx), champion: 1, mode: 'split', share: 0.1 },
  }),
  'DELETE /v1/flows/:id/challenger': async (ctx) => {
    await withChallenger(ctx);
    return { method: 'DELETE', url: '/v1/flows/consumer-lending/challenger' };
  },
  'GET /v1/flows/:id/challenger': async (ctx) => {
    await withChallenger(ctx);
    return { method: 'GET', url: '/v1/flows/consumer-lending/challenger' };
  },
  'POST /v1/outcomes': async (_ctx, server) => ({
    method: 'POST',
    url: '/v1/outcomes',
    payload: { events: [{ eventId: uniqueKey(), decisionId: await declined(server), type: 'disbursement', occurredAt: '2026-01-01T00:00:00Z' }] },
  }),
  'PUT /v1/lifecycle/programs/:modelId': async (ctx) => {
    await sampleProgram(ctx.db);
    return {
      method: 'PUT',
      url: '/v1/lifecycle/programs/sample',
      payload: { flow: 'scored-sample', scoreNode: 'score', sample: { performanceMonths: 12, features: ['Age', 'Amount'] } },
    };
  },
  'GET /v1/lifecycle/programs/:modelId': async (ctx) => {
    await sampleProgram(ctx.db);
    return { method: 'GET', url: '/v1/lifecycle/programs/sample' };
  },
  'POST /v1/lifecycle/programs/:modelId/runs': async (ctx) => {
    await sampleProgram(ctx.db);
    return { method: 'POST', url: '/v1/lifecycle/programs/sample/runs', payload: {} };
  },
  'GET /v1/lifecycle/programs/:modelId/runs': async (ctx) => {
    await sampleProgram(ctx.db);
    return { method: 'GET', url: '/v1/lifecycle/programs/sample/runs' };
  },
  'GET /v1/lifecycle/runs/:id': async (ctx) => ({ method: 'GET', url: `/v1/lifecycle/runs/${await sampleRun(ctx.db, 'failed')}` }),
  'POST /v1/lifecycle/runs/:id/approve': async (ctx) => ({ method: 'POST', url: `/v1/lifecycle/runs/${await sampleRun(ctx.db, 'awaiting_approval')}/approve` }),
  'POST /v1/lifecycle/runs/:id/reject': async (ctx) => ({ method: 'POST', url: `/v1/lifecycle/runs/${await sampleRun(ctx.db, 'awaiting_approval')}/reject` }),
  'POST /v1/lifecycle/programs/:modelId/confirm': async (ctx) => ({
    method: 'POST',
    url: '/v1/lifecycle/programs/sample/confirm',
    payload: { updatedAt: await unconfirmedSampleProgram(ctx.db) },
  }),
  'POST /v1/lifecycle/programs/:modelId/rollback': async (ctx) => {
    await sampleRun(ctx.db, 'promoted');
    return { method: 'POST', url: '/v1/lifecycle/programs/sample/rollback' };
  },
  'PUT /v1/monitoring/:flowId': async () => ({
    method: 'PUT',
    url: '/v1/monitoring/consumer-lending',
    payload: { baseline: { from: '2026-01', to: '2026-06' } },
  }),
  'POST /v1/monitoring/:flowId/run': async (ctx) => {
    await setMonitor(ctx.db, 'consumer-lending', { baseline: { from: '2026-01', to: '2026-06' } }, { actor: 'test' });
    return { method: 'POST', url: '/v1/monitoring/consumer-lending/run', payload: {} };
  },
  'GET /v1/monitoring': async () => ({ method: 'GET', url: '/v1/monitoring?flow=consumer-lending' }),
  'GET /v1/alerts': async () => ({ method: 'GET', url: '/v1/alerts' }),
  'POST /v1/alerts/:id/acknowledge': async (ctx) => {
    const [alert] = await raiseAlerts(ctx.db, 'consumer-lending', [
      { kind: 'csi', metric: 'age', period: uniqueKey(), value: 1, threshold: 0.25, message: 'test' },
    ]);
    return { method: 'POST', url: `/v1/alerts/${alert!.id}/acknowledge` };
  },
  'POST /v1/reviews/:id': async (_ctx, server) => ({
    method: 'POST',
    url: `/v1/reviews/${(await pendingReview(server)).reviewId}`,
    payload: { verdict: 'approve', note: 'checked' },
  }),
  'POST /v1/reviews/:id/claim': async (_ctx, server) => ({ method: 'POST', url: `/v1/reviews/${(await pendingReview(server)).reviewId}/claim` }),
};

/** The suite's reviewer key id, for samples that need a case the reviewer holds. */
let reviewerKeyId = '';

for (const backend of SERVER_BACKENDS) {
  describe(`role matrix on ${backend.name}`, () => {
    let ctx: TestDatabase;
    let server: Server;
    let keys: Record<Role, string>;
    before(async () => {
      ctx = await backend.create();
      server = await testServer(ctx.db);
      keys = await keysForEveryRole(ctx.db);
      reviewerKeyId = (await findActiveKey(ctx.db, keys.reviewer))!.id;
      await publishDemoFlow(ctx.db);
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
    });

    test("the console's API types were generated from the OpenAPI document this server serves (else run npm run api-types)", () => {
      const generated = digestOfGenerated(readFileSync('console/src/api-schema.ts', 'utf8'));
      assert.equal(generated, openApiDigest(server.app.swagger()), 'console/src/api-schema.ts is stale: run `npm run api-types`');
    });

    test('every route has a sample request', () => {
      const missing = server.routes.map((r) => `${r.method} ${r.url}`).filter((r) => !SAMPLES[r]);
      assert.deepEqual(missing, []);
    });

    test('every route x every role answers as declared', async () => {
      let checked = 0;
      for (const route of server.routes) {
        const sample = SAMPLES[`${route.method} ${route.url}`]!;
        const anonymous = await server.app.inject(await sample(ctx, server));
        if (route.access === 'public') {
          assert.ok(anonymous.statusCode < 400, `${route.method} ${route.url} is public but answered ${anonymous.statusCode}`);
          checked++;
          continue;
        }
        assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url} without a key`);
        assert.equal(anonymous.json().error.code, 'unauthenticated');
        const forgedSample = await sample(ctx, server);
        const forged = await server.app.inject({ ...forgedSample, headers: { ...forgedSample.headers, ...bearer('arb_not-a-real-key') } });
        assert.equal(forged.statusCode, 401, `${route.method} ${route.url} with an unknown key`);
        for (const role of ROLES) {
          const roleSample = await sample(ctx, server);
          const res = await server.app.inject({ ...roleSample, headers: { ...roleSample.headers, ...bearer(keys[role]) } });
          if (route.access.includes(role)) {
            assert.ok(
              res.statusCode >= 200 && res.statusCode < 300,
              `${role} on ${route.method} ${route.url}: expected 2xx, got ${res.statusCode} ${res.body}`,
            );
          } else {
            assert.equal(res.statusCode, 403, `${role} on ${route.method} ${route.url}`);
            assert.equal(res.json().error.code, 'forbidden');
            assert.match(res.json().error.message, new RegExp(role));
          }
          checked++;
        }
      }
      console.log(`role matrix on ${backend.name}: ${server.routes.length} routes, ${checked} route x role checks`);
    });

    test('a revoked key no longer authenticates', async () => {
      const created = await createApiKey(ctx.db, { name: 'short-lived', role: 'analyst' }, { actor: 'test' });
      assert.equal((await server.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(created.secret) })).statusCode, 200);
      const revoke = await server.app.inject({ method: 'DELETE', url: `/v1/keys/${created.key.id}`, headers: bearer(keys.admin) });
      assert.equal(revoke.statusCode, 200);
      assert.equal((await server.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(created.secret) })).statusCode, 401);
    });

    test('keys are stored only as hashes', async () => {
      const { rows } = await ctx.db.query<Record<string, unknown>>('select * from api_keys');
      const stored = JSON.stringify(rows);
      for (const secret of Object.values(keys)) assert.ok(!stored.includes(secret), 'a key secret was stored in clear');
      const list = await server.app.inject({ method: 'GET', url: '/v1/keys', headers: bearer(keys.admin) });
      for (const secret of Object.values(keys)) assert.ok(!list.body.includes(secret), 'a key secret was listed');
    });

    test('the OpenAPI document describes the /v1 routes', async () => {
      const res = await server.app.inject({ method: 'GET', url: '/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi.slice(0, 2), '3.');
      for (const route of server.routes.filter((r) => r.url.startsWith('/v1'))) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} missing from OpenAPI`);
      }
      assert.deepEqual(doc.paths['/v1/keys'].post.requestBody.content['application/json'].schema.required.sort(), ['name', 'role']);
    });
  });
}
