import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { publishDemoFlow } from '../support/flows.ts';
import { bearer, useApiFixture } from '../support/server.ts';

/** Values a caller might send: anything JSON, with the shapes and strings that break naive code. */
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      'flow',
      'application',
      'idempotencyKey',
      'definition',
      'version',
      'events',
      'csv',
      'candidate',
      'baseline',
      'role',
      'name',
      'verdict',
      'note',
      'purpose',
      'fields',
      'asOf',
      '__proto__',
      'constructor',
    ),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  fc.constantFrom(
    { flow: 'consumer-lending', application: {}, idempotencyKey: '' },
    { definition: { id: 'x', nodes: [{ kind: 'input' }], edges: [] } },
    { events: [{}] },
    { csv: 'a\n'.repeat(10) },
    '\u0000',
    '💥'.repeat(1000),
  ),
);
const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', 'consumer-lending', '1', '-1', '1e999', 'dec_x', "' or 1=1 --"));

for (const backend of SERVER_BACKENDS) {
  describe(`hostile input to every route on ${backend.name}`, () => {
    const f = useApiFixture(backend, (fx) => publishDemoFlow(fx.ctx.db));

    test('random and mutated bodies, paths and queries never get a 5xx, and every error says what is wrong', async () => {
      const counts = new Map<number, number>();
      let requests = 0;
      for (const route of f.server.routes) {
        const role = route.access === 'public' ? null : route.access[0]!;
        await fc.assert(
          fc.asyncProperty(
            hostile,
            fc.array(segment, { minLength: 4, maxLength: 4 }),
            fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
            async (body, segments, query) => {
              let k = 0;
              const path = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(segments[k++]!));
              const qs = new URLSearchParams(query).toString();
              const res = await f.server.app.inject({
                method: route.method as 'GET',
                url: qs ? `${path}?${qs}` : path,
                headers: {
                  ...(role ? bearer(f.keys[role]) : {}),
                  ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
                },
                ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: JSON.stringify(body) ?? 'null' }),
              });
              requests++;
              counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
              assert.ok(res.statusCode < 500, `${route.method} ${path} got ${res.statusCode}: ${res.body.slice(0, 300)}`);
              if (res.statusCode >= 400) {
                const error = res.json().error;
                assert.ok(typeof error?.message === 'string' && error.message.length > 0, `${route.method} ${path}: ${res.body.slice(0, 200)}`);
                assert.doesNotMatch(res.body, /at .*\.ts:\d+|node_modules/);
              }
            },
          ),
          { numRuns: 15, seed: 4242 },
        );
      }
      console.log(
        `${requests} hostile requests to ${f.server.routes.length} routes: ${JSON.stringify(Object.fromEntries([...counts].sort(([a], [b]) => a - b)))}`,
      );
    });
  });
}
