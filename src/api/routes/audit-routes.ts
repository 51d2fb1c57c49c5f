import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditService } from '../../services/index.ts';
import { auditEventSchema, chainBreakSchema, errorResponses } from '../schemas.ts';

const AUDIT_ROLES = ['auditor', 'admin'] as const;

export function auditRoutes(audit: AuditService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/audit',
      {
        config: { access: AUDIT_ROLES },
        schema: {
          tags: ['audit'],
          summary: 'Page audit events in chain order; pass nextAfterSeq back as afterSeq for the next page',
          querystring: z.strictObject({
            afterSeq: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            action: z.string().max(100).optional(),
            actor: z.string().max(100).optional(),
            subjectType: z.string().max(100).optional(),
            subjectId: z.string().max(200).optional(),
          }),
          response: { 200: z.object({ events: z.array(auditEventSchema), nextAfterSeq: z.number().int().nullable() }), ...errorResponses },
        },
      },
      async (request) => audit.page(request.query),
    );

    r.get(
      '/v1/audit/actions',
      {
        config: { access: AUDIT_ROLES },
        schema: {
          tags: ['audit'],
          summary: 'Every action the log holds, with its count, for filtering by action',
          response: { 200: z.object({ actions: z.array(z.object({ action: z.string(), count: z.number().int() })) }), ...errorResponses },
        },
      },
      async () => ({ actions: await audit.actions() }),
    );

    r.get(
      '/v1/audit/verify',
      {
        config: { access: AUDIT_ROLES },
        schema: {
          tags: ['audit'],
          summary: 'Walk the hash chain, hold it against the signed checkpoints, and list every break',
          response: {
            200: z.object({
              ok: z.boolean(),
              checked: z.number().int().describe('events verified before the first break'),
              headSeq: z.number().int(),
              firstBroken: chainBreakSchema.nullable(),
              breaks: z.array(chainBreakSchema),
              checkpoints: z
                .object({ checked: z.number().int(), matched: z.number().int() })
                .describe('signed checkpoints of the chain head, kept outside the database'),
              invalidCheckpoints: z.array(z.string()).describe('checkpoint files whose signature does not hold'),
            }),
            ...errorResponses,
          },
        },
      },
      async () => audit.verify(),
    );
  };
}
