import { z } from 'zod';
import { ROLES } from '../privacy/index.ts';

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
};

export const roleSchema = z.enum(ROLES);

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  userId: z.string().nullable().describe('the person the key belongs to; null for a named service'),
  pendingChange: z.string().nullable().describe('an admin key waiting for a second admin (this change): it does not authenticate yet'),
});

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
  data: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const chainBreakSchema = z.object({ seq: z.number().int(), reason: z.string(), message: z.string() });

/** A reason of a decision: its code and text, and for a model's reason the feature and how much it raised the risk. */
export const reasonSchema = z.object({
  code: z.string(),
  text: z.string(),
  texts: z.record(z.string(), z.string()).optional().describe('the text in other languages, by locale (en, zh-CN), where the flow gives them'),
  severity: z.enum(['knockout', 'refer', 'warning']).optional(),
  node: z.string().optional(),
  feature: z.string().optional().describe("for a model's reason: the feature"),
  impact: z.number().optional().describe('how much it raised the risk (log-odds for trees, points lost for scorecards)'),
});

/** One step of a decision's run: the node, what it read and wrote, where it went. */
export const traceEntrySchema = z.object({
  node: z.string(),
  kind: z.string(),
  read: z.record(z.string(), z.unknown()).describe('variables the node read, with their values (personal data masked for the caller)'),
  wrote: z.record(z.string(), z.unknown()),
  branch: z.string().optional(),
  ms: z.number(),
  warnings: z.array(z.object({ code: z.string().optional(), message: z.string() })).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
