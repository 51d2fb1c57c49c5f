import { z } from 'zod';

const share = z.number().min(0).max(1);
const rate = z.number().min(0).max(2).describe('a yearly rate, 0.12 for 12%');

/** How a segment's limits are written: one number per segment value. */
const perSegment = z.record(z.string(), z.number().min(0));

export const strategySchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).optional(),
  actions: z.strictObject({
    limitFactors: z.array(z.number().gt(0).max(5)).min(1).max(20).describe('limits offered, as multiples of the amount asked for (1 = what was asked)'),
    rates: z.array(rate).min(1).max(20).describe('yearly interest rates offered'),
  }),
  economics: z.strictObject({
    fundingRate: rate.describe("the lender's yearly cost of funds"),
    originationFee: share.default(0).describe('a fee charged once, as a share of the limit'),
    operatingCostPerLoan: z.number().min(0).default(0).describe('cost of booking and servicing one loan over its life'),
    lgd: share.default(0.6).describe('loss given default when the data carries none'),
    eadFactor: z.number().min(0).max(2).default(1).describe('exposure at default as a share of the limit, when the data carries none'),
  }),
  takeUp: z
    .strictObject({
      midpointRate: rate.describe('the rate at which half of approved applicants take the loan'),
      slope: z.number().min(0).max(1000).describe('how fast take-up falls as the rate rises (per unit of rate)'),
    })
    .optional()
    .describe('probability that an approved applicant takes the offer, logistic in the rate; without it, everyone does'),
  affordability: z
    .strictObject({
      maxDti: z.number().min(0).max(5).optional().describe('(existing monthly debt + the new instalment) / monthly income may not exceed this'),
      minResidualIncome: z.number().min(0).optional().describe('monthly income left after all debt payments may not fall below this'),
    })
    .default({}),
  portfolio: z
    .strictObject({
      minApprovalRate: share.optional(),
      maxLossRate: share.optional().describe('expected loss / expected volume lent, over the portfolio'),
      maxVolume: z.number().min(0).optional().describe('expected amount lent, in total'),
      segment: z.string().optional().describe("the column that names each application's segment, for the limits below"),
      segmentMaxVolume: perSegment.optional(),
      segmentMinApprovalRate: z.record(z.string(), share).optional(),
    })
    .default({}),
  columns: z
    .strictObject({
      pd: z.string().default('pd'),
      amount: z.string().default('requestedAmount'),
      term: z.string().default('term'),
      income: z.string().default('income'),
      debt: z.string().default('existingDebt'),
      lgd: z.string().optional().describe('per-application LGD; else economics.lgd'),
      ead: z.string().optional().describe('per-application exposure for the amount asked; else eadFactor × limit'),
    })
    .default({ pd: 'pd', amount: 'requestedAmount', term: 'term', income: 'income', debt: 'existingDebt' }),
});

export type Strategy = z.output<typeof strategySchema>;

/** What one decision needs of a strategy: the offers, their economics, take-up and affordability. */
export const offerStrategySchema = strategySchema.pick({ actions: true, economics: true, takeUp: true, affordability: true });
export type OfferStrategy = z.output<typeof offerStrategySchema>;

export class StrategyError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

export function parseStrategy(input: unknown): Strategy {
  const r = strategySchema.safeParse(input);
  if (!r.success)
    throw new StrategyError(
      r.error.issues.map((i) => ({ path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: i.message })),
    );
  return r.data;
}

export function strategyJsonSchema(): unknown {
  return z.toJSONSchema(strategySchema, { target: 'draft-2020-12', io: 'input' });
}
