/**
 * The true probability of default of a synthetic applicant: the function docs/synth.md
 * documents, written once here so the generator, the tests and the benchmarks agree on it.
 *
 * logit(PD) = -3.1
 *   + 1.15 * latent                                   (unobserved credit quality, ~N(0,1))
 *   + 2.2 * max(0, dti - 0.35)                        (strain past 35% debt-to-income)
 *   + 0.45 * ln(1 + delinquencies12m)
 *   + 0.12 * min(inquiries6m, 6)
 *   - 0.015 * min(employmentYears, 20)
 *   + 0.35 * [age < 25] - 0.15 * [age >= 55]
 *   + 0.4 * [employment = unemployed] + 0.15 * [employment = contract]
 *   + 0.25 * [product = personal] - 0.2 * [product = auto]
 *   + 0.3 * [channel = broker] + 0.2 * [channel = online and age < 25]
 *   + 0.02 * (term - 36)                             (longer loans, more time to default)
 *   after the drift month: + 0.2 + 0.9 * max(0, utilization - 0.6) + 1.0 * [channel = online]
 *     (a level shift and a change in who is risky that a refitted intercept cannot follow)
 */
export interface TruePdInputs {
  latent: number;
  dti: number;
  delinquencies12m: number;
  inquiries6m: number;
  employmentYears: number;
  age: number;
  employment: string;
  product: string;
  channel: string;
  term: number;
  utilization: number;
  drifted: boolean;
}

export function trueLogit(a: TruePdInputs): number {
  let z = -3.1;
  z += 1.15 * a.latent;
  z += 2.2 * Math.max(0, a.dti - 0.35);
  z += 0.45 * Math.log1p(a.delinquencies12m);
  z += 0.12 * Math.min(a.inquiries6m, 6);
  z -= 0.015 * Math.min(a.employmentYears, 20);
  if (a.age < 25) z += 0.35;
  else if (a.age >= 55) z -= 0.15;
  if (a.employment === 'unemployed') z += 0.4;
  else if (a.employment === 'contract') z += 0.15;
  if (a.product === 'personal') z += 0.25;
  else if (a.product === 'auto') z -= 0.2;
  if (a.channel === 'broker') z += 0.3;
  else if (a.channel === 'online' && a.age < 25) z += 0.2;
  z += 0.02 * (a.term - 36);
  if (a.drifted) z += 0.2 + 0.9 * Math.max(0, a.utilization - 0.6) + (a.channel === 'online' ? 1 : 0);
  return z;
}

export function truePd(a: TruePdInputs): number {
  return 1 / (1 + Math.exp(-trueLogit(a)));
}
