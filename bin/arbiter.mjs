#!/usr/bin/env node
// Runs the compiled CLI in dist/ when `npm run build` made it after the last change to src/;
// otherwise the TypeScript sources through tsx, so a checkout runs without a build step and an
// edited source is never shadowed by an older build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from './fresh-build.mjs';

if (freshBuild(join(dirname(fileURLToPath(import.meta.url)), '..'))) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
