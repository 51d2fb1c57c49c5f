import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModelService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
const WRITE = ['risk-manager', 'analyst'] as const;
/** Trained tree models of a few hundred trees are well under this; ONNX graphs can be larger. */
const MODEL_BODY_LIMIT = 64 * 1024 * 1024;

export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const modelParams = z.strictObject({ id: z.string().regex(MODEL_ID, 'letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit') });
const versionParams = modelParams.extend({ version: z.coerce.number().int().positive() });
export const versionSchema = z.object({
  modelId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  kind: z.string(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string(),
  approvedBy: z.string().nullable().describe('who approved the version for use (POST /v1/releases); flows naming it are released only after'),
  approvedAt: z.string().nullable(),
  reference: z.string().describe("how a flow's score node names this version"),
});

export function modelRoutes(models: ModelService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/models',
      {
        config: { access: READ },
        schema: {
          tags: ['models'],
          summary: 'List stored models',
          response: {
            200: z.object({
              models: z.array(z.object({ id: z.string(), latestVersion: z.number(), kind: z.string(), createdAt: z.string(), updatedAt: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ models: await models.list() }),
    );

    r.post(
      '/v1/models/:id/versions',
      {
        config: { access: WRITE },
        bodyLimit: MODEL_BODY_LIMIT,
        schema: {
          tags: ['models'],
          summary: 'Upload a model file (from arbiter train or arbiter import) as the next version; the same file again returns its existing version',
          params: modelParams,
          body: z.record(z.string(), z.unknown()).describe('an Arbiter model file'),
          response: { 200: versionSchema, 201: versionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, created } = await models.add(request.params.id, request.body, actorOf(request));
        return reply.code(created ? 201 : 200).send(version);
      },
    );

    r.get(
      '/v1/models/:id/versions',
      {
        config: { access: READ },
        schema: { tags: ['models'], params: modelParams, response: { 200: z.object({ versions: z.array(versionSchema) }), ...errorResponses } },
      },
      async (request) => ({
        versions: await models.versions(request.params.id),
      }),
    );

    r.get(
      '/v1/models/:id/versions/:version',
      {
        config: { access: READ },
        schema: {
          tags: ['models'],
          summary: 'One version: metrics, features, lineage',
          params: versionParams,
          response: { 200: versionSchema, ...errorResponses },
        },
      },
      async (request) => models.version(request.params.id, request.params.version),
    );

    r.get(
      '/v1/models/:id/versions/:version/file',
      {
        config: { access: READ },
        schema: {
          tags: ['models'],
          summary: 'The model file itself, for arbiter score or another environment',
          params: versionParams,
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request) => models.file(request.params.id, request.params.version),
    );

    r.get(
      '/v1/models/:id/versions/:version/card',
      {
        config: { access: READ },
        schema: {
          tags: ['models'],
          summary:
            "The version's model card: a retrained version's is made by its run on the out-of-time applications (performance and stability by month, by segment, fairness on the program's protected attributes); any other's from what is stored (training, features and bins, the holdout's figures, limitations), and `arbiter card` adds months, segments, stability and fairness from data",
          params: versionParams,
          querystring: z.strictObject({ format: z.enum(['json', 'html']).default('json') }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (request.query.format === 'html')
          return reply.type('text/html; charset=utf-8').send(await models.cardHtml(request.params.id, request.params.version));
        return models.card(request.params.id, request.params.version);
      },
    );
  };
}
