import { createHash } from 'node:crypto';
import { seededRandom } from '../../support/seeded-random.ts';

export interface Account {
  id: string;
  type: 'credit-card' | 'mortgage' | 'auto-loan' | 'personal-loan' | 'student-loan';
  institution: string;
  openedOn: string;
  limit: number;
  balance: number;
  status: 'current' | 'delinquent' | 'closed' | 'written-off';
  /** 24 months, oldest first: N paid as agreed, 1..7 months past due, C closed, / not yet open. */
  history: string;
  worstDelinquency: number;
}

export interface CreditFile {
  nationalId: string;
  name: string;
  birthDate: string;
  employment: string;
  score: number;
  accounts: Account[];
  inquiries: { date: string; institution: string; reason: string }[];
  publicRecords: { type: 'bankruptcy' | 'civil-judgment' | 'tax-lien'; date: string; amount: number }[];
}

const FIRST = [
  'Ada',
  'Bea',
  'Chen',
  'Dara',
  'Emil',
  'Farah',
  'Goran',
  'Hana',
  'Ines',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tala',
];
const LAST = [
  'Alvarez',
  'Brandt',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Laine',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Rossi',
  'Sato',
  'Tanaka',
  'Weber',
];
const BANKS = ['North Bank', 'Harbour Credit', 'Civic Savings', 'Meridian Finance', 'Union Mutual', 'Coastal Lending'];
const TYPES: Account['type'][] = ['credit-card', 'credit-card', 'personal-loan', 'auto-loan', 'mortgage', 'student-loan'];
const JOBS = ['employed', 'employed', 'employed', 'self-employed', 'retired', 'student', 'unemployed'];
/** Reports are dated from here, so one person's file is the same on every run. */
const AS_OF = Date.UTC(2026, 10, 1);

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** National IDs the bureau has never seen: one in 25, decided by the ID itself. */
export function isNoHit(nationalId: string, seed: number): boolean {
  return digest(nationalId, seed) % 25 === 0;
}

function digest(nationalId: string, seed: number): number {
  return createHash('sha256')
    .update(`${seed}:${nationalId.replace(/[\s-]/g, '').toUpperCase()}`)
    .digest()
    .readUInt32BE(0);
}

/**
 * The credit file of a synthetic person, the same for the same ID and seed: a latent
 * riskiness drives delinquencies, utilisation, inquiries and public records together, and
 * the score is computed from those, as a bureau's would be.
 */
export function creditFile(nationalId: string, seed: number): CreditFile {
  const rnd = seededRandom(digest(nationalId, seed));
  const risk = rnd() ** 2.2;
  const age = 20 + Math.floor(rnd() * 55);
  const nAccounts = Math.floor(rnd() * Math.min(12, (age - 18) / 3 + 2));
  const accounts: Account[] = [];
  for (let i = 0; i < nAccounts; i++) {
    const type = TYPES[Math.floor(rnd() * TYPES.length)]!;
    const monthsOpen = 1 + Math.floor(rnd() * Math.min(240, (age - 18) * 12));
    const limit =
      Math.round((type === 'mortgage' ? 80_000 + rnd() * 400_000 : type === 'credit-card' ? 500 + rnd() * 15_000 : 2_000 + rnd() * 40_000) / 100) * 100;
    let history = '';
    let worst = 0;
    // Arrears move a month at a time: a missed payment is 1 month past due, then 2, unless cured.
    let late = 0;
    for (let m = 23; m >= 0; m--) {
      if (m >= monthsOpen) {
        history += '/';
        continue;
      }
      if (late > 0) late = rnd() < 0.35 + (1 - risk) * 0.4 ? 0 : Math.min(7, late + 1);
      else if (rnd() < risk * 0.08) late = 1;
      worst = Math.max(worst, late);
      history += late ? String(late) : 'N';
    }
    const closed = rnd() < 0.15;
    const writtenOff = worst >= 4 && rnd() < 0.5;
    const utilisation = Math.min(1, rnd() * (0.3 + risk));
    accounts.push({
      id: `ACC${String(i + 1).padStart(3, '0')}`,
      type,
      institution: BANKS[Math.floor(rnd() * BANKS.length)]!,
      openedOn: day(AS_OF - monthsOpen * 30.44 * 86_400_000),
      limit,
      balance: closed ? 0 : Math.round(limit * utilisation),
      status: writtenOff ? 'written-off' : closed ? 'closed' : history.endsWith('N') || history.endsWith('/') ? 'current' : 'delinquent',
      history: closed ? `${history.slice(0, -1)}C` : history,
      worstDelinquency: worst,
    });
  }
  const inquiries = Array.from({ length: Math.floor(rnd() * (1 + risk * 8)) }, () => ({
    date: day(AS_OF - Math.floor(rnd() * 365) * 86_400_000),
    institution: BANKS[Math.floor(rnd() * BANKS.length)]!,
    reason: rnd() < 0.7 ? 'loan approval' : 'credit card approval',
  }));
  const publicRecords =
    rnd() < risk * 0.25
      ? [
          {
            type: (['bankruptcy', 'civil-judgment', 'tax-lien'] as const)[Math.floor(rnd() * 3)]!,
            date: day(AS_OF - Math.floor(rnd() * 2000) * 86_400_000),
            amount: Math.round(1_000 + rnd() * 30_000),
          },
        ]
      : [];
  const open = accounts.filter((a) => a.status !== 'closed');
  const limits = open.reduce((s, a) => s + (a.type === 'credit-card' ? a.limit : 0), 0);
  const revolving = open.reduce((s, a) => s + (a.type === 'credit-card' ? a.balance : 0), 0);
  const worst = accounts.reduce((w, a) => Math.max(w, a.worstDelinquency), 0);
  const score = Math.round(
    Math.max(
      300,
      Math.min(
        850,
        760 -
          worst * 45 -
          inquiries.length * 8 -
          publicRecords.length * 90 -
          (limits ? (revolving / limits) * 120 : 20) +
          Math.min(60, accounts.length * 6) +
          (rnd() - 0.5) * 40,
      ),
    ),
  );
  return {
    nationalId,
    name: `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`,
    birthDate: day(AS_OF - (age * 365.25 + Math.floor(rnd() * 365)) * 86_400_000),
    employment: JOBS[Math.floor(rnd() * JOBS.length)]!,
    score,
    accounts,
    inquiries,
    publicRecords,
  };
}
