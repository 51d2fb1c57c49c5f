/**
 * Batch benchmark: the demo flow over a file of applications through `arbiter batch` on
 * PostgreSQL, committed (every decision sealed and audited), with 0, 1 and 2 servers taking
 * chunks beside the command.
 *
 *   npm run bench:batch [-- --rows 1000000]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../src/support/csv-cell.ts';
import { demoApplications } from './flow/applications.ts';
import { createScratchDatabase } from '../test/support/backends.ts';
import { arbiter, postJson, serve, type Running } from '../test/support/process.ts';
import { benchArg } from './bench-args.ts';
import { readFileSync } from 'node:fs';

const ROWS = benchArg('rows', 50_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const definition = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'flows', 'consumer-lending.json'), 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-batch-'));
const file = join(dir, 'applications.csv');
const apps = demoApplications(ROWS);
const fields = Object.keys(apps[0]!);
writeFileSync(file, `${[csvLine(fields), ...apps.map((a) => csvLine(fields.map((f) => String((a as Record<string, unknown>)[f] ?? ''))))].join('\n')}\n`);
const keyFile = join(dir, 'keys.json');
arbiter(['keys', 'init-master', '--key-file', keyFile]);
console.log(`batch benchmark: ${ROWS.toLocaleString('en-US')} applications of the demo flow through arbiter batch on PostgreSQL`);

for (const servers of [0, 1, 2]) {
  const scratch = await createScratchDatabase(POSTGRES_URL);
  const args = ['--database', scratch.url, '--key-file', keyFile];
  const running: Running[] = [];
  try {
    arbiter(['migrate', ...args]);
    const rm = JSON.parse(arbiter(['keys', 'create', '--role', 'risk-manager', '--json', ...args]).stdout).secret;
    const first = await serve([...args, '--workers', '1']);
    running.push(first);
    const post = (path: string, body: unknown) => postJson(first, rm, path, body);
    await post('/v1/flows', { definition });
    await post('/v1/flows/consumer-lending/versions/1/publish', {});
    if (servers === 0) await running.pop()!.stop();
    for (let i = running.length; i < servers; i++) running.push(await serve([...args, '--workers', '1']));
    const t0 = performance.now();
    const r = arbiter(['batch', '--flow', 'consumer-lending', '--file', file, '--out', join(dir, `results-${servers}.csv`), ...args]);
    const seconds = (performance.now() - t0) / 1000;
    if (r.code !== 0) throw new Error(r.stderr);
    console.log(
      `  arbiter batch with ${servers} server${servers === 1 ? '' : 's'} beside it: ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString('en-US')} decisions/s committed (goal: 20,000/s)`,
    );
  } finally {
    await Promise.all(running.map((s) => s.stop()));
    await scratch.drop();
  }
}
rmSync(dir, { recursive: true, force: true });
