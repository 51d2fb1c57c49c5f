#!/usr/bin/env node
// The npm registry mirror here serves only the Linux x64 builds of native packages, so `npm install`
// leaves the other platforms' optional builds out of package-lock.json, and `npm ci` then refuses the
// lock as out of sync. This adds a lock entry for each missing platform build, marked optional with
// its os/cpu, which npm ci accepts and skips on this platform. Run it after changing dependencies:
//   npm install && node scripts/lockfile-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(darwin|linux|win32|freebsd|android|wasm32)-([a-z0-9]+)(?:-(gnu|musl|msvc|wasi|eabihf))?$/;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const m = PLATFORM.exec(name);
    if (!m) continue;
    const [, os, cpu, libc] = m;
    const stub = { version, optional: true, os: [os === 'wasm32' ? 'wasi' : os], cpu: [os === 'wasm32' ? 'wasm32' : cpu] };
    if (os === 'wasm32') delete stub.os;
    if (libc === 'gnu' || libc === 'musl') stub.libc = [libc === 'gnu' ? 'glibc' : 'musl'];
    if (entry.dev) stub.dev = true;
    packages[key] = stub;
    added++;
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub(s) to package-lock.json`);
