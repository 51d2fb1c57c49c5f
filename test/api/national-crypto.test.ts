import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from '../../src/api/index.ts';
import { useSealingAlgorithm } from '../../src/privacy/index.ts';
import { createFlow, publishVersion } from '../../src/store/index.ts';
import { BACKENDS, type TestDatabase } from '../support/backends.ts';
import { approvingFlow, uniqueKey } from '../support/flows.ts';
import { bearer, keysForEveryRole, testServer } from '../support/server.ts';

const flow = approvingFlow('national-crypto', 'National cryptography', {
  fullName: { type: 'string', class: 'C2', required: true },
  score: { type: 'number', class: 'C1', required: true },
});

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;
let ctx: TestDatabase;
let keys: Awaited<ReturnType<typeof keysForEveryRole>>;

before(async () => {
  ctx = await pglite.create();
  keys = await keysForEveryRole(ctx.db);
  await createFlow(ctx.db, flow.id, flow.name, flow, { actor: 'test' });
  await publishVersion(ctx.db, flow.id, 1, { actor: 'test' }, () => {});
});
after(async () => {
  delete process.env.ARBITER_SEALING;
  useSealingAlgorithm('aes-256-gcm');
  await ctx.cleanup();
});

async function withServer<T>(sealing: string, run: (server: Server) => Promise<T>): Promise<T> {
  process.env.ARBITER_SEALING = sealing;
  const server = await testServer(ctx.db);
  try {
    return await run(server);
  } finally {
    await server.app.close();
  }
}

const decide = async (server: Server, name: string) => {
  const res = await server.app.inject({
    method: 'POST',
    url: '/v1/decisions',
    headers: bearer(keys.service),
    payload: { flow: flow.id, application: { fullName: name, score: 700 }, idempotencyKey: uniqueKey() },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
};
const reveal = (server: Server, id: string) =>
  server.app.inject({
    method: 'POST',
    url: `/v1/decisions/${id}/reveal`,
    headers: bearer(keys.admin),
    payload: { purpose: 'applicant_request', reference: 'SAR-1' },
  });

async function formats(id: string): Promise<{ application: number; dataKey: number }> {
  const { rows } = await ctx.db.query<{ c2: Buffer; wrapped: Buffer }>(
    'select d.application_c2 as c2, k.wrapped from decisions d join data_keys k on k.id = d.data_key_id where d.id = $1',
    [id],
  );
  return { application: rows[0]!.c2[0]!, dataKey: rows[0]!.wrapped[0]! };
}

test('with ARBITER_SEALING=sm4 personal data and data keys are sealed with SM4 and HMAC-SM3, and read back; a later AES installation still reads them', async () => {
  const national = await withServer('sm4', async (server) => {
    const id = await decide(server, 'Zhang San');
    const shown = await reveal(server, id);
    assert.equal(shown.statusCode, 200, shown.body);
    assert.equal(shown.json().application.fullName, 'Zhang San');
    return id;
  });
  assert.deepEqual(await formats(national), { application: 2, dataKey: 2 });
  await withServer('aes-256-gcm', async (server) => {
    const id = await decide(server, 'Li Si');
    assert.deepEqual(await formats(id), { application: 1, dataKey: 1 });
    assert.equal((await reveal(server, national)).json().application.fullName, 'Zhang San');
    assert.equal((await reveal(server, id)).json().application.fullName, 'Li Si');
  });
  await assert.rejects(
    withServer('rot13', async () => {}),
    /ARBITER_SEALING must be one of aes-256-gcm, sm4, got "rot13"/,
  );
});
