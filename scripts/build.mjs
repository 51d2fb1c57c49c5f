#!/usr/bin/env node
// Compiles src/ to JavaScript in dist/ (same folder layout, so paths relative to a module hold)
// and copies what the code reads beside itself: SQL migrations and WebAssembly binaries.
// bin/arbiter.mjs runs dist/ when it is newer than every source file, and the sources through tsx otherwise.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from '../bin/fresh-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
// The test lanes each ask for a build; the second finds the first's still fresh.
if (process.argv.includes('--if-stale') && freshBuild(root)) {
  console.log('dist/ is newer than every source; not rebuilt');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const ASSETS = /\.(sql|wasm)$/;
let copied = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (ASSETS.test(entry.name)) {
      const to = join(dist, relative(src, path));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(path, to);
      copied++;
    }
  }
};
walk(src);
// Written last: its time is when the build finished, which bin/arbiter.mjs compares the sources with.
writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
console.log(`built dist/ (${copied} assets copied)`);
