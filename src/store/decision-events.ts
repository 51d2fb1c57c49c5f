import type { NewEvent } from './event-outbox.ts';

/**
 * The part of a decision's result a downstream system acts on: outcome, reasons and offer
 * (none of them personal data). Anything else a flow's output holds stays out of events.
 */
export function resultForEvents(result: unknown): Record<string, unknown> {
  if (!result || typeof result !== 'object') return {};
  const { outcome, reasons, offer } = result as Record<string, unknown>;
  return { outcome: outcome ?? null, reasons: reasons ?? [], offer: offer ?? null };
}

export function decisionEvent(
  type: 'decision.made' | 'decision.pending_review' | 'decision.completed',
  applicationId: string,
  fields: { flow?: string; version?: number; status: string; result: unknown; reviewId?: string | null; afterReview?: string },
): NewEvent {
  return {
    type,
    applicationId,
    data: {
      ...(fields.flow === undefined ? {} : { flow: fields.flow, version: fields.version }),
      status: fields.status,
      ...resultForEvents(fields.result),
      ...(fields.reviewId ? { pendingReview: fields.reviewId } : {}),
      ...(fields.afterReview ? { afterReview: fields.afterReview } : {}),
    },
  };
}
