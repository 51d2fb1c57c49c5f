import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ModelFileError, ModelImportError, modelSummary, OnnxModel, parseModelFile, type LoadedModel } from '../../models/index.ts';
import { addModelVersion, getModelFile, getModelVersion, listModels, listModelVersions, type Database } from '../../store/index.ts';
import { ApiError } from '../api-error.ts';
import { requirePrincipal } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';
import { Gate } from '../../support/gate.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
const WRITE = ['risk-manager', 'analyst'] as const;
/** Trained tree models of a few hundred trees are well under this; ONNX graphs can be larger. */
const MODEL_BODY_LIMIT = 64 * 1024 * 1024;

/** Model uploads checked at once in this process. */
const uploads = new Gate(1);

export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const modelParams = z.strictObject({ id: z.string().regex(MODEL_ID, 'letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit') });
const versionParams = modelParams.extend({ version: z.coerce.number().int().positive() });
const versionSchema = z.object({
  modelId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  kind: z.string(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string(),
  reference: z.string().describe('how a flow\'s score node names this version'),
});

async function checkedModel(body: unknown): Promise<LoadedModel> {
  try {
    const model = parseModelFile(body, 'the body');
    // An ONNX graph must also load in onnxruntime, or flows using it would fail at the first decision.
    if (model.kind === 'onnx') await OnnxModel.fromBytes(model.model.bytes, model.model.featureNames);
    return model;
  } catch (err) {
    if (err instanceof ModelFileError || err instanceof ModelImportError) throw new ApiError(400, 'invalid_model', `${err.message}`);
    throw err;
  }
}

export function modelRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const withReference = <T extends { modelId: string; version: number }>(v: T) => ({ ...v, reference: `${v.modelId}@${v.version}` });

    r.get(
      '/v1/models',
      { config: { access: READ }, schema: { tags: ['models'], summary: 'List stored models', response: { 200: z.object({ models: z.array(z.object({ id: z.string(), latestVersion: z.number(), kind: z.string(), createdAt: z.string(), updatedAt: z.string() })) }), ...errorResponses } } },
      async () => ({ models: await listModels(db) }),
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
        // A model file of tens of megabytes becomes hundreds of megabytes of objects while it is
        // checked: one upload at a time, so concurrent uploads cannot multiply that.
        const release = await uploads.acquire();
        try {
          const model = await checkedModel(request.body);
          const principal = requirePrincipal(request);
          const { version, created } = await addModelVersion(db, request.params.id, { text: JSON.stringify(request.body), contentHash: model.version, kind: model.kind, summary: modelSummary(model) }, { actor: principal.keyId, requestId: request.id });
          return reply.code(created ? 201 : 200).send(withReference(version));
        } finally {
          release();
        }
      },
    );

    r.get('/v1/models/:id/versions', { config: { access: READ }, schema: { tags: ['models'], params: modelParams, response: { 200: z.object({ versions: z.array(versionSchema) }), ...errorResponses } } }, async (request) => ({
      versions: (await listModelVersions(db, request.params.id)).map(withReference),
    }));

    r.get('/v1/models/:id/versions/:version', { config: { access: READ }, schema: { tags: ['models'], summary: 'One version: metrics, features, lineage', params: versionParams, response: { 200: versionSchema, ...errorResponses } } }, async (request) =>
      withReference(await getModelVersion(db, request.params.id, request.params.version)),
    );

    r.get('/v1/models/:id/versions/:version/file', { config: { access: READ }, schema: { tags: ['models'], summary: 'The model file itself, for arbiter score or another environment', params: versionParams, response: { 200: z.unknown(), ...errorResponses } } }, async (request) =>
      getModelFile(db, request.params.id, request.params.version),
    );
  };
}
