import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EventDispatcher, readSinkConfig, retryDelaySeconds, type EventSink } from '../../src/events/index.ts';
import { deliveryCounts, listDeadLetters, recordEvents, retryDeadLetter, type OutboxEvent } from '../../src/store/index.ts';
import { BACKENDS, SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

/** A sink that refuses what `refuse` says, and remembers what it accepted, in order. */
class FakeSink implements EventSink {
  readonly accepted: OutboxEvent[] = [];
  readonly tries = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly maxAttempts: number,
    public refuse: (e: OutboxEvent) => boolean = () => false,
  ) {}
  async deliver(e: OutboxEvent): Promise<void> {
    this.tries.set(e.id, (this.tries.get(e.id) ?? 0) + 1);
    if (this.refuse(e)) throw new Error(`refused ${e.type}`);
    this.accepted.push(e);
  }
  async close(): Promise<void> {}
}

for (const backend of BACKENDS) {
  let ctx: TestDatabase;
  before(async () => {
    ctx = await backend.create();
  });
  after(async () => ctx.cleanup());

  test(`the outbox on ${backend.name}: a failing event holds back only its own application's later events, and is dead-lettered after the sink's attempts`, async () => {
    await ctx.db.transaction((tx) =>
      recordEvents(tx, [
        { type: 'decision.pending_review', applicationId: 'app-a', data: { status: 'pending_review' } },
        { type: 'decision.made', applicationId: 'app-b', data: { outcome: 'approve' } },
        { type: 'review.decided', applicationId: 'app-a', data: { verdict: 'approve' } },
        { type: 'decision.completed', applicationId: 'app-a', data: { outcome: 'approve' } },
        { type: 'decision.made', applicationId: 'app-c', data: { outcome: 'decline' } },
      ]),
    );
    const sink = new FakeSink(`fake-${backend.name}`, 2, (e) => e.applicationId === 'app-a' && e.type === 'review.decided');
    const dispatcher = new EventDispatcher(ctx.db, [sink]);
    await dispatcher.round(sink);
    // app-a's verdict failed, so its completion waits; app-b and app-c go on.
    assert.deepEqual(
      sink.accepted.map((e) => `${e.applicationId} ${e.type}`),
      ['app-a decision.pending_review', 'app-b decision.made', 'app-c decision.made'],
    );
    // Its retry is not due yet (1 s backoff): nothing moves.
    await dispatcher.round(sink);
    assert.equal(sink.accepted.length, 3);
    await ctx.db.query('update event_deliveries set next_attempt_at = now() where status = $1', ['failing']);
    await dispatcher.round(sink);
    // The second failure is its last attempt: dead-lettered, and app-a's completion is delivered after it.
    assert.deepEqual(sink.accepted.map((e) => `${e.applicationId} ${e.type}`).slice(3), ['app-a decision.completed']);
    const dead = await listDeadLetters(ctx.db, sink.name, 10);
    assert.deepEqual(
      dead.map((d) => [d.event.type, d.attempts, d.lastError]),
      [['review.decided', 2, 'refused review.decided']],
    );
    const [counts] = (await deliveryCounts(ctx.db)).filter((c) => c.sink === sink.name);
    assert.deepEqual({ ...counts }, { sink: sink.name, delivered: 4, failing: 0, dead: 1, behind: 0 });
    // An operator sends it again once the receiver is fixed.
    sink.refuse = () => false;
    assert.equal(await retryDeadLetter(ctx.db, sink.name, dead[0]!.event.seq), true);
    await dispatcher.round(sink);
    assert.equal(sink.accepted.at(-1)?.type, 'review.decided');
    assert.deepEqual(await listDeadLetters(ctx.db, sink.name, 10), []);
    await dispatcher.stop();
  });
}

