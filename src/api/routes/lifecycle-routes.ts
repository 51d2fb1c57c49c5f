import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';
import type { LifecycleService } from '../../services/index.ts';

const DECIDE = ['risk-manager'] as const;
const START = ['risk-manager', 'analyst'] as const;
const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;

const modelParams = z.strictObject({ modelId: z.string().min(1).max(64) });
const runParams = z.strictObject({ id: z.string().min(1).max(64) });
const programSchema = z.object({
  modelId: z.string(),
  flowId: z.string(),
  scoreNode: z.string(),
  sample: z.record(z.string(), z.unknown()),
  ootMonths: z.number(),
  policy: z.record(z.string(), z.unknown()),
  decisionLogic: z.record(z.string(), z.unknown()).nullable(),
  triggers: z.record(z.string(), z.unknown()).nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  confirmedBy: z
    .string()
    .nullable()
    .describe('the second risk manager who confirmed the program as set; automatic approval needs it where releases take two people'),
  confirmedAt: z.string().nullable(),
});
const runSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  status: z.enum(['queued', 'running', 'rejected', 'awaiting_approval', 'promoted', 'rolled_back', 'failed']),
  asOf: z.string(),
  championVersion: z.number().nullable(),
  challengerVersion: z.number().nullable(),
  flowVersionBefore: z.number().nullable(),
  flowVersionAfter: z.number().nullable(),
  checks: z.unknown(),
  reasons: z.array(z.string()),
  sampleReport: z.unknown(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  releaseId: z.string().nullable().describe('the release that publishes the promotion (GET /v1/releases/:id); the run follows it'),
});

export function lifecycleRoutes(service: LifecycleService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.put(
      '/v1/lifecycle/programs/:modelId',
      {
        config: { access: DECIDE },
        schema: {
          tags: ['lifecycle'],
          summary: 'How a model is rebuilt: the flow and score node that use it, the sample definition, the out-of-time slice and the promotion policy',
          params: modelParams,
          body: z.strictObject({
            flow: z.string().min(1).max(64),
            scoreNode: z.string().min(1).max(64),
            sample: z
              .record(z.string(), z.unknown())
              .describe('observation and performance windows, bad and indeterminate thresholds, features, reject inference'),
            ootMonths: z.number().int().min(1).max(24).default(3),
            policy: z.record(z.string(), z.unknown()).optional().describe('minAucGain, minKsGain, maxPsi, maxCalibrationGap, approval: auto | risk-manager'),
            decisionLogic: z
              .record(z.string(), z.unknown())
              .nullable()
              .optional()
              .describe(
                'what the optimiser re-sets with each new model: switchNode, approveTo and strategy for one PD cutoff on an edge; or table {node, segment} and strategy for a decision table the run writes, one rule per segment with its cutoff, rate and limit factor',
              ),
            triggers: z
              .record(z.string(), z.unknown())
              .nullable()
              .optional()
              .describe('sampleGrowth (share), minAccounts: start a run when the matured sample grows'),
          }),
          response: { 200: programSchema, ...errorResponses },
        },
      },
      async (request) => service.setProgram(request.params.modelId, { ...request.body, policy: request.body.policy ?? {} }, actorOf(request)),
    );

    r.get(
      '/v1/lifecycle/programs/:modelId',
      { config: { access: READ }, schema: { tags: ['lifecycle'], params: modelParams, response: { 200: programSchema, ...errorResponses } } },
      async (request) => service.program(request.params.modelId),
    );

    r.post(
      '/v1/lifecycle/programs/:modelId/runs',
      {
        config: { access: START },
        schema: {
          tags: ['lifecycle'],
          summary: 'Retrain now, as a job',
          params: modelParams,
          body: z.strictObject({ asOf: z.iso.datetime({ offset: true }).optional().describe('the date outcomes are judged at (default: now)') }).optional(),
          response: { 202: runSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(202).send(await service.startRun(request.params.modelId, request.body?.asOf, actorOf(request))),
    );

    r.get(
      '/v1/lifecycle/programs/:modelId/runs',
      {
        config: { access: READ },
        schema: { tags: ['lifecycle'], params: modelParams, response: { 200: z.object({ runs: z.array(runSchema) }), ...errorResponses } },
      },
      async (request) => ({ runs: await service.runs(request.params.modelId) }),
    );

    r.get(
      '/v1/lifecycle/runs/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['lifecycle'],
          summary: "A retraining run: status, champion and challenger checks, the policy's reasons, lineage",
          params: runParams,
          response: { 200: runSchema, ...errorResponses },
        },
      },
      async (request) => service.getRun(request.params.id),
    );

    r.post(
      '/v1/lifecycle/runs/:id/approve',
      {
        config: { access: DECIDE },
        schema: {
          tags: ['lifecycle'],
          summary:
            "Approve a challenger that awaits approval: the run's release (its flow version and model version) is approved under the four-eyes rules and goes live",
          params: runParams,
          response: { 200: runSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => service.promote(request.params.id, actorOf(request)),
    );

    r.post(
      '/v1/lifecycle/runs/:id/reject',
      {
        config: { access: DECIDE },
        schema: { tags: ['lifecycle'], params: runParams, response: { 200: runSchema, ...errorResponses, 409: errorResponses[400] } },
      },
      async (request) => service.reject(request.params.id, actorOf(request)),
    );

    r.post(
      '/v1/lifecycle/programs/:modelId/confirm',
      {
        config: { access: DECIDE },
        schema: {
          tags: ['lifecycle'],
          summary:
            'A second risk manager confirms a program as it is set (give its updatedAt as read): where releases take two people, its automatic approval takes effect only then; changing the program again needs a new confirmation',
          params: modelParams,
          body: z.strictObject({
            updatedAt: z.string().datetime({ offset: true }).describe("the program's updatedAt as read, so a change since is not confirmed by mistake"),
          }),
          response: { 200: programSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => service.confirmProgram(request.params.modelId, request.body.updatedAt, actorOf(request)),
    );

    r.post(
      '/v1/lifecycle/programs/:modelId/rollback',
      {
        config: { access: DECIDE },
        schema: {
          tags: ['lifecycle'],
          summary:
            'Undo the last promotion in one call: the flow as it was before it is published again at once, listed as an emergency rollback for a second person to confirm',
          params: modelParams,
          response: { 200: runSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => service.rollback(request.params.modelId, actorOf(request)),
    );
  };
}
