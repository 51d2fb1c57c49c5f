#!/usr/bin/env node
// `npm test`: the checks and the three test lanes, one after another, then a table of their times.
// One at a time because they are CPU-bound: run side by side on two cores, the lanes took
// longer in all (539 s against about 480 s) and timing-sensitive system tests lost their margins.
// A step whose prerequisite failed is skipped; any other failure is reported and the rest still run.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Each step is an npm script; `after` names the steps that must have passed before it starts. */
const STEPS = [
  { name: 'lint', script: 'lint', after: [] },
  { name: 'typecheck', script: 'typecheck', after: ['lint'] },
  { name: 'build', script: 'build:all', after: ['lint'] },
  { name: 'unit', script: 'test:unit', after: ['lint'] },
  { name: 'api', script: 'test:api', after: ['build'] },
  { name: 'system', script: 'test:system', after: ['build'] },
];

const started = Date.now();
const results = new Map();

function run(step) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`▶ ${step.name} (npm run ${step.script}) started at ${((t0 - started) / 1000).toFixed(1)} s`);
    const child = spawn(npm, ['run', '--silent', step.script], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => {
      chunks.push(c);
      process.stdout.write(c);
    });
    child.stderr.on('data', (c) => {
      chunks.push(c);
      process.stderr.write(c);
    });
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - t0) / 1000;
      const output = Buffer.concat(chunks).toString('utf8');
      const counts = /^(?:ℹ|#) tests (\d+)[\s\S]*?^(?:ℹ|#) pass (\d+)[\s\S]*?^(?:ℹ|#) fail (\d+)/m.exec(output);
      const ok = code === 0;
      results.set(step.name, { ok, seconds, counts: counts ? { tests: +counts[1], pass: +counts[2], fail: +counts[3] } : null });
      console.log(
        `${output.endsWith('\n') || output === '' ? '' : '\n'}◀ ${step.name}: ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds.toFixed(1)} s`,
      );
      resolve(ok);
    });
  });
}

const pending = new Map(STEPS.map((s) => [s.name, null]));
function schedule(step) {
  if (pending.get(step.name)) return pending.get(step.name);
  const promise = (async () => {
    const before = await Promise.all(step.after.map((n) => schedule(STEPS.find((s) => s.name === n))));
    if (before.every(Boolean)) return run(step);
    results.set(step.name, { ok: false, skipped: true, seconds: 0, counts: null });
    return false;
  })();
  pending.set(step.name, promise);
  return promise;
}

const outcomes = [];
for (const step of STEPS) outcomes.push(await schedule(step));
console.log(`\nsteps (wall ${((Date.now() - started) / 1000).toFixed(1)} s in all):`);
for (const step of STEPS) {
  const r = results.get(step.name);
  const tests = r.counts ? `  ${r.counts.pass}/${r.counts.tests} tests passed` : '';
  console.log(
    `  ${step.name.padEnd(10)} ${r.skipped ? 'skipped (an earlier step failed)' : `${r.ok ? 'ok    ' : 'FAILED'} ${r.seconds.toFixed(1).padStart(6)} s${tests}`}`,
  );
}
process.exit(outcomes.every(Boolean) ? 0 : 1);
