import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Billing, FaultConfig } from '../../src/tools/bureau-sim/index.ts';
import { BIN } from './process.ts';

export interface SimProcess {
  url: string;
  pid: number;
  setFaults(f: Partial<FaultConfig>): Promise<void>;
  billing(): Promise<Billing>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** `arbiter bureau-sim` as its own process on a free loopback port, as the demo runs it. */
export async function startSimProcess(args: string[] = []): Promise<SimProcess> {
  const child = spawn(process.execPath, [BIN, 'bureau-sim', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bureau-sim did not start: ${output}`)), 20_000);
    child.stdout.on('data', (c) => {
      output += c;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on('data', (c) => (output += c));
    void exited.then(() => reject(new Error(`bureau-sim exited: ${output}`)));
  });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  return {
    url,
    pid: child.pid!,
    setFaults: (f) => post('/admin/faults', f),
    billing: async () => (await fetch(`${url}/billing`)).json() as Promise<Billing>,
    reset: () => post('/admin/reset', {}),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'connectors');

/**
 * An example connector pointed at the running simulator, with an extra `fault` input sent as
 * the simulator's per-request fault header, so a test can choose what goes wrong per applicant.
 */
export function simConnector(sim: { url: string }, example: 'sim-json-bureau' | 'sim-crr-report', over: Record<string, unknown> = {}): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(EXAMPLES, `${example}.json`), 'utf8')) as Record<string, unknown> & {
    request: Record<string, unknown>;
    reconcile: { url: string };
    inputs: Record<string, unknown>;
  };
  delete def.$schema;
  const swap = (u: string) => u.replace('http://127.0.0.1:4010', sim.url);
  return {
    ...def,
    inputs: { ...def.inputs, fault: { type: 'string', class: 'C1' } },
    request: { ...def.request, url: swap(def.request.url as string), headers: { 'x-sim-fault': 'if fault = null then "" else fault' } },
    reconcile: { url: swap(def.reconcile.url) },
    ...over,
  };
}

/**
 * A flow around one bureau node: a score cut-off when the pull worked, a referral when the
 * bureau failed, a decline without consent.
 */
export function bureauFlow(id: string, connectorRef: string): Record<string, unknown> {
  return {
    id,
    name: `bureau check ${id}`,
    input: {
      fields: {
        nationalId: { type: 'string', class: 'C2', required: true, mask: 'nationalId' },
        fault: { type: 'string', class: 'C1' },
        amount: { type: 'number', class: 'C1', required: true },
      },
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'pull', kind: 'bureau', connector: connectorRef, inputs: { nationalId: 'nationalId', fault: 'fault' }, output: 'bureau' },
      { id: 'cutoff', kind: 'switch' },
      { id: 'approve', kind: 'output', outcome: 'approve', offer: { amount: 'amount' } },
      { id: 'decline', kind: 'output', outcome: 'decline', reasons: [{ code: 'BUREAU_RISK', text: 'credit history' }] },
      { id: 'fallback', kind: 'output', outcome: 'refer', reasons: [{ code: 'BUREAU_UNAVAILABLE', text: 'the credit bureau could not be reached' }] },
      { id: 'noConsent', kind: 'output', outcome: 'decline', reasons: [{ code: 'NO_BUREAU_CONSENT', text: 'no consent to a credit check' }] },
    ],
    edges: [
      { from: 'in', to: 'pull' },
      { from: 'pull', to: 'cutoff', on: 'ok' },
      { from: 'pull', to: 'fallback', on: 'failure' },
      { from: 'pull', to: 'noConsent', on: 'no_consent' },
      {
        from: 'cutoff',
        to: 'approve',
        when: 'bureau.worstDelinquency != null and bureau.worstDelinquency < 3 or bureau.maxOverdueMonths != null and bureau.maxOverdueMonths < 3',
      },
      { from: 'cutoff', to: 'decline', default: true },
    ],
  };
}

export const CONSENT = [{ scope: 'credit-bureau', grantedAt: '2026-01-01T00:00:00Z', channel: 'web' }];
