import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectorJsonSchema } from '../../connectors/index.ts';
import type { ConnectorService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor'] as const;
/** Connectors spend money and move personal data to third parties: admins and risk managers only. */
const WRITE = ['admin', 'risk-manager'] as const;

const idParams = z.strictObject({ id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a connector id: letters, digits, _ and -, starting with a letter') });
const versionParams = idParams.extend({ version: z.coerce.number().int().positive() });
const versionSchema = z.object({
  connectorId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  definition: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string(),
  approvedBy: z.string().nullable().describe('who approved the version for use (POST /v1/releases); flows naming it are released only after'),
  approvedAt: z.string().nullable(),
  reference: z.string().describe("how a flow's bureau node names this version"),
});
const usageSchema = z.object({
  connectorId: z.string(),
  since: z.string().nullable(),
  pulls: z.number().describe('calls made to the bureau'),
  succeeded: z.number(),
  failed: z.number(),
  reused: z.number().describe('reports reused within the reuse window or coalesced with a pull in flight: no call, no charge'),
  refused: z.number().describe('pulls refused for want of consent: no call'),
  byOutcome: z.record(z.string(), z.number()),
  cost: z.number(),
  errorRate: z.number(),
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable(), max: z.number().nullable() }),
  attempts: z.number(),
  circuit: z.string().describe('the circuit breaker in this server process: closed, open or half-open'),
});

export function connectorRoutes(connectors: ConnectorService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/connectors/schema',
      {
        config: { access: READ },
        schema: { tags: ['connectors'], summary: 'JSON Schema of connector definitions', response: { 200: z.unknown(), ...errorResponses } },
      },
      async () => connectorJsonSchema(),
    );

    r.get(
      '/v1/connectors',
      {
        config: { access: READ },
        schema: {
          tags: ['connectors'],
          summary: 'The latest version of every connector',
          response: { 200: z.object({ connectors: z.array(versionSchema) }), ...errorResponses },
        },
      },
      async () => ({
        connectors: await connectors.list(),
      }),
    );

    r.post(
      '/v1/connectors',
      {
        config: { access: WRITE },
        schema: {
          tags: ['connectors'],
          summary: 'Store a connector definition as the next version of its id; the same definition again returns its existing version',
          body: z.record(z.string(), z.unknown()).describe('a connector definition (GET /v1/connectors/schema)'),
          response: { 200: versionSchema, 201: versionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, created } = await connectors.add(request.body, actorOf(request));
        return reply.code(created ? 201 : 200).send(version);
      },
    );

    r.get(
      '/v1/connectors/:id/versions',
      {
        config: { access: READ },
        schema: { tags: ['connectors'], params: idParams, response: { 200: z.object({ versions: z.array(versionSchema) }), ...errorResponses } },
      },
      async (request) => ({
        versions: await connectors.versions(request.params.id),
      }),
    );

    r.get(
      '/v1/connectors/:id/versions/:version',
      { config: { access: READ }, schema: { tags: ['connectors'], params: versionParams, response: { 200: versionSchema, ...errorResponses } } },
      async (request) => connectors.version(request.params.id, request.params.version),
    );

    r.get(
      '/v1/connectors/:id/usage',
      {
        config: { access: READ },
        schema: {
          tags: ['connectors'],
          summary: 'Pulls, reuses, cost, error rate and latency percentiles of a connector',
          params: idParams,
          querystring: z.strictObject({
            since: z.iso.datetime({ offset: true }).optional().describe('count pulls requested at or after this time (ISO 8601)'),
          }),
          response: { 200: usageSchema, ...errorResponses },
        },
      },
      async (request) => connectors.usage(request.params.id, request.query.since ? new Date(request.query.since) : null),
    );
  };
}
