import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMPACT_DECISIONS, type ReleaseService } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const READ = ['admin', 'risk-manager', 'analyst', 'auditor', 'reviewer'] as const;
const SUBMIT = ['risk-manager', 'analyst'] as const;
const APPROVE = ['risk-manager'] as const;

const verdicts = <T extends z.ZodType>(t: T) => z.object({ approve: t, decline: t, refer: t, review: t });
const sideSchema = z.object({
  approvalRate: z.number(),
  outcomes: verdicts(z.number()),
  expectedProfit: z.number().nullable(),
  expectedLoss: z.number().nullable(),
});
const swapSchema = z.object({ count: z.number(), share: z.number(), known: z.number(), bad: z.number(), badRate: z.number().nullable() });
const pathChange = z.object({ path: z.string(), live: z.number(), draft: z.number() });
const impactSchema = z
  .object({
    decisions: z.number(),
    erased: z.number().describe('decisions left out because their personal data was erased'),
    source: z.enum(['decisions', 'sample']).describe("the live version's latest decisions, or applications uploaded with the submission"),
    seconds: z.number(),
    errors: z.object({ live: z.record(z.string(), z.number()), draft: z.record(z.string(), z.number()) }),
    live: sideSchema,
    draft: sideSchema,
    swapIns: swapSchema,
    swapOuts: swapSchema,
    matrix: verdicts(verdicts(z.number())).describe('draft verdict, then live verdict: how many'),
    changedOutcome: z.number(),
    changedReasons: z.object({
      count: z.number(),
      share: z.number(),
      top: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
    }),
    changedOffer: z.object({ count: z.number(), share: z.number() }),
    paths: z.object({
      added: z.array(pathChange),
      removed: z.array(pathChange),
      changed: z.array(pathChange),
      distinctLive: z.number(),
      distinctDraft: z.number(),
    }),
    bureau: z.object({ replayed: z.number(), unavailable: z.number() }),
  })
  .nullable()
  .describe('aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change');

