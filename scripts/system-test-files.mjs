#!/usr/bin/env node
// Prints the system lane's test files, the longest first. The lane runs two files at a time, and
// node's runner starts them in the order given: begun last, the console's two minutes in Chromium
// ran on alone after everything else had finished. Files not named here follow in name order.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const LONGEST_FIRST = ['console.test.ts', 'crash-load.test.ts', 'cli.test.ts', 'soak.test.ts', 'hostile-load.test.ts', 'key-rotation.test.ts'];

const dir = join(import.meta.dirname, '..', 'test', 'system');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const rank = (f) => (LONGEST_FIRST.includes(f) ? LONGEST_FIRST.indexOf(f) : LONGEST_FIRST.length);
console.log(
  files
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => join('test', 'system', f))
    .join(' '),
);
