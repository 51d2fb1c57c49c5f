import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKeyProvider } from '../../src/privacy/index.ts';
import { migrate, openDatabase } from '../../src/store/index.ts';

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
