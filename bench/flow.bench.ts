/**
 * Flow benchmark: the demo flow (416 paths) in-process, and over HTTP with durable writes on
 * the embedded database and on PostgreSQL; on PostgreSQL beside a bare Fastify server that only
 * INSERTs each request through pg (the ceiling of this stack), on one process and on one per core;
 * then on one process with the national algorithms (SM4 sealing, SM3 audit chain) against the default
 * (AES-256-GCM, SHA-256), each on a fresh database.
 *
 *   npm run bench:flow [-- --seconds 10 --connections 32]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
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

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/** `CONNECTIONS` clients posting one decision request after another for `SECONDS`. */
async function load(url: string, authorization: string | null): Promise<Load> {
  const run = randomBytes(4).toString('hex');
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/v1/decisions',
        headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
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
  const ok = result['2xx'];
  return { perSecond: ok / SECONDS, p50: result.latency.p50, p99: result.latency.p99, ok, non2xx: result.non2xx, errors: result.errors };
}

const describe = (label: string, r: Load) =>
  `${label}: ${Math.round(r.perSecond).toLocaleString('en-US')}/s committed, p50 ${r.p50} ms, p99 ${r.p99} ms (${r.ok} answered 2xx, ${r.non2xx} non-2xx, ${r.errors} errors)`;

/** Runs Arbiter under load on a database that `serverArgs` name; `countDecisions` is read after the server stops. */
async function overHttp(label: string, serverArgs: string[], countDecisions: () => Promise<number>, env: Record<string, string> = {}): Promise<Load> {
  const keys: Record<string, string> = {};
  for (const role of ['service', 'risk-manager']) {
    const created = arbiter(
      ['keys', 'create', '--role', role, '--json', ...serverArgs.filter((a, i) => a !== '--workers' && serverArgs[i - 1] !== '--workers')],
      env,
    );
    if (created.code !== 0) throw new Error(created.stderr);
    keys[role] = JSON.parse(created.stdout).secret;
  }
  const server: Running = await serve(serverArgs, { env });
  let result: Load;
  try {
    const post = async (path: string, body: unknown, role: string) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300 && res.status !== 409) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post('/v1/flows', { definition }, 'risk-manager');
    await post('/v1/flows/consumer-lending/versions/1/publish', {}, 'risk-manager');
    result = await load(server.url, `Bearer ${keys.service}`);
  } finally {
    await server.stop();
  }
  const stored = await countDecisions();
  console.log(`${describe(`HTTP on ${label}`, result)}, ${CONNECTIONS} connections for ${SECONDS}s; ${stored} decisions stored in all`);
  return result;
}

/** The peer: a bare Fastify server that INSERTs each request through pg, on `processes` processes. */
async function bareServer(databaseUrl: string, processes: number): Promise<Load> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'flow', 'bare-insert-server.ts'), databaseUrl, String(processes)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the bare server exited with ${code}: ${out}`)));
    });
    const result = await load(address, null);
    console.log(`${describe(`bare Fastify + pg INSERT, ${processes} process${processes > 1 ? 'es' : ''}`, result)}`);
    return result;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
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

const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
const databases: string[] = [];
/** A new database on the PostgreSQL server, dropped at the end. */
async function freshDatabase(): Promise<URL> {
  const name = `arbiter_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database "${name}"`);
  databases.push(name);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url;
}
/** Decisions this bench stored in the database at `at`. */
const decisionsIn = (at: URL) => async () => {
  const counter = new pg.Client({ connectionString: at.toString() });
  await counter.connect();
  try {
    const { rows } = await counter.query("select count(*)::int as n from decisions where idempotency_key like 'bench-%'");
    return rows[0].n as number;
  } finally {
    await counter.end();
  }
};
const url = await freshDatabase();
try {
  const keyDir = mkdtempSync(join(tmpdir(), 'arbiter-bench-keys-'));
  const keyFile = join(keyDir, 'keys.json');
  arbiter(['keys', 'init-master', '--key-file', keyFile]);
  const countDecisions = decisionsIn(url);
  // Each side on one process, then on one per core, the peer first each time.
  for (const processes of [...new Set([1, availableParallelism()])]) {
    const bare = await bareServer(url.toString(), processes);
    const ours = await overHttp(
      `PostgreSQL, ${processes} server process${processes > 1 ? 'es' : ''}`,
      ['--database', url.toString(), '--key-file', keyFile, '--workers', String(processes)],
      countDecisions,
    );
    console.log(
      `  => Arbiter on ${processes} process${processes > 1 ? 'es' : ''}: ${((ours.perSecond / bare.perSecond) * 100).toFixed(0)}% of the bare server's throughput (goal: at least 60%), p99 ${ours.p99} ms against ${bare.p99} ms (goal: under 25 ms)`,
    );
  }
  // The national algorithms against the default, one process each, each on a database of its own.
  const byAlgorithms: Load[] = [];
  for (const [label, env] of [
    ['AES-256-GCM sealing, SHA-256 audit chain', {}],
    ['SM4 sealing, SM3 audit chain', { ARBITER_SEALING: 'sm4', ARBITER_AUDIT_HASH: 'sm3' }],
  ] as const) {
    const at = await freshDatabase();
    byAlgorithms.push(await overHttp(`PostgreSQL, 1 server process, ${label}`, ['--database', at.toString(), '--key-file', keyFile], decisionsIn(at), env));
  }
  console.log(
    `  => with the national algorithms: ${((byAlgorithms[1]!.perSecond / byAlgorithms[0]!.perSecond) * 100).toFixed(0)}% of the default's decisions/s, p99 ${byAlgorithms[1]!.p99} ms against ${byAlgorithms[0]!.p99} ms`,
  );
  rmSync(keyDir, { recursive: true, force: true });
} finally {
  for (const name of databases) await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
