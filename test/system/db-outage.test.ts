import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { prepareServerDatabase, type ServerDatabase } from '../support/server-database.ts';
import { demoApplication, demoFlow } from '../support/flows.ts';
import { serve, type Running } from '../support/process.ts';

/**
 * A TCP proxy in front of PostgreSQL that can be cut and restored: the server sees the database
 * go away (connections dropped, new ones refused) without stopping the PostgreSQL other suites use.
 */
class Outage {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

let scratch: ServerDatabase<'service' | 'risk-manager'>;
let proxy: Outage;
let server: Running;
let url: string;
const keys: Record<string, string> = {};

before(async () => {
  scratch = await prepareServerDatabase(['service', 'risk-manager']);
  Object.assign(keys, scratch.keys);
  const target = new URL(scratch.url);
  proxy = new Outage({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.up();
  target.port = String(proxy.port);
  url = target.toString();
  server = await serve(['--database', url, '--key-file', scratch.keyFile]);
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys['risk-manager']}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await post('/v1/flows', { definition: demoFlow() })).status, 201);
  assert.equal((await post('/v1/flows/consumer-lending/versions/1/publish', {})).status, 200);
});
after(async () => {
  await server?.stop();
  await proxy.down().catch(() => {});
  await scratch.drop();
});

async function decide(key: string, i: number): Promise<{ status: number; ms: number; retryAfter: string | null; code?: string }> {
  const t0 = Date.now();
  const res = await fetch(`${server.url}/v1/decisions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keys.service}`, 'content-type': 'application/json' },
    body: JSON.stringify({ flow: 'consumer-lending', application: { ...demoApplication(), requestedAmount: 1000 + i }, idempotencyKey: key }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ms: Date.now() - t0, retryAfter: res.headers.get('retry-after'), code: body.error?.code };
}

test('with the database gone for seconds, requests fail fast with 503 and Retry-After, nothing is half written, and service comes back by itself', async () => {
  const results = new Map<string, { status: number; ms: number; retryAfter: string | null; code?: string }>();
  let n = 0;
  let phase: 'before' | 'outage' | 'after' = 'before';
  const byPhase: Record<string, number[]> = { before: [], outage: [], after: [] };
  let stop = false;
  const clients = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const i = n++;
      const key = `outage-${i}`;
      const p = phase;
      const r = await decide(key, i);
      results.set(key, r);
      byPhase[p]!.push(r.status);
    }
  });
  await new Promise((r) => setTimeout(r, 800));
  phase = 'outage';
  await proxy.down();
  const ready = await fetch(`${server.url}/readyz`);
  assert.equal(ready.status, 503);
  await new Promise((r) => setTimeout(r, 3000));
  await proxy.up();
  phase = 'after';
  // Service comes back without anyone restarting it: wait for the first success.
  const t0 = Date.now();
  while (Date.now() - t0 < 15_000 && !byPhase.after!.some((s) => s === 201)) await new Promise((r) => setTimeout(r, 100));
  const recoveredMs = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(clients);

  const all = [...results.values()];
  assert.ok(
    all.every((r) => r.status === 201 || r.status === 503),
    `statuses: ${[...new Set(all.map((r) => r.status))].join(', ')}`,
  );
  const refused = all.filter((r) => r.status === 503);
  assert.ok(refused.length > 0, 'the outage was seen');
  assert.ok(
    refused.every((r) => r.retryAfter !== null && r.code === 'unavailable'),
    'every 503 says when to retry',
  );
  const slowest = Math.max(...refused.map((r) => r.ms));
  assert.ok(slowest < 5000, `a refusal took ${slowest} ms`);
  assert.ok(
    byPhase.after!.some((s) => s === 201),
    'service recovered',
  );

  // Retry every refused request with its key; then every key is one decision, stored once.
  // A 503 may come after PostgreSQL committed but before its acknowledgement arrived (the
  // connection died in between): the retry then finds the stored decision and replays it (200).
  let committedThough503 = 0;
  for (const [key, r] of results) {
    if (r.status !== 503) continue;
    const again = (await decide(key, Number(key.slice(7)))).status;
    assert.ok(again === 201 || again === 200, `retry of ${key}: ${again}`);
    if (again === 200) committedThough503++;
  }
  const db = new pg.Client({ connectionString: scratch.url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number; keys: number }>(
      "select count(*)::int as n, count(distinct idempotency_key)::int as keys from decisions where idempotency_key like 'outage-%'",
    );
    assert.equal(rows[0]!.n, results.size);
    assert.equal(rows[0]!.keys, results.size);
    const { rows: orphans } = await db.query<{ n: number }>(
      'select count(*)::int as n from data_keys k where not exists (select 1 from decisions d where d.data_key_id = k.id) and not exists (select 1 from bureau_pulls p where p.data_key_id = k.id)',
    );
    assert.equal(orphans[0]!.n, 0, 'no data key without its decision: nothing half written');
  } finally {
    await db.end();
  }
  console.log(
    `database outage of 3 s under 8 clients: ${byPhase.before!.length} requests before, ${byPhase.outage!.length} during (${refused.length} refused with 503 in at most ${slowest} ms), ${byPhase.after!.length} after; first success ${recoveredMs} ms after the database came back; ${results.size} decisions stored once each after retries (${committedThough503} of the refused had in fact been committed, and their retry replayed them)`,
  );
});
