import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLAIM_MINUTES, REVEAL_PURPOSES, type DecisionService, type OpenedDecision, type ReviewService } from '../../services/index.ts';
import type { DecisionRecord } from '../../store/index.ts';
import type { Reason, TraceEntry } from '../../flow/index.ts';
import { actorOf, requirePrincipal } from '../authenticate.ts';
import { errorResponses, reasonSchema, traceEntrySchema } from '../schemas.ts';

const DECIDE = ['service'] as const;
// Admins answer applicants' requests (access, erasure): they find the application, then reveal or erase it.
const READ = ['service', 'analyst', 'risk-manager', 'reviewer', 'auditor', 'admin'] as const;
const REVIEW_READ = ['reviewer', 'risk-manager'] as const;
const REVIEW_DECIDE = ['reviewer'] as const;
const REVEAL = ['reviewer', 'admin'] as const;
const SEARCH = ['service', 'analyst', 'risk-manager', 'reviewer', 'admin'] as const;
const ERASE = ['admin'] as const;
const APPLICANT_FACING = ['service'] as const;
/** Searches by a personal identifier, per key and minute (ARBITER_SEARCH_RATE_LIMIT): enough for a person or a service, too few to walk a space of identifiers. */
const SEARCHES_PER_MINUTE = Number(process.env.ARBITER_SEARCH_RATE_LIMIT || 60);

const decisionSchema = z.object({
  id: z.string(),
  status: z.enum(['completed', 'pending_review']),
  flow: z.object({ id: z.string(), version: z.number() }),
  outcome: z.string().nullable(),
  automatedOutcome: z.string().nullable(),
  override: z.object({ outcome: z.string(), reviewer: z.string(), note: z.string(), at: z.string() }).nullable(),
  reasons: z.array(reasonSchema),
  offer: z.record(z.string(), z.unknown()).nullable(),
  path: z.array(z.string()),
  pendingReviewId: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  durationMs: z.number(),
  traceId: z.string().nullable().describe('the OpenTelemetry trace the decision was made in; null when tracing is off'),
  trace: z.array(traceEntrySchema).nullable().optional(),
  versions: z.unknown().optional(),
  application: z.record(z.string(), z.unknown()).nullable().optional(),
  personalDataErased: z.boolean().optional(),
  droppedFields: z.array(z.string()).optional(),
});

const reviewSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  nodeId: z.string(),
  queue: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'decided']),
  verdict: z.enum(['approve', 'decline']).nullable(),
  note: z.string().nullable(),
  reviewer: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  claimedBy: z.string().nullable().describe('the key that has taken the case; nobody else may decide it until the claim lapses'),
  claimedAt: z.string().nullable(),
});

function present(d: DecisionRecord, opened?: OpenedDecision) {
  const result = d.result as { reasons?: Reason[]; offer?: Record<string, unknown> } | null;
  return {
    id: d.id,
    status: d.status,
    flow: { id: d.flowId, version: d.flowVersion },
    outcome: d.override?.outcome ?? d.outcome,
    automatedOutcome: d.outcome,
    override: d.override,
    reasons: result?.reasons ?? [],
    offer: result?.offer ?? null,
    path: d.path,
    pendingReviewId: d.pendingReviewId,
    createdAt: d.createdAt,
    completedAt: d.completedAt,
    durationMs: d.durationMs,
    traceId: d.traceId,
    ...(opened
      ? {
          trace: opened.trace as TraceEntry[] | null,
          versions: d.versions,
          application: opened.application,
          personalDataErased: opened.erased,
          droppedFields: d.droppedFields,
        }
      : {}),
  };
}

