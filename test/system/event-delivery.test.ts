import assert from 'node:assert/strict';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { webhookSignature } from '../../src/events/index.ts';
import { prepareServerDatabase, type ServerDatabase } from '../support/server-database.ts';
import { demoApplication, demoFlow, reviewApplication, uniqueKey } from '../support/flows.ts';
import { serve, type Running } from '../support/process.ts';

const NATS_URL = process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222';
const SECRET = randomBytes(24).toString('hex');
const run = randomBytes(4).toString('hex');
const PREFIX = `arbiter.test${run}`;
const STREAM = `ARBITER_TEST_${run}`;

interface Received {
  id: string;
  type: string;
  applicationId: string;
  sequence: number;
  data: Record<string, unknown>;
}

let scratch: ServerDatabase<'service' | 'reviewer' | 'risk-manager' | 'admin'>;
let keyFile: string;
let dir: string;
const keys: Record<string, string> = {};
let receiver: Server;
let receiverUrl: string;
let healthy = false;
const webhook: Received[] = [];
const refusedBadSignature: string[] = [];
let nc: NatsConnection;

before(async () => {
  scratch = await prepareServerDatabase(['service', 'reviewer', 'risk-manager', 'admin']);
  dir = mkdtempSync(join(tmpdir(), 'arbiter-events-'));
  keyFile = scratch.keyFile;
  Object.assign(keys, scratch.keys);
  // A receiver as a downstream system would write it: it checks the signature and answers 503 while "down".
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (!healthy) return res.writeHead(503).end();
      const expected = Buffer.from(webhookSignature(SECRET, String(req.headers['x-arbiter-timestamp']), body));
      const given = Buffer.from(String(req.headers['x-arbiter-signature']));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        refusedBadSignature.push(body);
        return res.writeHead(401).end();
      }
      webhook.push(JSON.parse(body) as Received);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/arbiter`;
  nc = await connect({ servers: NATS_URL });
});

after(async () => {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(STREAM).catch(() => {});
  await nc.close();
  receiver.close();
  await scratch.drop();
});

function sinksFile(natsServers: string): string {
  const file = join(dir, `sinks-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(
    file,
    JSON.stringify([
      { kind: 'webhook', name: 'origination', url: receiverUrl, secret: SECRET, timeoutMs: 2000 },
      { kind: 'nats', name: 'stream', servers: natsServers, subjectPrefix: PREFIX, stream: STREAM, timeoutMs: 500 },
    ]),
  );
  return file;
}

async function call(server: Running, role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${keys[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function outbox(): Promise<{ id: string; seq: number; application_id: string; type: string }[]> {
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  try {
    return (await c.query('select id, seq::int as seq, application_id, type from event_outbox order by seq')).rows;
  } finally {
    await c.end();
  }
}

async function natsEvents(): Promise<Received[]> {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAM).catch(() => null);
  if (!info || info.state.messages === 0) return [];
  const name = `check${randomBytes(3).toString('hex')}`;
  await jsm.consumers.add(STREAM, { name, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All });
  const consumer = await js.consumers.get(STREAM, name);
  const out: Received[] = [];
  const batch = await consumer.fetch({ max_messages: info.state.messages, expires: 2000 });
  for await (const m of batch) {
    out.push(m.json<Received>());
    if (out.length === info.state.messages) break;
  }
  await jsm.consumers.delete(STREAM, name);
  return out;
}

/** Per application, the order in which its events first arrived is the order they were committed in. */
function assertOrderPerApplication(received: Received[], label: string): void {
  const firstSeen = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const r of received) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const list = firstSeen.get(r.applicationId) ?? [];
    list.push(r.sequence);
    firstSeen.set(r.applicationId, list);
  }
  for (const [application, seqs] of firstSeen) {
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
      `${label}: events of ${application} arrived out of order`,
    );
  }
}

