import type { OfferStrategy } from './strategy.ts';

/** What the strategy needs to know of one application. */
export interface Applicant {
  pd: number;
  amount: number;
  termMonths: number;
  monthlyIncome: number;
  monthlyDebt: number;
  lgd?: number;
  /** Exposure at default for the amount asked, when the data knows it. */
  ead?: number;
}

export interface Action {
  approve: boolean;
  limitFactor: number;
  rate: number;
}

export interface ActionValue {
  action: Action;
  limit: number;
  /** Expected profit over the life of the loan, weighted by take-up. */
  profit: number;
  /** Expected credit loss (PD × LGD × EAD), weighted by take-up. */
  loss: number;
  /** Expected amount lent (limit × take-up). */
  volume: number;
  takeUp: number;
  instalment: number;
  /** Why the action may not be offered; null when it may. */
  refused: string | null;
}

export const DECLINE: Action = { approve: false, limitFactor: 0, rate: 0 };

/** The actions a strategy allows: decline, then every limit with every rate. */
export function actionsOf(s: OfferStrategy): Action[] {
  const out: Action[] = [DECLINE];
  for (const limitFactor of s.actions.limitFactors) for (const rate of s.actions.rates) out.push({ approve: true, limitFactor, rate });
  return out;
}

/** Monthly payment of an amortising loan. */
export function instalment(principal: number, yearlyRate: number, months: number): number {
  const r = yearlyRate / 12;
  return r === 0 ? principal / months : (principal * r) / (1 - (1 + r) ** -months);
}

/**
 * The value of one action for one applicant. A loan that is repaid earns its interest and
 * fee; one that defaults loses LGD × EAD and earns no interest (interest paid before default
 * is ignored, which errs on the side of caution); either way the lender pays for its funds
 * on the outstanding balance and the cost of running the loan. Take-up scales it all.
 * The PD is the applicant's at the terms asked for: a smaller limit lowers exposure, not PD.
 */
export function actionValue(a: Applicant, action: Action, s: OfferStrategy): ActionValue {
  if (!action.approve) return { action, limit: 0, profit: 0, loss: 0, volume: 0, takeUp: 0, instalment: 0, refused: null };
  const e = s.economics;
  const limit = a.amount * action.limitFactor;
  const months = Math.max(1, a.termMonths);
  const pay = instalment(limit, action.rate, months);
  let refused: string | null = null;
  const dti = (a.monthlyDebt + pay) / a.monthlyIncome;
  const { maxDti, minResidualIncome } = s.affordability;
  if (maxDti !== undefined && !(dti <= maxDti)) refused = `debt-to-income ${dti.toFixed(2)} above ${maxDti}`;
  else if (minResidualIncome !== undefined && !(a.monthlyIncome - a.monthlyDebt - pay >= minResidualIncome))
    refused = `income left after debts ${Math.round(a.monthlyIncome - a.monthlyDebt - pay)} below ${minResidualIncome}`;
  const interest = pay * months - limit;
  // The balance amortises on the customer's schedule; its average, carried for the term, costs the funding rate.
  const funding = action.rate > 0 ? (interest * e.fundingRate) / action.rate : ((limit * (months + 1)) / (2 * months)) * e.fundingRate * (months / 12);
  const lgd = a.lgd ?? e.lgd;
  const ead = a.ead !== undefined && a.amount > 0 ? (a.ead / a.amount) * limit : e.eadFactor * limit;
  const creditLoss = a.pd * lgd * ead;
  const margin = (1 - a.pd) * interest + e.originationFee * limit - creditLoss - funding - e.operatingCostPerLoan;
  const takeUp = s.takeUp ? 1 / (1 + Math.exp(s.takeUp.slope * (action.rate - s.takeUp.midpointRate))) : 1;
  return { action, limit, profit: takeUp * margin, loss: takeUp * creditLoss, volume: takeUp * limit, takeUp, instalment: pay, refused };
}
