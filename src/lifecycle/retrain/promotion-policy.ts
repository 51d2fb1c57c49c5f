import { z } from 'zod';
import type { Evaluation } from '../../models/index.ts';

export const promotionPolicySchema = z.strictObject({
  minAucGain: z.number().min(-1).max(1).default(0.005).describe("the challenger's out-of-time AUC must beat the champion's by at least this"),
  minKsGain: z.number().min(-1).max(1).default(0).describe('and its KS by at least this'),
  maxPsi: z.number().min(0).max(10).default(0.25).describe("the challenger's scores on the out-of-time slice against its training scores: at most this PSI"),
  maxCalibrationGap: z.number().min(0).max(1).default(0.02).describe('|mean predicted PD − observed bad rate| on the out-of-time slice'),
  maxAucLossToRecalibrate: z
    .number()
    .min(0)
    .max(1)
    .default(0.01)
    .describe(
      'when the champion is out of calibration (its gap above maxCalibrationGap) and the challenger is not, the challenger may give up this much AUC and KS and still be promoted',
    ),
  approval: z.enum(['auto', 'risk-manager']).default('risk-manager').describe('auto: promote without a person; risk-manager: wait for approval'),
});

export type PromotionPolicy = z.output<typeof promotionPolicySchema>;

export interface ModelCheck {
  champion: Evaluation & { calibrationGap: number };
  challenger: Evaluation & { calibrationGap: number };
  psi: number;
  /** Features whose declared monotone direction the challenger breaks, with where. */
  monotonicityViolations: string[];
}

/** Each rule of the policy, met or not, in words: the reasons are shown with the run. */
export function judge(check: ModelCheck, policy: PromotionPolicy): { promote: boolean; reasons: string[] } {
  const f = (x: number) => x.toFixed(4);
  // A champion that no longer fits the population is replaced by one that does, unless it ranks clearly worse.
  const recalibrate = check.champion.calibrationGap > policy.maxCalibrationGap && check.challenger.calibrationGap <= policy.maxCalibrationGap;
  const aucNeeded = recalibrate ? -policy.maxAucLossToRecalibrate : policy.minAucGain;
  const ksNeeded = recalibrate ? -policy.maxAucLossToRecalibrate : policy.minKsGain;
  const why = recalibrate ? ` (the champion is out of calibration: gap ${f(check.champion.calibrationGap)})` : '';
  const rules: [boolean, string][] = [
    [
      check.challenger.auc - check.champion.auc >= aucNeeded,
      `AUC ${f(check.challenger.auc)} vs ${f(check.champion.auc)}: gain ${f(check.challenger.auc - check.champion.auc)}, needed ${aucNeeded}${why}`,
    ],
    [
      check.challenger.ks - check.champion.ks >= ksNeeded,
      `KS ${f(check.challenger.ks)} vs ${f(check.champion.ks)}: gain ${f(check.challenger.ks - check.champion.ks)}, needed ${ksNeeded}${why}`,
    ],
    [check.psi <= policy.maxPsi, `PSI ${f(check.psi)}, at most ${policy.maxPsi}`],
    [check.challenger.calibrationGap <= policy.maxCalibrationGap, `calibration gap ${f(check.challenger.calibrationGap)}, at most ${policy.maxCalibrationGap}`],
    [
      check.monotonicityViolations.length === 0,
      check.monotonicityViolations.length ? `monotonicity broken: ${check.monotonicityViolations.join('; ')}` : 'every monotone feature keeps its direction',
    ],
  ];
  return { promote: rules.every(([ok]) => ok), reasons: rules.map(([ok, text]) => `${ok ? 'met' : 'NOT met'}: ${text}`) };
}
