import { demoApplication, reviewApplication } from './flows.ts';
import type { CrashEnvironment } from './crash-scenario.ts';

/** One window of a soak run: what the clients saw and what the server's own metrics said. */
export interface SoakWindow {
  endSecond: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The lowest heap seen in the window: it saws up and down with garbage waiting to be collected. */
  heapMB: number;
  /** The heap after the server's last full collection, as of the window's end (null before its first): the figure a leak moves. */
  liveMB: number | null;
  rssMB: number;
  loopP99ms: number;
  failures: number;
}

export interface SoakResult {
  windows: SoakWindow[];
  byKind: Record<string, number>;
  byStatus: Record<number, number>;
  /**
   * Least-squares slope of the heap after full collections, MB per minute, from the first full
   * collection under load on (the reading before it is the server's start-up heap); null when
   * fewer than two windows came after one, so nothing can be said yet.
   */
  heapSlopeMBPerMin: number | null;
  /** Full collections seen under load (changes of the heap after collection between windows). */
  fullCollections: number;
  /** Median p99 of the last third of the windows over that of the first third (after warm-up). */
  p99Drift: number;
}

/** Load before the heap is judged: a fresh server's live heap grows while it warms up. */
const WARM_UP_SECONDS = 35;

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - mx) * (ys[i]! - my);
    den += (i - mx) ** 2;
  }
  return num / den;
}

interface Sample {
  heap: number;
  afterGc: number;
  rss: number;
  loop: number;
}

/** The latest reading of the heap after a full collection, if the server has made one. */
const lastAfterGc = (samples: Sample[]) =>
  samples
    .map((s) => s.afterGc)
    .filter((x) => x > 0)
    .at(-1);