test('two dispatchers on one database: only the lease holder delivers to a sink', async () => {
  const ctx = await BACKENDS[1]!.create();
  try {
    const other = await ctx.openAnother!();
    await ctx.db.transaction((tx) => recordEvents(tx, [{ type: 'decision.made', applicationId: 'x', data: {} }]));
    const a = new FakeSink('shared', 3);
    const b = new FakeSink('shared', 3);
    const first = new EventDispatcher(ctx.db, [a]);
    const second = new EventDispatcher(other, [b]);
    assert.equal(await first.round(a), 1);
    await ctx.db.transaction((tx) => recordEvents(tx, [{ type: 'decision.made', applicationId: 'y', data: {} }]));
    assert.equal(await second.round(b), 0, 'the second server waits while the first holds the lease');
    assert.equal(await first.round(a), 1);
    await first.stop();
    assert.equal(await second.round(b), 0, 'nothing left once the first released the sink');
    assert.deepEqual(
      [...a.accepted, ...b.accepted].map((e) => e.applicationId),
      ['x', 'y'],
    );
    await second.stop();
  } finally {
    await ctx.cleanup();
  }
});

test('retries back off 1, 2, 4 ... seconds up to ten minutes', () => {
  assert.deepEqual([1, 2, 3, 4, 10, 11, 30].map(retryDelaySeconds), [1, 2, 4, 8, 512, 600, 600]);
});

test('a sinks file with a mistake is refused, saying where and what to write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-sinks-'));
  const write = (value: unknown) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  assert.throws(() => readSinkConfig(write({ kind: 'webhook' })), /must be a JSON array|expected array/);
  assert.throws(() => readSinkConfig(write([{ kind: 'webhook', name: 'a', url: 'ftp://x', secret: 'x'.repeat(16) }])), /at 0\.url/);
  assert.throws(() => readSinkConfig(write([{ kind: 'webhook', name: 'a', url: 'https://x.example' }])), /either "secret" or "secretEnv"/);
  assert.throws(() => readSinkConfig(write([{ kind: 'webhook', name: 'a', url: 'https://x.example', secret: 'short' }])), /at least 16 characters/);
  assert.throws(() => readSinkConfig(write([{ kind: 'kafka', name: 'a' }])), /at 0\.kind/);
  assert.throws(
    () =>
      readSinkConfig(
        write([
          { kind: 'nats', name: 'a', servers: 'nats://127.0.0.1:4222' },
          { kind: 'nats', name: 'a', servers: 'nats://127.0.0.1:4222' },
        ]),
      ),
    /the name "a" is used twice/,
  );
  const ok = readSinkConfig(write([{ kind: 'nats', name: 'stream', servers: 'nats://127.0.0.1:4222' }]));
  assert.deepEqual(ok[0], {
    kind: 'nats',
    name: 'stream',
    servers: 'nats://127.0.0.1:4222',
    subjectPrefix: 'arbiter.events',
    stream: 'ARBITER_EVENTS',
    timeoutMs: 5000,
    maxAttempts: 12,
  });
});

describe('the events API', () => {
  const f = useApiFixture(SERVER_BACKENDS[0]!);

  test('an operator sees each sink, lists what it gave up on, and sends it again; a wrong one is a 404 that says where to look', async () => {
    const sink = new FakeSink('crm', 1, () => true);
    await f.ctx.db.transaction((tx) => recordEvents(tx, [{ type: 'decision.made', applicationId: 'app-z', data: { outcome: 'approve' } }]));
    await new EventDispatcher(f.ctx.db, [sink]).round(sink);
    const sinks = (await f.call('admin', 'GET', '/v1/events/sinks')).json();
    assert.deepEqual(sinks.sinks, [{ sink: 'crm', delivered: 0, failing: 0, dead: 1, behind: 0 }]);
    const listed = (await f.call('admin', 'GET', '/v1/events/dead-letters?sink=crm')).json();
    assert.equal(listed.deadLetters.length, 1);
    assert.equal(listed.deadLetters[0].lastError, 'refused decision.made');
    const seq = listed.deadLetters[0].event.seq;
    assert.equal((await f.call('admin', 'POST', `/v1/events/dead-letters/crm/${seq}/retry`)).statusCode, 202);
    const again = await f.call('admin', 'POST', `/v1/events/dead-letters/crm/${seq}/retry`);
    assert.equal(again.statusCode, 404);
    assert.match(again.json().error.message, /is not dead-lettered at sink "crm"; GET \/v1\/events\/dead-letters lists those that are/);
    assert.equal((await f.call('analyst', 'GET', '/v1/events/sinks')).statusCode, 403);
  });
});
