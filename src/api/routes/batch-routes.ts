import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { batchResultsCsv, batchResultsParquet, type BatchFormat, type BatchRecord, type BatchService } from '../../services/index.ts';
import { ApiError } from '../api-error.ts';
import { actorOf, requirePrincipal } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const SUBMIT = ['service', 'risk-manager'] as const;
const READ = ['service', 'risk-manager', 'analyst', 'auditor'] as const;
/** A file of applications: about 400 bytes a row, so some hundreds of thousands of rows. */
const BATCH_BODY_LIMIT = 256 * 1024 * 1024;
const FORMATS: Record<string, BatchFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.apache.parquet': 'parquet',
};
const PARQUET = 'application/vnd.apache.parquet';

const batchSchema = z.object({
  id: z.string(),
  flow: z.object({ id: z.string(), version: z.number().int().nullable() }),
  status: z.enum(['running', 'done', 'cancelled']),
  cancelledBy: z.string().nullable(),
  rows: z.number().int(),
  chunks: z.number().int(),
  chunksDone: z.number().int(),
  failedRows: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const batchParams = z.strictObject({ id: z.string().max(100) });

const present = (b: BatchRecord) => ({
  id: b.id,
  flow: { id: b.flowId, version: b.flowVersion },
  status: b.status,
  rows: b.rows,
  chunks: b.chunks,
  chunksDone: b.chunksDone,
  failedRows: b.failedRows,
  createdAt: b.createdAt,
  finishedAt: b.finishedAt,
  cancelledBy: b.cancelledBy,
});

export function batchRoutes(batches: BatchService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(
      Object.keys(FORMATS).filter((t) => t !== PARQUET),
      { parseAs: 'string', bodyLimit: BATCH_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    app.addContentTypeParser(PARQUET, { parseAs: 'buffer', bodyLimit: BATCH_BODY_LIMIT }, (_request, body, done) => done(null, body));
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/v1/batches',
      {
        bodyLimit: BATCH_BODY_LIMIT,
        config: { access: SUBMIT },
        // Before the body is checked: a JSON object here is a mistake of format, not of content.
        preValidation: async (request) => {
          if (!FORMATS[String(request.headers['content-type']).split(';')[0]!.trim()])
            throw new ApiError(
              415,
              'unsupported_media_type',
              `send the file as text/csv (a header row, one application a row) or application/x-ndjson (one JSON object a line), not ${request.headers['content-type'] ?? 'without a content type'}`,
            );
        },
        schema: {
          tags: ['batches'],
          summary: 'Decide a file of applications (CSV with a header row, or JSON lines) as online decisions, in chunks every server takes',
          querystring: z.strictObject({ flow: z.string().min(1).max(200), version: z.coerce.number().int().min(1).optional() }),
          body: z.union([z.string(), z.custom<Buffer>((v) => Buffer.isBuffer(v), 'a file')]),
          response: { 202: batchSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const format = FORMATS[String(request.headers['content-type']).split(';')[0]!.trim()]!;
        const batch = await batches.submit({ flow: request.query.flow, version: request.query.version, format, content: request.body }, actorOf(request));
        return reply.code(202).header('location', `/v1/batches/${batch.id}`).send(present(batch));
      },
    );

    r.get(
      '/v1/batches/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['batches'],
          summary: 'Progress of a batch',
          params: batchParams,
          response: { 200: batchSchema, ...errorResponses },
        },
      },
      async (request) => present(await batches.get(request.params.id)),
    );

    r.post(
      '/v1/batches/:id/cancel',
      {
        config: { access: SUBMIT },
        schema: {
          tags: ['batches'],
          summary: 'Cancel a running batch: rows not yet decided are dropped with their applications; decided rows keep their decisions',
          params: batchParams,
          response: { 200: batchSchema, ...errorResponses },
        },
      },
      // A service key cancels its own batches; a risk manager any.
      async (request) => present(await batches.cancel(request.params.id, actorOf(request), requirePrincipal(request).role === 'service')),
    );

    r.get(
      '/v1/batches/:id/results',
      {
        config: { access: READ },
        schema: {
          tags: ['batches'],
          summary: 'The results file: one CSV line per row, in the order of the file, with its decision, outcome, reasons and offer, or why it has none',
          params: batchParams,
          querystring: z.strictObject({ format: z.enum(['csv', 'parquet']).default('csv') }),
        },
      },
      async (request, reply) => {
        const { rows } = await batches.results(request.params.id);
        if (request.query.format === 'parquet') return reply.type(PARQUET).send(Buffer.from(await batchResultsParquet(rows)));
        return reply.type('text/csv; charset=utf-8').send(batchResultsCsv(rows));
      },
    );
  };
}
