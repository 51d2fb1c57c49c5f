import { actionsOf, actionValue, type Action, type Applicant } from './action-value.ts';
import type { OfferStrategy } from './strategy.ts';

/**
 * Every action's value for every application, flat: entry i * A + a. An action the
 * application may not have (affordability) is marked not allowed; decline always is.
 */
export interface CandidateMatrix {
  rows: number;
  actions: Action[];
  profit: Float64Array;
  loss: Float64Array;
  volume: Float64Array;
  allowed: Uint8Array;
}

export function candidateMatrix(applicants: readonly Applicant[], s: OfferStrategy): CandidateMatrix {
  const actions = actionsOf(s);
  const A = actions.length;
  const n = applicants.length;
  const m: CandidateMatrix = {
    rows: n,
    actions,
    profit: new Float64Array(n * A),
    loss: new Float64Array(n * A),
    volume: new Float64Array(n * A),
    allowed: new Uint8Array(n * A),
  };
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < A; a++) {
      const v = actionValue(applicants[i]!, actions[a]!, s);
      const j = i * A + a;
      m.profit[j] = v.profit;
      m.loss[j] = v.loss;
      m.volume[j] = v.volume;
      m.allowed[j] = v.refused === null ? 1 : 0;
    }
  }
  return m;
}
