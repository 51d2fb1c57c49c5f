import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BacktestService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const START = ['risk-manager', 'analyst'] as const;
const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
/** Histories of a few hundred thousand applications fit; larger ones belong to arbiter backtest. */
const BACKTEST_BODY_LIMIT = 48 * 1024 * 1024;

const flowRef = z.strictObject({ flow: z.string().min(1).max(64), version: z.number().int().positive() });
const recordSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  candidate: flowRef,
  baseline: flowRef,
  spec: z.record(z.string(), z.unknown()),
  rowsDone: z.number(),
  rowsEstimated: z.number(),
  report: z.unknown(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export function backtestRoutes(service: BacktestService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/v1/backtests',
      {
        config: { access: START },
        bodyLimit: BACKTEST_BODY_LIMIT,
        schema: {
          tags: ['sandbox'],
          summary: 'Start a back-test: two flow versions (drafts too) over historical applications; follow it with GET /v1/backtests/:id',
          body: z.strictObject({
            candidate: flowRef.describe('the version to try'),
            baseline: flowRef.describe('the version it would replace'),
            csv: z.string().min(1).describe('historical applications as CSV with a header row, outcome column included where known'),
            outcome: z.strictObject({ column: z.string().min(1), bad: z.string() }).optional(),
            strategy: z
              .record(z.string(), z.unknown())
              .optional()
              .describe('economics to value approved loans whose outcome is known (docs/strategy.schema.json)'),
          }),
          response: { 202: recordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        return reply.code(202).send(await service.start(request.body, actorOf(request)));
      },
    );

    r.get(
      '/v1/backtests',
      {
        config: { access: READ },
        schema: {
          tags: ['sandbox'],
          summary: 'Recent back-tests, newest first (without their reports)',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ backtests: z.array(recordSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        backtests: await service.list(request.query.limit),
      }),
    );

    r.get(
      '/v1/backtests/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['sandbox'],
          summary: 'A back-test: status, progress (rows done of rows estimated), and the report when done',
          params: idParams,
          response: { 200: recordSchema, ...errorResponses },
        },
      },
      async (request) => service.get(request.params.id),
    );

    r.get(
      '/v1/backtests/:id/report.html',
      {
        config: { access: READ },
        schema: {
          tags: ['sandbox'],
          summary: 'The report as a page with charts',
          params: idParams,
          response: { 200: z.string(), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const html = await service.html(request.params.id);
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );
  };
}
