/**
 * Soak benchmark: a server on PostgreSQL (its own process) under a sustained mixed load of
 * decisions, reads, review verdicts and review-queue lists; throughput, latency, memory and
 * event-loop delay are printed per window, then whether the heap grows and p99 drifts. Then
 * the crash scenario: the server killed with SIGKILL mid-load at three points, every request
 * retried with its key, and what was acknowledged, stored and lost counted.
 *
 *   npm run bench:soak [-- --seconds 300 --window 15 --concurrency 16]
 */
import { crashRound, describeCrashRound, prepareCrashEnvironment } from '../test/support/crash-scenario.ts';
import { runSoak, windowHeader, windowLine } from '../test/support/soak.ts';
import { benchArg } from './bench-args.ts';

const SECONDS = benchArg('seconds', 300);
const WINDOW = benchArg('window', 15);
const CONCURRENCY = benchArg('concurrency', 16);

const env = await prepareCrashEnvironment();
try {
  const server = await env.serve();
  console.log(
    `soak: ${SECONDS} s of mixed load (65% decisions, one in ten to review; 15% reads; 10% verdicts; 10% queue lists) from ${CONCURRENCY} clients on a server on PostgreSQL\n`,
  );
  console.log(windowHeader);
  let result: Awaited<ReturnType<typeof runSoak>>;
  try {
    result = await runSoak(env, server.url, { seconds: SECONDS, windowSeconds: WINDOW, concurrency: CONCURRENCY, onWindow: (w) => console.log(windowLine(w)) });
  } finally {
    await server.stop();
  }
  const total = Object.values(result.byKind).reduce((s, x) => s + x, 0);
  console.log(`\n${total} requests: ${JSON.stringify(result.byKind)}; statuses ${JSON.stringify(result.byStatus)}`);
  console.log(
    `heap after full collections (${result.fullCollections} under load): ${result.heapSlopeMBPerMin === null ? 'not measured (fewer than two)' : `${result.heapSlopeMBPerMin >= 0 ? '+' : ''}${result.heapSlopeMBPerMin.toFixed(2)} MB/min`}; p99 of the last third over the first third: ${result.p99Drift.toFixed(2)}x`,
  );

  console.log('\ncrash under load (SIGKILL, restart, every request retried with its idempotency key):');
  let acknowledged = 0;
  let stored = 0;
  let lost = 0;
  let twice = 0;
  for (const [round, killAfterMs] of [
    ['soak-1', 250],
    ['soak-2', 600],
    ['soak-3', 1000],
  ] as const) {
    const r = await crashRound(env, round, killAfterMs);
    console.log(`  ${describeCrashRound(r)}${r.problems.length ? `\n  PROBLEMS: ${r.problems.join('; ')}` : ''}`);
    acknowledged += r.acknowledged;
    stored += r.stored;
    lost += r.lost;
    twice += r.storedTwice;
  }
  console.log(`crash totals: ${acknowledged} acknowledged before a kill, ${stored} decisions stored, ${twice} stored twice, ${lost} lost (goal 0)`);
} finally {
  await env.drop();
}
