import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EventSink } from './event-sink.ts';
import { NatsSink } from './nats-sink.ts';
import { WebhookSink } from './webhook-sink.ts';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a sink name is 1 to 40 lower-case letters, digits and dashes');
const maxAttempts = z.number().int().min(1).max(100).default(12);

const webhookConfig = z
  .object({
    kind: z.literal('webhook'),
    name,
    url: z.url({ protocol: /^https?$/ }),
    /** The HMAC secret itself, or the environment variable that holds it (kept out of the file). */
    secret: z.string().min(16, 'a webhook secret has at least 16 characters').optional(),
    secretEnv: z.string().optional(),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    maxAttempts,
  })
  .strict()
  .refine((c) => (c.secret === undefined) !== (c.secretEnv === undefined), 'give the webhook either "secret" or "secretEnv" (the variable that holds it)');

const natsConfig = z
  .object({
    kind: z.literal('nats'),
    name,
    servers: z.union([z.string(), z.array(z.string()).min(1)]),
    subjectPrefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)
      .default('arbiter.events'),
    stream: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('ARBITER_EVENTS'),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    maxAttempts,
  })
  .strict();

export const sinkConfigSchema = z.array(z.discriminatedUnion('kind', [webhookConfig, natsConfig]));
export type SinkConfig = z.infer<typeof sinkConfigSchema>[number];

/** Reads and checks a sinks file; a problem is reported with where it is and what to write instead. */
export function readSinkConfig(file: string): SinkConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`event sinks file ${file}: ${(err as Error).message}; it must be a JSON array of sinks`);
  }
  const parsed = sinkConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`event sinks file ${file}, at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const names = parsed.data.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`event sinks file ${file}: the name "${twice}" is used twice; each sink needs its own`);
  return parsed.data;
}

export function createSink(config: SinkConfig, env: NodeJS.ProcessEnv = process.env): EventSink {
  if (config.kind === 'webhook') {
    const secret = config.secret ?? env[config.secretEnv!];
    if (!secret || secret.length < 16) throw new Error(`webhook sink "${config.name}": ${config.secretEnv} must hold a secret of at least 16 characters`);
    return new WebhookSink({ name: config.name, url: config.url, secret, timeoutMs: config.timeoutMs, maxAttempts: config.maxAttempts });
  }
  return new NatsSink({
    name: config.name,
    servers: typeof config.servers === 'string' ? [config.servers] : config.servers,
    subjectPrefix: config.subjectPrefix,
    stream: config.stream,
    timeoutMs: config.timeoutMs,
    maxAttempts: config.maxAttempts,
  });
}
