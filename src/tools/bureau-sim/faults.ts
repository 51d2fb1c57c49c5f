import { seededRandom } from '../../support/seeded-random.ts';

/** What the simulator does wrong, and how often. Rates are shares of requests, 0 to 1. */
export interface FaultConfig {
  /** Added to every answer, in milliseconds. */
  latencyMs: number;
  /** Up to this much more, uniformly. */
  jitterMs: number;
  /** 503 Service Unavailable, nothing produced. */
  errorRate: number;
  /** The report is produced (and charged) but the answer comes only after `hangMs`: reconcilable by reference. */
  timeoutRate: number;
  /** A body cut short (JSON or XML that does not parse); the report counts as produced. */
  malformedRate: number;
  /** 429 with Retry-After: `retryAfterSeconds`. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  hangMs: number;
}

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  hangMs: 30_000,
};

export type Fault = 'error' | 'timeout' | 'drop' | 'malformed' | 'rate-limit' | null;

export function checkFaults(input: Partial<Record<keyof FaultConfig, unknown>>): FaultConfig {
  const out: FaultConfig = { ...NO_FAULTS };
  for (const [k, v] of Object.entries(input)) {
    if (!(k in NO_FAULTS)) throw new Error(`unknown fault setting "${k}"; known: ${Object.keys(NO_FAULTS).join(', ')}`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`fault setting "${k}" must be a number at least 0`);
    if (k.endsWith('Rate') && v > 1) throw new Error(`fault setting "${k}" is a share of requests, between 0 and 1`);
    (out as unknown as Record<string, number>)[k] = v;
  }
  return out;
}

/**
 * Per-request header `x-sim-fault`: a comma list of `error`, `timeout` (produced, answered
 * late), `drop` (never answered, nothing produced), `malformed`, `429`, `latency=MS`,
 * `fail-first=N` (the first N requests for the reference get 503), `limit-first=N` (429 instead).
 */
export function parseFaultHeader(value: string | undefined): { fault: Fault; latencyMs: number | null; failFirst: number; limitFirst: number } {
  let fault: Fault = null;
  let latencyMs: number | null = null;
  let failFirst = 0;
  let limitFirst = 0;
  for (const part of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, v] = part.split('=');
    if (k === 'latency') latencyMs = Number(v) || 0;
    else if (k === 'fail-first') failFirst = Number(v) || 0;
    else if (k === 'limit-first') limitFirst = Number(v) || 0;
    else if (k === '429') fault = 'rate-limit';
    else if (k === 'error' || k === 'timeout' || k === 'drop' || k === 'malformed') fault = k;
  }
  return { fault, latencyMs, failFirst, limitFirst };
}

/** Draws the configured faults in a repeatable order for a seed. */
export class FaultDraw {
  private readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = seededRandom(seed ^ 0x5eed);
  }

  draw(c: FaultConfig): { fault: Fault; delayMs: number } {
    const u = this.rnd();
    const delayMs = c.latencyMs + (c.jitterMs ? this.rnd() * c.jitterMs : 0);
    let edge = c.errorRate;
    if (u < edge) return { fault: 'error', delayMs };
    if (u < (edge += c.timeoutRate)) return { fault: 'timeout', delayMs };
    if (u < (edge += c.malformedRate)) return { fault: 'malformed', delayMs };
    if (u < (edge += c.rateLimitRate)) return { fault: 'rate-limit', delayMs };
    return { fault: null, delayMs };
  }
}
