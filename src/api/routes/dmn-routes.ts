import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pinnedName } from '../../flow/index.ts';
import { DMN_VERSIONS } from '../../rules/index.ts';
import { DMN_MODEL_ID, type DmnService, type FlowService, MAX_DMN_BYTES } from '../../services/index.ts';
import type { DmnModelVersion } from '../../store/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor', 'reviewer'] as const;
const WRITE = ['risk-manager', 'analyst'] as const;

const idSchema = z.string().regex(DMN_MODEL_ID, 'letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit');
const modelParams = z.strictObject({ id: idSchema });
const versionParams = modelParams.extend({ version: z.coerce.number().int().positive() });
const versionSchema = z.object({
  modelId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  summary: z
    .record(z.string(), z.unknown())
    .describe(
      'name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version")',
    ),
  createdAt: z.string(),
  createdBy: z.string(),
  approvedBy: z.string().nullable().describe('who approved the version for use (POST /v1/releases); flows naming it are released only after'),
  approvedAt: z.string().nullable(),
  reference: z.string().describe('how a flow\'s table node names this version: "dmn": {"model": reference, "decision": ...}'),
});

const withReference = (v: DmnModelVersion) => ({ ...v, reference: pinnedName(v.modelId, v.version) });

/** A file name for a download: the id and version, nothing a header could be split on. */
const fileName = (stem: string) => `${stem.replace(/[^A-Za-z0-9._-]/g, '_')}.dmn`;

/**
 * DMN models on the server: upload (DMN 1.1 to 1.5), versions by content, download as uploaded,
 * evaluate a decision with JSON inputs; and any inline table of a flow as DMN 1.5 for a modeler.
 */
export function dmnRoutes(dmn: DmnService, flows: FlowService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/dmn',
      {
        config: { access: READ },
        schema: {
          tags: ['rules'],
          summary: 'Stored DMN models, each at its latest version',
          response: { 200: z.object({ models: z.array(versionSchema) }), ...errorResponses },
        },
      },
      async () => ({ models: (await dmn.list()).map(withReference) }),
    );

    r.post(
      '/v1/dmn',
      {
        config: { access: WRITE },
        bodyLimit: MAX_DMN_BYTES + 64 * 1024,
        schema: {
          tags: ['rules'],
          summary:
            'Upload a DMN model as the next version of an id; the same XML again returns its existing version (200). Models it imports must be stored first: each import is linked to the latest version of the stored model with its namespace',
          body: z.strictObject({ id: idSchema, xml: z.string().min(1).describe('the DMN document') }),
          response: { 200: versionSchema, 201: versionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, created } = await dmn.upload(request.body.id, request.body.xml, actorOf(request));
        return reply.code(created ? 201 : 200).send(withReference(version));
      },
    );

    r.get(
      '/v1/dmn/:id/versions',
      {
        config: { access: READ },
        schema: { tags: ['rules'], params: modelParams, response: { 200: z.object({ versions: z.array(versionSchema) }), ...errorResponses } },
      },
      async (request) => ({ versions: (await dmn.versions(request.params.id)).map(withReference) }),
    );

    r.get(
      '/v1/dmn/:id/versions/:version',
      { config: { access: READ }, schema: { tags: ['rules'], params: versionParams, response: { 200: versionSchema, ...errorResponses } } },
      async (request) => withReference(await dmn.version(request.params.id, request.params.version)),
    );

    r.get(
      '/v1/dmn/:id/versions/:version/file',
      {
        config: { access: READ },
        schema: { tags: ['rules'], summary: 'The DMN XML as it was uploaded', params: versionParams, response: { 200: z.string(), ...errorResponses } },
      },
      async (request, reply) => {
        const xml = await dmn.xml(request.params.id, request.params.version);
        return reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(`${request.params.id}-v${request.params.version}`)}"`)
          .send(xml);
      },
    );

    r.post(
      '/v1/dmn/:id/versions/:version/evaluate',
      {
        config: { access: WRITE },
        schema: {
          tags: ['rules'],
          summary: "Evaluate a decision with JSON inputs (dates and durations as ISO 8601 strings, read by the model's types)",
          params: versionParams,
          body: z.strictObject({ decision: z.string().min(1), input: z.record(z.string(), z.unknown()) }),
          response: {
            200: z.object({
              decision: z.string(),
              value: z.unknown(),
              errors: z.array(z.object({ decision: z.string(), message: z.string() })),
              warnings: z.array(z.object({ code: z.string(), message: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => dmn.evaluate(request.params.id, request.params.version, request.body.decision, request.body.input),
    );

    r.get(
      '/v1/flows/:id/versions/:version/nodes/:node/dmn',
      {
        config: { access: READ },
        schema: {
          tags: ['flows'],
          summary: "A table node's table as a DMN 1.5 model, or 1.3 for Camunda Modeler (for other tools, or to store with POST /v1/dmn)",
          params: z.strictObject({ id: z.string().min(1).max(64), version: z.coerce.number().int().positive(), node: z.string().min(1).max(64) }),
          querystring: z.strictObject({
            dmnVersion: z.enum(DMN_VERSIONS).default('1.5').describe('1.3 opens in Camunda Modeler, which does not read DMN 1.4 or 1.5'),
          }),
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id, version, node } = request.params;
        const { dmnVersion } = request.query;
        const xml = await flows.tableAsDmn(id, version, node, dmnVersion);
        return reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(`${id}-v${version}-${node}${dmnVersion === '1.5' ? '' : `-dmn${dmnVersion}`}`)}"`)
          .send(xml);
      },
    );
  };
}
