import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../src/store/index.ts';
import { prepareServerDatabase, type ServerDatabase } from '../support/server-database.ts';
import { demoFlow, demoApplication, uniqueKey } from '../support/flows.ts';
import { BIN, serve, type Running } from '../support/process.ts';

let scratch: ServerDatabase<'service' | 'risk-manager' | 'analyst'>;
let server: Running;
let keyFile: string;
const keys: Record<string, string> = {};

async function call(role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${keys[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

before(async () => {
  scratch = await prepareServerDatabase(['service', 'risk-manager', 'analyst']);
  keyFile = scratch.keyFile;
  Object.assign(keys, scratch.keys);
  server = await serve(['--database', scratch.url, '--key-file', keyFile]);
  assert.equal((await call('risk-manager', 'POST', '/v1/flows', { definition: demoFlow() })).status, 201);
  assert.equal((await call('risk-manager', 'POST', '/v1/flows/consumer-lending/versions/1/publish')).status, 200);
});

after(async () => {
  await server.stop();
  await scratch.drop();
});

test('master-key rotation while decisions are being made', async () => {
  const ids: string[] = [];
  let failures = 0;
  let running = true;
  const load = (async () => {
    while (running) {
      const res = await call('service', 'POST', '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() });
      if (res.status === 201) ids.push(String(res.body.id));
      else failures++;
    }
  })();
  await new Promise((r) => setTimeout(r, 1000));
  const rotation = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'keys', 'rotate-master', '--key-file', keyFile, '--database', scratch.url, '--settle-seconds', '7'], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
  running = false;
  await load;
  assert.equal(rotation.code, 0, rotation.out);
  assert.match(rotation.out, /retired version\(s\) 1/);
  assert.equal(failures, 0, 'no decision failed during the rotation');
  const file = JSON.parse(readFileSync(keyFile, 'utf8'));
  assert.deepEqual(Object.keys(file.masterKeys), ['2']);

  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    const { rows } = await db.query<{ v: number; n: number }>('select master_version as v, count(*)::int as n from data_keys group by 1');
    assert.deepEqual(
      rows.map((r) => r.v),
      [2],
      'every data key is wrapped by the new version',
    );
  } finally {
    await db.close();
  }
  let opened = 0;
  for (const id of ids) {
    const d = await call('analyst', 'GET', `/v1/decisions/${id}`);
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.ok(d.body.application, `decision ${id} opens`);
    opened++;
  }
  console.log(`${ids.length} decisions made during the rotation, ${opened} open with the new key, 0 failures; ${rotation.out.trim().split('\n').at(-1)}`);
});
