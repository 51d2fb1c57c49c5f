import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ScorecardBinsService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';
import { MODEL_ID, versionSchema } from './model-routes.ts';

const ANALYSTS = ['risk-manager', 'analyst'] as const;
/** Labelled data of up to a couple of hundred thousand rows of a few dozen columns. */
const DATA_BODY_LIMIT = 64 * 1024 * 1024;

const labelled = {
  data: z.string().min(1).describe('labelled applications as CSV with a header line'),
  target: z.string().min(1).describe('the outcome column'),
  bad: z.string().describe('the value of the outcome column for a bad loan'),
  features: z.array(z.string().min(1)).min(1).optional().describe('the features to bin; every column but the outcome and identifiers by default'),
  bins: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .describe('per feature, the bins fixed (cuts for numbers, groups of levels for text) or steered (trend, minBinShare, maxBins, specialValues)'),
};

const binReportSchema = z.object({
  kind: z.enum(['numeric', 'categorical']),
  trend: z.string(),
  cuts: z.array(z.number()).optional(),
  groups: z.array(z.array(z.string())).optional(),
  iv: z.number(),
  bins: z.array(z.object({ label: z.string(), count: z.number(), badRate: z.number(), woe: z.number(), iv: z.number() })),
});

export function scorecardBinsRoutes(bins: ScorecardBinsService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/v1/models/bins',
      {
        config: { access: ANALYSTS },
        bodyLimit: DATA_BODY_LIMIT,
        schema: {
          tags: ['models'],
          summary:
            "A scorecard's bins for labelled data: per feature the bins (optimal under size and trend unless given), each with its count, bad rate, WoE and IV; stores nothing",
          body: z.strictObject(labelled),
          response: {
            200: z.object({ rows: z.number().int(), bads: z.number().int(), features: z.record(z.string(), binReportSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => bins.report(request.body),
    );

    r.post(
      '/v1/models/:id/versions/scorecard',
      {
        config: { access: ANALYSTS },
        bodyLimit: DATA_BODY_LIMIT,
        schema: {
          tags: ['models'],
          summary: 'Refit a scorecard on labelled data with the bins given (as edited from /v1/models/bins) and store it as the next version of the model',
          params: z.strictObject({ id: z.string().regex(MODEL_ID, 'letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit') }),
          body: z.strictObject({
            ...labelled,
            testFraction: z.number().gt(0).lt(1).optional().describe("the held-out share for the version's figures; 0.3 by default"),
            seed: z.number().int().optional().describe('seed of the split; 42 by default'),
          }),
          response: {
            201: versionSchema,
            200: versionSchema,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { version, created } = await bins.refit(request.params.id, request.body, actorOf(request));
        return reply.code(created ? 201 : 200).send(version);
      },
    );
  };
}
