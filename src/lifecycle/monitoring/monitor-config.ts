import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const monitorConfigSchema = z.strictObject({
  dateField: z.string().optional().describe('a C1 application field holding the application date; else the decision time'),
  baseline: z.strictObject({ from: month, to: month }).describe('the months the current month is compared with (inclusive)'),
  features: z.array(z.string()).default([]).describe('C1 numeric application fields whose stability (CSI) is watched'),
  thresholds: z
    .strictObject({
      psi: z.number().min(0).default(0.2).describe('score PSI of the month against the baseline'),
      csi: z.number().min(0).default(0.25),
      approvalRateShift: z.number().min(0).max(1).default(0.1).describe('absolute change of the approval rate against the baseline'),
      earlyDelinquency: z.number().min(0).max(1).optional().describe("share of a vintage's booked accounts 30+ days past due within 3 months"),
    })
    .default({ psi: 0.2, csi: 0.25, approvalRateShift: 0.1 }),
  webhook: z.url().optional().describe('alerts are POSTed here as JSON'),
  retrainModel: z.string().optional().describe('a model with a retraining program: a drift alert (score PSI or CSI) starts a retraining run'),
});

export type MonitorConfig = z.output<typeof monitorConfigSchema>;
