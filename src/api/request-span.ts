import type { Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { context, propagation, SpanStatusCode, trace, tracer } from '../support/telemetry.ts';

declare module 'fastify' {
  interface FastifyRequest {
    span: Span | null;
  }
}

/**
 * A span per request, continuing the caller's trace when it sends `traceparent`. The rest of
 * the request runs inside the span's context (Fastify goes on from `done`), so the flow, its
 * nodes, bureau calls and the database write become its children.
 */
export function traceRequests(app: FastifyInstance): void {
  app.decorateRequest('span', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
      {
        attributes: { 'http.request.method': request.method, 'http.route': request.routeOptions.url ?? '' },
      },
      parent,
    );
    request.span = span;
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = request.span;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