const releaseSchema = z.object({
  id: z.string(),
  subjectType: z.enum(['flow', 'model', 'dmn_model', 'connector']).describe('a flow, or a stored artefact flows name'),
  subjectId: z.string(),
  action: z.enum(['publish', 'rollback', 'approve']).describe('approve: a stored artefact approved for use'),
  version: z.number().int(),
  fromVersion: z.number().int().nullable().describe('the live version when the change was asked for'),
  contentHash: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn', 'published', 'failed']),
  note: z.string(),
  authors: z.array(z.string()).describe('who created or edited the version: none of them may approve it'),
  submittedBy: z.string(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  effectiveAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  emergency: z.boolean(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  error: z.string().nullable(),
  impactDecisions: z.number().int(),
  impactStatus: z.enum(['none', 'pending', 'running', 'done', 'failed']),
  impact: impactSchema,
  impactError: z.string().nullable(),
  alsoApproves: z
    .array(z.object({ kind: z.enum(['model', 'dmn_model', 'connector']), id: z.string(), version: z.number().int() }))
    .describe('artefact versions this release approves for use with its flow (a retraining run submits its model version so)'),
});

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const versionParams = z.strictObject({ id: z.string().min(1).max(64), version: z.coerce.number().int().positive() });
const text = (what: string) => z.string().trim().min(1, `${what} is needed`).max(4000);
const conflict = { 409: errorResponses[400] };

export function releaseRoutes(releases: ReleaseService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/governance',
      {
        config: { access: READ },
        schema: {
          tags: ['releases'],
          summary: 'How changes are released here',
          response: { 200: z.object({ singlePersonRelease: z.boolean(), impactDecisions: z.number().int() }), ...errorResponses },
        },
      },
      async () => releases.settings,
    );

    r.post(
      '/v1/flows/:id/versions/:version/submit',
      {
        config: { access: SUBMIT },
        schema: {
          tags: ['releases'],
          summary: 'Submit a draft for approval with a change note; its impact on the latest decisions is computed in the background',
          params: versionParams,
          body: z.strictObject({
            note: text('note: a change note saying what changes and why'),
            impactDecisions: z.number().int().min(1).max(MAX_IMPACT_DECISIONS).optional(),
            sample: z
              .strictObject({ format: z.enum(['csv', 'jsonl']), content: z.string().min(1) })
              .optional()
              .describe('applications to replay instead of recent decisions (a first release has none); sealed, and destroyed once the report is written'),
          }),
          response: { 201: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request, reply) => reply.code(201).send(await releases.submit(request.params.id, request.params.version, request.body, actorOf(request))),
    );

    r.post(
      '/v1/releases',
      {
        config: { access: SUBMIT },
        schema: {
          tags: ['releases'],
          summary: 'Submit a stored model, DMN model or connector version for approval for use: a flow naming it is released only once it is approved',
          body: z.strictObject({
            kind: z.enum(['model', 'dmn_model', 'connector']),
            id: z.string().min(1).max(64),
            version: z.number().int().positive(),
            note: text('note: what the version is and why it should be used'),
          }),
          response: { 201: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request, reply) => reply.code(201).send(await releases.submitArtefact(request.body, actorOf(request))),
    );

    r.get(
      '/v1/releases',
      {
        config: { access: READ },
        schema: {
          tags: ['releases'],
          summary: 'Release requests, newest first',
          querystring: z.strictObject({
            flow: z.string().max(64).optional(),
            status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn', 'published', 'failed']).optional(),
            unconfirmed: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional()
              .describe('only emergency rollbacks nobody has confirmed'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ releases: z.array(releaseSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ releases: await releases.list(request.query) }),
    );

    r.get(
      '/v1/releases/:id',
      { config: { access: READ }, schema: { tags: ['releases'], params: idParams, response: { 200: releaseSchema, ...errorResponses } } },
      async (request) => releases.get(request.params.id),
    );

    r.post(
      '/v1/releases/:id/approve',
      {
        config: { access: APPROVE },
        schema: {
          tags: ['releases'],
          summary: 'Approve a request (not your own): it goes live at once, or at effectiveAt',
          params: idParams,
          body: z.strictObject({ comment: z.string().trim().max(4000).optional(), effectiveAt: z.iso.datetime({ offset: true }).optional() }),
          response: { 200: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => releases.approve(request.params.id, request.body, actorOf(request)),
    );

    r.post(
      '/v1/releases/:id/reject',
      {
        config: { access: APPROVE },
        schema: {
          tags: ['releases'],
          summary: 'Reject a request (not your own) with a comment',
          params: idParams,
          body: z.strictObject({ comment: text('comment: why it is rejected') }),
          response: { 200: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => releases.reject(request.params.id, request.body.comment, actorOf(request)),
    );

    r.post(
      '/v1/releases/:id/withdraw',
      {
        config: { access: SUBMIT },
        schema: {
          tags: ['releases'],
          summary: 'Withdraw your own request',
          params: idParams,
          response: { 200: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => releases.withdraw(request.params.id, actorOf(request)),
    );

    r.post(
      '/v1/releases/:id/confirm',
      {
        config: { access: APPROVE },
        schema: {
          tags: ['releases'],
          summary: "Confirm another person's emergency rollback",
          params: idParams,
          body: z.strictObject({ comment: z.string().trim().max(4000).optional() }),
          response: { 200: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => releases.confirm(request.params.id, request.body.comment ?? null, actorOf(request)),
    );

    r.post(
      '/v1/flows/:id/rollback',
      {
        config: { access: APPROVE },
        schema: {
          tags: ['releases'],
          summary: 'Return the flow to an earlier published version: for approval by another person, or at once in an emergency',
          params: idParams,
          body: z.strictObject({
            version: z.number().int().positive(),
            reason: text('reason: why the flow goes back'),
            emergency: z.boolean().optional(),
          }),
          response: { 201: releaseSchema, ...errorResponses, ...conflict },
        },
      },
      async (request, reply) => reply.code(201).send(await releases.rollback(request.params.id, request.body, actorOf(request))),
    );

    r.post(
      '/v1/models/:id/rollback',
      {
        config: { access: APPROVE },
        schema: {
          tags: ['releases'],
          summary:
            'Return a model to an earlier approved version in every live flow that scores with it: a new version of each flow, for approval by another person, or published at once in an emergency',
          params: idParams,
          body: z.strictObject({
            version: z.number().int().positive().describe('the model version to go back to'),
            reason: text('reason: why the model goes back'),
            emergency: z.boolean().optional(),
          }),
          response: {
            201: z.object({
              model: z.string(),
              version: z.number().int(),
              flows: z.array(
                z.object({
                  flowId: z.string(),
                  from: z.array(z.number().int()).describe('the versions of the model the live flow used'),
                  liveVersion: z.number().int().describe('the flow version live when the rollback was asked for'),
                  version: z.number().int().describe('the new flow version, on the earlier model'),
                  release: releaseSchema,
                }),
              ),
            }),
            ...errorResponses,
            ...conflict,
          },
        },
      },
      async (request, reply) => reply.code(201).send(await releases.rollbackModel(request.params.id, request.body, actorOf(request))),
    );
  };
}
