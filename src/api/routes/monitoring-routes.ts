import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';
import type { MonitoringService } from '../../services/index.ts';

const CONFIGURE = ['risk-manager'] as const;
const RUN = ['risk-manager', 'analyst'] as const;
const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
const flowParams = z.strictObject({ flowId: z.string().min(1).max(64) });
const alertSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  kind: z.string(),
  metric: z.string(),
  period: z.string(),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  webhook: z.string().nullable(),
});

export function monitoringRoutes(service: MonitoringService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.put(
      '/v1/monitoring/:flowId',
      {
        config: { access: CONFIGURE },
        schema: {
          tags: ['lifecycle'],
          summary: 'Monitor a flow: baseline months, watched features, thresholds, webhook, and the model to retrain on drift',
          params: flowParams,
          body: z.record(z.string(), z.unknown()),
          response: { 200: z.object({ flowId: z.string(), config: z.record(z.string(), z.unknown()), updatedAt: z.string() }), ...errorResponses },
        },
      },
      async (request) => service.configure(request.params.flowId, request.body, actorOf(request)),
    );

    r.post(
      '/v1/monitoring/:flowId/run',
      {
        config: { access: RUN },
        schema: {
          tags: ['lifecycle'],
          summary: 'Compute the monitoring snapshot now (it also runs daily) and raise its alerts',
          params: flowParams,
          body: z.strictObject({ asOf: z.iso.datetime({ offset: true }).optional() }).optional(),
          response: { 200: z.object({ snapshot: z.unknown(), alerts: z.array(alertSchema), retrainRun: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => service.run(request.params.flowId, request.body?.asOf ? new Date(request.body.asOf) : undefined),
    );

    r.get(
      '/v1/monitoring',
      {
        config: { access: READ },
        schema: {
          tags: ['lifecycle'],
          summary: 'The latest monitoring snapshots of a flow, newest first',
          querystring: z.strictObject({ flow: z.string().min(1).max(64), limit: z.coerce.number().int().min(1).max(100).default(12) }),
          response: { 200: z.object({ snapshots: z.array(z.object({ asOf: z.string(), snapshot: z.unknown() })) }), ...errorResponses },
        },
      },
      async (request) => ({ snapshots: await service.snapshots(request.query.flow, request.query.limit) }),
    );

    r.get(
      '/v1/alerts',
      {
        config: { access: READ },
        schema: {
          tags: ['lifecycle'],
          summary: 'Alerts, newest first',
          querystring: z.strictObject({
            flow: z.string().max(64).optional(),
            open: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ alerts: z.array(alertSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        alerts: await service.alerts({
          flowId: request.query.flow,
          open: request.query.open === undefined ? undefined : request.query.open === 'true',
          limit: request.query.limit,
        }),
      }),
    );

    r.post(
      '/v1/alerts/:id/acknowledge',
      {
        config: { access: CONFIGURE },
        schema: { tags: ['lifecycle'], params: z.strictObject({ id: z.string().min(1).max(64) }), response: { 200: alertSchema, ...errorResponses } },
      },
      async (request) => service.acknowledge(request.params.id, actorOf(request)),
    );
  };
}
