import type { TraceEntry } from '../flow/index.ts';
import { tracer } from '../support/telemetry.ts';

/**
 * A child span per node the flow ran, placed by the flow's own per-node timings: the engine
 * runs a node in microseconds, too fast to pay for a live span each, so spans are made from its
 * trace afterwards, in the order and with the durations it measured (gaps between nodes not shown).
 */
export function nodeSpans(entries: TraceEntry[], startedAt: number): void {
  let at = startedAt;
  for (const e of entries) {
    const span = tracer.startSpan(`node ${e.node}`, {
      startTime: at,
      attributes: { 'arbiter.node': e.node, 'arbiter.node.kind': e.kind, ...(e.branch ? { 'arbiter.branch': e.branch } : {}) },
    });
    at += e.ms;
    span.end(at);
  }
}
