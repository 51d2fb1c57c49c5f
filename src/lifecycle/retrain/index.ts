export { promotionPolicySchema, judge, type PromotionPolicy, type ModelCheck } from './promotion-policy.ts';
export { retrainChallenger, type RetrainResult } from './retrain-model.ts';
export { decisionLogicSchema, cutoffEdge, withCutoff, strategyOf, proposeCutoff, type DecisionLogic } from './decision-logic.ts';
export { retrainInWorker } from './retrain-in-worker.ts';