test('a server killed between commit and delivery: after restart every event reaches the webhook and JetStream, none lost, in order per application, with no personal data', async () => {
  // First life: both sinks unreachable (the webhook answers 503, nothing listens for NATS).
  // A short lease, so the second life takes the sinks over from the killed first within seconds.
  const env = { ARBITER_EVENT_LEASE_SECONDS: '3' };
  let server = await serve(['--database', scratch.url, '--key-file', keyFile, '--event-sinks', sinksFile('nats://127.0.0.1:1')], { env });
  const decided: string[] = [];
  try {
    assert.equal((await call(server, 'risk-manager', 'POST', '/v1/flows', { definition: demoFlow() })).status, 201);
    assert.equal((await call(server, 'risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).status, 200);
    const reviews: string[] = [];
    for (let i = 0; i < 12; i++) {
      const d = await call(server, 'service', 'POST', '/v1/decisions', {
        flow: 'consumer-lending',
        application: i % 3 === 0 ? reviewApplication() : { ...demoApplication(), requestedAmount: 5000 + i * 1000 },
        idempotencyKey: uniqueKey(),
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      decided.push(String(d.body.id));
      if (d.body.pendingReviewId) reviews.push(String(d.body.pendingReviewId));
    }
    assert.equal(reviews.length, 4);
    for (const [i, id] of reviews.slice(0, 3).entries()) {
      const verdict = await call(server, 'reviewer', 'POST', `/v1/reviews/${id}`, { verdict: i === 0 ? 'decline' : 'approve', note: 'Wang Fang called back' });
      assert.equal(verdict.status, 200, JSON.stringify(verdict.body));
    }
    assert.equal((await call(server, 'admin', 'DELETE', `/v1/applications/${decided[1]}/personal-data`)).status, 200);
    // Long enough for the dispatcher to try (and fail at) both sinks.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(webhook.length, 0, 'nothing reached the webhook while it answered 503');
  } finally {
    await server.stop('SIGKILL');
  }
  const committed = await outbox();
  // 12 decisions, 3 verdicts, 3 decisions completed after them, 1 erasure.
  assert.equal(committed.length, 12 + 3 + 3 + 1);
  assert.deepEqual(new Set(committed.map((e) => e.application_id)), new Set(decided));

  // Second life: the sinks are back.
  healthy = true;
  server = await serve(['--database', scratch.url, '--key-file', keyFile, '--event-sinks', sinksFile(NATS_URL)], { env });
  try {
    const ids = new Set(committed.map((e) => e.id));
    const deadline = Date.now() + 60_000;
    let streamed: Received[] = [];
    while (Date.now() < deadline) {
      streamed = await natsEvents();
      if (new Set(webhook.map((w) => w.id)).size === ids.size && new Set(streamed.map((s) => s.id)).size === ids.size) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.deepEqual(new Set(webhook.map((w) => w.id)), ids, 'every committed event reached the webhook');
    assert.deepEqual(new Set(streamed.map((s) => s.id)), ids, 'every committed event reached JetStream');
    assert.equal(streamed.length, ids.size, 'JetStream stored each event once (the event id is the message id)');
    assertOrderPerApplication(webhook, 'webhook');
    assertOrderPerApplication(streamed, 'JetStream');
    assert.deepEqual(refusedBadSignature, []);
    const decline = webhook.find((w) => w.type === 'review.decided' && w.data.verdict === 'decline');
    assert.ok(decline, 'a verdict event');
    const completed = webhook.find((w) => w.type === 'decision.completed' && w.applicationId === decline.applicationId);
    assert.equal(completed?.data.outcome, 'decline');
    const made = webhook.find((w) => w.type === 'decision.made');
    assert.ok(made && Array.isArray(made.data.reasons) && 'offer' in made.data, 'a decision event carries outcome, reasons and offer');
    // No C2 or C3 value, and no reviewer's free text, in any event.
    const everything = JSON.stringify([...webhook, ...streamed]);
    const application = demoApplication();
    for (const value of [application.applicantName, application.nationalId, application.phone, 'called back']) {
      assert.ok(!everything.includes(String(value)), `an event carries "${value}"`);
    }
    console.log(
      `${ids.size} events committed while both sinks were down and the server was killed; after restart the webhook received ${webhook.length} (${webhook.length - ids.size} again), JetStream stored ${streamed.length}`,
    );
  } finally {
    await server.stop();
  }
});
