import type { FastifyReply, FastifyRequest } from 'fastify';
import { traceIdOf } from '../support/telemetry.ts';

/**
 * One line per answered request: method, the route's pattern (never the path as sent, which
 * may carry an identifier, nor the query string), status, latency, the key and the client
 * address. Bodies and headers are never logged. A refused key is a warning of its own.
 */
export async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const line = {
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    keyId: request.principal?.keyId ?? null,
    client: request.ip,
    traceId: traceIdOf(request.span ?? undefined) ?? undefined,
  };
  if (reply.statusCode === 401) request.log.warn(line, 'authentication failed');
  else if (reply.statusCode >= 500) request.log.error(line, 'request failed');
  else request.log.info(line, 'request');
}
