import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKeyProvider } from '../../src/privacy/index.ts';
import { migrate, openDatabase } from '../../src/store/index.ts';
import { embeddedSharedBuffers } from '../../src/store/pglite-database.ts';

function modes(root: string): { path: string; mode: number; dir: boolean }[] {
  const out: { path: string; mode: number; dir: boolean }[] = [];
  const stack = [root];
  while (stack.length) {
    const path = stack.pop()!;
    const stat = lstatSync(path);
    out.push({ path, mode: stat.mode & 0o777, dir: stat.isDirectory() });
    if (stat.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
  }
  return out;
}

test('the embedded database keeps its files private: folders 0700, files 0600, the master key file 0600', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'arbiter-files-')), 'data');
  try {
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await db.query('select 1');
    loadKeyProvider({ keyFile: join(dir, 'master-keys.json'), createIfMissing: true });
    await db.close();
    const all = modes(dir);
    assert.ok(all.length > 100, `${all.length} files and folders`);
    const open = all.filter((f) => (f.dir ? f.mode !== 0o700 : f.mode !== 0o600));
    assert.deepEqual(
      open.slice(0, 5).map((f) => `${f.path} ${f.mode.toString(8)}`),
      [],
    );
    console.log(`# ${all.length} files and folders of the embedded database, none readable by others`);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

test('the embedded database starts with small shared buffers, which ARBITER_EMBEDDED_SHARED_BUFFERS changes; a bad size is refused by name', async () => {
  assert.equal(embeddedSharedBuffers({}), '16MB');
  assert.equal(embeddedSharedBuffers({ ARBITER_EMBEDDED_SHARED_BUFFERS: '256MB' }), '256MB');
  for (const bad of ['16', '16 MB', '1kB', '3GB', 'lots']) {
    assert.throws(
      () => embeddedSharedBuffers({ ARBITER_EMBEDDED_SHARED_BUFFERS: bad }),
      /ARBITER_EMBEDDED_SHARED_BUFFERS must be a size from 128kB to 2GB.*got "/,
      bad,
    );
  }
  const before = process.env.ARBITER_EMBEDDED_SHARED_BUFFERS;
  process.env.ARBITER_EMBEDDED_SHARED_BUFFERS = '24MB';
  try {
    const db = await openDatabase({});
    assert.deepEqual((await db.query<{ shared_buffers: string }>('show shared_buffers')).rows, [{ shared_buffers: '24MB' }]);
    await db.close();
  } finally {
    if (before === undefined) delete process.env.ARBITER_EMBEDDED_SHARED_BUFFERS;
    else process.env.ARBITER_EMBEDDED_SHARED_BUFFERS = before;
  }
});
