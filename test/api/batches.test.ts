import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { batchRowKey } from '../../src/services/index.ts';
import { claimChunk, renewChunkLease } from '../../src/store/index.ts';
import { csvLine } from '../../src/support/csv-cell.ts';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow } from '../support/flows.ts';
import { bearer, useApiFixture } from '../support/server.ts';

const FIELDS = Object.keys(demoApplication());

/** A CSV of `n` demo applications with varied amounts; rows in `broken` get an age that is not a number. */
function applicationsCsv(n: number, broken: Set<number> = new Set()): string {
  const lines = [csvLine(FIELDS)];
  for (let i = 0; i < n; i++) {
    const a = { ...demoApplication(), requestedAmount: 3000 + (i % 40) * 1000, monthlyIncome: 3000 + (i % 17) * 700, bureauScore: 560 + (i % 23) * 10 };
    lines.push(csvLine(FIELDS.map((f) => (f === 'age' && broken.has(i) ? 'unknown' : String((a as Record<string, unknown>)[f])))));
  }
  return `${lines.join('\n')}\n`;
}

for (const backend of BACKENDS) {
  describe(`batches on ${backend.name}`, () => {
    const f = useApiFixture(backend, async (fx) => {
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows', { definition: demoFlow() })).statusCode, 201);
      assert.equal((await fx.call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).statusCode, 200);
    });
    const submit = (body: string, type = 'text/csv', query = 'flow=consumer-lending') =>
      f.server.app.inject({ method: 'POST', url: `/v1/batches?${query}`, headers: { ...bearer(f.keys.service), 'content-type': type }, payload: body });

    test('a file is decided row by row as online decisions, exactly once even when a server dies holding a chunk; bad rows are listed, not fatal', async () => {
      const rows = 1200;
      const res = await submit(applicationsCsv(rows, new Set([7, 901])));
      assert.equal(res.statusCode, 202, res.body);
      const batch = res.json();
      assert.deepEqual([batch.rows, batch.chunks, batch.status, batch.flow], [rows, 3, 'running', { id: 'consumer-lending', version: 1 }]);
      assert.equal((await f.call('service', 'GET', `/v1/batches/${batch.id}/results`)).statusCode, 409, 'no results before the last chunk');

      // A server takes the first chunk, decides part of it, and dies (its lease lapses at once).
      const dead = await claimChunk(f.ctx.db, 'dead-server', 0);
      assert.equal(dead?.chunk, 0);
      const actor = dead!.batch.clientId;
      for (let row = 0; row < 40; row++) {
        const application = {
          ...demoApplication(),
          requestedAmount: 3000 + (row % 40) * 1000,
          monthlyIncome: 3000 + (row % 17) * 700,
          bureauScore: 560 + (row % 23) * 10,
        };
        if (row === 7) continue;
        await f.server.services.decisions.decide({ flow: 'consumer-lending', version: 1, application, idempotencyKey: batchRowKey(batch.id, row) }, { actor });
      }
      // Another server runs until nothing is left.
      while (await f.server.services.batches.runOne()) {}
      const done = (await f.call('service', 'GET', `/v1/batches/${batch.id}`)).json();
      assert.deepEqual([done.status, done.chunksDone, done.failedRows], ['done', 3, 2]);

      const results = await f.call('service', 'GET', `/v1/batches/${batch.id}/results`);
      assert.equal(results.statusCode, 200);
      assert.match(String(results.headers['content-type']), /^text\/csv/);
      const lines = parseCsv(results.body, { columns: true }) as Record<string, string>[];
      assert.equal(lines.length, rows);
      assert.deepEqual(
        lines.map((l) => Number(l.row)),
        Array.from({ length: rows }, (_, i) => i),
      );
      for (const bad of [7, 901]) {
        assert.equal(lines[bad]!.decision_id, '');
        assert.match(lines[bad]!.error!, /age/);
      }
      const decided = lines.filter((l) => l.decision_id);
      assert.equal(decided.length, rows - 2);
      assert.ok(decided.every((l) => ['approve', 'decline', 'refer', ''].includes(l.outcome!)));
      // Exactly once: one stored decision per decided row, none for the failed ones.
      const { rows: stored } = await f.ctx.db.query<{ n: number; distinct: number }>(
        'select count(*)::int as n, count(distinct idempotency_key)::int as distinct from decisions where idempotency_key like $1',
        [`batch:${batch.id}:%`],
      );
      assert.deepEqual(stored[0], { n: rows - 2, distinct: rows - 2 });
      // The applications were sealed while waiting, and are gone with their keys once decided.
      const { rows: chunks } = await f.ctx.db.query<{ sealed: number; keys: number }>(
        `select count(c.rows_sealed)::int as sealed, count(k.wrapped)::int as keys from batch_chunks c join data_keys k on k.id = c.data_key_id where c.batch_id = $1`,
        [batch.id],
      );
      assert.deepEqual(chunks[0], { sealed: 0, keys: 0 });
      const { rows: audit } = await f.ctx.db.query<{ n: number }>(
        "select count(*)::int as n from audit_events where action in ('decision.made', 'decision.pending_review') and data->>'flow' = 'consumer-lending'",
      );
      assert.ok(audit[0]!.n >= rows - 2, 'every batch decision is audited as an online one');
    });

    test('a Parquet file decides as the same rows in JSON lines do, and the results come back as Parquet', async () => {
      const apps = Array.from({ length: 30 }, (_, i) => ({ ...demoApplication(), requestedAmount: 4000 + i * 1500, bureauScore: 580 + i * 7 }));
      const fields = Object.keys(apps[0]!);
      const columnData = fields.map((name) => {
        const values = apps.map((a) => (a as Record<string, unknown>)[name]);
        const type = typeof values[0] === 'number' ? 'DOUBLE' : typeof values[0] === 'boolean' ? 'BOOLEAN' : 'STRING';
        return { name, data: values, type } as const;
      });
      const parquet = Buffer.from(parquetWriteBuffer({ columnData: columnData as never }));
      const asParquet = await submit(parquet as unknown as string, 'application/vnd.apache.parquet');
      assert.equal(asParquet.statusCode, 202, asParquet.body);
      const asLines = await submit(apps.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
      assert.equal(asLines.statusCode, 202, asLines.body);
      while (await f.server.services.batches.runOne()) {}
      const fetched = await f.call('service', 'GET', `/v1/batches/${asParquet.json().id}/results?format=parquet`);
      assert.equal(fetched.headers['content-type'], 'application/vnd.apache.parquet');
      const fromParquet = (await parquetReadObjects({ file: new Uint8Array(fetched.rawPayload).buffer })) as Record<string, unknown>[];
      const fromLines = parseCsv((await f.call('service', 'GET', `/v1/batches/${asLines.json().id}/results`)).body, { columns: true }) as Record<
        string,
        string
      >[];
      assert.equal(fromParquet.length, 30);
      assert.deepEqual(
        fromParquet.map((r) => [r.row, r.outcome ?? '', r.reasons ?? '']),
        fromLines.map((r) => [Number(r.row), r.outcome, r.reasons]),
      );
      const broken = await submit(Buffer.from('PAR1 not really') as unknown as string, 'application/vnd.apache.parquet');
      assert.equal(broken.statusCode, 400);
      assert.match(broken.json().error.message, /not a Parquet file/);
    });

    test('a cancelled batch drops the rows not yet decided with their applications, stops a chunk in progress, and lists why in its results', async () => {
      const batch = (await submit(applicationsCsv(1200))).json();
      assert.equal((await f.call('service', 'GET', `/v1/batches/${batch.id}/results`)).statusCode, 409);
      // One chunk decided; a second held by a server at work on it.
      assert.equal(await f.server.services.batches.runOne(), true);
      const held = await claimChunk(f.ctx.db, 'busy-server', 60);
      assert.equal(held?.chunk, 1);

      // Only its own batches for a service key; any for a risk manager.
      const other = await f.call('admin', 'POST', '/v1/keys', { name: 'another service', role: 'service' });
      const foreign = await f.server.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/cancel`, headers: bearer(other.json().secret) });
      assert.equal(foreign.statusCode, 403, foreign.body);
      assert.equal((await f.call('analyst', 'POST', `/v1/batches/${batch.id}/cancel`)).statusCode, 403);

      const cancelled = await f.call('service', 'POST', `/v1/batches/${batch.id}/cancel`);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal(cancelled.json().cancelledBy, (await f.call('service', 'GET', '/v1/me')).json().keyId);
      assert.ok(cancelled.json().finishedAt);
      const again = await f.call('risk-manager', 'POST', `/v1/batches/${batch.id}/cancel`);
      assert.equal(again.statusCode, 409);
      assert.match(again.json().error.message, /cancelled already/);

      // Nothing is left to take; the server at work loses its lease at its next renewal.
      assert.equal(await f.server.services.batches.runOne(), false);
      assert.equal(await renewChunkLease(f.ctx.db, batch.id, 1, 'busy-server', 60), false);
      const { rows: chunks } = await f.ctx.db.query<{ chunk: number; status: string; sealed: boolean; destroyed: boolean }>(
        `select c.chunk, c.status, c.rows_sealed is not null as sealed, k.wrapped is null as destroyed
           from batch_chunks c left join data_keys k on k.id = c.data_key_id where c.batch_id = $1 order by c.chunk`,
        [batch.id],
      );
      assert.deepEqual(
        chunks.map((c) => [c.chunk, c.status, c.sealed, c.destroyed]),
        [
          [0, 'done', false, true],
          [1, 'cancelled', false, true],
          [2, 'cancelled', false, true],
        ],
        'the applications of undecided chunks are destroyed with their keys',
      );

      const results = parseCsv((await f.call('service', 'GET', `/v1/batches/${batch.id}/results`)).body, { columns: true }) as Record<string, string>[];
      assert.equal(results.length, 1200);
      assert.ok(
        results.slice(0, 500).every((r) => r.decision_id && !r.error_code),
        'the first chunk keeps its decisions',
      );
      assert.ok(
        results.slice(500).every((r) => !r.decision_id && r.error_code === 'cancelled'),
        'the rest say they were cancelled',
      );
      const audit = await f.call('auditor', 'GET', `/v1/audit?action=batch.cancelled`);
      assert.equal(audit.statusCode, 200, audit.body);
      assert.equal(JSON.stringify(audit.json()).includes(batch.id), true);
    });

    test('a file that is not what it should be is refused with what to fix', async () => {
      const empty = await submit('requestedAmount,age\n');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.message, /no applications/);
      const badJson = await submit('{"age": 30}\nnot json\n', 'application/x-ndjson');
      assert.equal(badJson.statusCode, 400);
      assert.match(badJson.json().error.message, /the file:2/);
      assert.equal((await submit('{}', 'application/json')).statusCode, 415);
      const unknown = await submit(applicationsCsv(2), 'text/csv', 'flow=no-such-flow');
      assert.equal(unknown.statusCode, 404);
      assert.equal((await f.call('service', 'GET', '/v1/batches/bat_nothing')).statusCode, 404);
      assert.equal((await f.call('reviewer', 'GET', '/v1/batches/bat_nothing')).statusCode, 403);
    });
  });
}
