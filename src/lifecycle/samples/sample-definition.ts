import { z } from 'zod';

export const sampleDefinitionSchema = z.strictObject({
  flow: z.string().min(1).describe('decisions of this flow make the sample'),
  dateField: z.string().optional().describe('application field holding the application date (ISO 8601); else the decision time'),
  from: z.iso.datetime({ offset: true }).optional().describe('observation window: applications on or after this'),
  to: z.iso.datetime({ offset: true }).optional().describe('observation window: applications before this'),
  performanceMonths: z.number().int().min(1).max(60).default(12).describe('how long an account is watched after its application'),
  windowMonths: z
    .number()
    .int()
    .min(1)
    .max(120)
    .optional()
    .describe('only the applications of this many months before the latest matured one: recent history, for a model that follows the population'),
  badDaysPastDue: z
    .number()
    .int()
    .min(1)
    .max(720)
    .default(90)
    .describe('bad: ever this many days past due (or a default or charge-off) within the performance window'),
  indeterminateDaysPastDue: z
    .number()
    .int()
    .min(1)
    .max(720)
    .optional()
    .describe('worst days past due from here up to the bad threshold: neither good nor bad, left out'),
  features: z.array(z.string().min(1)).min(1).describe('application fields the model learns from'),
  rejectInference: z
    .enum(['none', 'parcelling'])
    .default('none')
    .describe('parcelling: declined applicants join the sample, bad with the bad rate of approved applicants of similar risk'),
  segment: z
    .string()
    .min(1)
    .optional()
    .describe("application field whose values the challenger's model card gives performance for (product, channel); a segment table's field by default"),
  protectedAttributes: z
    .array(z.string().min(1))
    .max(20)
    .optional()
    .describe("application fields the model does not use (sex, marital status, age band), for the model card's fairness report"),
});

export type SampleDefinition = z.output<typeof sampleDefinitionSchema>;
