import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrashEnvironment } from './crash-scenario.ts';
import { demoApplication } from './flows.ts';
import { BIN } from './process.ts';

/** What one attack got, how long it took, and what an innocent client beside it saw meanwhile. */
export interface AttackReport {
  name: string;
  answer: string;
  /** Whether the answer is the one a safe server gives. */
  safe: boolean;
  ms: number;
  innocent: { requests: number; p50: number; p99: number; failures: number };
}

interface Attack {
  name: string;
  run(): Promise<{ answer: string; safe: boolean }>;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

/** A one-node flow of the shape an attacker would publish or draft: its expression, then a knock-out on it, then approve. */
export function hostileFlow(
  id: string,
  fields: Record<string, { type: string; class: string; required?: boolean }>,
  assign: Record<string, string>,
  knockout: string | null = null,
) {
  return {
    id,
    name: `hostile ${id}`,
    input: { fields },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'calc', kind: 'expression', assign },
      ...(knockout ? [{ id: 'rules', kind: 'ruleset', rules: [{ code: 'KO', text: 'Knocked out', severity: 'knockout', when: knockout }] }] : []),
      { id: 'yes', kind: 'output', outcome: 'approve' },
      ...(knockout ? [{ id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'KO', text: 'Knocked out' }] }] : []),
    ],
    edges: knockout
      ? [
          { from: 'in', to: 'calc' },
          { from: 'calc', to: 'rules' },
          { from: 'rules', to: 'yes', on: 'pass' },
          { from: 'rules', to: 'no', on: 'knockout' },
        ]
      : [
          { from: 'in', to: 'calc' },
          { from: 'calc', to: 'yes' },
        ],
  };
}

/**
 * Runs attacks from the fail-closed issue against a server, one after another, each for at
 * least `windowMs` (repeated), while an innocent client sends ordinary decisions of the demo
 * flow one after another and its latencies are kept per attack.
 */
