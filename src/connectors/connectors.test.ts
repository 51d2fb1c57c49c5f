import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ephemeralKeyProvider } from '../privacy/index.ts';
import { creditFile, isNoHit, startBureauSim, type BureauSim } from '../tools/bureau-sim/index.ts';
import { BureauGateway, compileConnector, ConnectorError, MemoryLedger } from './index.ts';
import { retryAfterMs } from './http-call.ts';
import { parseResponse } from './parse-response.ts';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'connectors', 'sim-json-bureau.json'), 'utf8')) as Record<
  string,
  unknown
> & { request: Record<string, unknown>; reconcile: { url: string } };
const CONSENTS = [{ scope: 'credit-bureau', grantedAt: '2026-01-01T00:00:00Z' }];

function connectorFor(sim: BureauSim, over: Record<string, unknown> = {}) {
  return compileConnector({
    ...EXAMPLE,
    request: { ...EXAMPLE.request, url: `${sim.url}/v1/reports` },
    reconcile: { url: `${sim.url}/v1/reports/by-reference/{reference}` },
    ...over,
  });
}

function someone(seed = 1): string {
  for (let i = 0; ; i++) if (!isNoHit(`UNIT${i}`, seed)) return `UNIT${i}`;
}

describe('connector definitions', () => {
  test('every problem is reported with its path', () => {
    try {
      compileConnector({
        ...EXAMPLE,
        subject: 'passport',
        request: { ...EXAMPLE.request, method: 'GET', url: 'http://x/{who}' },
        features: { a: { expression: 'response.', class: 'C1' } },
      });
      assert.fail('accepted');
    } catch (err) {
      assert.ok(err instanceof ConnectorError);
      assert.deepEqual(err.issues.map((i) => i.path).sort(), ['$.features.a.expression', '$.request.body', '$.request.url', '$.subject']);
    }
    assert.throws(() => compileConnector({ ...EXAMPLE, auth: { type: 'apiKey', secretEnv: 'lowercase' } }), /environment variable/);
  });

  test('XML with a DOCTYPE, and bodies that do not parse, are malformed', () => {
    assert.throws(() => parseResponse('xml', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'), /DOCTYPE/);
    assert.throws(() => parseResponse('xml', '<r><a></r>'), /not well formed/);
    assert.throws(() => parseResponse('json', '{"a": '), /JSON does not parse/);
    assert.deepEqual(parseResponse('xml', '<r><Account><n>1</n></Account></r>'), { r: { Account: [{ n: 1 }] } });
  });

  test('Retry-After is read as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1)), 10_000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });

  test('credit files are the same for the same ID and seed, and differ by seed', () => {
    assert.deepEqual(creditFile('AB1234', 1), creditFile('AB1234', 1));
    assert.notDeepEqual(creditFile('AB1234', 1), creditFile('AB1234', 2));
    const scores = Array.from({ length: 2000 }, (_, i) => creditFile(`P${i}`, 1).score);
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    assert.ok(mean > 550 && mean < 760, `mean score ${mean}`);
  });
});

describe('the gateway against an in-process simulator', () => {
  let sim: BureauSim;
  let signed: BureauSim;
  before(async () => {
    sim = await startBureauSim({ port: 0 });
    signed = await startBureauSim({ port: 0, apiKey: 'k-123', hmacSecret: 's-456' });
  });
  after(async () => {
    await sim.close();
    await signed.close();
  });

  test('API key and HMAC signing are accepted by a bureau that checks them, and a missing secret is a clear failure', async () => {
    const gateway = new BureauGateway(new MemoryLedger(), ephemeralKeyProvider());
    const apiKey = compileConnector({
      ...EXAMPLE,
      request: { ...EXAMPLE.request, url: `${signed.url}/v1/reports` },
      auth: { type: 'apiKey', secretEnv: 'TEST_BUREAU_KEY' },
    });
    const missing = await gateway.pull(apiKey, 1, { nationalId: someone() }, { consents: CONSENTS });
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : '', /TEST_BUREAU_KEY, which is not set/);
    process.env.TEST_BUREAU_KEY = 'k-123';
    process.env.TEST_BUREAU_HMAC = 's-456';
    try {
      // Both checks are on at this bureau: a key alone is refused as unsigned.
      const keyOnly = await gateway.pull(apiKey, 1, { nationalId: someone() }, { consents: CONSENTS });
      assert.equal(!keyOnly.ok && keyOnly.code, 'rejected');
      const both = compileConnector({
        ...EXAMPLE,
        request: { ...EXAMPLE.request, url: `${signed.url}/v1/reports`, headers: { 'x-api-key': '"k-123"' } },
        auth: { type: 'hmac', secretEnv: 'TEST_BUREAU_HMAC' },
      });
      const ok = await gateway.pull(both, 1, { nationalId: someone() }, { consents: CONSENTS });
      assert.equal(ok.ok, true, JSON.stringify(ok));
      process.env.TEST_BUREAU_HMAC = 'wrong';
      const forged = await gateway.pull(both, 1, { nationalId: 'UNIT-OTHER-1' }, { consents: CONSENTS });
      assert.equal(!forged.ok && forged.code, 'rejected');
    } finally {
      delete process.env.TEST_BUREAU_KEY;
      delete process.env.TEST_BUREAU_HMAC;
    }
  });

  test('a pull left pending by a process that died is taken over, not waited on forever', async () => {
    const ledger = new MemoryLedger();
    const gateway = new BureauGateway(ledger, ephemeralKeyProvider());
    const c = connectorFor(sim, { timeoutMs: 50, retries: { max: 0, baseMs: 1, maxMs: 1 } });
    const id = someone();
    // The dead process's inquiry: pending, for the same person and connector.
    const first = await gateway.pull(c, 1, { nationalId: id }, { consents: CONSENTS });
    assert.equal(first.ok, true);
    const subject = ledger.entries[0]!.subjectIndex;
    ledger.entries.length = 0;
    await ledger.begin({ id: 'pul_dead', connectorId: c.definition.id, connectorVersion: 1, subjectIndex: subject, requestKey: null }, { since: null });
    const t0 = Date.now();
    const taken = await gateway.pull(c, 1, { nationalId: id }, { consents: CONSENTS });
    assert.equal(taken.ok, true);
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(ledger.entries.find((e) => e.id === 'pul_dead')!.outcome, 'abandoned');
  });

  test('no-hit is its own failure, and does not open the circuit', async () => {
    const gateway = new BureauGateway(new MemoryLedger(), ephemeralKeyProvider());
    const c = connectorFor(sim, { id: 'nohit', circuit: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    let unknown = 'NOHIT0';
    for (let i = 0; !isNoHit(unknown, 1); i++) unknown = `NOHIT${i}`;
    for (let i = 0; i < 3; i++) {
      const r = await gateway.pull(c, 1, { nationalId: unknown }, { consents: CONSENTS });
      assert.equal(!r.ok && r.code, 'no_hit');
    }
    assert.equal(gateway.circuitState('nohit'), 'closed');
  });

  test('reports are kept sealed: the ledger holds no personal data in clear', async () => {
    const ledger = new MemoryLedger();
    const gateway = new BureauGateway(ledger, ephemeralKeyProvider());
    const id = someone();
    const r = await gateway.pull(connectorFor(sim), 1, { nationalId: id }, { consents: CONSENTS });
    assert.equal(r.ok, true);
    const stored = JSON.stringify(ledger.entries, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v));
    assert.ok(!stored.includes(id), 'the national ID is in the ledger');
    assert.ok(!stored.includes(creditFile(id, 1).name), 'the name on file is in the ledger');
    const usage = await ledger.usage(connectorFor(sim).definition.id, null);
    assert.equal(usage.pulls, 1);
    assert.equal(usage.cost, 1.25);
  });
});
