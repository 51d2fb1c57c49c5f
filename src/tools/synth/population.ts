import { seededRandom } from '../../support/seeded-random.ts';
import { truePd } from './true-pd.ts';

export interface SynthOptions {
  rows: number;
  seed: number;
  /** Applications are spread evenly over this many months (0 .. months-1). */
  months: number;
  /** From this month on the population and the true PD change; null for none. */
  driftAt: number | null;
  /** Extra numeric columns (weak signals and pure noise) for wide benchmarks. */
  extraFeatures: number;
}

export const DEFAULT_SYNTH: SynthOptions = { rows: 10_000, seed: 42, months: 24, driftAt: null, extraFeatures: 0 };

const EMPLOYMENT = ['employed', 'self_employed', 'contract', 'unemployed', 'retired'] as const;
const HOME = ['own', 'mortgage', 'rent'] as const;
const PRODUCTS = ['personal', 'card', 'auto'] as const;
const CHANNELS = ['branch', 'online', 'broker'] as const;
const TERMS: Record<(typeof PRODUCTS)[number], number[]> = { personal: [12, 24, 36, 48, 60], card: [12], auto: [36, 48, 60] };
const LGD_MEAN: Record<(typeof PRODUCTS)[number], number> = { personal: 0.6, card: 0.75, auto: 0.35 };
/** Share of the loan outstanding at default, on average. */
const EAD_SHARE: Record<(typeof PRODUCTS)[number], number> = { personal: 0.75, card: 0.9, auto: 0.7 };

export interface NumericSynthColumn {
  name: string;
  kind: 'number';
  values: Float64Array;
}
export interface TextSynthColumn {
  name: string;
  kind: 'text';
  values: string[];
}
export type SynthColumn = NumericSynthColumn | TextSynthColumn;

/** Applicants with features, their true PD and a simulated outcome, column by column. */
export interface Population {
  rows: number;
  columns: SynthColumn[];
  /** Names of the columns a model may use (not the truth, the outcome or ids). */
  features: string[];
}

/**
 * Generates applicants whose features are correlated through an unobserved credit quality
 * (`latent`) and life stage (age), draws each one's default from the documented true PD
 * (true-pd.ts), and adds loss given default and exposure at default. Deterministic for a seed.
 */
