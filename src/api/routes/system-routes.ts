import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pendingMigrations, type Database, type JobQueue } from '../../store/index.ts';

export function systemRoutes(db: Database, queue: JobQueue | null) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/healthz', { config: { access: 'public' }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

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
        try {
          await db.query('select 1');
          const pending = await pendingMigrations(db);
          if (pending.length > 0) {
            return reply.code(503).send({ status: 'not_ready' as const, reason: `migrations pending: ${pending.join(', ')}; run \`arbiter migrate\`` });
          }
          if (queue && !queue.running) {
            return reply.code(503).send({ status: 'not_ready' as const, reason: 'the job queue is stopped (the server is shutting down)' });
          }
          return { status: 'ready' as const, database: db.kind, queue: queue ? ('running' as const) : ('none' as const) };
        } catch {
          return reply.code(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
        }
      },
    );

    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  };
}
