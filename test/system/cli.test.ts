import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asAttacker, createScratchDatabase } from '../support/backends.ts';
import { arbiter, BIN, serve } from '../support/process.ts';

describe('arbiter CLI on the embedded database', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--help lists the commands', () => {
    const { code, stdout } = arbiter(['--help']);
    assert.equal(code, 0);
    for (const command of ['serve', 'migrate', 'keys', 'audit']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
  });

  test("test runs a flow's test cases: 0 when they pass, 1 with what differed when one fails", () => {
    const passing = arbiter(['test', '--flow', 'examples/flows/consumer-lending.json']);
    assert.equal(passing.code, 0, passing.stdout);
    assert.match(passing.stdout, /4 of 4 test cases passed/);
    const def = JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8'));
    def.tests[0].expect.outcome = 'decline';
    const file = join(dir, 'flow-with-a-wrong-case.json');
    writeFileSync(file, JSON.stringify(def));
    const failing = arbiter(['test', '--flow', file]);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /FAIL .*\n\s+outcome approve, expected decline/);
    assert.match(failing.stdout, /3 of 4 test cases passed/);
  });

  test('serve prints the URL and a one-time admin key, and keeps data across restarts', async () => {
    const first = await serve(['--data-dir', dir]);
    let secret: string | undefined;
    try {
      secret = /Admin API key[^:]*: (arb_\S+)/.exec(first.output)?.[1];
      assert.ok(secret, first.output);
      const ready = await fetch(`${first.url}/readyz`);
      assert.equal(ready.status, 200);
      const me = await fetch(`${first.url}/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(((await me.json()) as { role: string }).role, 'admin');
    } finally {
      assert.equal(await first.stop(), 0);
    }

    const second = await serve(['--data-dir', dir]);
    try {
      assert.doesNotMatch(second.output, /Admin API key/);
      const again = await fetch(`${second.url}/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(again.status, 200);
      // the embedded database is one process's: a second opener is told who holds it
      const locked = arbiter(['keys', 'list', '--data-dir', dir]);
      assert.equal(locked.code, 1);
      assert.match(locked.stderr, /in use by process \d+/);
      // A second server on a taken port exits non-zero with a clear message, instead of running on without one.
      const other = mkdtempSync(join(tmpdir(), 'arbiter-cli-port-'));
      const taken = spawnSync(process.execPath, [BIN, 'serve', '--port', new URL(second.url).port, '--data-dir', other], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      });
      rmSync(other, { recursive: true, force: true });
      assert.equal(taken.status, 1, `${taken.signal ?? ''} ${taken.stderr}`);
      assert.match(taken.stderr, /port \d+ on 127\.0\.0\.1 is already in use.*--port or PORT/);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });

  test('keys create, list and revoke; audit verify', () => {
    const created = arbiter(['keys', 'create', '--role', 'analyst', '--name', 'ana', '--data-dir', dir, '--json']);
    assert.equal(created.code, 0, created.stderr);
    const { key, secret } = JSON.parse(created.stdout);
    assert.match(secret, /^arb_/);
    const listed = arbiter(['keys', 'list', '--data-dir', dir]);
    assert.match(listed.stdout, new RegExp(`${key.id}\\s+analyst\\s+active`));
    assert.doesNotMatch(listed.stdout, new RegExp(secret));
    assert.equal(arbiter(['keys', 'revoke', key.id, '--data-dir', dir]).code, 0);
    assert.match(arbiter(['keys', 'list', '--data-dir', dir]).stdout, new RegExp(`${key.id}\\s+analyst\\s+revoked`));
    const bad = arbiter(['keys', 'create', '--role', 'root', '--data-dir', dir]);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /Allowed choices are admin/);
    const verified = arbiter(['audit', 'verify', '--data-dir', dir]);
    assert.equal(verified.code, 0);
    assert.match(verified.stdout, /audit chain intact: 3 events verified/);
  });
});

describe('arbiter CLI on PostgreSQL', () => {
  let scratch: { url: string; drop(): Promise<void> };
  before(async () => {
    scratch = await createScratchDatabase();
  });
  after(async () => scratch.drop());

  test('migrate, keys and serve with --database', async () => {
    const migrations = readdirSync(new URL('../../src/store/migrations', import.meta.url))
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => f.replace(/\.sql$/, ''));
    assert.ok(migrations.length >= 7);
    assert.equal(arbiter(['migrate', '--database', scratch.url]).stdout.trim(), `applied ${migrations.length} migration(s): ${migrations.join(', ')}`);
    assert.match(arbiter(['migrate', '--database', scratch.url]).stdout, /up to date/);
    const created = JSON.parse(arbiter(['keys', 'create', '--role', 'auditor', '--database', scratch.url, '--json']).stdout);
    const keyFile = join(mkdtempSync(join(tmpdir(), 'arbiter-keys-')), 'keys.json');
    assert.equal(arbiter(['keys', 'init-master', '--key-file', keyFile]).code, 0);
    const running = await serve(['--database', scratch.url, '--key-file', keyFile]);
    try {
      assert.match(running.output, /on PostgreSQL/);
      assert.doesNotMatch(running.output, /Admin API key/, 'a key exists already, so none is bootstrapped');
      const res = await fetch(`${running.url}/v1/audit/verify`, { headers: { authorization: `Bearer ${created.secret}` } });
      const body = (await res.json()) as { ok: boolean; checked: number };
      assert.equal(body.ok, true);
      assert.equal(body.checked, 1);
    } finally {
      await running.stop();
    }
    const tampered = spawnSync('psql', [scratch.url, '-c', asAttacker("update audit_events set actor = 'mallory' where seq = 1")], { encoding: 'utf8' });
    assert.equal(tampered.status, 0, tampered.stderr);
    const verify = arbiter(['audit', 'verify', '--database', scratch.url]);
    assert.equal(verify.code, 1);
    assert.match(verify.stdout, /BROKEN: 1 break\(s\)/);
    assert.match(verify.stdout, /event 1: hash_mismatch/);
  });

  test('a non-postgres URL is refused with a readable message', () => {
    const res = arbiter(['migrate', '--database', 'mysql://root@localhost/test']);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /must be a postgres:\/\/ URL/);
  });
});
