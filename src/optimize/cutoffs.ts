import type { Applicant } from './action-value.ts';
import type { CandidateMatrix } from './candidates.ts';

export interface SegmentCutoff {
  applications: number;
  approvalRate: number;
  /** Approve when PD is at most this: the single cutoff closest to the optimiser's choices. */
  maxPd: number;
  /** Share of the segment's applications the cutoff decides as the optimiser did. */
  agreement: number;
}

/**
 * Per segment, the PD cutoff that reproduces the optimiser's approve/decline choices best,
 * for flows that decide by a cutoff (the optimize node's `maxPd`). Choices need not be
 * monotone in PD (affordability, amount), so the agreement says how close a cutoff comes.
 */
export function segmentCutoffs(
  m: CandidateMatrix,
  applicants: readonly Applicant[],
  choice: Int32Array,
  segments: readonly string[] | null,
): Record<string, SegmentCutoff> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < m.rows; i++) {
    const g = segments?.[i] ?? 'all';
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(i);
  }
  const out: Record<string, SegmentCutoff> = {};
  for (const [g, rows] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    rows.sort((a, b) => applicants[a]!.pd - applicants[b]!.pd);
    const approved = rows.map((i) => (m.actions[choice[i]!]!.approve ? 1 : 0));
    const total = approved.reduce<number>((s, x) => s + x, 0);
    // Cutting after position k approves rows[0..k): agreement = approved before + declined after.
    let best = total === 0 ? 0 : -1;
    let bestAgree = rows.length - total;
    let before = 0;
    for (let k = 1; k <= rows.length; k++) {
      before += approved[k - 1]!;
      const agree = before + (rows.length - k - (total - before));
      if (agree > bestAgree) {
        bestAgree = agree;
        best = k;
      }
    }
    out[g] = {
      applications: rows.length,
      approvalRate: total / rows.length,
      maxPd: best <= 0 ? 0 : applicants[rows[best - 1]!]!.pd,
      agreement: bestAgree / rows.length,
    };
  }
  return out;
}
