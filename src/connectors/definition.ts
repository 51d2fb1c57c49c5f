import { z } from 'zod';

const feel = z.string().min(1, 'a FEEL expression may not be empty');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'the name of an environment variable, like BUREAU_API_KEY: secrets never sit in a definition');

const authSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('apiKey'), header: z.string().min(1).default('x-api-key'), secretEnv: envName }),
  z.strictObject({
    type: z.literal('hmac'),
    secretEnv: envName,
    header: z.string().min(1).default('x-signature').describe('header carrying hex HMAC-SHA256 of "METHOD\\npath\\ntimestamp\\nbody"'),
    timestampHeader: z.string().min(1).default('x-timestamp'),
  }),
  z.strictObject({
    type: z.literal('clientCertificate'),
    certFile: z.string().min(1).describe('PEM client certificate, a path on the server'),
    keyFile: z.string().min(1).describe('PEM private key, a path on the server'),
    caFile: z.string().min(1).optional().describe("PEM bundle of the bureau's CA, when it is not a public one"),
  }),
]);

const featureSchema = z.strictObject({
  expression: feel.describe("FEEL over `response` (the parsed JSON, or the XML as a context) and the connector's inputs"),
  class: z.enum(['C1', 'C2']).describe('personal-data class of the value: C2 values are masked wherever a trace is shown'),
});

export const connectorSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'ids start with a letter and hold letters, digits, _ and - (at most 64)'),
  name: z.string().min(1),
  description: z.string().optional(),
  inputs: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'input names are plain identifiers'),
      z.strictObject({ type: z.enum(['string', 'number', 'boolean', 'date']), class: z.enum(['C1', 'C2']) }),
    )
    .describe('what a bureau node passes in; the request and the mapping read these names'),
  subject: z.string().describe('the input that identifies the person (national ID): its keyed hash keys the pull ledger, the reuse window and coalescing'),
  consentScope: z.string().min(1).describe('the consent scope the applicant must have granted (and not let expire) before a pull'),
  request: z.strictObject({
    method: z.enum(['GET', 'POST']),
    url: z.url().describe('the bureau endpoint; {name} is replaced by the URL-encoded value of an input or of `reference`'),
    headers: z.record(z.string(), feel).optional().describe('header name to FEEL expression'),
    body: z.record(z.string(), feel).optional().describe('POST: JSON body, field to FEEL expression; `reference` is the inquiry id from the pull ledger'),
  }),
  reconcile: z
    .strictObject({ url: z.url().describe('GET; {reference} is replaced by the inquiry id. 200 with the report: the bureau produced it; 404: it did not') })
    .optional()
    .describe('after a timeout, ask the bureau whether the inquiry produced a report instead of pulling again'),
  auth: authSchema.default({ type: 'none' }),
  response: z.strictObject({
    format: z.enum(['json', 'xml']),
    noHitStatus: z.number().int().min(400).max(499).optional().describe('HTTP status by which the bureau says it holds no file for the person (no-hit)'),
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(16 * 1024 * 1024)
      .default(2 * 1024 * 1024),
  }),
  features: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'feature names are plain identifiers'), featureSchema)
    .refine((f) => Object.keys(f).length > 0, 'map at least one feature'),
  timeoutMs: z.number().int().min(10).max(120_000).default(3000).describe('per attempt'),
  retries: z
    .strictObject({
      max: z
        .number()
        .int()
        .min(0)
        .max(10)
        .default(2)
        .describe('retries after the first attempt, on retryable failures only (connection errors, 5xx, 429, timeouts the bureau did not answer)'),
      baseMs: z.number().int().min(1).max(60_000).default(100),
      maxMs: z.number().int().min(1).max(60_000).default(2000),
    })
    .default({ max: 2, baseMs: 100, maxMs: 2000 }),
  circuit: z
    .strictObject({
      consecutiveFailures: z.number().int().min(1).max(1000).default(5),
      halfOpenAfterMs: z.number().int().min(10).max(600_000).default(10_000),
    })
    .default({ consecutiveFailures: 5, halfOpenAfterMs: 10_000 }),
  costPerCall: z.number().min(0).describe("what the bureau charges for a report, in the lender's currency"),
  reuseDays: z
    .number()
    .min(0)
    .max(365)
    .describe('a report on the same person from this connector, younger than this, is reused instead of pulled again (0: never)'),
});

export type ConnectorDefinition = z.output<typeof connectorSchema>;
export type ConnectorInput = z.input<typeof connectorSchema>;

export function connectorJsonSchema(): unknown {
  return z.toJSONSchema(connectorSchema, { target: 'draft-2020-12', io: 'input' });
}
