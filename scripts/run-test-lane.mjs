#!/usr/bin/env node
// Runs one test lane with node's test runner: `node --import tsx scripts/run-test-lane.mjs api`.
// `node --test FILES` sorts the files by name before running them a few at a time, so a long file
// whose name sorts late starts last and runs on alone while the other slots stay empty. The lane
// starts its long files first instead (the longest-first rule of scheduling), then the rest by
// name. The child processes inherit this process's flags, so `--import tsx` reaches them.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

const root = join(import.meta.dirname, '..');

function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/**
 * `first`: files that take several times the lane's median (measured in `npm test` on a 2-core
 * machine), longest first. A file missing from the list only loses its early start.
 */
const LANES = {
  unit: { dirs: ['src', 'test/unit'], concurrency: 2, timeout: 120_000, first: ['test/unit/dmn-tck.test.ts'] },
  api: {
    dirs: ['test/api'],
    concurrency: 3,
    timeout: 300_000,
    first: [
      'test/api/lifecycle-drift.test.ts',
      'test/api/api-roles.test.ts',
      'test/api/api-lifecycle.test.ts',
      'test/api/erasure-ledger.test.ts',
      'test/api/batches.test.ts',
    ],
  },
  system: {
    dirs: ['test/system'],
    concurrency: 2,
    timeout: 300_000,
    first: [
      'test/system/console.test.ts',
      'test/system/crash-load.test.ts',
      'test/system/cli.test.ts',
      'test/system/soak.test.ts',
      'test/system/hostile-load.test.ts',
    ],
  },
};

const name = process.argv[2];
const lane = LANES[name];
if (!lane) {
  console.error(`usage: node --import tsx scripts/run-test-lane.mjs <${Object.keys(LANES).join('|')}>`);
  process.exit(2);
}
const all = lane.dirs.flatMap(testFiles).sort();
const missing = lane.first.filter((f) => !all.includes(f));
if (missing.length) {
  console.error(`scripts/run-test-lane.mjs lists ${missing.join(', ')} to start first, but no such test file exists; update LANES.${name}.first`);
  process.exit(2);
}
const files = [...lane.first, ...all.filter((f) => !lane.first.includes(f))].map((f) => join(root, f));

const stream = run({ files, concurrency: lane.concurrency, timeout: lane.timeout });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(process.stdout.isTTY ? new spec() : tap).pipe(process.stdout);
console.error(`${name} lane: ${files.length} files, ${lane.concurrency} at a time, from ${relative(root, files[0])}`);
