export { promotionPolicySchema, judge, type PromotionPolicy, type ModelCheck } from './promotion-policy.ts';
export { retrainChallenger, type RetrainResult } from './retrain-model.ts';
export {
  decisionLogicSchema,
  cutoffEdge,
  withCutoff,
  strategyOf,
  proposeCutoff,
  proposeSegmentTable,
  withSegmentTable,
  checkSegmentTable,
  isTableLogic,
  type DecisionLogic,
  type EdgeLogic,
  type TableLogic,
  type SegmentPolicy,
} from './decision-logic.ts';
export { retrainInWorker } from './retrain-in-worker.ts';
export { challengerCard, type ChallengerCardOptions } from './challenger-card.ts';
