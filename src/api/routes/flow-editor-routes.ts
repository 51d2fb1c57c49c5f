import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FlowService } from '../../services/index.ts';
import { errorResponses, reasonSchema, traceEntrySchema } from '../schemas.ts';

const EDITORS = ['risk-manager', 'analyst'] as const;

const locatedIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional().describe('FEEL syntax errors: the line in the expression'),
  column: z.number().int().optional(),
  node: z.string().optional().describe('the node the issue concerns (input fields belong to the input node)'),
  edge: z.number().int().optional().describe('the index of the edge the issue concerns'),
});

/** The definition being edited: any JSON object, since half-made flows are checked too. */
const unsaved = z.record(z.string(), z.unknown()).describe('a flow definition, saved or not; see GET /v1/flows/schema');

const trialInput = {
  application: z.record(z.string(), z.unknown()),
  consents: z.array(z.string().min(1)).max(50).optional().describe('consent scopes the applicant gave, e.g. credit-bureau'),
  reports: z
    .record(z.string(), z.record(z.string(), z.unknown()).nullable())
    .optional()
    .describe('by bureau node id: the mapped features its pull returns (null: it fails); a trial never calls a bureau'),
  reviews: z
    .record(z.string(), z.enum(['approve', 'decline']))
    .optional()
    .describe('by review node id: the verdict a person gives'),
};

const trialResult = z.object({
  status: z.enum(['completed', 'pending_review', 'invalid', 'failed']),
  outcome: z.enum(['approve', 'decline', 'refer', 'pending_review']).nullable(),
  reasons: z.array(reasonSchema),
  offer: z.record(z.string(), z.unknown()).nullable(),
  path: z.array(z.string()),
  trace: z.array(traceEntrySchema),
  wait: z.object({ node: z.string(), reason: z.string(), queue: z.string() }).nullable(),
  issues: z.array(locatedIssue),
  ms: z.number(),
});

const testResults = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  cases: z.array(z.object({ name: z.string(), passed: z.boolean(), failures: z.array(z.string()), result: trialResult })),
});

const versionParams = z.strictObject({ id: z.string().min(1).max(64), version: z.coerce.number().int().positive() });

function summary(cases: Awaited<ReturnType<FlowService['runTests']>>) {
  return { passed: cases.filter((c) => c.passed).length, failed: cases.filter((c) => !c.passed).length, cases };
}

/**
 * What the console's flow editor asks of a definition before it is saved: the live checks,
 * a trial of one application, and the flow's test cases. Nothing here stores anything.
 */
export function flowEditorRoutes(flows: FlowService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/v1/flows/check',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['flows'],
          summary: 'Check an unsaved definition: every problem with the node or edge it concerns, what publishing needs, the path count',
          body: z.strictObject({ definition: unsaved }),
          response: {
            200: z.object({
              ok: z.boolean(),
              issues: z.array(locatedIssue),
              publishable: z.array(locatedIssue),
              warnings: z.array(locatedIssue),
              paths: z.object({ count: z.number().int(), truncated: z.boolean() }).nullable(),
              names: z.array(z.string()).describe('input fields and the variables nodes set'),
              scope: z
                .record(z.string(), z.array(z.string()))
                .describe(
                  "by node id: the names set once the node has run (the input fields and what it and the nodes before it wrote); a node's expressions read its parents' names",
                ),
              ms: z.number().describe('time the checks took on the server'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => flows.check(request.body.definition),
    );

    r.post(
      '/v1/flows/trial',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['flows'],
          summary: 'Run one application through an unsaved definition and return the path and every step; nothing is stored, no bureau is called',
          body: z.strictObject({ definition: unsaved, ...trialInput }),
          response: { 200: trialResult, ...errorResponses },
        },
      },
      async (request) => {
        const { definition, ...input } = request.body;
        return flows.trial(definition, input);
      },
    );

    r.post(
      '/v1/flows/tests',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['flows'],
          summary: "Run an unsaved definition's test cases",
          body: z.strictObject({ definition: unsaved }),
          response: { 200: testResults, ...errorResponses },
        },
      },
      async (request) => summary(await flows.runTests(request.body.definition)),
    );

    r.post(
      '/v1/flows/:id/versions/:version/tests',
      {
        config: { access: EDITORS },
        schema: { tags: ['flows'], summary: "Run a stored version's test cases", params: versionParams, response: { 200: testResults, ...errorResponses } },
      },
      async (request) => summary(await flows.runStoredTests(request.params.id, request.params.version)),
    );
  };
}
