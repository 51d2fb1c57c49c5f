import type { EvaluationLimits } from '../expr/index.ts';
import type { FlowDefinition } from './definition.ts';
import type { Reason } from './run-types.ts';

/**
 * A decision's FEEL budget unless its flow sets one: a few milliseconds of evaluation on one
 * core, so that one hostile application cannot hold up the decisions of others for long.
 */
export const FLOW_LIMITS: EvaluationLimits = { steps: 10_000, memory: 10_000_000 };

export const EVALUATION_ERROR: Reason = {
  code: 'EVALUATION_ERROR',
  text: 'The application could not be assessed automatically and needs a person to review it',
  texts: { 'zh-CN': '无法自动评估此申请，需要人工复核' },
};

/** Where a flow sends a decision it could not evaluate: refer unless the flow says decline. */
export function errorOutcome(def: FlowDefinition): { outcome: 'refer' | 'decline'; reason: Reason } {
  return { outcome: def.onError?.outcome ?? 'refer', reason: def.onError?.reason ?? EVALUATION_ERROR };
}
