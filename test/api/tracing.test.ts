import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { pino } from 'pino';
import { buildServer, type Server } from '../../src/api/index.ts';
import { loggerOptions } from '../../src/api/logger.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { keysForEveryRole, SINGLE_PERSON, TEST_KEYS } from '../support/server.ts';

// This test process traces everything into memory, as an OTLP exporter would receive it.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

let ctx: TestDatabase;
let server: Server;
let keys: Record<string, string>;
const lines: Record<string, unknown>[] = [];

before(async () => {
  ctx = await SERVER_BACKENDS[0]!.create();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).trim().split('\n')) lines.push(JSON.parse(l));
      done();
    },
  });
  server = await buildServer({
    db: ctx.db,
    logger: pino({ ...loggerOptions, level: 'info' }, sink),
    keys: TEST_KEYS,
    consoleDir: null,
    governance: SINGLE_PERSON,
  });
  keys = await keysForEveryRole(ctx.db);
  const auth = { authorization: `Bearer ${keys['risk-manager']}` };
  assert.equal((await server.app.inject({ method: 'POST', url: '/v1/flows', headers: auth, payload: { definition: demoFlow() } })).statusCode, 201);
  assert.equal((await server.app.inject({ method: 'POST', url: '/v1/flows/consumer-lending/versions/1/publish', headers: auth })).statusCode, 200);
});
after(async () => {
  await server.app.close();
  await provider.shutdown();
  await ctx.cleanup();
});

test("a decision continues the caller's trace: request, flow run, one span per node, the durable write; the trace id is in the decision and in the log", async () => {
  exporter.reset();
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';
  const res = await server.app.inject({
    method: 'POST',
    url: '/v1/decisions',
    headers: { authorization: `Bearer ${keys.service}`, traceparent: `00-${traceId}-${callerSpan}-01`, 'x-request-id': 'traced-request' },
    payload: { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() },
  });
  assert.equal(res.statusCode, 201, res.body);
  const decision = res.json();
  assert.equal(decision.traceId, traceId, 'the decision names its trace');
  const stored = await server.app.inject({ method: 'GET', url: `/v1/decisions/${decision.id}`, headers: { authorization: `Bearer ${keys.auditor}` } });
  assert.equal(stored.json().traceId, traceId, 'and keeps it');

  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const byName = (name: string) => spans.filter((s) => s.name === name);
  const parentOf = (s: (typeof spans)[number]) => s.parentSpanContext?.spanId;
  const [request] = byName('POST /v1/decisions');
  assert.ok(request, `a request span among ${spans.map((s) => s.name).join(', ')}`);
  assert.equal(parentOf(request), callerSpan, "the request span is a child of the caller's");
  assert.equal(request.attributes['http.response.status_code'], 201);
  const [run] = byName('flow.run');
  assert.ok(run);
  assert.equal(parentOf(run), request.spanContext().spanId);
  assert.equal(run.attributes['arbiter.flow'], 'consumer-lending');
  const nodes = spans.filter((s) => s.name.startsWith('node '));
  assert.deepEqual(
    nodes.map((n) => n.name.slice(5)),
    decision.path.map((step: string) => step.split(':')[0]),
    'a span for each node the decision passed, in order',
  );
  assert.ok(nodes.every((n) => parentOf(n) === run.spanContext().spanId));
  const [store] = byName('decision.store');
  assert.ok(store && parentOf(store) === request.spanContext().spanId, 'the durable write has its span');
  // No personal data in any span.
  const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
  for (const value of [demoApplication().applicantName, demoApplication().nationalId, demoApplication().phone]) assert.ok(!text.includes(String(value)));

  const line = lines.find((l) => l.reqId === 'traced-request' && l.route === '/v1/decisions');
  assert.equal(line?.traceId, traceId, 'the request log line carries the trace id');
});

test('without a caller trace a new one is started, and each request gets its own', async () => {
  exporter.reset();
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: { authorization: `Bearer ${keys.service}` },
      payload: { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() },
    });
    ids.push(res.json().traceId);
  }
  assert.match(ids[0]!, /^[0-9a-f]{32}$/);
  assert.notEqual(ids[0], ids[1]);
});
