import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flowJsonSchema } from '../../flow/index.ts';
import { impactAssessmentHtml, type FlowService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor', 'reviewer'] as const;
const WRITE = ['risk-manager', 'analyst'] as const;
const PUBLISH = ['risk-manager'] as const;

const versionSchema = z.object({
  flowId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  definition: z.unknown(),
  contentHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
const issueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
const flowParams = z.strictObject({ id: z.string().min(1).max(64) });
const versionParams = z.strictObject({ id: z.string().min(1).max(64), version: z.coerce.number().int().positive() });
const definitionBody = z.strictObject({ definition: z.record(z.string(), z.unknown()).describe('a flow definition; see GET /v1/flows/schema') });

export function flowRoutes(flows: FlowService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/flows/schema',
      {
        config: { access: READ },
        schema: { tags: ['flows'], summary: 'The JSON Schema of flow definitions', response: { 200: z.unknown(), ...errorResponses } },
      },
      async () => flowJsonSchema(),
    );

    r.get(
      '/v1/flows',
      {
        // Services list flows too: a client picks the flow it decides with, and the console's Decisions page offers them.
        config: { access: [...READ, 'service'] },
        schema: {
          tags: ['flows'],
          summary: 'List flows',
          response: {
            200: z.object({
              flows: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  latestVersion: z.number(),
                  publishedVersion: z.number().nullable().describe('the highest published version'),
                  liveVersion: z.number().nullable().describe('the version that decides: the last published, or an earlier one after a rollback'),
                  createdAt: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ flows: await flows.list() }),
    );

    r.post(
      '/v1/flows',
      {
        config: { access: WRITE },
        schema: {
          tags: ['flows'],
          summary: 'Create a flow from a definition (its first draft)',
          body: definitionBody,
          response: { 201: versionSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request, reply) => {
        return reply.code(201).send(await flows.create(request.body.definition, actorOf(request)));
      },
    );

    r.get(
      '/v1/flows/:id/versions',
      {
        config: { access: READ },
        schema: { tags: ['flows'], params: flowParams, response: { 200: z.object({ versions: z.array(versionSchema) }), ...errorResponses } },
      },
      async (request) => ({
        versions: await flows.versions(request.params.id),
      }),
    );

    r.post(
      '/v1/flows/:id/versions',
      {
        config: { access: WRITE },
        schema: {
          tags: ['flows'],
          summary: 'Add a draft version',
          params: flowParams,
          body: definitionBody,
          response: { 201: versionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        return reply.code(201).send(await flows.addDraft(request.params.id, request.body.definition, actorOf(request)));
      },
    );

    r.get(
      '/v1/flows/:id/versions/:version',
      { config: { access: READ }, schema: { tags: ['flows'], params: versionParams, response: { 200: versionSchema, ...errorResponses } } },
      async (request) => flows.version(request.params.id, request.params.version),
    );

    r.put(
      '/v1/flows/:id/versions/:version',
      {
        config: { access: WRITE },
        schema: {
          tags: ['flows'],
          summary: 'Edit a draft (published versions are immutable: 409)',
          params: versionParams,
          body: definitionBody,
          response: { 200: versionSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => flows.editDraft(request.params.id, request.params.version, request.body.definition, actorOf(request)),
    );

    r.post(
      '/v1/flows/:id/versions/:version/validate',
      {
        config: { access: WRITE },
        schema: {
          tags: ['flows'],
          summary: 'Run the static checks; list every problem with its JSON path',
          params: versionParams,
          response: {
            200: z.object({
              ok: z.boolean(),
              issues: z.array(issueSchema),
              publishable: z.array(issueSchema),
              warnings: z
                .array(issueSchema)
                .describe('what does not stop publishing but deserves a look: conditions that are null when an optional field is missing'),
              paths: z.number().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => flows.validate(request.params.id, request.params.version),
    );

    r.post(
      '/v1/flows/:id/versions/:version/publish',
      {
        config: { access: PUBLISH },
        schema: {
          tags: ['flows'],
          summary:
            'Publish a draft in one step: only where one person may release alone (ARBITER_SINGLE_PERSON_RELEASE=true); otherwise 403 approval_required, and the draft is submitted for approval',
          params: versionParams,
          response: { 200: versionSchema, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => flows.publish(request.params.id, request.params.version, actorOf(request)),
    );

    r.get(
      '/v1/flows/:id/versions/:version/paths',
      {
        config: { access: READ },
        schema: {
          tags: ['flows'],
          summary: 'Every distinct path from input to an output',
          params: versionParams,
          response: {
            200: z.object({
              count: z.number(),
              truncated: z.boolean(),
              paths: z.array(z.object({ steps: z.array(z.string()), conditions: z.array(z.string()), end: z.string(), outcome: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => flows.paths(request.params.id, request.params.version),
    );

    r.get(
      '/v1/flows/:id/versions/:version/impact-assessment',
      {
        config: { access: ['risk-manager', 'auditor', 'admin'] },
        schema: {
          tags: ['personal data'],
          summary:
            'A personal information impact assessment of the version (PIPL Art. 55-56): personal data read, consents, bureaus, models, human review, retention, who may reveal, and the share of the last 30 days decided without a person',
          params: versionParams,
          querystring: z.strictObject({ format: z.enum(['json', 'html']).default('json') }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const assessment = await flows.impactAssessment(request.params.id, request.params.version, new Date());
        if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(impactAssessmentHtml(assessment));
        return assessment;
      },
    );

    r.get(
      '/v1/flows/:id/diff',
      {
        config: { access: READ },
        schema: {
          tags: ['flows'],
          summary: 'What changed between two versions',
          params: flowParams,
          querystring: z.strictObject({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request) => flows.diff(request.params.id, request.query.from, request.query.to),
    );
  };
}
