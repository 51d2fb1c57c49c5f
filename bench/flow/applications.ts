import { seededRandom } from '../../src/models/index.ts';

/** Synthetic applications for the demo flow: every product, channel and segment, a mix of risk. */
export function demoApplications(n: number, seed = 7): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const product = pick(['personal', 'personal', 'card', 'card', 'sme'] as const);
    const income = Math.round(600 + rnd() * 14000);
    out.push({
      applicantName: `Applicant ${i}`,
      nationalId: `1101011990${String(100000 + i).slice(-6)}${i % 10}${(i * 7) % 10}`,
      phone: `138${String(10000000 + i).slice(-8)}`,
      age: Math.round(17 + rnd() * 64),
      monthlyIncome: income,
      monthlyDebt: Math.round(rnd() * income * 0.6),
      employment: pick(['employed', 'employed', 'employed', 'self-employed', 'retired', 'unemployed'] as const),
      yearsEmployed: Math.round(rnd() * 20 * 10) / 10,
      product,
      channel: pick(['branch', 'online', 'online', 'partner'] as const),
      customerType: pick(['new', 'new', 'existing', 'premier'] as const),
      bureauScore: Math.round(480 + rnd() * 360),
      delinquencies: rnd() < 0.85 ? 0 : Math.floor(rnd() * 5),
      bankrupt: rnd() < 0.01,
      fraudFlag: rnd() < 0.005,
      requestedAmount: Math.round((product === 'sme' ? 20000 : 1000) + rnd() * (product === 'sme' ? 200000 : 40000)),
      termMonths: pick([12, 24, 36, 48, 60]),
      ...(product === 'sme' ? { businessRevenue: Math.round(20000 + rnd() * 2_000_000) } : {}),
    });
  }
  return out;
}
