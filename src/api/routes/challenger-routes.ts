import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FlowService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const SET = ['risk-manager'] as const;
const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
const params = z.strictObject({ id: z.string().min(1).max(64) });
const challengerSchema = z.object({
  flowId: z.string(),
  champion: z.number(),
  version: z.number(),
  mode: z.enum(['split', 'shadow']),
  share: z.number(),
  setBy: z.string(),
  setAt: z.string(),
});
const armSchema = z.object({
  arm: z.string(),
  version: z.number(),
  decisions: z.number(),
  outcomes: z.record(z.string(), z.number()),
  approvalRate: z.number(),
  meanMs: z.number(),
});

export function challengerRoutes(flows: FlowService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.put(
      '/v1/flows/:id/challenger',
      {
        config: { access: SET },
        schema: {
          tags: ['flows'],
          summary:
            'Name a published version as challenger: it decides a share of applications (split, assigned by a hash of the application) or runs beside the champion without acting (shadow). The champion is pinned meanwhile',
          params,
          body: z.strictObject({
            version: z.number().int().positive().describe('the challenger, a published version'),
            champion: z.number().int().positive().optional().describe('default: the latest published version other than the challenger'),
            mode: z.enum(['split', 'shadow']),
            share: z.number().min(0).max(1).optional().describe('split: the share of applications the challenger decides'),
          }),
          response: { 200: challengerSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => flows.setChallenger(request.params.id, request.body, actorOf(request)),
    );

    r.delete(
      '/v1/flows/:id/challenger',
      {
        config: { access: SET },
        schema: {
          tags: ['flows'],
          summary: 'Stop the challenger: every application goes to the champion',
          params,
          response: { 200: z.object({ flowId: z.string(), cleared: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        await flows.clearChallenger(request.params.id, actorOf(request));
        return { flowId: request.params.id, cleared: true };
      },
    );

    r.get(
      '/v1/flows/:id/challenger',
      {
        config: { access: READ },
        schema: {
          tags: ['flows'],
          summary:
            'The challenger and how the arms compare since it was set: decisions, outcomes, approval rate and time per arm; for shadow, champion against shadow verdicts',
          params,
          response: {
            200: z.object({
              challenger: challengerSchema,
              arms: z.array(armSchema),
              shadow: z.array(z.object({ champion: z.string(), shadow: z.string(), count: z.number() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => flows.challenger(request.params.id),
    );
  };
}
