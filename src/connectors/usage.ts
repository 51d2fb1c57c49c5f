import type { ConnectorUsage, PullStatus } from './pull-ledger.ts';

/** Ledger rows counted by status and outcome. */
export interface UsageGroup {
  status: PullStatus;
  outcome: string | null;
  n: number;
  cost: number;
  attempts: number;
}

export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentiles of the latencies of calls made. */
export function latencySummary(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : null);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? null };
}

/**
 * Usage of a connector: calls made (successes and failures; not reuses, not refusals for
 * want of consent, which never reach the bureau), cost, error rate and latency.
 */
export function usageOf(connectorId: string, since: Date | null, groups: UsageGroup[], latency: LatencySummary): ConnectorUsage {
  const byOutcome: Record<string, number> = {};
  let succeeded = 0;
  let failed = 0;
  let reused = 0;
  let refused = 0;
  let cost = 0;
  let attempts = 0;
  for (const g of groups) {
    if (g.outcome) byOutcome[g.outcome] = (byOutcome[g.outcome] ?? 0) + g.n;
    cost += Number(g.cost);
    attempts += g.attempts;
    if (g.status === 'reused') reused += g.n;
    else if (g.status === 'success') succeeded += g.n;
    else if (g.status === 'failed' && g.outcome === 'no_consent') refused += g.n;
    else if (g.status === 'failed') failed += g.n;
  }
  const pulls = succeeded + failed;
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    connectorId,
    since: since?.toISOString() ?? null,
    pulls,
    succeeded,
    failed,
    reused,
    refused,
    byOutcome,
    cost: Math.round(cost * 100) / 100,
    errorRate: pulls ? failed / pulls : 0,
    latencyMs: { p50: round(latency.p50), p95: round(latency.p95), p99: round(latency.p99), max: round(latency.max) },
    attempts,
  };
}
