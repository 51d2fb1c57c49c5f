import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.ts';

/** Prometheus scrapes with an API key (bearer_token in its scrape config), like every other caller. */
const SCRAPE = ['admin', 'service'] as const;

export function metricsRoute(metrics: Metrics, cluster?: () => Promise<string>) {
  const text = cluster ?? (() => metrics.registry.metrics());
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/metrics', { config: { access: SCRAPE }, schema: { hide: true } }, async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await text()),
    );
  };
}
