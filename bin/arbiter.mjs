#!/usr/bin/env node
// Runs the compiled CLI in dist/ when `npm run build` made it after the last change to src/;
// otherwise the TypeScript sources through tsx, so a checkout runs without a build step and an
// edited source is never shadowed by an older build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp) && (!existsSync(join(root, 'src')) || statSync(stamp).mtimeMs >= newestSource(join(root, 'src')));
if (built) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
