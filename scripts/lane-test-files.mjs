#!/usr/bin/env node
// Prints a lane's test files, the longest first: `node scripts/lane-test-files.mjs api`.
// node's runner starts files in the order given, a few at a time; begun last, a long file runs on
// alone after the others have finished. Files not named here follow in name order. The lists come
// from the durations the lanes print. The system lane keeps name order, two at a time: started
// together with the crash and CLI tests, three at a time, the console's sign-in page twice took
// over 30 s to appear on CI.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const LONGEST_FIRST = {
  api: [
    'lifecycle-drift.test.ts',
    'api-lifecycle.test.ts',
    'api-roles.test.ts',
    'lifecycle-releases.test.ts',
    'erasure-ledger.test.ts',
    'api-audit.test.ts',
    'batches.test.ts',
  ],
};

const lane = process.argv[2];
const longest = LONGEST_FIRST[lane];
if (!longest) {
  console.error(`usage: lane-test-files.mjs ${Object.keys(LONGEST_FIRST).join('|')}`);
  process.exit(2);
}
const rank = (f) => (longest.includes(f) ? longest.indexOf(f) : longest.length);
const files = readdirSync(join(import.meta.dirname, '..', 'test', lane))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .sort((a, b) => rank(a) - rank(b));
console.log(files.map((f) => join('test', lane, f)).join(' '));
