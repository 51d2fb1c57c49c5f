import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';

/** How long the primary waits for a worker's part of a scrape; a worker that does not answer is left out. */
const PART_TIMEOUT_MS = 3_000;

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

export type MetricsMessage =
  | { type: 'metrics:ask'; id: number }
  | { type: 'metrics:collect'; id: number }
  | { type: 'metrics:part'; id: number; json: MetricsJson }
  | { type: 'metrics:text'; id: number; text: string };

function isMetricsMessage(m: unknown): m is MetricsMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('metrics:');
}

/**
 * A worker's side of /metrics in a cluster: a scrape lands on one worker, which asks the primary
 * for every worker's metrics added up (counters summed, database-wide gauges taken once), so
 * Prometheus sees one server, not whichever process took the connection.
 */
export class WorkerMetricsLink {
  private next = 0;
  private readonly waiting = new Map<number, (text: string) => void>();
  private registry: Registry | null = null;

  constructor() {
    process.on('message', (m: unknown) => {
      if (!isMetricsMessage(m)) return;
      if (m.type === 'metrics:collect' && this.registry) {
        void this.registry.getMetricsAsJSON().then((json) => process.send?.({ type: 'metrics:part', id: m.id, json } satisfies MetricsMessage));
      } else if (m.type === 'metrics:text') {
        this.waiting.get(m.id)?.(m.text);
        this.waiting.delete(m.id);
      }
    });
  }

  /** This worker's own registry, which the primary collects from. */
  answerWith(registry: Registry): void {
    this.registry = registry;
  }

  /** The cluster's metrics as Prometheus text; this worker's own if the primary does not answer. */
  readonly text = (): Promise<string> => {
    const id = ++this.next;
    return new Promise<string>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(this.registry ? this.registry.metrics() : '');
      }, PART_TIMEOUT_MS * 2);
      this.waiting.set(id, (text) => {
        clearTimeout(timer);
        resolve(text);
      });
      process.send?.({ type: 'metrics:ask', id } satisfies MetricsMessage);
    });
  };
}

/** The primary's side: on a worker's ask, collects a part from every live worker and sends back the sum. */
export function aggregateClusterMetrics(workers: () => Worker[]): (asker: Worker, message: unknown) => void {
  let next = 0;
  const parts = new Map<number, (json: MetricsJson) => void>();
  return (asker, message) => {
    if (!isMetricsMessage(message)) return;
    if (message.type === 'metrics:part') {
      parts.get(message.id)?.(message.json);
      return;
    }
    if (message.type !== 'metrics:ask') return;
    const live = workers().filter((w) => w.isConnected());
    void Promise.all(
      live.map(
        (w) =>
          new Promise<MetricsJson | null>((resolve) => {
            const id = ++next;
            const timer = setTimeout(() => {
              parts.delete(id);
              resolve(null);
            }, PART_TIMEOUT_MS);
            parts.set(id, (json) => {
              clearTimeout(timer);
              parts.delete(id);
              resolve(json);
            });
            w.send({ type: 'metrics:collect', id } satisfies MetricsMessage);
          }),
      ),
    )
      .then((all) => AggregatorRegistry.aggregate(all.filter((j): j is MetricsJson => j !== null)).metrics())
      .then((text) => asker.isConnected() && asker.send({ type: 'metrics:text', id: message.id, text } satisfies MetricsMessage));
  };
}
