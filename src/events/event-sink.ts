import type { OutboxEvent } from '../store/index.ts';

/** Somewhere events are delivered to. `deliver` resolves once the sink has accepted the event, and throws otherwise. */
export interface EventSink {
  readonly name: string;
  /** Failed attempts after which an event is dead-lettered at this sink. */
  readonly maxAttempts: number;
  deliver(event: OutboxEvent): Promise<void>;
  close(): Promise<void>;
}

/** What a sink receives: the event as published, the same for every kind of sink. */
export function eventEnvelope(event: OutboxEvent): Record<string, unknown> {
  return { id: event.id, type: event.type, applicationId: event.applicationId, sequence: event.seq, occurredAt: event.occurredAt, data: event.data };
}
