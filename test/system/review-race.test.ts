import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { decideReview, openDatabase, startJobQueue, verifyAudit, type Database } from '../../src/store/index.ts';
import { CLAIM_MINUTES } from '../../src/services/index.ts';

/** Claim terms as the services give them, now. */
const CLAIMS_NOW = () => ({ minutes: CLAIM_MINUTES, now: new Date() });
import { prepareServerDatabase, type ServerDatabase } from '../support/server-database.ts';
import { demoFlow, reviewApplication, uniqueKey } from '../support/flows.ts';
import { exampleStrategy, historyCsv, synthBaseline, synthCandidate } from '../support/backtests.ts';
import { scoredFlow, synthChampion, SYNTH_FEATURES } from '../support/lifecycle.ts';
import { generatePopulation } from '../../src/tools/synth/index.ts';
import { serve, type Running } from '../support/process.ts';

// Resumes held by a dead worker are taken over after 3 s, by the servers (which inherit this) and by this process's queue alike.
process.env.ARBITER_RESUME_EXPIRE_SECONDS = '3';

let scratch: ServerDatabase<'service' | 'reviewer' | 'risk-manager' | 'analyst'>;
let servers: Running[] = [];
const keys: Record<string, string> = {};

async function call(server: Running, role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${keys[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

before(async () => {
  scratch = await prepareServerDatabase(['service', 'reviewer', 'risk-manager', 'analyst']);
  Object.assign(keys, scratch.keys);
  const keyFile = scratch.keyFile;
  // Two servers of two processes each: four processes race for every review.
  const args = ['--database', scratch.url, '--key-file', keyFile, '--workers', '2'];
  servers = await Promise.all([serve(args), serve(args)]);
  const [a] = servers;
  assert.equal((await call(a!, 'risk-manager', 'POST', '/v1/flows', { definition: demoFlow() })).status, 201);
  assert.equal((await call(a!, 'risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).status, 200);
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await scratch.drop();
});

test('two servers racing to complete the same reviews: each completes exactly once', async () => {
  const [a, b] = servers as [Running, Running];
  const reviews: { decisionId: string; reviewId: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const d = await call(i % 2 ? a : b, 'service', 'POST', '/v1/decisions', {
      flow: 'consumer-lending',
      application: reviewApplication(),
      idempotencyKey: uniqueKey(),
    });
    assert.equal(d.body.status, 'pending_review');
    reviews.push({ decisionId: String(d.body.id), reviewId: String(d.body.pendingReviewId) });
  }
  let raced = 0;
  await Promise.all(
    reviews.map(async ({ reviewId }) => {
      const [ra, rb] = await Promise.all([
        call(a, 'reviewer', 'POST', `/v1/reviews/${reviewId}`, { verdict: 'approve', note: 'server A' }),
        call(b, 'reviewer', 'POST', `/v1/reviews/${reviewId}`, { verdict: 'decline', note: 'server B' }),
      ]);
      const statuses = [ra.status, rb.status].sort();
      assert.deepEqual(statuses, [200, 409], `review ${reviewId}: ${ra.status} ${rb.status}`);
      raced++;
    }),
  );
  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    const { rows } = await db.query<{ status: string; n: number }>(
      `select d.status, count(*)::int as n from decisions d where d.id = any($1) group by d.status`,
      [reviews.map((r) => r.decisionId)],
    );
    assert.deepEqual(rows, [{ status: 'completed', n: 12 }]);
    const { rows: completions } = await db.query<{ subject_id: string; n: number }>(
      `select subject_id, count(*)::int as n from audit_events where action = 'decision.completed' and subject_id = any($1) group by subject_id`,
      [reviews.map((r) => r.decisionId)],
    );
    assert.equal(completions.length, 12);
    assert.ok(
      completions.every((c) => c.n === 1),
      'no decision completed twice',
    );
    assert.equal((await verifyAudit(db)).ok, true);
  } finally {
    await db.close();
  }
  console.log(`${raced} reviews raced on two servers: each completed once, the other request refused with 409`);
});

/**
 * A decision waiting for review on server A, with this test's own connection and job queue on
 * its database; `run` records a verdict as it likes, and the decision is then awaited.
 */
async function verdictWithoutResume(
  run: (db: Database, queue: Awaited<ReturnType<typeof startJobQueue>>, decision: Record<string, unknown>) => Promise<unknown>,
  withinMs: number,
  everyMs: number,
): Promise<{ status: string; ms: number }> {
  const [a] = servers as [Running];
  const d = await call(a, 'service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() });
  const db: Database = await openDatabase({ databaseUrl: scratch.url });
  const queue = await startJobQueue(db);
  try {
    await run(db, queue, d.body);
    const t0 = Date.now();
    let status = '';
    while (Date.now() - t0 < withinMs) {
      status = String((await call(a, 'service', 'GET', `/v1/decisions/${d.body.id}`)).body.status);
      if (status === 'completed') break;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    return { status, ms: Date.now() - t0 };
  } finally {
    await queue.stop();
    await db.close();
  }
}

test('a verdict whose request died before resuming is finished by the job queue', async () => {
  // Record the verdict and enqueue the resume exactly as the API does, then stop: no inline resume.
  const { status } = await verdictWithoutResume(
    (db, queue, d) =>
      decideReview(db, String(d.pendingReviewId), 'approve', 'recorded before a crash', { actor: 'test' }, CLAIMS_NOW(), (tx, r) =>
        queue.sendInTransaction(tx, 'decision.resume', { decisionId: r.decisionId, reviewId: r.id }),
      ),
    20_000,
    250,
  );
  assert.equal(status, 'completed', 'a server worker resumed the decision from the queue');
});

test('a resume that a worker took and then died with is expired and finished by another worker', async () => {
  const { status, ms } = await verdictWithoutResume(
    async (db, queue, d) => {
      // The verdict is recorded without its inline resume; its job is held back, then marked as
      // taken 45 s ago by a worker that no longer exists (resumes expire after 3 s in this suite).
      await decideReview(db, String(d.pendingReviewId), 'approve', 'recorded before a crash', { actor: 'test' }, CLAIMS_NOW(), async () => {});
      const jobId = await queue.boss.send('decision.resume', { decisionId: d.id, reviewId: d.pendingReviewId }, { startAfter: 3600 });
      await db.query(
        "update pgboss.job set state = 'active', started_on = now() - interval '45 seconds', start_after = now() - interval '1 minute' where id = $1",
        [jobId],
      );
    },
    90_000,
    500,
  );
  assert.equal(status, 'completed', 'the expired job was retried and a live worker resumed the decision');
  console.log(`a resume held by a dead worker was taken over and finished ${(ms / 1000).toFixed(1)} s later`);
});

test('a back-test started on one server runs as a job on one of them, exactly once', async () => {
  const [a, b] = servers as [Running, Running];
  for (const def of [synthBaseline(), synthCandidate()]) assert.equal((await call(a, 'risk-manager', 'POST', '/v1/flows', { definition: def })).status, 201);
  const started = await call(a, 'analyst', 'POST', '/v1/backtests', {
    candidate: { flow: 'synth-candidate', version: 1 },
    baseline: { flow: 'synth-baseline', version: 1 },
    csv: historyCsv(2000, 3),
    outcome: { column: 'defaulted', bad: '1' },
    strategy: exampleStrategy(),
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  let status = '';
  for (let i = 0; i < 600 && status !== 'done' && status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = String((await call(i % 2 ? a : b, 'analyst', 'GET', `/v1/backtests/${started.body.id}`)).body.status);
  }
  assert.equal(status, 'done');
  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'backtest.finished' and subject_id = $1", [
      started.body.id,
    ]);
    assert.equal(rows[0]!.n, 1);
  } finally {
    await db.close();
  }
});

test('a retraining run started on one server is taken by exactly one worker', async () => {
  const [a, b] = servers as [Running, Running];
  assert.equal((await call(a, 'risk-manager', 'POST', '/v1/models/race/versions', synthChampion(2000, 9, 12, 20))).status, 201);
  assert.equal((await call(a, 'risk-manager', 'POST', '/v1/flows', { definition: scoredFlow('raced', 'race@1', 0.4) })).status, 201);
  assert.equal((await call(a, 'risk-manager', 'POST', '/v1/flows/raced/versions/1/publish')).status, 200);
  const pop = generatePopulation({ rows: 300, seed: 10, months: 12 });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  for (let i = 0; i < pop.rows; i++) {
    const application: Record<string, unknown> = { appliedAt: new Date(Date.UTC(2024, (col('month') as Float64Array)[i]!, 2)).toISOString() };
    for (const f of SYNTH_FEATURES) application[f] = col(f)[i];
    assert.equal((await call(i % 2 ? a : b, 'service', 'POST', '/v1/decisions', { flow: 'raced', application, idempotencyKey: uniqueKey() })).status, 201);
  }
  assert.equal(
    (
      await call(b, 'risk-manager', 'PUT', '/v1/lifecycle/programs/race', {
        flow: 'raced',
        scoreNode: 'score',
        sample: { dateField: 'appliedAt', performanceMonths: 3, features: SYNTH_FEATURES },
      })
    ).status,
    200,
  );
  const started = await call(a, 'risk-manager', 'POST', '/v1/lifecycle/programs/race/runs', { asOf: '2025-06-01T00:00:00Z' });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  let status = 'queued';
  for (let i = 0; i < 600 && ['queued', 'running'].includes(status); i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = String((await call(i % 2 ? a : b, 'risk-manager', 'GET', `/v1/lifecycle/runs/${started.body.id}`)).body.status);
  }
  assert.ok(!['queued', 'running'].includes(status), `the run ended (${status})`);
  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    // No outcomes were reported: the run ends as failed (no matured accounts), once.
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action in ('retrain.rejected', 'retrain.awaiting_approval', 'retrain.failed', 'retrain.promoted') and data ->> 'run' = $1",
      [started.body.id],
    );
    assert.equal(rows[0]!.n, 1);
  } finally {
    await db.close();
  }
});

test('a server process that crashes is replaced, and the server keeps deciding meanwhile', async () => {
  const [a] = servers as [Running];
  const workerPids = () =>
    execFileSync('ps', ['-o', 'pid=', '--ppid', String(a.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((x) => Number(x.trim()))
      .filter((pid) => pid > 0);
  const before = workerPids();
  assert.equal(before.length, 2, `two worker processes under the primary: ${before.join(', ')}`);
  process.kill(before[0]!, 'SIGKILL');
  // The other worker answers while the primary forks a replacement. A kept-alive connection to the
  // killed process breaks, as it would for any client: the request is sent again with its key.
  let broken = 0;
  for (let i = 0; i < 5; i++) {
    const body = { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() };
    const d = await call(a, 'service', 'POST', '/v1/decisions', body).catch(() => {
      broken++;
      return call(a, 'service', 'POST', '/v1/decisions', body);
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  assert.ok(broken <= 1, `${broken} requests met a broken connection`);
  let after = workerPids();
  for (let i = 0; i < 100 && !(after.length === 2 && !after.includes(before[0]!)); i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = workerPids();
  }
  assert.equal(after.length, 2, `a replacement was forked: ${after.join(', ')}`);
  assert.ok(!after.includes(before[0]!));
  assert.match(a.output, /server worker \d stopped \(SIGKILL\); starting another/);
});

test('/metrics of a server with two processes adds both up, and counts what the database holds once', async () => {
  const [a] = servers as [Running];
  const scrape = async () => {
    const text = await (await fetch(`${a.url}/metrics`, { headers: { authorization: `Bearer ${keys.service}` } })).text();
    const sum = (name: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
        .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    return { decisions: sum('arbiter_decisions_total'), pendingReviews: sum('arbiter_review_queue_size') };
  };
  const before = await scrape();
  for (let i = 0; i < 10; i++) {
    const d = await call(a, 'service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() });
    assert.equal(d.status, 201);
  }
  const db = await openDatabase({ databaseUrl: scratch.url });
  let pending: number;
  try {
    pending = (await db.query<{ n: number }>("select count(*)::int as n from reviews where status = 'pending'")).rows[0]!.n;
  } finally {
    await db.close();
  }
  // Whichever process takes the scrape, the figures are the server's.
  for (let i = 0; i < 4; i++) {
    const now = await scrape();
    assert.equal(now.decisions, before.decisions + 10, `scrape ${i}: decisions counted by both processes`);
    assert.equal(now.pendingReviews, pending, `scrape ${i}: the review queue is counted once, not once per process`);
  }
});
