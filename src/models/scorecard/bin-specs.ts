import { z } from 'zod';
import type { BinningOptions, FeatureBinning } from './binning.ts';

/**
 * The bins an analyst edits (`arbiter bins --json`, `POST /v1/models/bins`), keyed by feature. `cuts`
 * (numeric) and `groups` (categorical) fix the bins; `trend`, `minBinShare`, `maxBins` and
 * `specialValues` steer the search instead. The report's other fields (bins, iv) are ignored.
 */
const featureSpec = z
  .object({
    cuts: z
      .array(z.number().finite())
      .refine((c) => c.every((x, i) => i === 0 || x > c[i - 1]!), 'cuts must be in ascending order')
      .optional(),
    groups: z.array(z.array(z.string()).min(1)).optional(),
    trend: z.enum(['auto', 'ascending', 'descending', 'peak', 'valley', 'none']).optional(),
    minBinShare: z.number().min(0).max(0.5).optional(),
    maxBins: z.number().int().min(1).max(50).optional(),
    specialValues: z.array(z.number()).optional(),
  })
  .passthrough();

const binsFile = z.record(z.string(), featureSpec);

export type BinSpecs = Record<string, Partial<BinningOptions>>;

/** A feature's bins as the analyst sees and edits them: the spec, with the report beside it. */
export interface BinReport {
  kind: 'numeric' | 'categorical';
  trend: string;
  cuts?: number[];
  groups?: string[][];
  iv: number;
  bins: { label: string; count: number; badRate: number; woe: number; iv: number }[];
}

export function parseBinSpecs(json: unknown, where: string): BinSpecs {
  const parsed = binsFile.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${where}: ${i.path.join('.') || '(top)'}: ${i.message}`);
  }
  const out: BinSpecs = {};
  for (const [feature, s] of Object.entries(parsed.data)) {
    const { cuts, groups, trend, minBinShare, maxBins, specialValues } = s;
    out[feature] = Object.fromEntries(Object.entries({ cuts, groups, trend, minBinShare, maxBins, specialValues }).filter(([, v]) => v !== undefined));
  }
  return out;
}

/** A feature's binning as the analyst's editable spec, with the report beside it. */
export function binSpecOf(b: FeatureBinning): BinReport {
  const ranged = b.bins.filter((x) => x.upper !== undefined);
  return {
    kind: b.kind,
    trend: b.trend,
    ...(b.kind === 'numeric'
      ? { cuts: ranged.slice(0, -1).map((x) => x.upper as number) }
      : { groups: b.bins.filter((x) => x.levels).map((x) => x.levels as string[]) }),
    iv: b.iv,
    bins: b.bins.map((x) => ({ label: x.label, count: x.count, badRate: x.count ? x.bads / x.count : 0, woe: x.woe, iv: x.iv })),
  };
}
