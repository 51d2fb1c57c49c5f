import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_OUTCOME_EVENTS, type OutcomeService } from '../../services/index.ts';
import { OUTCOME_TYPES, type OutcomeEvent } from '../../store/index.ts';
import { ApiError } from '../api-error.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const WRITE = ['service'] as const;
const BODY_LIMIT = 16 * 1024 * 1024;

export const outcomeEventSchema = z.strictObject({
  eventId: z.string().min(1).max(200).describe("the sender's id of the event: sending it again is harmless"),
  decisionId: z.string().min(1).max(64),
  type: z.enum(OUTCOME_TYPES),
  occurredAt: z.iso.datetime({ offset: true }),
  daysPastDue: z.number().int().min(0).max(10_000).nullable().optional().describe('delinquency: days past due at occurredAt'),
  amount: z.number().min(0).max(1e12).nullable().optional(),
});

/** JSON lines: every line an event; every bad line named with its number. */
function parseLines(text: string): OutcomeEvent[] {
  const events: OutcomeEvent[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      problems.push(`line ${i + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const r = outcomeEventSchema.safeParse(value);
    if (r.success) events.push(r.data);
    else problems.push(`line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || 'event'}: ${x.message}`).join('; ')}`);
  });
  if (problems.length)
    throw new ApiError(
      400,
      'invalid_outcomes',
      `${problems.length} line(s) are not valid events; nothing was recorded. ${problems.slice(0, 10).join(' | ')}`,
      problems.slice(0, 100),
    );
  return events;
}

export function outcomeRoutes(outcomes: OutcomeService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, { lines: body }));
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/v1/outcomes',
      {
        config: { access: WRITE },
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['lifecycle'],
          summary:
            'Record performance events of decided applications: JSON {events: [...]} or JSON lines (application/x-ndjson), all or nothing, idempotent by event id',
          body: z.union([
            z.strictObject({ events: z.array(outcomeEventSchema).min(1).max(MAX_OUTCOME_EVENTS) }),
            z.strictObject({ lines: z.string() }).describe('JSON lines, sent as application/x-ndjson'),
          ]),
          response: { 200: z.object({ accepted: z.number(), duplicates: z.number() }), ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (request) => {
        const events = 'events' in request.body ? request.body.events : parseLines(request.body.lines);
        return outcomes.record(events, actorOf(request));
      },
    );
  };
}
