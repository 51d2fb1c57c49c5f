import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { creditFile, isNoHit } from '../../src/tools/bureau-sim/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { bureauFlow, CONSENT, simConnector, startSimProcess, type SimProcess } from '../support/bureau-sim.ts';
import { uniqueKey } from '../support/flows.ts';
import { ManualClock } from '../../src/support/clock.ts';
import { bearer, TEST_KEYS, testServer, useApiFixture, type ApiFixture } from '../support/server.ts';
import { blindIndex } from '../../src/privacy/index.ts';
import { erasePersonalData } from '../../src/store/index.ts';

interface Decision {
  id: string;
  outcome: string;
  path: string[];
  reasons: { code: string }[];
  trace?: { node: string; wrote: Record<string, unknown> & { pull?: Record<string, unknown> } }[];
}

let n = 0;
/** National IDs the simulator has a file for (one in 25 is a no-hit). */
function person(): string {
  for (;;) {
    const id = `TST${process.pid}${String(++n).padStart(6, '0')}`;
    if (!isNoHit(id, 1)) return id;
  }
}

async function storeConnector(f: ApiFixture, def: Record<string, unknown>): Promise<string> {
  const res = await f.call('risk-manager', 'POST', '/v1/connectors', def);
  assert.ok(res.statusCode === 201 || res.statusCode === 200, res.body);
  return res.json().reference;
}

async function publishFlow(f: ApiFixture, def: Record<string, unknown>): Promise<void> {
  const created = await f.call('risk-manager', 'POST', '/v1/flows', { definition: def });
  assert.equal(created.statusCode, 201, created.body);
  const published = await f.call('risk-manager', 'POST', `/v1/flows/${def.id}/versions/1/publish`);
  assert.equal(published.statusCode, 200, published.body);
}

async function decide(f: ApiFixture, flow: string, application: Record<string, unknown>, consents: unknown[] = CONSENT): Promise<Decision> {
  const res = await f.call('service', 'POST', '/v1/decisions', { flow, application: { amount: 5000, ...application }, idempotencyKey: uniqueKey(), consents });
  assert.ok(res.statusCode < 300, res.body);
  const full = await f.call('auditor', 'GET', `/v1/decisions/${res.json().id}`);
  return full.json();
}

const pullOf = (d: Decision) => d.trace!.find((t) => t.node === 'pull')!.wrote;

