#!/usr/bin/env node
// Compiles src/ to JavaScript in dist/ (same folder layout, so paths relative to a module hold)
// and copies what the code reads beside itself: SQL migrations and WebAssembly binaries.
// esbuild transpiles file by file, as tsx does for the sources, so dist/ runs what the tests ran;
// types are checked once, by `npm run typecheck`, instead of a second time here.
// bin/arbiter.mjs runs dist/ when it is newer than every source file, and the sources through tsx otherwise.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
const ASSETS = /\.(sql|wasm)$/;
const sources = [];
let copied = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) sources.push(path);
    else if (ASSETS.test(entry.name)) {
      const to = join(dist, relative(src, path));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(path, to);
      copied++;
    }
  }
};
walk(src);
await build({
  entryPoints: sources,
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
// The sources import each other as './x.ts' (allowImportingTsExtensions); the built files are '.js'.
// esbuild leaves specifiers as written when it does not bundle, so they are rewritten here, as
// tsc's rewriteRelativeImportExtensions would: relative specifiers only, in static and dynamic imports.
const RELATIVE_TS = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g;
for (const source of sources) {
  const out = join(dist, relative(src, source)).replace(/\.ts$/, '.js');
  const code = readFileSync(out, 'utf8');
  const rewritten = code.replace(RELATIVE_TS, '$1$2$3.js$2');
  if (rewritten !== code) writeFileSync(out, rewritten);
}
// Written last: its time is when the build finished, which bin/arbiter.mjs compares the sources with.
writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
console.log(`built dist/ (${sources.length} modules, ${copied} assets copied)`);
