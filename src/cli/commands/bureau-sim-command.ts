import { Command } from 'commander';
import { numberOption } from '../number-option.ts';

export function bureauSimCommand(): Command {
  return new Command('bureau-sim')
    .description(
      'run a simulated credit bureau on loopback: deterministic reports for synthetic people, JSON (POST /v1/reports) and XML (POST /crr/report), with injected faults (see docs/connectors.md)',
    )
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
      const { startBureauSim } = await import('../../tools/bureau-sim/index.ts');
      const sim = await startBureauSim({
        port: numberOption(f.port!, 'port', { min: 0, max: 65535, integer: true }),
        host: f.host,
        seed: numberOption(f.seed!, 'seed', { min: 0, integer: true }),
        apiKey: f.apiKey,
        hmacSecret: f.hmacSecret,
        faults: {
          latencyMs: numberOption(f.latency!, 'latency', { min: 0 }),
          jitterMs: numberOption(f.jitter!, 'jitter', { min: 0 }),
          errorRate: numberOption(f.errorRate!, 'error-rate', { min: 0, max: 1 }),
          timeoutRate: numberOption(f.timeoutRate!, 'timeout-rate', { min: 0, max: 1 }),
          malformedRate: numberOption(f.malformedRate!, 'malformed-rate', { min: 0, max: 1 }),
          rateLimitRate: numberOption(f.rateLimitRate!, 'rate-limit-rate', { min: 0, max: 1 }),
          retryAfterSeconds: numberOption(f.retryAfter!, 'retry-after', { min: 0 }),
          hangMs: numberOption(f.hang!, 'hang', { min: 0 }),
        },
      });
      console.log(
        `bureau simulator listening on ${sim.url} (JSON: POST /v1/reports, XML: POST /crr/report, faults: POST /admin/faults, billing: GET /billing)`,
      );
      const stop = () => void sim.close().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
}
