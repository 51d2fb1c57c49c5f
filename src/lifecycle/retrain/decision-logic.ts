import { z } from 'zod';
import { frameFromRecords } from '../../models/index.ts';
import { optimizePortfolio, parseStrategy, type Strategy } from '../../optimize/index.ts';

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

interface FlowLike {
  nodes: { id: string; kind: string; output?: unknown }[];
  edges: { from: string; to: string; when?: string }[];
}

const CUTOFF = /^\s*([A-Za-z_][\w]*)\s*(<=?)\s*([0-9]*\.?[0-9]+(?:[eE][+-]?\d+)?)\s*$/;

/** The cutoff edge of a flow, checked: it exists and compares the score node's variable with a number. */
export function cutoffEdge(definition: unknown, logic: DecisionLogic, scoreNode: string): { index: number; variable: string; op: '<' | '<='; cutoff: number } {
  const def = definition as FlowLike;
  const score = def.nodes.find((n) => n.id === scoreNode);
  const variable = typeof score?.output === 'string' ? score.output : null;
  if (!variable) throw new Error(`decisionLogic: the score node "${scoreNode}" has no output variable`);
  const sw = def.nodes.find((n) => n.id === logic.switchNode);
  if (sw?.kind !== 'switch') throw new Error(`decisionLogic.switchNode: the flow has no switch "${logic.switchNode}"`);
  const index = def.edges.findIndex((e) => e.from === logic.switchNode && e.to === logic.approveTo);
  if (index < 0) throw new Error(`decisionLogic.approveTo: no edge from "${logic.switchNode}" to "${logic.approveTo}"`);
  const m = CUTOFF.exec(def.edges[index]!.when ?? '');
  if (!m || m[1] !== variable)
    throw new Error(
      `decisionLogic: the edge ${logic.switchNode} → ${logic.approveTo} must read "${variable} < <number>" to be re-optimised; it reads "${def.edges[index]!.when ?? ''}"`,
    );
  return { index, variable, op: m[2] as '<' | '<=', cutoff: Number(m[3]) };
}

/** The definition with the cutoff edge set to `cutoff`. */
export function withCutoff<T>(definition: T, logic: DecisionLogic, scoreNode: string, cutoff: number): T {
  const { index, variable, op } = cutoffEdge(definition, logic, scoreNode);
  const def = definition as unknown as FlowLike;
  return { ...definition, edges: def.edges.map((e, i) => (i === index ? { ...e, when: `${variable} ${op} ${cutoff}` } : e)) } as T;
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
