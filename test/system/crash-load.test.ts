import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { crashRound, describeCrashRound, prepareCrashEnvironment, sendAll, type Answer, type CrashEnvironment } from '../support/crash-scenario.ts';

let env: CrashEnvironment;

before(async () => {
  env = await prepareCrashEnvironment();
});
after(async () => env.drop());

test('a server killed with SIGKILL under load loses no acknowledged decision, stores none twice, answers retries with the same decision, and its reviews resume', async () => {
  // Early (connections and first transactions opening) and late (reviews being decided);
  // `npm run bench:soak` runs the scenario at more moments.
  for (const [round, killAfterMs] of [
    [1, 250],
    [2, 1100],
  ] as const) {
    const r = await crashRound(env, String(round), killAfterMs);
    console.log(describeCrashRound(r));
    assert.deepEqual(r.problems, []);
    assert.equal(r.lost, 0);
    assert.equal(r.storedTwice, 0);
    assert.equal(r.stored, r.requests);
    assert.equal(r.sameAsBefore, r.acknowledged, 'every retry of an answered request got the same decision');
    assert.ok(r.acknowledged > 0 && r.unanswered + r.acknowledged <= r.requests);
    assert.equal(r.reviewsNotCompleted, 0);
  }
});

test('SIGTERM under load: in-flight decisions finish and are stored, the process exits cleanly, a new server carries on', async () => {
  const db = new pg.Client({ connectionString: env.url });
  await db.connect();
  try {
    const requests = Array.from({ length: 400 }, (_, i) => ({ i, key: `term-${i}` }));
    const server = await env.serve();
    const answers = new Map<string, Answer | null>();
    const clients = sendAll(env, server.url, requests, answers);
    await new Promise((r) => setTimeout(r, 600));
    const code = await server.stop('SIGTERM');
    await clients;
    assert.equal(code, 0, `exit code ${code}: ${server.output.slice(-500)}`);
    const all = [...answers.values()];
    // While closing, requests on open connections are refused with 503 (not run), so they can be retried.
    assert.ok(
      all.every((a) => a === null || a.status < 300 || a.status === 503),
      `a request got ${JSON.stringify(all.find((a) => a && a.status >= 300 && a.status !== 503))}`,
    );
    const { rows } = await db.query<{ key: string }>("select idempotency_key as key from decisions where idempotency_key like 'term-%'");
    const stored = new Set(rows.map((x) => x.key));
    const acknowledged = [...answers.entries()].filter(([, a]) => a && a.status < 300);
    assert.equal(acknowledged.filter(([k]) => !stored.has(k)).length, 0, 'every acknowledged decision is stored');
    const after = await env.serve();
    try {
      const again = new Map<string, Answer | null>();
      await sendAll(env, after.url, requests, again);
      for (const r of requests) assert.ok((again.get(r.key)?.status ?? 0) < 300, `${r.key} on the next server: ${JSON.stringify(again.get(r.key))}`);
    } finally {
      await after.stop();
    }
    console.log(
      `SIGTERM after 600 ms: ${acknowledged.length} acknowledged and stored, ${all.filter((a) => a?.status === 503).length} refused with 503 while closing, ${all.filter((a) => a === null).length} refused once it stopped listening, exit code ${code}; the next server decided the rest`,
    );
  } finally {
    await db.end();
  }
});