export function generatePopulation(options: Partial<SynthOptions> = {}): Population {
  const o: SynthOptions = { ...DEFAULT_SYNTH, ...options };
  const rnd = seededRandom(o.seed);
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rnd();
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * rnd();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  const poisson = (lambda: number): number => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = rnd();
    while (p > l) {
      k++;
      p *= rnd();
    }
    return k;
  };
  const pick = <T>(xs: readonly T[], weights: number[]): T => {
    let u = rnd() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < xs.length; i++) {
      u -= weights[i]!;
      if (u <= 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  };
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

  const n = o.rows;
  const num = (name: string): NumericSynthColumn => ({ name, kind: 'number', values: new Float64Array(n) });
  const text = (name: string): TextSynthColumn => ({ name, kind: 'text', values: new Array<string>(n) });
  const c = {
    applicationId: text('applicationId'),
    nationalId: text('nationalId'),
    month: num('month'),
    age: num('age'),
    employment: text('employment'),
    employmentYears: num('employmentYears'),
    income: num('income'),
    homeOwnership: text('homeOwnership'),
    existingDebt: num('existingDebt'),
    creditHistoryMonths: num('creditHistoryMonths'),
    bureauScore: num('bureauScore'),
    delinquencies12m: num('delinquencies12m'),
    inquiries6m: num('inquiries6m'),
    utilization: num('utilization'),
    openAccounts: num('openAccounts'),
    product: text('product'),
    channel: text('channel'),
    requestedAmount: num('requestedAmount'),
    term: num('term'),
    installment: num('installment'),
    dti: num('dti'),
  };
  const extras = Array.from({ length: o.extraFeatures }, (_, k) => num(`extra${String(k + 1).padStart(2, '0')}`));
  const truth = { truePd: num('truePd'), defaulted: num('defaulted'), lgd: num('lgd'), ead: num('ead') };

  for (let i = 0; i < n; i++) {
    const month = Math.floor((i * o.months) / n);
    const drifted = o.driftAt !== null && month >= o.driftAt;
    const latent = normal();
    const age = Math.round(clamp(40 + 12 * normal(), 21, 75));
    const employment = pick(
      EMPLOYMENT,
      age >= 63 ? [0.25, 0.1, 0.05, 0.05, 0.55] : [0.62, 0.13, 0.13 + (age < 28 ? 0.1 : 0), 0.06 + Math.max(0, latent) * 0.04, 0.01],
    );
    const employmentYears = employment === 'unemployed' ? 0 : Math.round(clamp((age - 20) * rnd() * 0.8, 0, 45) * 10) / 10;
    const incomeBase = employment === 'unemployed' ? 900 : employment === 'retired' ? 1900 : 2400 + 60 * Math.min(age - 21, 25);
    const income = Math.round(incomeBase * Math.exp(0.45 * normal() - 0.1 * latent) * (drifted ? 0.9 : 1));
    const homeOwnership = pick(HOME, age < 30 ? [0.05, 0.15, 0.8] : [0.3, 0.4, 0.3]);
    const existingDebt = Math.round(income * clamp(0.12 + 0.08 * latent + 0.1 * normal(), 0, 0.7) + (homeOwnership === 'mortgage' ? income * 0.15 : 0));
    const creditHistoryMonths = Math.round(clamp((age - 19) * 12 * (0.4 + 0.6 * rnd()), 0, 600));
    const bureauScore = Math.round(clamp(690 - 70 * latent + 25 * normal() + 0.05 * creditHistoryMonths, 300, 850));
    const delinquencies12m = poisson(Math.exp(-2.2 + 0.9 * latent));
    const inquiries6m = poisson(Math.exp(0.1 + 0.35 * latent + (age < 30 ? 0.3 : 0)));
    const utilization = clamp(0.35 + 0.18 * latent + 0.2 * normal() + (drifted ? 0.1 : 0), 0, 1);
    const openAccounts = poisson(2 + creditHistoryMonths / 80);
    const product = pick(PRODUCTS, [0.45, 0.35, 0.2]);
    const channel = pick(CHANNELS, drifted ? [0.2, 0.6, 0.2] : [0.45, 0.35, 0.2]);
    const terms = TERMS[product];
    const term = terms[Math.floor(rnd() * terms.length)]!;
    const scale = product === 'auto' ? 6 : product === 'card' ? 1.2 : 2.5;
    const requestedAmount = Math.round(clamp(income * scale * Math.exp(0.5 * normal()), 500, 80_000) / 100) * 100;
    const monthlyRate = 0.12 / 12;
    const installment = Math.round(((requestedAmount * monthlyRate) / (1 - (1 + monthlyRate) ** -term)) * 100) / 100;
    const dti = Math.round(((existingDebt + installment) / Math.max(income, 1)) * 1000) / 1000;
    const pd = truePd({ latent, dti, delinquencies12m, inquiries6m, employmentYears, age, employment, product, channel, term, utilization, drifted });

    c.applicationId.values[i] = `A${o.seed}-${i + 1}`;
    // 18 digits, like a resident identity number: unique per row and seed, so a bureau can key on it.
    c.nationalId.values[i] = `9${String(o.seed % 100000).padStart(5, '0')}${String(i + 1).padStart(12, '0')}`;
    c.month.values[i] = month;
    c.age.values[i] = age;
    c.employment.values[i] = employment;
    c.employmentYears.values[i] = employmentYears;
    c.income.values[i] = income;
    c.homeOwnership.values[i] = homeOwnership;
    c.existingDebt.values[i] = existingDebt;
    c.creditHistoryMonths.values[i] = creditHistoryMonths;
    c.bureauScore.values[i] = bureauScore;
    c.delinquencies12m.values[i] = delinquencies12m;
    c.inquiries6m.values[i] = inquiries6m;
    c.utilization.values[i] = Math.round(utilization * 1000) / 1000;
    c.openAccounts.values[i] = openAccounts;
    c.product.values[i] = product;
    c.channel.values[i] = channel;
    c.requestedAmount.values[i] = requestedAmount;
    c.term.values[i] = term;
    c.installment.values[i] = installment;
    c.dti.values[i] = dti;
    // Half the extras carry a little of the latent quality (as real bureau attributes would), half none.
    extras.forEach((e, k) => (e.values[i] = Math.round((k % 2 === 0 ? 0.3 * latent + normal() : normal()) * 1000) / 1000));
    truth.truePd.values[i] = Math.round(pd * 1e6) / 1e6;
    truth.defaulted.values[i] = rnd() < pd ? 1 : 0;
    truth.lgd.values[i] = Math.round(clamp(LGD_MEAN[product] + 0.15 * normal(), 0.05, 1) * 1000) / 1000;
    truth.ead.values[i] = Math.round(requestedAmount * EAD_SHARE[product]);
  }
  const featureColumns = [...Object.values(c).slice(3), ...extras];
  return {
    rows: n,
    columns: [...Object.values(c), ...extras, ...Object.values(truth)],
    features: featureColumns.map((col) => col.name),
  };
}