export function decisionRoutes(service: DecisionService, reviews: ReviewService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/v1/decisions',
      {
        config: { access: DECIDE },
        schema: {
          tags: ['decisions'],
          summary: 'Decide an application; committed before the answer. A repeat with the same idempotency key returns the stored decision.',
          body: z.strictObject({
            flow: z.string().min(1).max(64),
            version: z.number().int().positive().optional(),
            application: z.record(z.string(), z.unknown()),
            idempotencyKey: z.string().min(1).max(200),
            consents: z
              .array(
                z.strictObject({
                  scope: z.string().min(1).max(100).describe('what the applicant agreed to, e.g. credit-bureau'),
                  grantedAt: z.iso.datetime({ offset: true }),
                  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
                  channel: z.string().min(1).max(50).describe('where it was given: web, branch, phone, partner'),
                }),
              )
              .max(20)
              .optional(),
          }),
          response: { 200: decisionSchema, 201: decisionSchema, ...errorResponses, 409: errorResponses[400], 422: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const { decision, replayed } = await service.decide(request.body, actorOf(request));
        reply.header('idempotent-replay', String(replayed));
        // The trace is for GET /v1/decisions/:id; the caller of a decision needs the decision.
        return reply.code(replayed ? 200 : 201).send(present(decision));
      },
    );

    r.get(
      '/v1/decisions',
      {
        config: { access: READ },
        schema: {
          tags: ['decisions'],
          summary: 'Recent decisions, newest first',
          querystring: z.strictObject({
            flow: z.string().max(64).optional(),
            status: z.enum(['completed', 'pending_review']).optional(),
            outcome: z.enum(['approve', 'decline', 'refer']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            before: z.iso.datetime().optional(),
          }),
          response: { 200: z.object({ decisions: z.array(decisionSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        decisions: (
          await service.list({
            flowId: request.query.flow,
            status: request.query.status,
            outcome: request.query.outcome,
            limit: request.query.limit,
            before: request.query.before,
          })
        ).map((d) => present(d)),
      }),
    );

    r.get(
      '/v1/decisions/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['decisions'],
          summary: 'A decision with its trace and the exact versions used',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: decisionSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { decision, opened } = await service.view(request.params.id, actorOf(request));
        return present(decision, opened);
      },
    );

    r.post(
      '/v1/decisions/:id/reveal',
      {
        config: { access: REVEAL },
        schema: {
          tags: ['personal data'],
          summary: 'Show personal data unmasked for a stated purpose; reviewers only for cases they hold; every reveal is an audit event',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({
            purpose: z
              .enum(REVEAL_PURPOSES)
              .describe(
                'why: review_case and complaint for the reviewer holding that case; applicant_request, fraud_investigation, legal_obligation and audit for admins',
              ),
            reference: z
              .string()
              .regex(/^[A-Za-z0-9._:/#-]{3,64}$/, 'a ticket or case number: 3 to 64 letters, digits and . _ : / # -')
              .optional()
              .describe("the request's ticket or case number (required for admins' purposes); never personal data"),
            fields: z.array(z.string().max(100)).min(1).max(100).optional().describe('fields to reveal; all stored fields when absent'),
          }),
          response: { 200: z.object({ decisionId: z.string(), application: z.record(z.string(), z.unknown()) }), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => ({
        decisionId: request.params.id,
        application: await service.reveal(request.params.id, requirePrincipal(request), request.body, actorOf(request)),
      }),
    );

    r.post(
      '/v1/decisions/search',
      {
        config: { access: SEARCH, rateLimit: { max: SEARCHES_PER_MINUTE, timeWindow: 60_000 } },
        schema: {
          tags: ['personal data'],
          summary: 'Find decisions by a searchable personal field (national ID, phone) through its blind index; the value travels in the body, never the URL',
          body: z.strictObject({ field: z.string().min(1).max(100), value: z.string().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ decisions: z.array(decisionSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        decisions: (await service.search(request.body.field, request.body.value, request.body.limit, actorOf(request))).map((d) => present(d)),
      }),
    );

    r.delete(
      '/v1/applications/:id/personal-data',
      {
        config: { access: ERASE },
        schema: {
          tags: ['personal data'],
          summary: "Erase an application's personal data by destroying its data key; the decision and its reasons remain",
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ decisionId: z.string(), erasedAt: z.string() }), ...errorResponses },
        },
      },
      async (request) => ({ decisionId: request.params.id, ...(await service.erase(request.params.id, actorOf(request))) }),
    );

    r.post(
      '/v1/applications/:id/legal-holds',
      {
        config: { access: ERASE },
        schema: {
          tags: ['personal data'],
          summary: "Keep an application's personal data until a date, whatever its retention period",
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ reason: z.string().trim().min(5).max(500), heldUntil: z.iso.datetime({ offset: true }) }),
          response: {
            201: z.object({ id: z.string(), decisionId: z.string(), reason: z.string(), heldUntil: z.string(), createdBy: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.holdLegally(request.params.id, request.body.reason, request.body.heldUntil, actorOf(request))),
    );

    r.get(
      '/v1/decisions/:id/explanation',
      {
        config: { access: APPLICANT_FACING },
        schema: {
          tags: ['applicants'],
          summary: 'What to tell the applicant: the outcome, its principal reasons in plain words, and whether it can be contested',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              decisionId: z.string(),
              outcome: z.string().nullable(),
              decidedBy: z.enum(['automated', 'person', 'pending']),
              reasons: z.array(z.object({ code: z.string(), text: z.string(), texts: z.record(z.string(), z.string()).optional() })),
              canContest: z.boolean(),
              howToContest: z.string().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => service.explain(request.params.id),
    );

    r.post(
      '/v1/decisions/:id/contest',
      {
        config: { access: APPLICANT_FACING },
        schema: {
          tags: ['applicants'],
          summary: 'The applicant contests an automated decision: a review case opens for a person',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ statement: z.string().trim().min(1, 'say why the decision is contested').max(5000) }),
          response: { 201: z.object({ decisionId: z.string(), reviewId: z.string(), queue: z.string() }), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const review = await service.contest(request.params.id, request.body.statement, actorOf(request));
        return reply.code(201).send({ decisionId: review.decisionId, reviewId: review.id, queue: review.queue });
      },
    );

    r.get(
      '/v1/reviews',
      {
        config: { access: REVIEW_READ },
        schema: {
          tags: ['reviews'],
          summary: 'The review queue, oldest first',
          querystring: z.strictObject({
            status: z.enum(['pending', 'decided']).default('pending'),
            queue: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ reviews: z.array(reviewSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ reviews: await reviews.list(request.query) }),
    );

    r.get(
      '/v1/reviews/:id',
      {
        config: { access: REVIEW_READ },
        schema: {
          tags: ['reviews'],
          summary: 'A review with the decision it holds up',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ review: reviewSchema, decision: decisionSchema }), ...errorResponses },
        },
      },
      async (request) => {
        const { review, decision, opened } = await reviews.get(request.params.id);
        return { review, decision: present(decision, opened) };
      },
    );

    r.post(
      '/v1/reviews/:id/claim',
      {
        config: { access: REVIEW_DECIDE },
        schema: {
          tags: ['reviews'],
          summary: `Take a case: nobody else may decide it for ${CLAIM_MINUTES} minutes (taking it again renews the claim)`,
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ review: reviewSchema }), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => ({ review: await reviews.claim(request.params.id, actorOf(request)) }),
    );

    r.post(
      '/v1/reviews/:id',
      {
        config: { access: REVIEW_DECIDE },
        schema: {
          tags: ['reviews'],
          summary: "Give a review's verdict; the decision resumes after the review node",
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ verdict: z.enum(['approve', 'decline']), note: z.string().trim().min(1, 'a note is required').max(2000) }),
          response: { 200: z.object({ review: reviewSchema, decision: decisionSchema }), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => {
        const { review, decision, opened } = await reviews.decide(request.params.id, request.body.verdict, request.body.note, actorOf(request));
        return { review, decision: present(decision, opened) };
      },
    );
  };
}
