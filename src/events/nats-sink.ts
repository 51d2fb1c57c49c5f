import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { OutboxEvent } from '../store/index.ts';
import { eventEnvelope, type EventSink } from './event-sink.ts';

export interface NatsSinkOptions {
  name: string;
  servers: string[];
  subjectPrefix: string;
  stream: string;
  maxAttempts: number;
  timeoutMs: number;
}

/**
 * Publishes each event to JetStream on `<prefix>.<type>` with the event id as the message id,
 * so a redelivery within the stream's duplicate window is stored once. The stream is made if it
 * does not exist. A publish counts only when JetStream acknowledges it as stored.
 */
export class NatsSink implements EventSink {
  readonly name: string;
  readonly maxAttempts: number;
  private client: Promise<{ nc: NatsConnection; js: JetStreamClient }> | null = null;

  constructor(private readonly options: NatsSinkOptions) {
    this.name = options.name;
    this.maxAttempts = options.maxAttempts;
  }

  private connected(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    this.client ??= (async () => {
      // Loaded with the first NATS sink, not by every server and command.
      const [{ jetstream, jetstreamManager }, { connect }] = await Promise.all([import('@nats-io/jetstream'), import('@nats-io/transport-node')]);
      const nc = await connect({ servers: this.options.servers, timeout: this.options.timeoutMs, name: `arbiter events (${this.name})` });
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.streams.info(this.options.stream).catch(async () => {
          await jsm.streams.add({ name: this.options.stream, subjects: [`${this.options.subjectPrefix}.>`] });
        });
        return { nc, js: jetstream(nc, { timeout: this.options.timeoutMs }) };
      } catch (err) {
        await nc.close().catch(() => {});
        throw err;
      }
    })();
    // A failed connection is tried again at the next attempt, not remembered.
    this.client.catch(() => {
      this.client = null;
    });
    return this.client;
  }

  async deliver(event: OutboxEvent): Promise<void> {
    const { js } = await this.connected();
    await js.publish(`${this.options.subjectPrefix}.${event.type}`, JSON.stringify(eventEnvelope(event)), { msgID: event.id });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await (await client.catch(() => null))?.nc.drain().catch(() => {});
  }
}
