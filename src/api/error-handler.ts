import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FlowError } from '../flow/index.ts';
import { RuleError } from '../rules/index.ts';
import { ServiceError, type ServiceErrorKind } from '../services/index.ts';
import { isDatabaseUnavailable, StoreError } from '../store/index.ts';
import { ApiError, type ErrorBody } from './api-error.ts';

/** The one place where a refusal's kind becomes an HTTP status. */
const STATUS: Record<ServiceErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, gone: 410, unprocessable: 422, integrity: 500 };

/** Errors of the layers below services, as refusals of a kind. */
function refusalOf(err: unknown): { kind: ServiceErrorKind; code: string; message: string; details?: unknown } | null {
  if (err instanceof ServiceError) return err;
  if (err instanceof FlowError) {
    return {
      kind: err.code === 'not_published' ? 'conflict' : 'invalid',
      code: err.code,
      message: err.message.length > 2000 ? `${err.issues.length} problems; see details` : err.message,
      details: err.issues,
    };
  }
  if (err instanceof StoreError)
    return { kind: err.code === 'not_found' ? 'not_found' : err.code === 'conflict' ? 'conflict' : 'invalid', code: err.code, message: err.message };
  // A table, a sheet or a DMN decision the caller named or sent is not what it must be.
  if (err instanceof RuleError) return { kind: 'invalid', code: err.code, message: err.message };
  return null;
}

/** The shape fastify-type-provider-zod gives each zod issue. */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

function describeIssue(context: string, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const where = path ? `${context}.${path}` : context;
  const keys = issue.params?.keys;
  if (issue.keyword === 'unrecognized_keys' && keys) {
    return `${where}: unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} (remove ${keys.length > 1 ? 'them' : 'it'})`;
  }
  return `${where}: ${issue.message ?? 'is invalid'}`;
}

/** Fastify's own client-error codes, renamed to stable codes of ours. */
const FASTIFY_CODES: Record<string, { code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is larger than the server accepts; send a smaller body.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: 'The body is empty but Content-Type says application/json; send a JSON body or drop the header.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length' },
};

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const send = (status: number, body: ErrorBody) => reply.code(status).send(body);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = err.validationContext ?? 'request';
    const messages = (err.validation as ValidationIssue[]).map((issue) => describeIssue(context, issue));
    return send(400, { error: { code: 'invalid_request', message: messages.join('; '), details: messages } });
  }
  if (err instanceof ApiError) {
    return send(err.statusCode, { error: { code: err.code, message: err.message, details: err.details } });
  }
  const refusal = refusalOf(err);
  if (refusal)
    return send(STATUS[refusal.kind], {
      error: { code: refusal.code, message: refusal.message, ...(refusal.details === undefined ? {} : { details: refusal.details }) },
    });
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err: { code: (err as { code?: string }).code } }, 'database unavailable');
    reply.header('retry-after', '5');
    return send(503, { error: { code: 'unavailable', message: 'The database is unavailable; retry in a few seconds with the same idempotency key.' } });
  }
  if (err.code && FASTIFY_CODES[err.code]) {
    const mapped = FASTIFY_CODES[err.code]!;
    return send(err.statusCode ?? 400, { error: { code: mapped.code, message: mapped.message ?? err.message } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(err.statusCode, { error: { code: 'bad_request', message: err.message } });
  }
  // Log the error's type and stack, never the request it came with.
  request.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'unhandled error');
  return send(500, { error: { code: 'internal', message: `An internal error occurred; quote request id ${request.id} when reporting it.` } });
}
