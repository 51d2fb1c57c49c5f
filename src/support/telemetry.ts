import { context, propagation, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Spans go through the OpenTelemetry API, which does nothing until a tracer provider is
 * registered: `startTracing` registers one that exports over OTLP when the standard variables
 * name an endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).
 */
export const tracer = trace.getTracer('arbiter');

export interface Tracing {
  shutdown(): Promise<void>;
}

export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

/** Registers the exporting tracer provider when configured; the SDK is loaded only then. */
export async function startTracing(serviceName: string): Promise<Tracing | null> {
  if (!tracingConfigured()) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

/** Runs `fn` in a new active span, ending it (with the error, if any) when `fn` settles. */
export function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The trace a span belongs to, or null when nothing is traced (the no-op span's id is all zeros). */
export function traceIdOf(span: Span | undefined): string | null {
  const id = span?.spanContext().traceId;
  return id && !/^0+$/.test(id) ? id : null;
}

export { context, propagation, trace, SpanStatusCode };
