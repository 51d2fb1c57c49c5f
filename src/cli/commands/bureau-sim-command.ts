import { Command } from 'commander';
import { startBureauSim } from '../../connectors/index.ts';

function number(value: string, name: string, min: number, max = Infinity): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < min || x > max) throw new Error(`--${name} ${value}: a number from ${min}${max < Infinity ? ` to ${max}` : ''}`);
  return x;
}

export function bureauSimCommand(): Command {
  return new Command('bureau-sim')
    .description('run a simulated credit bureau on loopback: deterministic reports for synthetic people, JSON (POST /v1/reports) and XML (POST /crr/report), with injected faults (see docs/connectors.md)')
    .option('--port <n>', 'port to listen on (0: any free port)', '4010')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--seed <n>', 'the same seed gives every person the same file', '1')
    .option('--latency <ms>', 'added to every answer', '0')
    .option('--jitter <ms>', 'up to this much more, at random', '0')
    .option('--error-rate <share>', 'share of requests answered 503', '0')
    .option('--timeout-rate <share>', 'share answered only after --hang (the report is produced: reconcilable)', '0')
    .option('--malformed-rate <share>', 'share answered with a body cut in half', '0')
    .option('--rate-limit-rate <share>', 'share answered 429 with Retry-After', '0')
    .option('--retry-after <s>', 'seconds in Retry-After', '1')
    .option('--hang <ms>', 'how late a timed-out answer comes', '30000')
    .option('--api-key <key>', 'require this key in x-api-key')
    .option('--hmac-secret <secret>', 'require an HMAC-SHA256 request signature made with this secret')
    .action(async (f: Record<string, string | undefined>) => {
      const sim = await startBureauSim({
        port: number(f.port!, 'port', 0, 65535),
        host: f.host,
        seed: number(f.seed!, 'seed', 0),
        apiKey: f.apiKey,
        hmacSecret: f.hmacSecret,
        faults: {
          latencyMs: number(f.latency!, 'latency', 0),
          jitterMs: number(f.jitter!, 'jitter', 0),
          errorRate: number(f.errorRate!, 'error-rate', 0, 1),
          timeoutRate: number(f.timeoutRate!, 'timeout-rate', 0, 1),
          malformedRate: number(f.malformedRate!, 'malformed-rate', 0, 1),
          rateLimitRate: number(f.rateLimitRate!, 'rate-limit-rate', 0, 1),
          retryAfterSeconds: number(f.retryAfter!, 'retry-after', 0),
          hangMs: number(f.hang!, 'hang', 0),
        },
      });
      console.log(`bureau simulator listening on ${sim.url} (JSON: POST /v1/reports, XML: POST /crr/report, faults: POST /admin/faults, billing: GET /billing)`);
      const stop = () => void sim.close().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
}
