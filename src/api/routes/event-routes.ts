import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const OPERATORS = ['admin'] as const;

const eventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  applicationId: z.string(),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export function eventRoutes(events: EventService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/events/sinks',
      {
        config: { access: OPERATORS },
        schema: {
          tags: ['events'],
          summary: 'Each decision-event sink: events delivered, failing (being retried), dead-lettered, and not yet delivered',
          response: {
            200: z.object({
              sinks: z.array(
                z.object({ sink: z.string(), delivered: z.number().int(), failing: z.number().int(), dead: z.number().int(), behind: z.number().int() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ sinks: await events.sinks() }),
    );

    r.get(
      '/v1/events/dead-letters',
      {
        config: { access: OPERATORS },
        schema: {
          tags: ['events'],
          summary: 'Events a sink gave up on after its attempts, oldest first',
          querystring: z.strictObject({ sink: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
          response: {
            200: z.object({
              deadLetters: z.array(
                z.object({ sink: z.string(), event: eventSchema, attempts: z.number().int(), lastError: z.string().nullable(), at: z.string() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ deadLetters: await events.deadLetters(request.query.sink ?? null, request.query.limit) }),
    );

    r.post(
      '/v1/events/dead-letters/:sink/:seq/retry',
      {
        config: { access: OPERATORS },
        schema: {
          tags: ['events'],
          summary: 'Send a dead-lettered event to its sink again (in its place in its application’s order)',
          params: z.strictObject({ sink: z.string().max(40), seq: z.coerce.number().int().min(1) }),
          response: { 202: z.object({ sink: z.string(), seq: z.number().int(), status: z.literal('queued') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        await events.retry(request.params.sink, request.params.seq, actorOf(request));
        return reply.code(202).send({ sink: request.params.sink, seq: request.params.seq, status: 'queued' as const });
      },
    );
  };
}
