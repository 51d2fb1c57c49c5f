import type { CandidateMatrix } from './candidates.ts';
import type { LinearConstraint } from './portfolio.ts';
import type { Strategy } from './strategy.ts';

const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * The strategy's portfolio limits as linear rows over the candidate matrix. Rates become
 * linear by moving the denominator across: loss ≤ ρ·volume is Σ(loss − ρ·volume) ≤ 0.
 * `segments` gives each application's segment when the strategy limits segments.
 */
export function portfolioConstraints(
  m: CandidateMatrix,
  s: Strategy,
  segments: readonly string[] | null,
  overrides: { maxLossRate?: number } = {},
): LinearConstraint[] {
  const A = m.actions.length;
  const n = m.rows;
  const p = s.portfolio;
  const out: LinearConstraint[] = [];
  const approves = m.actions.map((a) => (a.approve ? 1 : 0));
  const sumOver = (choice: Int32Array, take: (j: number) => number, rows?: (i: number) => boolean) => {
    let t = 0;
    for (let i = 0; i < n; i++) if (!rows || rows(i)) t += take(i * A + choice[i]!);
    return t;
  };
  const build = (
    name: string,
    label: string,
    bound: number,
    limit: number,
    coefOf: (i: number, j: number, a: number) => number,
    figure: (choice: Int32Array) => number,
  ) => {
    const coef = new Float64Array(n * A);
    for (let i = 0; i < n; i++) for (let a = 0; a < A; a++) coef[i * A + a] = coefOf(i, i * A + a, a);
    out.push({ name, label, coef, bound, limit, figure });
  };
  if (p.minApprovalRate !== undefined) {
    const r = p.minApprovalRate;
    build(
      'minApprovalRate',
      `approval rate at least ${pct(r)}`,
      -r * n,
      r,
      (_i, _j, a) => -approves[a]!,
      (c) => sumOver(c, (j) => approves[j % A]!) / n,
    );
  }
  const maxLossRate = overrides.maxLossRate ?? p.maxLossRate;
  if (maxLossRate !== undefined) {
    const r = maxLossRate;
    build(
      'maxLossRate',
      `expected loss rate at most ${pct(r)}`,
      0,
      r,
      (_i, j) => m.loss[j]! - r * m.volume[j]!,
      (c) => {
        const v = sumOver(c, (j) => m.volume[j]!);
        return v > 0 ? sumOver(c, (j) => m.loss[j]!) / v : 0;
      },
    );
  }
  if (p.maxVolume !== undefined) {
    build(
      'maxVolume',
      `expected volume at most ${p.maxVolume}`,
      p.maxVolume,
      p.maxVolume,
      (_i, j) => m.volume[j]!,
      (c) => sumOver(c, (j) => m.volume[j]!),
    );
  }
  const limited = Object.keys({ ...p.segmentMaxVolume, ...p.segmentMinApprovalRate });
  if (limited.length) {
    if (!segments)
      throw new Error(
        `the strategy limits segments (${limited.join(', ')}) but the data has no segment column${p.segment ? ` "${p.segment}"` : '; set portfolio.segment'}`,
      );
    const known = new Set(segments);
    const unknown = limited.filter((g) => !known.has(g));
    if (unknown.length)
      throw new Error(`the strategy limits segments the data does not have: ${unknown.join(', ')} (segments in the data: ${[...known].join(', ')})`);
    for (const [seg, v] of Object.entries(p.segmentMaxVolume ?? {})) {
      const inSeg = (i: number) => segments[i] === seg;
      build(
        `segmentMaxVolume.${seg}`,
        `expected volume of ${seg} at most ${v}`,
        v,
        v,
        (i, j) => (inSeg(i) ? m.volume[j]! : 0),
        (c) => sumOver(c, (j) => m.volume[j]!, inSeg),
      );
    }
    for (const [seg, r] of Object.entries(p.segmentMinApprovalRate ?? {})) {
      const inSeg = (i: number) => segments[i] === seg;
      const size = segments.filter((g) => g === seg).length;
      build(
        `segmentMinApprovalRate.${seg}`,
        `approval rate of ${seg} at least ${pct(r)}`,
        -r * size,
        r,
        (i, _j, a) => (inSeg(i) ? -approves[a]! : 0),
        (c) => sumOver(c, (j) => approves[j % A]!, inSeg) / size,
      );
    }
  }
  return out;
}
