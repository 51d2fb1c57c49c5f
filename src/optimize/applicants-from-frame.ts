import type { Frame } from '../models/index.ts';
import type { Applicant } from './action-value.ts';
import type { Strategy } from './strategy.ts';

/**
 * Applicants from a data set, through the strategy's column names. `pd` may come from a
 * separate scores file (same rows, a `pd` column, as `arbiter score` writes it).
 */
export function applicantsFromFrame(frame: Frame, s: Strategy, scores: Frame | null): { applicants: Applicant[]; segments: string[] | null } {
  const c = s.columns;
  const numeric = (f: Frame, name: string, role: string): Float64Array => {
    const col = f.byName.get(name);
    if (!col)
      throw new Error(
        `the data has no column "${name}" for ${role}; name it in the strategy's "columns" (columns in the data: ${f.columns.map((x) => x.name).join(', ')})`,
      );
    if (col.kind !== 'numeric') throw new Error(`column "${name}" (${role}) must hold numbers; it holds text such as "${col.levels[0]}"`);
    return col.values;
  };
  if (scores && scores.rows !== frame.rows)
    throw new Error(`the scores file has ${scores.rows} rows and the data ${frame.rows}; they must be the same rows in the same order`);
  const pd = numeric(scores ?? frame, c.pd, 'the probability of default');
  const amount = numeric(frame, c.amount, 'the amount asked for');
  const term = numeric(frame, c.term, 'the term in months');
  const income = numeric(frame, c.income, 'monthly income');
  const debt = numeric(frame, c.debt, 'existing monthly debt');
  const lgd = c.lgd ? numeric(frame, c.lgd, 'LGD') : null;
  const ead = c.ead ? numeric(frame, c.ead, 'EAD') : null;
  const applicants: Applicant[] = [];
  for (let i = 0; i < frame.rows; i++) {
    const p = pd[i]!;
    if (!(p >= 0 && p <= 1)) throw new Error(`row ${i + 1}: the PD (${c.pd}) must be between 0 and 1, got ${Number.isNaN(p) ? 'nothing' : p}`);
    for (const [name, v] of [
      [c.amount, amount[i]!],
      [c.term, term[i]!],
      [c.income, income[i]!],
    ] as const) {
      if (!(v > 0)) throw new Error(`row ${i + 1}: ${name} must be a number above 0, got ${Number.isNaN(v) ? 'nothing' : v}`);
    }
    applicants.push({
      pd: p,
      amount: amount[i]!,
      termMonths: term[i]!,
      monthlyIncome: income[i]!,
      monthlyDebt: Number.isNaN(debt[i]!) ? 0 : debt[i]!,
      lgd: lgd && !Number.isNaN(lgd[i]!) ? lgd[i] : undefined,
      ead: ead && !Number.isNaN(ead[i]!) ? ead[i] : undefined,
    });
  }
  let segments: string[] | null = null;
  const segName = s.portfolio.segment;
  if (segName) {
    const col = frame.byName.get(segName);
    if (!col) throw new Error(`the data has no segment column "${segName}" (portfolio.segment)`);
    segments = col.kind === 'categorical' ? Array.from(col.codes, (k) => (k < 0 ? '(missing)' : col.levels[k]!)) : Array.from(col.values, (v) => String(v));
  }
  return { applicants, segments };
}
