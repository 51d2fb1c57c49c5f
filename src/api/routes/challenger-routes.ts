import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { challengerReport, clearChallenger, getChallenger, setChallenger, type Database } from '../../store/index.ts';
import { ApiError } from '../api-error.ts';
import { requirePrincipal } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';
import type { DecisionService } from '../services/decision-service.ts';

const SET = ['risk-manager'] as const;
const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
const params = z.strictObject({ id: z.string().min(1).max(64) });
const challengerSchema = z.object({ flowId: z.string(), champion: z.number(), version: z.number(), mode: z.enum(['split', 'shadow']), share: z.number(), setBy: z.string(), setAt: z.string() });
const armSchema = z.object({ arm: z.string(), version: z.number(), decisions: z.number(), outcomes: z.record(z.string(), z.number()), approvalRate: z.number(), meanMs: z.number() });

export function challengerRoutes(db: Database, decisions: DecisionService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.put(
      '/v1/flows/:id/challenger',
      {
        config: { access: SET },
        schema: {
          tags: ['flows'],
          summary: 'Name a published version as challenger: it decides a share of applications (split, assigned by a hash of the application) or runs beside the champion without acting (shadow). The champion is pinned meanwhile',
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
      async (request) => {
        const { version, champion, mode, share } = request.body;
        if (mode === 'split' && share === undefined) throw new ApiError(400, 'invalid_request', 'share: a split needs the share of applications the challenger decides, e.g. 0.1');
        const p = requirePrincipal(request);
        const c = await setChallenger(db, { flowId: request.params.id, version, champion, mode, share: share ?? 1 }, { actor: p.keyId, requestId: request.id });
        decisions.forgetChallenger(request.params.id);
        return c;
      },
    );

    r.delete('/v1/flows/:id/challenger', { config: { access: SET }, schema: { tags: ['flows'], summary: 'Stop the challenger: every application goes to the champion', params, response: { 200: z.object({ flowId: z.string(), cleared: z.boolean() }), ...errorResponses } } }, async (request) => {
      const p = requirePrincipal(request);
      await clearChallenger(db, request.params.id, { actor: p.keyId, requestId: request.id });
      decisions.forgetChallenger(request.params.id);
      return { flowId: request.params.id, cleared: true };
    });

    r.get(
      '/v1/flows/:id/challenger',
      {
        config: { access: READ },
        schema: {
          tags: ['flows'],
          summary: 'The challenger and how the arms compare since it was set: decisions, outcomes, approval rate and time per arm; for shadow, champion against shadow verdicts',
          params,
          response: { 200: z.object({ challenger: challengerSchema, arms: z.array(armSchema), shadow: z.array(z.object({ champion: z.string(), shadow: z.string(), count: z.number() })) }), ...errorResponses },
        },
      },
      async (request) => {
        const c = await getChallenger(db, request.params.id);
        if (!c) throw new ApiError(404, 'not_found', `flow "${request.params.id}" has no challenger; set one with PUT /v1/flows/${request.params.id}/challenger`);
        return { challenger: c, ...(await challengerReport(db, request.params.id, c.setAt)) };
      },
    );
  };
}
