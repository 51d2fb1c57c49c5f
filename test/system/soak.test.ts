import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { prepareCrashEnvironment, type CrashEnvironment } from '../support/crash-scenario.ts';
import { runSoak, windowHeader, windowLine } from '../support/soak.ts';

/**
 * Twenty seconds in four windows in the suite (SOAK_SECONDS to change it): long enough for every
 * kind of request to meet every other under load; `npm run bench:soak` runs five minutes and is
 * where latency, its drift and the heap are measured, on a quiet machine.
 */
const SECONDS = Number(process.env.SOAK_SECONDS || 20);
const WINDOW_SECONDS = 5;

let env: CrashEnvironment;
before(async () => {
  env = await prepareCrashEnvironment();
});
after(async () => env.drop());

test(`soak: ${SECONDS} s of mixed load without failures`, async () => {
  const server = await env.serve();
  const lines = [windowHeader];
  let result: Awaited<ReturnType<typeof runSoak>>;
  try {
    result = await runSoak(env, server.url, { seconds: SECONDS, windowSeconds: WINDOW_SECONDS, concurrency: 8, onWindow: (w) => lines.push(windowLine(w)) });
  } finally {
    await server.stop();
  }
  console.log(
    `${lines.join('\n')}\n${JSON.stringify(result.byKind)} ${JSON.stringify(result.byStatus)}; ${result.fullCollections} full collections under load, heap after them ${result.heapSlopeMBPerMin === null ? 'not comparable' : `${result.heapSlopeMBPerMin.toFixed(2)} MB/min`}, p99 drift ${result.p99Drift.toFixed(2)}x`,
  );
  assert.equal(
    result.windows.reduce((s, w) => s + w.failures, 0),
    0,
    'no request failed or got a 5xx',
  );
  assert.deepEqual(
    Object.keys(result.byStatus).filter((s) => !['200', '201'].includes(s)),
    [],
    'every request succeeded',
  );
  assert.ok(result.windows.length >= Math.floor(SECONDS / WINDOW_SECONDS) - 1);
  // The heap after full collections is printed, not judged, here: a fresh server warms up for
  // 30 to 50 s of this minute on a loaded machine (37 MB live at its first collections, 72-74 MB
  // at every later one), and four CI runs showed that no fixed rule separates that from a leak in
  // one minute. `npm run bench:soak` runs five minutes and prints it with the warm-up a small part.
  console.log(
    result.heapSlopeMBPerMin === null
      ? `heap growth not measured: ${result.fullCollections} full collection(s) under load in ${SECONDS} s`
      : `heap after full collections after warm-up: ${result.heapSlopeMBPerMin.toFixed(2)} MB/min (printed; bench:soak measures it over five minutes)`,
  );
});
