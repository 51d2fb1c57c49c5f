import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { postJson, serve } from '../support/process.ts';

interface OtlpSpan {
  traceId: string;
  name: string;
}

test('with OTEL_EXPORTER_OTLP_ENDPOINT set, a server exports its spans over OTLP/HTTP, and the decision names their trace', async () => {
  const received: OtlpSpan[] = [];
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && String(req.headers['content-type']).includes('json')) {
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const r of payload.resourceSpans) for (const s of r.scopeSpans) received.push(...s.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-otlp-'));
  const server = await serve(['--data-dir', dir], {
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, OTEL_SERVICE_NAME: 'arbiter-under-test' },
  });
  try {
    const admin = /Admin API key[^:]*: (arb_\S+)/.exec(server.output)?.[1];
    assert.ok(admin);
    const keyOf = async (role: string) => ((await (await postJson(server, admin, '/v1/keys', { name: role, role })).json()) as { secret: string }).secret;
    const rm = await keyOf('risk-manager');
    const svc = await keyOf('service');
    const as = (key: string, path: string, body: unknown) => postJson(server, key, path, body);
    assert.equal((await as(rm, '/v1/flows', { definition: demoFlow() })).status, 201);
    assert.equal((await as(rm, '/v1/flows/consumer-lending/versions/1/publish', {})).status, 200);
    const decision = (await (
      await as(svc, '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() })
    ).json()) as {
      traceId: string;
    };
    assert.match(decision.traceId, /^[0-9a-f]{32}$/);
    // The batch exporter sends about every second.
    for (let i = 0; i < 100 && !received.some((s) => s.traceId === decision.traceId && s.name === 'flow.run'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const ofTrace = received.filter((s) => s.traceId === decision.traceId).map((s) => s.name);
    for (const name of ['POST /v1/decisions', 'flow.run', 'decision.store', 'node start'])
      assert.ok(ofTrace.includes(name), `${name} in ${ofTrace.join(', ')}`);
    assert.ok(!JSON.stringify(received).includes(String(demoApplication().nationalId)));
  } finally {
    await server.stop();
    collector.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
