import { constants, PerformanceObserver } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PullResult } from '../connectors/index.ts';
import type { FlowResult } from '../flow/index.ts';
import type { Database } from '../store/index.ts';

const CIRCUIT: Record<string, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/**
 * The heap just after the last full collection: what is really alive. The used heap itself
 * saws up and down with garbage that waits to be collected; this only climbs if something leaks.
 * One observer per process, however many servers (tests) share it.
 */
let heapAfterMajorGc = 0;
let majorGcObserver: PerformanceObserver | null = null;
function watchMajorGc(): void {
  if (majorGcObserver) return;
  majorGcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) heapAfterMajorGc = process.memoryUsage().heapUsed;
    }
  });
  majorGcObserver.observe({ entryTypes: ['gc'] });
}

/**
 * The Prometheus metrics of one server: a registry of its own (two servers in one process
 * do not mix), process metrics, and what decisions, bureau pulls and the review queue do.
 * Labels carry flow, node kind, connector and outcome: never an applicant's data.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly decisions = new Counter({
    name: 'arbiter_decisions_total',
    help: 'Decisions by flow, version, outcome and champion/challenger arm',
    labelNames: ['flow', 'version', 'outcome', 'arm'],
    registers: [this.registry],
  });
  private readonly decisionSeconds = new Histogram({
    name: 'arbiter_decision_duration_seconds',
    help: 'Time to run a flow, by flow',
    labelNames: ['flow'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly nodeSeconds = new Histogram({
    name: 'arbiter_node_duration_seconds',
    help: 'Time spent in flow nodes, by node kind',
    labelNames: ['kind'],
    buckets: [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  private readonly scores = new Histogram({
    name: 'arbiter_model_score',
    help: 'PDs estimated by score nodes, by flow and node',
    labelNames: ['flow', 'node'],
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1],
    registers: [this.registry],
  });
  private readonly bureauCalls = new Counter({
    name: 'arbiter_bureau_pulls_total',
    help: 'Bureau pulls by connector and outcome (pulled, reconciled, reused, coalesced, or the failure code)',
    labelNames: ['connector', 'outcome'],
    registers: [this.registry],
  });
  private readonly bureauCost = new Counter({
    name: 'arbiter_bureau_cost_total',
    help: 'What bureau pulls cost, by connector',
    labelNames: ['connector'],
    registers: [this.registry],
  });
  private readonly bureauSeconds = new Histogram({
    name: 'arbiter_bureau_pull_duration_seconds',
    help: 'Time of bureau pulls, retries included, by connector',
    labelNames: ['connector'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(db: Database, circuits: () => Record<string, string>, hasQueue: boolean) {
    collectDefaultMetrics({ register: this.registry, prefix: 'arbiter_' });
    const registry = this.registry;
    watchMajorGc();
    new Gauge({
      name: 'arbiter_nodejs_heap_after_major_gc_bytes',
      help: 'Used heap just after the last full garbage collection (0 before the first): it climbs only when memory leaks',
      registers: [registry],
      collect() {
        this.set(heapAfterMajorGc);
      },
    });
    new Gauge({
      name: 'arbiter_bureau_circuit_state',
      help: 'Circuit breaker per connector: 0 closed, 1 half-open, 2 open, 3 isolated; the worst of the server processes',
      labelNames: ['connector'],
      aggregator: 'max',
      registers: [registry],
      collect() {
        for (const [connector, state] of Object.entries(circuits())) this.set({ connector }, CIRCUIT[state] ?? -1);
      },
    });
    new Gauge({
      name: 'arbiter_review_queue_size',
      help: 'Reviews waiting for a person, by queue',
      labelNames: ['queue'],
      // Read from the database: every process of a cluster sees the same number.
      aggregator: 'first',
      registers: [registry],
      async collect() {
        const { rows } = await db.query<{ queue: string; n: number }>("select queue, count(*)::int as n from reviews where status = 'pending' group by queue");
        this.reset();
        for (const r of rows) this.set({ queue: r.queue }, Number(r.n));
      },
    });
    if (hasQueue) {
      new Gauge({
        name: 'arbiter_jobs',
        help: 'Jobs in the shared queue that are waiting (created, retry), running (active) or have failed for good, by queue',
        labelNames: ['queue', 'state'],
        aggregator: 'first',
        registers: [registry],
        async collect() {
          const { rows } = await db.query<{ queue: string; state: string; n: number }>(
            "select name as queue, state::text as state, count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active', 'failed') group by 1, 2",
          );
          this.reset();
          for (const r of rows) this.set({ queue: r.queue, state: r.state }, Number(r.n));
        },
      });
    }
    const poolUse = db.poolUse?.bind(db);
    if (poolUse) {
      new Gauge({
        name: 'arbiter_db_pool_connections',
        help: 'Database pools of the server processes added up: open (total), idle, requests waiting for a connection, and the maximum',
        labelNames: ['state'],
        registers: [registry],
        collect() {
          const use = poolUse();
          for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, use[state]);
        },
      });
    }
  }

  decision(flow: string, version: number, result: FlowResult, arm: string | null): void {
    const outcome = result.status === 'completed' ? result.output.outcome : 'pending_review';
    this.decisions.inc({ flow, version: String(version), outcome, arm: arm ?? 'none' });
    this.decisionSeconds.observe({ flow }, result.ms / 1000);
    for (const t of result.trace ?? []) this.nodeSeconds.observe({ kind: t.kind }, t.ms / 1000);
    for (const [node, pd] of Object.entries(result.scores)) this.scores.observe({ flow, node }, pd);
  }

  pull(connector: string, r: PullResult): void {
    this.bureauCalls.inc({ connector, outcome: r.ok ? r.source : r.code });
    if (r.ok && r.cost) this.bureauCost.inc({ connector }, r.cost);
    this.bureauSeconds.observe({ connector }, r.ms / 1000);
  }
}
