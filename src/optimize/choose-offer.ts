import { actionsOf, actionValue, type Action, type ActionValue, type Applicant } from './action-value.ts';
import type { OfferStrategy } from './strategy.ts';

export interface OfferChoice {
  best: ActionValue;
  /** Every action the strategy allows, valued, in the strategy's order (decline first). */
  candidates: ActionValue[];
  /** Why the winner won, for a person reading the trace. */
  why: string;
}

const money = (x: number) => Math.round(x).toLocaleString('en-US');
const describe = (a: Action, limit: number) => (a.approve ? `${money(limit)} at ${+(a.rate * 100).toFixed(2)}%` : 'decline');

/**
 * The action with the highest expected profit among those the applicant may have; declining
 * (worth nothing) wins when no offer is worth more, or when the PD is above `maxPd`.
 */
export function chooseOffer(a: Applicant, s: OfferStrategy, maxPd: number | null = null, actions: readonly Action[] = actionsOf(s)): OfferChoice {
  const candidates = actions.map((x) => actionValue(a, x, s));
  const decline = candidates[0]!;
  if (maxPd !== null && a.pd > maxPd) return { best: decline, candidates, why: `decline: PD ${a.pd.toFixed(4)} is above the cutoff ${maxPd}` };
  const offers = candidates.filter((c) => c.action.approve);
  const allowed = offers.filter((c) => c.refused === null).sort((x, y) => y.profit - x.profit);
  if (!allowed.length) return { best: decline, candidates, why: `decline: no offer is affordable (${offers[0]?.refused ?? 'no offers'})` };
  const top = allowed[0]!;
  if (top.profit <= 0)
    return {
      best: decline,
      candidates,
      why: `decline: the best offer, ${describe(top.action, top.limit)}, has expected profit ${money(top.profit)}, not above nothing`,
    };
  const next = allowed[1];
  return {
    best: top,
    candidates,
    why: `${describe(top.action, top.limit)}: expected profit ${money(top.profit)}, expected loss ${money(top.loss)}${next ? `; next best ${describe(next.action, next.limit)} at ${money(next.profit)}` : ''}${offers.length > allowed.length ? `; ${offers.length - allowed.length} offer(s) unaffordable` : ''}`,
  };
}