for (const backend of SERVER_BACKENDS) {
  describe(`bureau connectors against the simulator as a process, on ${backend.name}`, () => {
    let sim: SimProcess;
    // The circuits run on this clock, so a test moves time on rather than waiting for it.
    const clock = new ManualClock();
    const f = useApiFixture(
      backend,
      async () => {
        sim = await startSimProcess();
      },
      { clock },
    );
    after(async () => sim?.stop());
    const flows = new Map<string, string>();
    /** A stored connector (example, pointed at the simulator, with overrides) and a published flow around it. */
    const flowFor = async (name: string, example: 'sim-json-bureau' | 'sim-crr-report', over: Record<string, unknown> = {}) => {
      if (!flows.has(name)) {
        const ref = await storeConnector(f, simConnector(sim, example, { id: `c-${name}`, ...over }));
        await publishFlow(f, bureauFlow(`f-${name}`, ref));
        flows.set(name, `f-${name}`);
      }
      return flows.get(name)!;
    };

    test('both report formats are mapped to features, personal ones masked in the trace', async () => {
      const id = person();
      const file = creditFile(id, 1);
      const json = await decide(f, await flowFor('json', 'sim-json-bureau'), { nationalId: id });
      const wrote = pullOf(json);
      const features = wrote.bureau as Record<string, unknown>;
      assert.equal(features.bureauScore, file.score);
      assert.equal(features.worstDelinquency, Math.max(0, ...file.accounts.map((a) => a.worstDelinquency)));
      assert.equal(features.inquiries12m, file.inquiries.length);
      assert.notEqual(features.nameOnFile, file.name, 'a C2 feature is masked in the trace');
      assert.match(String(features.nameOnFile), /\*/);
      assert.equal(wrote.pull!.source, 'pulled');
      assert.equal(json.outcome, Math.max(0, ...file.accounts.map((a) => a.worstDelinquency)) < 3 ? 'approve' : 'decline');

      const xml = await decide(f, await flowFor('xml', 'sim-crr-report'), { nationalId: id });
      const x = pullOf(xml).bureau as Record<string, unknown>;
      assert.equal(x.maxOverdueMonths, Math.max(0, ...file.accounts.map((a) => a.worstDelinquency)));
      assert.equal(x.queries12m, file.inquiries.length);
      assert.equal(
        x.badDebt,
        file.accounts.some((a) => a.status === 'written-off'),
      );
      const late = file.accounts.reduce((s, a) => s + [...a.history.slice(12)].filter((c) => /[1-7]/.test(c)).length, 0);
      assert.equal(x.latePaymentsLast12m, late);
      // The mapping documented in docs/connectors.md, feature by feature, against the credit file.
      assert.equal(x.worstStatus24m, Math.max(0, ...file.accounts.flatMap((a) => [...a.history].filter((c) => /[1-7]/.test(c)).map(Number))));
      assert.equal(x.publicRecords, file.publicRecords.length);
      const since = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      since.setUTCMonth(since.getUTCMonth() - 6);
      assert.equal(x.inquiries6m, file.inquiries.filter((q) => new Date(`${q.date}T00:00:00Z`) > since).length);
      const revolving = file.accounts.filter((a) => a.type === 'credit-card' && a.status !== 'closed');
      const limit = revolving.reduce((s, a) => s + a.limit, 0);
      if (limit > 0) assert.ok(Math.abs((x.revolvingUtilisation as number) - revolving.reduce((s, a) => s + a.balance, 0) / limit) < 1e-12);
      else assert.equal(x.revolvingUtilisation, null);
      console.log(
        `JSON bureau: score ${features.bureauScore}, worst delinquency ${features.worstDelinquency}; XML report: ${x.latePaymentsLast12m} late payments in 12 months, outcome ${xml.outcome}`,
      );
    });

    test('a bureau that fails twice is retried, then the pull succeeds, charged once', async () => {
      const id = person();
      const d = await decide(f, await flowFor('json', 'sim-json-bureau'), { nationalId: id, fault: 'fail-first=2' });
      assert.notEqual(d.outcome, 'refer');
      assert.equal(pullOf(d).pull!.attempts, 3);
      assert.equal((await sim.billing()).byNationalId[id], 1);
    });

    test('a timeout goes down the fallback branch; a late answer is reconciled by reference, not pulled again', async () => {
      const flow = await flowFor('timeouts', 'sim-json-bureau', { timeoutMs: 150, retries: { max: 1, baseMs: 10, maxMs: 20 } });
      await sim.setFaults({ hangMs: 600 });
      try {
        const dropped = await decide(f, flow, { nationalId: person(), fault: 'drop' });
        assert.equal(dropped.outcome, 'refer');
        assert.deepEqual(
          dropped.reasons.map((r) => r.code),
          ['BUREAU_UNAVAILABLE'],
        );
        assert.equal(pullOf(dropped).pull!.failure, 'timeout');
        assert.match(String(pullOf(dropped).pull!.reason), /within 150 ms/);

        const id = person();
        const late = await decide(f, flow, { nationalId: id, fault: 'timeout' });
        assert.notEqual(late.outcome, 'refer');
        assert.equal(pullOf(late).pull!.source, 'reconciled');
        assert.equal((await sim.billing()).byNationalId[id], 1, 'the report produced before the timeout is the one used');
      } finally {
        await sim.setFaults({});
      }
    });

    test('the circuit opens after repeated failures, decisions go on along the fallback, and it closes after recovery', async () => {
      const flow = await flowFor('circuit', 'sim-json-bureau', {
        retries: { max: 0, baseMs: 10, maxMs: 10 },
        circuit: { consecutiveFailures: 3, halfOpenAfterMs: 400 },
      });
      await sim.setFaults({ errorRate: 1 });
      try {
        const failures: string[] = [];
        for (let i = 0; i < 6; i++) failures.push(String(pullOf(await decide(f, flow, { nationalId: person() })).pull!.failure));
        assert.deepEqual(failures, ['unavailable', 'unavailable', 'unavailable', 'circuit_open', 'circuit_open', 'circuit_open']);
        const before = (await sim.billing()).requests.error ?? 0;
        const open = await decide(f, flow, { nationalId: person() });
        assert.equal(open.outcome, 'refer');
        assert.equal((await sim.billing()).requests.error ?? 0, before, 'an open circuit makes no call');
        const usage = (await f.call('auditor', 'GET', '/v1/connectors/c-circuit/usage')).json();
        assert.equal(usage.circuit, 'open');
        const metrics = (await f.call('service', 'GET', '/metrics')).body;
        assert.match(metrics, /^arbiter_bureau_circuit_state\{connector="c-circuit"\} 2$/m);
        assert.match(metrics, /^arbiter_bureau_pulls_total\{connector="c-circuit",outcome="circuit_open"\} [1-9]/m);
      } finally {
        await sim.setFaults({});
      }
      clock.advance(500);
      const recovered = await decide(f, flow, { nationalId: person() });
      assert.notEqual(recovered.outcome, 'refer');
      assert.equal((await f.call('auditor', 'GET', '/v1/connectors/c-circuit/usage')).json().circuit, 'closed');
    });

    test('429 with Retry-After is honoured before the retry', async () => {
      await sim.setFaults({ retryAfterSeconds: 1 });
      try {
        const t0 = Date.now();
        const d = await decide(f, await flowFor('json', 'sim-json-bureau'), { nationalId: person(), fault: 'limit-first=1' });
        const waited = Date.now() - t0;
        assert.notEqual(d.outcome, 'refer');
        assert.equal(pullOf(d).pull!.attempts, 2);
        assert.ok(waited >= 1000, `retried after ${waited} ms, before the 1 s Retry-After`);
      } finally {
        await sim.setFaults({});
      }
    });

    test('malformed JSON and XML are failures on the fallback branch, not crashes', async () => {
      for (const [name, example] of [
        ['json', 'sim-json-bureau'],
        ['xml', 'sim-crr-report'],
      ] as const) {
        const d = await decide(f, await flowFor(name, example), { nationalId: person(), fault: 'malformed' });
        assert.equal(d.outcome, 'refer', name);
        assert.equal(pullOf(d).pull!.failure, 'malformed', name);
        assert.match(String(pullOf(d).pull!.reason), name === 'json' ? /JSON does not parse/ : /XML is not well formed/);
      }
    });

    test('without consent the bureau is not called and the flow takes its no-consent branch', async () => {
      const id = person();
      const expired = [{ scope: 'credit-bureau', grantedAt: '2025-01-01T00:00:00Z', expiresAt: '2025-06-01T00:00:00Z', channel: 'web' }];
      for (const consents of [[], expired, [{ ...CONSENT[0]!, scope: 'marketing' }]]) {
        const d = await decide(f, await flowFor('json', 'sim-json-bureau'), { nationalId: id }, consents);
        assert.equal(d.outcome, 'decline');
        assert.deepEqual(
          d.reasons.map((r) => r.code),
          ['NO_BUREAU_CONSENT'],
        );
      }
      assert.equal((await sim.billing()).byNationalId[id], undefined);
    });

    test('the same applicant within the reuse window, or many at once, is one pull and one charge', async () => {
      const flow = await flowFor('json', 'sim-json-bureau');
      const id = person();
      const first = await decide(f, flow, { nationalId: id });
      const second = await decide(f, flow, { nationalId: id });
      assert.equal(pullOf(first).pull!.source, 'pulled');
      assert.equal(pullOf(second).pull!.source, 'reused');
      assert.equal(pullOf(second).pull!.cost, 0);

      const together = person();
      const all = await Promise.all(Array.from({ length: 8 }, () => decide(f, flow, { nationalId: together, fault: 'latency=100' })));
      const sources = all.map((d) => pullOf(d).pull!.source).sort();
      assert.equal(sources.filter((s) => s === 'pulled').length, 1, sources.join(', '));
      assert.ok(sources.every((s) => s === 'pulled' || s === 'coalesced' || s === 'reused'));
      const billing = await sim.billing();
      assert.equal(billing.byNationalId[id], 1);
      assert.equal(billing.byNationalId[together], 1);
      const usage = (await f.call('auditor', 'GET', '/v1/connectors/c-json/usage')).json();
      assert.ok(usage.reused >= 8, JSON.stringify(usage));
      console.log(`usage of c-json: ${usage.pulls} pulls, ${usage.reused} reused, cost ${usage.cost}, p99 ${usage.latencyMs.p99} ms`);
    });

    test('erasing an application destroys the key of the report pulled for it; the next decision pulls afresh', async () => {
      const flow = await flowFor('json', 'sim-json-bureau');
      const id = person();
      const first = await decide(f, flow, { nationalId: id });
      await erasePersonalData(f.ctx.db, first.id, { actor: 'test' });
      const { rows } = await f.ctx.db.query<{ wrapped: unknown }>(
        'select k.wrapped from bureau_pulls p join data_keys k on k.id = p.data_key_id where p.id = $1',
        [pullOf(first).pull!.pullId],
      );
      assert.equal(rows[0]!.wrapped, null);
      const again = await decide(f, flow, { nationalId: id });
      assert.equal(pullOf(again).pull!.source, 'pulled');
    });

    if (backend.name === 'postgres') {
      test('two server processes asked for the same applicant at once make one pull between them', async () => {
        const flow = await flowFor('json', 'sim-json-bureau');
        const second = await testServer(await f.ctx.openAnother!());
        try {
          const id = person();
          const ask = (server: typeof second) =>
            server.app.inject({
              method: 'POST',
              url: '/v1/decisions',
              headers: bearer(f.keys.service),
              payload: { flow, application: { nationalId: id, amount: 100, fault: 'latency=150' }, idempotencyKey: uniqueKey(), consents: CONSENT },
            });
          const answers = await Promise.all([ask(f.server), ask(second), ask(f.server), ask(second)]);
          assert.deepEqual(
            answers.map((a) => a.statusCode),
            [201, 201, 201, 201],
          );
          assert.equal((await sim.billing()).byNationalId[id], 1);
          const { rows } = await f.ctx.db.query<{ status: string; outcome: string }>(
            "select status, outcome from bureau_pulls where connector_id = 'c-json' and subject_index = $1 order by status, outcome",
            [blindIndex(TEST_KEYS.indexKey, 'bureau-subject', id)],
          );
          assert.deepEqual(
            rows.map((r) => `${r.status}:${r.outcome}`),
            ['reused:coalesced', 'reused:coalesced', 'reused:coalesced', 'success:ok'],
          );
        } finally {
          await second.app.close();
        }
      });

      test('30% injected failures and 200 concurrent decisions: no 5xx, every decision stored, nobody charged twice', async () => {
        const flow = await flowFor('load', 'sim-json-bureau', {
          timeoutMs: 300,
          retries: { max: 2, baseMs: 20, maxMs: 200 },
          circuit: { consecutiveFailures: 1000, halfOpenAfterMs: 1000 },
        });
        await sim.setFaults({ errorRate: 0.2, timeoutRate: 0.05, malformedRate: 0.05, latencyMs: 20, hangMs: 500 });
        const http = f.server.app;
        await http.listen({ port: 0, host: '127.0.0.1' });
        const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
        try {
          const ids = Array.from({ length: 200 }, () => person());
          const keys = ids.map(() => uniqueKey());
          const statuses = await Promise.all(
            ids.map(async (id, i) => {
              const res = await fetch(`${url}/v1/decisions`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${f.keys.service}` },
                body: JSON.stringify({ flow, application: { nationalId: id, amount: 1000 }, idempotencyKey: keys[i], consents: CONSENT }),
              });
              await res.arrayBuffer();
              return res.status;
            }),
          );
          const counts: Record<number, number> = {};
          for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
          assert.deepEqual(counts, { 201: 200 });
          const { rows } = await f.ctx.db.query<{ n: number; outcome: string }>(
            'select outcome, count(*)::int as n from decisions where idempotency_key = any($1) group by outcome',
            [keys],
          );
          assert.equal(
            rows.reduce((s, r) => s + r.n, 0),
            200,
          );
          const billing = await sim.billing();
          const charged = ids.map((id) => billing.byNationalId[id] ?? 0);
          assert.ok(Math.max(...charged) <= 1, 'an applicant was charged twice');
          const { rows: cost } = await f.ctx.db.query<{ cost: string; pulls: number }>(
            "select coalesce(sum(cost), 0) as cost, count(*)::int as pulls from bureau_pulls where connector_id = 'c-load' and status <> 'reused'",
            [],
          );
          assert.equal(Number(cost[0]!.cost), charged.reduce((s, c) => s + c, 0) * 1.25, "the ledger's cost is what the bureau billed");
          const usage = (await f.call('auditor', 'GET', '/v1/connectors/c-load/usage')).json();
          console.log(
            `200 concurrent decisions with 30% faults: ${JSON.stringify(Object.fromEntries(rows.map((r) => [r.outcome, r.n])))}; bureau billed ${charged.reduce((s, c) => s + c, 0)} reports; ledger: ${usage.succeeded} ok, ${usage.failed} failed (${JSON.stringify(usage.byOutcome)}), ${usage.attempts} attempts, p99 ${usage.latencyMs.p99} ms`,
          );
        } finally {
          await sim.setFaults({});
        }
      });
    }
  });
}

describe('connector definitions over the API', () => {
  const f = useApiFixture(SERVER_BACKENDS[0]!);

  test('a bad definition is refused with every problem and where', async () => {
    const res = await f.call('risk-manager', 'POST', '/v1/connectors', {
      ...simConnector({ url: 'http://127.0.0.1:4010' }, 'sim-json-bureau'),
      subject: 'passport',
      timeoutMs: 5,
      features: { score: { expression: 'response.score.', class: 'C1' } },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json().error;
    assert.equal(body.code, 'invalid_connector');
    assert.match(body.message, /timeoutMs/);
    const again = await f.call('risk-manager', 'POST', '/v1/connectors', {
      ...simConnector({ url: 'http://127.0.0.1:4010' }, 'sim-json-bureau'),
      subject: 'passport',
      features: { score: { expression: 'response.score.', class: 'C1' } },
    });
    const paths = again.json().error.details.map((d: { path: string }) => d.path);
    assert.deepEqual(paths.sort(), ['$.features.score.expression', '$.subject']);
  });

  test('the same definition twice is one version; a change is the next; flows must pin one', async () => {
    const def = simConnector({ url: 'http://127.0.0.1:4010' }, 'sim-json-bureau', { id: 'versions' });
    const a = await f.call('risk-manager', 'POST', '/v1/connectors', def);
    const b = await f.call('risk-manager', 'POST', '/v1/connectors', def);
    const c = await f.call('risk-manager', 'POST', '/v1/connectors', { ...def, costPerCall: 9 });
    assert.deepEqual([a.statusCode, b.statusCode, c.statusCode], [201, 200, 201]);
    assert.deepEqual([a.json().reference, b.json().reference, c.json().reference], ['versions@1', 'versions@1', 'versions@2']);
    assert.equal((await f.call('analyst', 'POST', '/v1/connectors', def)).statusCode, 403);
    const unpinned = await f.call('risk-manager', 'POST', '/v1/flows', { definition: bureauFlow('unpinned', 'versions') });
    assert.equal(unpinned.statusCode, 201);
    const publish = await f.call('risk-manager', 'POST', '/v1/flows/unpinned/versions/1/publish');
    assert.equal(publish.statusCode, 400);
    assert.match(publish.body, /versions@1/);
  });
});
