import { z } from 'zod';
import { frameFromRecords } from '../../models/index.ts';
import { optimizePortfolio, parseStrategy, type Strategy } from '../../optimize/index.ts';
import { cutoffEdge as flowCutoffEdge, withCutoff as flowWithCutoff, type CutoffEdge } from '../../flow/index.ts';

/**
 * The part of a flow a retraining program may change besides the model: the PD cutoff on one
 * edge of a switch (`pd < 0.12`), re-optimised under the lender's strategy whenever the model
 * changes, since a new model's PDs sit at a new level and the old cutoff no longer means what
 * it meant.
 */
export const decisionLogicSchema = z.strictObject({
  switchNode: z.string().min(1).describe('the switch that holds the cutoff'),
  approveTo: z.string().min(1).describe('the node its cutoff edge leads to; the edge reads `<score variable> < <cutoff>`'),
  strategy: z
    .record(z.string(), z.unknown())
    .describe(
      "docs/strategy.schema.json: economics, portfolio constraints, and where the amount, term, income and debt are in the application (the PD column is the score node's)",
    ),
});
export type DecisionLogic = z.infer<typeof decisionLogicSchema>;

/** The cutoff edge of a flow, checked: it exists and compares the score node's variable with a number (read with the FEEL parser). */
export function cutoffEdge(definition: unknown, logic: DecisionLogic, scoreNode: string): CutoffEdge {
  return flowCutoffEdge(definition, { switchNode: logic.switchNode, approveTo: logic.approveTo, scoreNode });
}

/** A copy of the stored definition with the cutoff edge set to `cutoff`; nothing else of it changes. */
export function withCutoff<T>(definition: T, logic: DecisionLogic, scoreNode: string, cutoff: number): T {
  return flowWithCutoff(definition, { switchNode: logic.switchNode, approveTo: logic.approveTo, scoreNode }, cutoff);
}

export function strategyOf(logic: DecisionLogic): Strategy {
  if ((logic.strategy.portfolio as { segment?: unknown } | undefined)?.segment)
    throw new Error('decisionLogic.strategy.portfolio.segment: one cutoff is re-optimised, so the strategy may not be segmented');
  return parseStrategy({ ...logic.strategy, columns: { ...((logic.strategy.columns as object | undefined) ?? {}), pd: '__pd' } });
}

/**
 * The cutoff the optimiser would set for these applications scored by the new model: it picks
 * the most profitable approvals under the strategy's constraints, and the cutoff is the PD
 * threshold that reproduces the most of its choices (`segmentCutoffs`).
 */
export async function proposeCutoff(
  applications: Record<string, unknown>[],
  pds: ArrayLike<number>,
  logic: DecisionLogic,
): Promise<{ cutoff: number; agreement: number; approvalRate: number; expectedProfit: number }> {
  const strategy = strategyOf(logic);
  const c = strategy.columns;
  const columns = [...new Set([c.amount, c.term, c.income, c.debt, ...(c.lgd ? [c.lgd] : []), ...(c.ead ? [c.ead] : [])])];
  const missing = columns.filter((k) => applications.every((a) => a[k] === undefined || a[k] === null));
  if (missing.length)
    throw new Error(`decisionLogic.strategy.columns: the applications have no ${missing.join(', ')}; name the application fields that hold them`);
  const rows = applications.map((a, i) => [String(pds[i]), ...columns.map((k) => (a[k] === null || a[k] === undefined ? '' : String(a[k])))]);
  const result = await optimizePortfolio(frameFromRecords(['__pd', ...columns], rows), strategy);
  const all = Object.values(result.cutoffs)[0];
  if (!all) throw new Error('the optimiser found no cutoff: no applications to optimise');
  return { cutoff: Math.round(all.maxPd * 1e4) / 1e4, agreement: all.agreement, approvalRate: result.approvalRate, expectedProfit: result.objective };
}
