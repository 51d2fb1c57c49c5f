export { EventDispatcher, retryDelaySeconds } from './dispatcher.ts';
export { eventEnvelope, type EventSink } from './event-sink.ts';
export { NatsSink } from './nats-sink.ts';
export { createSink, readSinkConfig, sinkConfigSchema, type SinkConfig } from './sink-config.ts';
export { WebhookSink, webhookSignature } from './webhook-sink.ts';
