import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SystemService } from '../../services/index.ts';

export function systemRoutes(system: SystemService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/healthz', { config: { access: 'public' }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
      status: 'ok' as const,
    }));

    r.get(
      '/readyz',
      {
        config: { access: 'public' },
        schema: {
          response: {
            200: z.object({ status: z.literal('ready'), database: z.string(), queue: z.enum(['running', 'none']) }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        const readiness = await system.readiness();
        if (!readiness.ready) return reply.code(503).send({ status: 'not_ready' as const, reason: readiness.reason });
        return { status: 'ready' as const, database: readiness.database, queue: readiness.queue };
      },
    );

    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  };
}
