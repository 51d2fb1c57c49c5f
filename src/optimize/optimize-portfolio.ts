import type { Frame } from '../models/index.ts';
import { applicantsFromFrame } from './applicants-from-frame.ts';
import { candidateMatrix } from './candidates.ts';
import { portfolioConstraints } from './constraints.ts';
import { segmentCutoffs, type SegmentCutoff } from './cutoffs.ts';
import { efficientFrontier, type FrontierPoint } from './frontier.ts';
import { solvePortfolio, type ConstraintReport } from './portfolio.ts';
import type { Strategy } from './strategy.ts';

export interface OptimizationChoice {
  approve: boolean;
  limit: number | null;
  rate: number | null;
  expectedProfit: number;
  expectedLoss: number;
}

export interface OptimizationResult {
  applications: number;
  actions: number;
  objective: number;
  upperBound: number;
  approvalRate: number;
  expectedVolume: number;
  expectedLossRate: number;
  method: string;
  seconds: number;
  constraints: ConstraintReport[];
  cutoffs: Record<string, SegmentCutoff>;
  frontier: FrontierPoint[] | null;
  choices: OptimizationChoice[];
}

/**
 * The portfolio optimisation the CLI and the API both run: the best action per application under
 * the strategy's constraints, the PD cutoffs that reproduce it per segment, and optionally the
 * efficient frontier.
 */
export async function optimizePortfolio(
  data: Frame,
  strategy: Strategy,
  options: { scores?: Frame | null; frontierPoints?: number; onFrontierPoint?: (done: number, of: number) => void } = {},
): Promise<OptimizationResult> {
  const { applicants, segments } = applicantsFromFrame(data, strategy, options.scores ?? null);
  const t0 = performance.now();
  const m = candidateMatrix(applicants, strategy);
  const sol = await solvePortfolio(m, portfolioConstraints(m, strategy, segments));
  const seconds = (performance.now() - t0) / 1000;
  const A = m.actions.length;
  let approved = 0;
  let volume = 0;
  let loss = 0;
  const choices: OptimizationChoice[] = [];
  for (let i = 0; i < m.rows; i++) {
    const a = m.actions[sol.choice[i]!]!;
    const j = i * A + sol.choice[i]!;
    approved += a.approve ? 1 : 0;
    volume += m.volume[j]!;
    loss += m.loss[j]!;
    choices.push({
      approve: a.approve,
      limit: a.approve ? applicants[i]!.amount * a.limitFactor : null,
      rate: a.approve ? a.rate : null,
      expectedProfit: m.profit[j]!,
      expectedLoss: m.loss[j]!,
    });
  }
  const frontier = options.frontierPoints ? await efficientFrontier(m, strategy, segments, options.frontierPoints, options.onFrontierPoint) : null;
  return {
    applications: m.rows,
    actions: A,
    objective: sol.objective,
    upperBound: sol.upperBound,
    approvalRate: m.rows ? approved / m.rows : 0,
    expectedVolume: volume,
    expectedLossRate: volume > 0 ? loss / volume : 0,
    method: sol.method,
    seconds,
    constraints: sol.constraints,
    cutoffs: segmentCutoffs(m, applicants, sol.choice, segments),
    frontier,
    choices,
  };
}
