import { createHmac } from 'node:crypto';
import type { OutboxEvent } from '../store/index.ts';
import { eventEnvelope, type EventSink } from './event-sink.ts';

export interface WebhookSinkOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
  maxAttempts: number;
}

/**
 * `X-Arbiter-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the sink's secret,
 * `X-Arbiter-Timestamp` in Unix seconds: a receiver recomputes it, compares in constant time, and
 * refuses a timestamp far from its clock, so a captured request cannot be replayed later.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs each event as JSON; any 2xx answer delivers it, anything else (or no answer in time) is a failed attempt. */
export class WebhookSink implements EventSink {
  readonly name: string;
  readonly maxAttempts: number;

  constructor(private readonly options: WebhookSinkOptions) {
    this.name = options.name;
    this.maxAttempts = options.maxAttempts;
  }

  async deliver(event: OutboxEvent): Promise<void> {
    const body = JSON.stringify(eventEnvelope(event));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-arbiter-event-id': event.id,
        'x-arbiter-event-type': event.type,
        'x-arbiter-timestamp': timestamp,
        'x-arbiter-signature': webhookSignature(this.options.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
      redirect: 'error',
    });
    // The body is read so the connection can be reused; what it says does not matter.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status >= 300) throw new Error(`the webhook answered HTTP ${res.status}`);
  }

  async close(): Promise<void> {}
}
