/**
 * Bureau benchmark: decisions through the HTTP API of a server on PostgreSQL whose flow pulls
 * a credit report from `arbiter bureau-sim` (its own process, 20 ms added latency), with no
 * faults and with 30% injected failures; and the simulator called directly, with the same
 * load, to show what Arbiter adds over the bureau's own latency.
 *
 *   npm run bench:bureau [-- --seconds 10 --connections 32]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { bureauFlow, CONSENT, simConnector, startSimProcess, type SimProcess } from '../test/support/bureau-sim.ts';
import { arbiter, serve, type Running } from '../test/support/process.ts';
import { benchArg } from './bench-args.ts';

const SECONDS = benchArg('seconds', 10);
const CONNECTIONS = benchArg('connections', 32);
const LATENCY_MS = 20;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const run = randomBytes(3).toString('hex').toUpperCase();
let n = 0;
const nextId = () => `B${run}${String(n++).padStart(8, '0')}`;

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, path: string, headers: Record<string, string>, body: () => unknown): Promise<Measured> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, setupRequest: (req) => ({ ...req, body: JSON.stringify(body()) }) },
    ],
  });
  return { perSecond: r['2xx'] / SECONDS, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors };
}

const line = (label: string, m: Measured) =>
  `${label.padEnd(34)} ${Math.round(m.perSecond).toLocaleString('en-US').padStart(6)} /s   p50 ${String(m.p50).padStart(4)} ms   p99 ${String(m.p99).padStart(4)} ms   ${m.ok} 2xx, ${m.non2xx} non-2xx, ${m.errors} errors`;

const dbName = `arbiter_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
await admin.query(`create database "${dbName}"`);
const dbUrl = new URL(POSTGRES_URL);
dbUrl.pathname = `/${dbName}`;
const keyDir = mkdtempSync(join(tmpdir(), 'arbiter-bench-keys-'));
let sim: SimProcess | null = null;
let server: Running | null = null;
try {
  sim = await startSimProcess(['--latency', String(LATENCY_MS)]);
  const serverArgs = ['--database', dbUrl.toString(), '--key-file', join(keyDir, 'keys.json')];
  arbiter(['keys', 'init-master', '--key-file', join(keyDir, 'keys.json')]);
  const keys: Record<string, string> = {};
  for (const role of ['service', 'risk-manager', 'auditor'])
    keys[role] = JSON.parse(arbiter(['keys', 'create', '--role', role, '--json', ...serverArgs]).stdout).secret;
  server = await serve(serverArgs);
  const call = async (method: string, path: string, role: string, body?: unknown) => {
    const res = await fetch(`${server!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const connector = simConnector(sim, 'sim-json-bureau', {
    id: 'bench-bureau',
    timeoutMs: 500,
    retries: { max: 2, baseMs: 20, maxMs: 200 },
    circuit: { consecutiveFailures: 50, halfOpenAfterMs: 1000 },
  });
  const { reference } = (await call('POST', '/v1/connectors', 'risk-manager', connector)) as { reference: string };
  await call('POST', '/v1/flows', 'risk-manager', { definition: bureauFlow('bench-bureau', reference) });
  await call('POST', '/v1/flows/bench-bureau/versions/1/publish', 'risk-manager', {});

  console.log(
    `bureau benchmark: simulator with ${LATENCY_MS} ms added latency (its own process), server on PostgreSQL (its own process), ${CONNECTIONS} connections for ${SECONDS}s each; every request a new applicant\n`,
  );
  const direct = await load(sim.url, '/v1/reports', {}, () => ({ nationalId: nextId(), reference: `direct-${n}` }));
  console.log(line('simulator alone', direct));
  await sim.reset();
  const decide = () => ({ flow: 'bench-bureau', application: { nationalId: nextId(), amount: 1000 }, idempotencyKey: `bench-${run}-${n}`, consents: CONSENT });
  const clean = await load(server.url, '/v1/decisions', { authorization: `Bearer ${keys.service}` }, decide);
  console.log(line('Arbiter, bureau with 0% failures', clean));
  await sim.setFaults({ latencyMs: LATENCY_MS, errorRate: 0.2, timeoutRate: 0.05, malformedRate: 0.05, hangMs: 1000 });
  const faulty = await load(server.url, '/v1/decisions', { authorization: `Bearer ${keys.service}` }, decide);
  console.log(line('Arbiter, bureau with 30% failures', faulty));
  await sim.setFaults({ latencyMs: LATENCY_MS });

  const usage = (await call('GET', '/v1/connectors/bench-bureau/usage', 'auditor')) as {
    pulls: number;
    succeeded: number;
    failed: number;
    byOutcome: Record<string, number>;
    attempts: number;
    latencyMs: { p50: number; p99: number };
  };
  const billing = await sim.billing();
  const counter = new pg.Client({ connectionString: dbUrl.toString() });
  await counter.connect();
  const stored = Number((await counter.query(`select count(*)::int as n from decisions where idempotency_key like 'bench-${run}-%'`)).rows[0].n);
  await counter.end();
  console.log(
    `\noverhead of Arbiter over the bureau's own latency (0% failures): p50 +${clean.p50 - direct.p50} ms, p99 +${clean.p99 - direct.p99} ms; throughput ${(clean.perSecond / direct.perSecond).toFixed(2)}x the simulator's`,
  );
  console.log(
    `pull ledger: ${usage.pulls} pulls (${usage.succeeded} ok, ${usage.failed} failed: ${JSON.stringify(usage.byOutcome)}), ${usage.attempts} attempts, pull latency p50 ${usage.latencyMs.p50} ms, p99 ${usage.latencyMs.p99} ms`,
  );
  console.log(
    `decisions: ${clean.ok + faulty.ok} answered 2xx, ${stored} stored; the bureau billed ${billing.charges} reports for decisions, at most ${billing.maxChargesPerPerson} per applicant; 5xx or errors: ${clean.non2xx + faulty.non2xx + clean.errors + faulty.errors}`,
  );
} finally {
  await server?.stop();
  await sim?.stop();
  rmSync(keyDir, { recursive: true, force: true });
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
