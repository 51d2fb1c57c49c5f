export { promotionPolicySchema, judge, type PromotionPolicy, type ModelCheck } from './promotion-policy.ts';
export { retrainChallenger, type RetrainResult } from './retrain-model.ts';
