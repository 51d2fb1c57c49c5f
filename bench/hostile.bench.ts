/**
 * The fail-closed issue's attacks against a server on PostgreSQL (its own process): for each,
 * the answer, whether it is the safe one, how long it took, and the latency an innocent client
 * sending ordinary decisions beside it saw meanwhile.
 *
 *   npm run bench:hostile [-- --window 3]
 */
import { prepareCrashEnvironment } from '../test/support/crash-scenario.ts';
import { reportLine, runAttacks } from '../test/support/hostile-scenario.ts';
import { benchArg } from './bench-args.ts';

const WINDOW_S = benchArg('window', 3);

const env = await prepareCrashEnvironment();
try {
  const server = await env.serve();
  try {
    console.log(
      `attacks on a server on PostgreSQL; each repeated for at least ${WINDOW_S} s while one innocent client sends demo-flow decisions one after another\n`,
    );
    const reports = await runAttacks(env, server.url, { windowMs: WINDOW_S * 1000 });
    for (const r of reports) console.log(reportLine(r));
    const unsafe = reports.filter((r) => !r.safe);
    const worst = Math.max(...reports.map((r) => r.innocent.p99).filter((x) => !Number.isNaN(x)));
    console.log(
      `\n${reports.length - unsafe.length} of ${reports.length} attacks answered safely; the innocent client's worst p99 beside an attack: ${worst.toFixed(1)} ms`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await env.drop();
}