function gauge(text: string, name: string): number {
  const m = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/**
 * A sustained mixed load on a running server for `seconds`: decisions (one in ten goes to
 * review), reads of stored decisions, verdicts on the pending reviews, and review-queue lists,
 * from `concurrency` clients. The server's /metrics is read every second for memory and
 * event-loop delay; latencies are kept per window.
 */
export async function runSoak(
  env: CrashEnvironment,
  url: string,
  options: { seconds: number; windowSeconds: number; concurrency: number; onWindow?: (w: SoakWindow) => void },
): Promise<SoakResult> {
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  const decided: string[] = [];
  const pending: string[] = [];
  const byKind: Record<string, number> = {};
  const byStatus: Record<number, number> = {};
  let latencies: number[] = [];
  let failures = 0;
  let samples: Sample[] = [];
  const windows: SoakWindow[] = [];
  let n = 0;

  const request = async (kind: string, method: string, path: string, key: string, body?: unknown) => {
    const t0 = performance.now();
    let status = 0;
    let json: Record<string, unknown> = {};
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      json = (await res.json()) as Record<string, unknown>;
    } catch {
      status = 0;
    }
    latencies.push(performance.now() - t0);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status === 0 || status >= 500) failures++;
    return { status, json };
  };

  const client = async () => {
    while (performance.now() < endAt) {
      const r = Math.random();
      if (r < 0.65 || decided.length === 0) {
        const toReview = n % 10 === 0;
        const application = toReview ? reviewApplication() : { ...demoApplication(), requestedAmount: 1000 + (n % 9000) };
        const { json } = await request('decide', 'POST', '/v1/decisions', env.keys.service, {
          flow: 'consumer-lending',
          application,
          idempotencyKey: `soak-${process.pid}-${n++}`,
        });
        if (typeof json.id === 'string') decided.push(json.id);
        if (typeof json.pendingReviewId === 'string') pending.push(json.pendingReviewId);
        if (decided.length > 5000) decided.splice(0, 1000);
      } else if (r < 0.8) {
        await request('read', 'GET', `/v1/decisions/${decided[Math.floor(Math.random() * decided.length)]}`, env.keys.service);
      } else if (r < 0.9 && pending.length > 0) {
        await request('review', 'POST', `/v1/reviews/${pending.shift()}`, env.keys.reviewer, {
          verdict: Math.random() < 0.7 ? 'approve' : 'decline',
          note: 'soak verdict',
        });
      } else {
        await request('queue', 'GET', '/v1/reviews', env.keys.reviewer);
      }
    }
  };

  const sampler = (async () => {
    let windowEnd = started + options.windowSeconds * 1000;
    while (performance.now() < endAt + 500) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${env.keys.admin}` } })).text();
        samples.push({
          heap: gauge(text, 'arbiter_nodejs_heap_size_used_bytes'),
          afterGc: gauge(text, 'arbiter_nodejs_heap_after_major_gc_bytes'),
          rss: gauge(text, 'arbiter_process_resident_memory_bytes'),
          loop: gauge(text, 'arbiter_nodejs_eventloop_lag_p99_seconds'),
        });
      } catch {
        // A missed sample is not a failure of the server under test; the window has others.
      }
      if (performance.now() >= windowEnd && windows.length < Math.floor(options.seconds / options.windowSeconds)) {
        const sorted = latencies.sort((a, b) => a - b);
        const w: SoakWindow = {
          endSecond: Math.round((performance.now() - started) / 1000),
          requests: sorted.length,
          perSecond: sorted.length / options.windowSeconds,
          p50: quantile(sorted, 0.5),
          p99: quantile(sorted, 0.99),
          heapMB: Math.min(...samples.map((s) => s.heap)) / 1048576,
          liveMB: ((x) => (x === undefined ? null : x / 1048576))(lastAfterGc(samples)),
          rssMB: Math.max(...samples.map((s) => s.rss)) / 1048576,
          loopP99ms: Math.max(...samples.map((s) => s.loop)) * 1000,
          failures,
        };
        windows.push(w);
        options.onWindow?.(w);
        latencies = [];
        samples = [];
        failures = 0;
        windowEnd += options.windowSeconds * 1000;
      }
    }
  })();

  await Promise.all([...Array.from({ length: options.concurrency }, client), sampler]);
  const steady = windows.slice(Math.max(1, Math.floor(windows.length / 5)));
  const third = Math.max(1, Math.floor(steady.length / 3));
  // Readings that changed during the run are full collections under load. A fresh server warms
  // up first (compiled code, caches and pools fill: 37 MB live at a collection after 26 s, 72-74
  // MB at every one after 31 s, flat to three minutes; on a loaded machine the first collection
  // under load came only after 47 s, at 68 MB). So the reading of the first collection under
  // load, which later windows repeat until the next one, and everything before WARM_UP_SECONDS
  // are warm-up: growth is measured from the second reading on, over at least three windows.
  const changes = windows.map((w, i) => (i > 0 && w.liveMB !== null && w.liveMB !== windows[i - 1]!.liveMB ? i : -1)).filter((i) => i > 0);
  const measured = changes.length >= 2 ? windows.slice(changes[1]).filter((w) => w.endSecond > WARM_UP_SECONDS && w.liveMB !== null) : [];
  const afterGc = measured.length >= 3 ? measured : [];
  return {
    windows,
    byKind,
    byStatus,
    fullCollections: changes.length,
    heapSlopeMBPerMin: afterGc.length >= 2 ? slope(afterGc.map((w) => w.liveMB!)) * (60 / options.windowSeconds) : null,
    p99Drift: median(steady.slice(-third).map((w) => w.p99)) / Math.max(0.001, median(steady.slice(0, third).map((w) => w.p99))),
  };
}

export const windowHeader = '   t   req/s   p50 ms   p99 ms   heap MB   live MB   rss MB   loop p99 ms   failures';
export const windowLine = (w: SoakWindow) =>
  `${String(w.endSecond).padStart(4)}  ${w.perSecond.toFixed(0).padStart(6)}   ${w.p50.toFixed(1).padStart(6)}   ${w.p99.toFixed(1).padStart(6)}   ${w.heapMB.toFixed(1).padStart(7)}   ${(w.liveMB === null ? '-' : w.liveMB.toFixed(1)).padStart(7)}   ${w.rssMB.toFixed(0).padStart(6)}   ${w.loopP99ms.toFixed(1).padStart(11)}   ${String(w.failures).padStart(8)}`;