export async function runAttacks(env: CrashEnvironment, url: string, options: { windowMs: number; only?: string[] }): Promise<AttackReport[]> {
  const call = async (key: string | null, method: string, path: string, body?: unknown, raw?: string) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined || raw ? { 'content-type': 'application/json' } : {}) },
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: res.status, json };
  };
  const keys = env.keys;
  let seq = 0;
  const unique = (tag: string) => `${tag}-${process.pid}-${Date.now().toString(36)}-${seq++}`;
  const publish = async (def: { id: string }) => {
    const made = await call(keys['risk-manager'], 'POST', '/v1/flows', { definition: def });
    if (made.status !== 201 && made.status !== 409) throw new Error(`flow ${def.id}: ${made.status} ${JSON.stringify(made.json)}`);
    const published = await call(keys['risk-manager'], 'POST', `/v1/flows/${def.id}/versions/1/publish`);
    if (published.status !== 200 && published.status !== 409) throw new Error(`publish ${def.id}: ${published.status} ${JSON.stringify(published.json)}`);
  };
  const decide = (flow: string, application: unknown, key = keys.service) =>
    call(key, 'POST', '/v1/decisions', { flow, application, idempotencyKey: unique(flow) });
  const outcomeOf = (r: { status: number; json: Record<string, unknown> }) =>
    `${r.status} ${String(r.json.outcome ?? (r.json.error as { code?: string } | undefined)?.code ?? '')}`.trim();

  const name = { name: { type: 'string', class: 'C2', required: true } };
  const age = { age: { type: 'number', class: 'C1', required: true } };
  await publish(hostileFlow('hostile-regex', name, { ok: 'matches(name, "^([a-zA-Z0-9]+[ ]?)+$")' }));
  await publish(hostileFlow('hostile-loop', age, { n: 'count(for i in 1..1000, j in 1..1000 return 1)' }));
  await publish(hostileFlow('hostile-string', age, { a: `string join(for i in 1..100000 return "${'x'.repeat(1000)}")` }));
  await publish(hostileFlow('hostile-knockout', age, { x: '1' }, 'count(for i in 1..(age*100000) return i) > 0'));
  const baselineFlow = hostileFlow('hostile-baseline', age, { x: '1' });
  await publish(baselineFlow);
  // A draft, never published: back-tests take drafts.
  const heavy = 'count(for i in 1..1000, j in 1..1000 return 1)';
  await call(keys['risk-manager'], 'POST', '/v1/flows', { definition: hostileFlow('hostile-backtest', age, { a: heavy, b: heavy, c: heavy }) });

  const attacks: Attack[] = [
    {
      // What the innocent client sees with nobody attacking: the yardstick for the rows below.
      name: 'no attack (baseline)',
      run: async () => {
        await new Promise((r) => setTimeout(r, 100));
        return { answer: '-', safe: true };
      },
    },
    {
      name: 'NUL in one of 41 concurrent decisions',
      run: async () => {
        const answers = await Promise.all(
          Array.from({ length: 41 }, (_, i) =>
            call(keys.service, 'POST', '/v1/decisions', {
              flow: 'consumer-lending',
              application: demoApplication(),
              idempotencyKey: i === 20 ? 'k\u0000' : unique('nul'),
            }),
          ),
        );
        const ok = answers.filter((a) => a.status === 201).length;
        return { answer: `bad one ${answers[20]!.status}, ${ok} of 40 others 201`, safe: answers[20]!.status === 400 && ok === 40 };
      },
    },
    {
      name: 'NUL in an API key name',
      run: async () => {
        const r = await call(keys.admin, 'POST', '/v1/keys', { name: 'x\u0000', role: 'analyst' });
        return { answer: `${r.status}`, safe: r.status === 400 };
      },
    },
    {
      name: 'backtracking regex, 32-character name',
      run: async () => {
        const r = await decide('hostile-regex', { name: `${'a'.repeat(32)}!` });
        return { answer: outcomeOf(r), safe: r.status === 201 };
      },
    },
    {
      name: 'backtracking regex, 1,000-character name',
      run: async () => {
        const r = await decide('hostile-regex', { name: `${'a'.repeat(1000)}!` });
        return { answer: outcomeOf(r), safe: r.status === 201 };
      },
    },
    {
      name: 'FEEL loop of a million steps',
      run: async () => {
        const r = await decide('hostile-loop', { age: 30 });
        return { answer: outcomeOf(r), safe: r.json.outcome === 'refer' };
      },
    },
    {
      name: 'a 100 MB string',
      run: async () => {
        const r = await decide('hostile-string', { age: 30 });
        return { answer: outcomeOf(r), safe: r.json.outcome === 'refer' };
      },
    },
    {
      name: 'knock-out rule past the budget',
      run: async () => {
        const r = await decide('hostile-knockout', { age: 30 });
        return { answer: outcomeOf(r), safe: r.json.outcome === 'refer' };
      },
    },
    {
      name: 'back-test of a hostile draft (12 rows)',
      run: async () => {
        const csv = `age\n${Array.from({ length: 12 }, (_, i) => 20 + i).join('\n')}\n`;
        const started = await call(keys['risk-manager'], 'POST', '/v1/backtests', {
          candidate: { flow: 'hostile-backtest', version: 1 },
          baseline: { flow: 'hostile-baseline', version: 1 },
          csv,
        });
        if (started.status !== 202) return { answer: `${started.status} ${JSON.stringify(started.json).slice(0, 200)}`, safe: false };
        const id = started.json.id as string;
        for (;;) {
          const r = await call(keys['risk-manager'], 'GET', `/v1/backtests/${id}`);
          if (r.json.status === 'done' || r.json.status === 'failed') return { answer: `back-test ${String(r.json.status)}`, safe: r.json.status === 'done' };
          await new Promise((res) => setTimeout(res, 100));
        }
      },
    },
    {
      name: 'JSON nested 100,000 deep',
      run: async () => {
        const r = await call(
          keys.service,
          'POST',
          '/v1/decisions',
          undefined,
          `{"flow":"consumer-lending","idempotencyKey":"deep","application":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
        );
        return { answer: `${r.status} ${String((r.json.error as { code?: string } | undefined)?.code ?? '')}`, safe: r.status === 400 };
      },
    },
    {
      name: "another client replays a client's idempotency key",
      run: async () => {
        const other = await call(keys.admin, 'POST', '/v1/keys', { name: unique('second-service'), role: 'service' });
        const key = unique('shared');
        const first = await call(keys.service, 'POST', '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: key });
        const second = await call(other.json.secret as string, 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: { ...demoApplication(), bureauScore: 550 },
          idempotencyKey: key,
        });
        return {
          answer: `${second.status}, ${second.json.id === first.json.id ? "the first client's decision" : 'a decision of its own'}`,
          safe: second.status === 201 && second.json.id !== first.json.id,
        };
      },
    },
    {
      name: 'a second server on the same port',
      run: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'arbiter-port-'));
        // Spawned without waiting synchronously, so the innocent client keeps running meanwhile.
        const child = spawn(process.execPath, [BIN, 'serve', '--port', new URL(url).port, '--data-dir', dir], {
          env: { ...process.env, LOG_LEVEL: 'warn' },
          stdio: 'ignore',
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        clearTimeout(timer);
        rmSync(dir, { recursive: true, force: true });
        return { answer: `exit ${code}`, safe: code === 1 };
      },
    },
    {
      name: '400 requests without a key',
      run: async () => {
        const statuses: Record<number, number> = {};
        for (let i = 0; i < 400; i++) {
          const r = await call(i % 2 ? 'arb_guess' : null, 'GET', '/v1/decisions');
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
        return { answer: JSON.stringify(statuses), safe: (statuses[429] ?? 0) > 0 };
      },
    },
    {
      name: '100 searches by national ID',
      run: async () => {
        const statuses: Record<number, number> = {};
        for (let i = 0; i < 100; i++) {
          const r = await call(keys['risk-manager'], 'POST', '/v1/decisions/search', {
            field: 'nationalId',
            value: `1101011990030${String(i).padStart(5, '0')}`,
          });
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
        return { answer: JSON.stringify(statuses), safe: (statuses[429] ?? 0) > 0 };
      },
    },
  ];

  // The innocent client: ordinary decisions, one after another, for the whole run.
  const innocent: { at: number; ms: number; ok: boolean }[] = [];
  let stop = false;
  const innocentLoop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      let ok = false;
      try {
        ok =
          (await call(keys.service, 'POST', '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: unique('innocent') }))
            .status === 201;
      } catch {
        ok = false;
      }
      innocent.push({ at: t0, ms: performance.now() - t0, ok });
    }
  })();

  const reports: AttackReport[] = [];
  try {
    await new Promise((r) => setTimeout(r, 500));
    for (const attack of attacks) {
      if (options.only && !options.only.includes(attack.name)) continue;
      const from = performance.now();
      const t0 = performance.now();
      const first = await attack.run();
      const ms = performance.now() - t0;
      // Repeated (its answer is the first's) until the window is long enough to judge the innocent client.
      while (performance.now() - from < options.windowMs) await attack.run();
      const until = performance.now();
      const beside = innocent.filter((x) => x.at >= from && x.at < until);
      const sorted = beside.map((x) => x.ms).sort((a, b) => a - b);
      reports.push({
        name: attack.name,
        ...first,
        ms,
        innocent: { requests: beside.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), failures: beside.filter((x) => !x.ok).length },
      });
    }
  } finally {
    stop = true;
    await innocentLoop;
  }
  return reports;
}

export function reportLine(r: AttackReport): string {
  return `${r.safe ? 'safe  ' : 'UNSAFE'} ${r.name.padEnd(48)} ${r.answer.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms   innocent: ${String(r.innocent.requests).padStart(4)} decisions, p50 ${r.innocent.p50.toFixed(1)} ms, p99 ${r.innocent.p99.toFixed(1)} ms, ${r.innocent.failures} failed`;
}
