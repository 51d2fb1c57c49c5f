import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'arbiter.mjs');

export function arbiter(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export interface Running {
  url: string;
  output: string;
  pid: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `arbiter serve` on a free port and waits for the line that names its URL. One server
 * process unless the arguments give --workers: the suites that test several say so. Drafts are
 * published in one step (ARBITER_SINGLE_PERSON_RELEASE), as suites about other things need;
 * `env` may turn four-eyes release back on.
 */
export async function serve(args: string[], options: { startTimeoutMs?: number; bin?: string; env?: Record<string, string> } = {}): Promise<Running> {
  const workers = args.includes('--workers') ? [] : ['--workers', '1'];
  const child = spawn(process.execPath, [options.bin ?? BIN, 'serve', '--port', '0', ...workers, ...args], {
    env: { ARBITER_SINGLE_PERSON_RELEASE: 'true', ...process.env, ...options.env, LOG_LEVEL: 'warn' },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), options.startTimeoutMs ?? 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match && output.includes('\n', match.index)) {
        clearTimeout(timer);
        setTimeout(() => resolve(match[1]!), 50);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    void exited.then((code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    get output() {
      return output;
    },
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** POSTs `body` as JSON to a running server with an API key. */
export function postJson(server: { url: string }, secret: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
