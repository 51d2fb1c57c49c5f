/**
 * Flow benchmark: the demo flow (416 paths) in-process, and over HTTP with durable writes on
 * the embedded database and on PostgreSQL.
 *
 *   npm run bench:flow [-- --seconds 10 --connections 32]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { compileFlow } from '../src/flow/index.ts';
import { openDatabase } from '../src/store/index.ts';
import { demoApplications } from './flow/applications.ts';
import { arbiter, serve, type Running } from '../test/support/process.ts';
import { benchArg } from './bench-args.ts';

const SECONDS = benchArg('seconds', 10);
const CONNECTIONS = benchArg('connections', 16);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const definition = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'flows', 'consumer-lending.json'), 'utf8'));
const applications = demoApplications(20000);

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function inProcess(trace: boolean): Promise<void> {
  const flow = compileFlow(definition);
  for (let i = 0; i < 3; i++) for (const a of applications) await flow.run(a, { trace });
  const rounds = 5;
  const latencies = new Float64Array(rounds * applications.length);
  let k = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of applications) {
      const t0 = performance.now();
      await flow.run(a, { trace });
      latencies[k++] = performance.now() - t0;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort();
  console.log(
    `in-process, trace ${trace ? 'on ' : 'off'}: ${Math.round(latencies.length / seconds).toLocaleString('en-US')} decisions/s, p50 ${(percentile(latencies, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(latencies, 99) * 1000).toFixed(1)} µs (${latencies.length} decisions, one thread)`,
  );
}

/** Runs autocannon against a fresh database; `countDecisions` is read after the server stops. */
async function overHttp(label: string, serverArgs: string[], countDecisions: () => Promise<number>): Promise<void> {
  const keys: Record<string, string> = {};
  for (const role of ['service', 'risk-manager']) {
    const created = arbiter(['keys', 'create', '--role', role, '--json', ...serverArgs]);
    if (created.code !== 0) throw new Error(created.stderr);
    keys[role] = JSON.parse(created.stdout).secret;
  }
  const server: Running = await serve(serverArgs);
  let result: autocannon.Result;
  try {
    const post = async (path: string, body: unknown, role: string) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post('/v1/flows', { definition }, 'risk-manager');
    await post('/v1/flows/consumer-lending/versions/1/publish', {}, 'risk-manager');
    const run = randomBytes(4).toString('hex');
    let n = 0;
    result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/v1/decisions',
          headers: { authorization: `Bearer ${keys.service}`, 'content-type': 'application/json' },
          setupRequest: (req) => {
            const i = n++;
            return {
              ...req,
              body: JSON.stringify({ flow: 'consumer-lending', application: applications[i % applications.length], idempotencyKey: `bench-${run}-${i}` }),
            };
          },
        },
      ],
    });
  } finally {
    await server.stop();
  }
  const stored = await countDecisions();
  const ok = result['2xx'];
  console.log(
    `HTTP on ${label}: ${Math.round(ok / SECONDS).toLocaleString('en-US')} decisions/s committed, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${CONNECTIONS} connections for ${SECONDS}s; ${ok} answered 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${stored} decisions stored`,
  );
  // autocannon drops the answers still on the way when its time is up, so a few more can be stored than counted.
  if (stored < ok) console.log(`  LOST: ${ok} 2xx answers but only ${stored} decisions stored`);
  else if (stored > ok) console.log(`  ${stored - ok} more decisions were committed whose answers arrived after the window closed`);
}

console.log(`flow benchmark: demo flow "${definition.id}" (${definition.nodes.length} nodes), ${applications.length} generated applications`);
await inProcess(true);
await inProcess(false);

const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-'));
try {
  await overHttp('PGlite (embedded)', ['--data-dir', dir], async () => {
    const db = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await db.query<{ n: number }>("select count(*)::int as n from decisions where idempotency_key like 'bench-%'");
      return rows[0]!.n;
    } finally {
      await db.close();
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const dbName = `arbiter_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
await admin.query(`create database "${dbName}"`);
const url = new URL(POSTGRES_URL);
url.pathname = `/${dbName}`;
try {
  const keyDir = mkdtempSync(join(tmpdir(), 'arbiter-bench-keys-'));
  const keyFile = join(keyDir, 'keys.json');
  arbiter(['keys', 'init-master', '--key-file', keyFile]);
  await overHttp('PostgreSQL', ['--database', url.toString(), '--key-file', keyFile], async () => {
    const counter = new pg.Client({ connectionString: url.toString() });
    await counter.connect();
    try {
      const { rows } = await counter.query("select count(*)::int as n from decisions where idempotency_key like 'bench-%'");
      return rows[0].n as number;
    } finally {
      await counter.end();
    }
  });
  rmSync(keyDir, { recursive: true, force: true });
} finally {
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
