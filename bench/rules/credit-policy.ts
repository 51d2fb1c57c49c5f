/**
 * A realistic credit-policy decision table (45 rules over 7 inputs, FIRST hit policy) in one
 * structured form, rendered for each engine under test, and a seeded generator of applicants.
 */
import { seededRandom } from '../../src/models/index.ts';

export type Cell =
  | { any: true }
  | { lt: number }
  | { lte: number }
  | { gt: number }
  | { gte: number }
  | { range: [number, number]; closedEnd?: boolean }
  | { oneOf: string[] };

export interface PolicyRule {
  cells: Cell[];
  decision: string;
  rate: number;
}

export const POLICY_INPUTS = ['creditScore', 'dti', 'income', 'employment', 'product', 'delinquencies', 'age'] as const;

const ANY: Cell = { any: true };
const PRODUCTS = ['personal', 'card', 'auto', 'mortgage'];
const SCORE_BANDS: Cell[] = [{ lt: 580 }, { range: [580, 640] }, { range: [640, 700] }, { range: [700, 760] }, { gte: 760 }];
const BASE_RATE: Record<string, number> = { personal: 0.11, card: 0.19, auto: 0.07, mortgage: 0.045 };
const MIN_INCOME: Record<string, number> = { personal: 18000, card: 12000, auto: 24000, mortgage: 40000 };

function rule(partial: Partial<Record<(typeof POLICY_INPUTS)[number], Cell>>, decision: string, rate: number): PolicyRule {
  return { cells: POLICY_INPUTS.map((k) => partial[k] ?? ANY), decision, rate };
}

export function creditPolicy(): PolicyRule[] {
  const rules: PolicyRule[] = [
    rule({ age: { lt: 18 } }, 'decline', 0),
    rule({ delinquencies: { gte: 3 } }, 'decline', 0),
    rule({ employment: { oneOf: ['unemployed'] }, income: { lt: 12000 } }, 'decline', 0),
    rule({ age: { gt: 75 }, product: { oneOf: ['mortgage'] } }, 'refer', 0),
  ];
  for (const product of PRODUCTS) {
    SCORE_BANDS.forEach((band, b) => {
      const rate = Number((BASE_RATE[product]! + (4 - b) * 0.015).toFixed(4));
      // Affordable applicants: decision by score band.
      rules.push(
        rule(
          { product: { oneOf: [product] }, creditScore: band, dti: { lte: 0.35 }, income: { gte: MIN_INCOME[product]! } },
          b === 0 ? 'decline' : b === 1 ? 'refer' : 'approve',
          b === 0 ? 0 : rate,
        ),
      );
      // Stretched applicants: one band stricter; employed or retired only.
      rules.push(
        rule(
          { product: { oneOf: [product] }, creditScore: band, dti: { range: [0.35, 0.5], closedEnd: true }, employment: { oneOf: ['employed', 'retired'] } },
          b <= 1 ? 'decline' : b === 2 ? 'refer' : 'approve',
          b <= 1 ? 0 : Number((rate + 0.02).toFixed(4)),
        ),
      );
    });
  }
  rules.push(rule({}, 'refer', 0));
  return rules;
}

/** FEEL unary-test text; Zen's table cells read the same. Ranges are half-open `[a..b)` unless closedEnd. */
export function cellToFeel(cell: Cell): string {
  if ('any' in cell) return '-';
  if ('lt' in cell) return `< ${cell.lt}`;
  if ('lte' in cell) return `<= ${cell.lte}`;
  if ('gt' in cell) return `> ${cell.gt}`;
  if ('gte' in cell) return `>= ${cell.gte}`;
  if ('range' in cell) return cell.closedEnd ? `(${cell.range[0]}..${cell.range[1]}]` : `[${cell.range[0]}..${cell.range[1]})`;
  return cell.oneOf.map((s) => JSON.stringify(s)).join(', ');
}

export interface JreCondition {
  fact: string;
  operator: string;
  value: unknown;
}

/** json-rules-engine conditions for one cell. */
export function cellToJre(fact: string, cell: Cell): JreCondition[] {
  if ('any' in cell) return [];
  if ('lt' in cell) return [{ fact, operator: 'lessThan', value: cell.lt }];
  if ('lte' in cell) return [{ fact, operator: 'lessThanInclusive', value: cell.lte }];
  if ('gt' in cell) return [{ fact, operator: 'greaterThan', value: cell.gt }];
  if ('gte' in cell) return [{ fact, operator: 'greaterThanInclusive', value: cell.gte }];
  if ('range' in cell) {
    return cell.closedEnd
      ? [
          { fact, operator: 'greaterThan', value: cell.range[0] },
          { fact, operator: 'lessThanInclusive', value: cell.range[1] },
        ]
      : [
          { fact, operator: 'greaterThanInclusive', value: cell.range[0] },
          { fact, operator: 'lessThan', value: cell.range[1] },
        ];
  }
  return [{ fact, operator: 'in', value: cell.oneOf }];
}

export interface Applicant {
  creditScore: number;
  dti: number;
  income: number;
  employment: string;
  product: string;
  delinquencies: number;
  age: number;
  amount: number;
  debt: number;
}

export function applicants(n: number, seed = 42): Applicant[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Applicant[] = [];
  for (let i = 0; i < n; i++) {
    const income = Math.round(8000 + rnd() * 150000);
    out.push({
      creditScore: Math.round(480 + rnd() * 380),
      dti: Math.round(rnd() * 70) / 100,
      income,
      employment: pick(['employed', 'employed', 'self-employed', 'retired', 'unemployed']),
      product: pick(PRODUCTS),
      delinquencies: rnd() < 0.8 ? 0 : Math.floor(rnd() * 5),
      age: Math.round(16 + rnd() * 66),
      amount: Math.round(1000 + rnd() * 60000),
      debt: Math.round(rnd() * 2500),
    });
  }
  return out;
}
