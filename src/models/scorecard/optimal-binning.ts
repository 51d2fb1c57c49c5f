/**
 * Optimal binning: of every way to merge the fine classes of a feature into contiguous coarse
 * bins, the one with the largest information value such that every bin holds at least the
 * minimum count, there are at most `maxBins`, and the bad rate follows the trend asked for. It is
 * the problem OptBinning solves as a mixed-integer programme (Navas-Palencia, 2020); on one feature
 * the bins are runs of consecutive fine classes, so dynamic programming over (last run, number of
 * runs, trend phase) finds the same optimum exactly, in O(n³ × bins) for n fine classes (n ≤ 50).
 */

/** How the bad rate must move from bin to bin: ascending, descending, rising then falling (peak), falling then rising (valley), or freely. */
export type OptimalTrend = 'ascending' | 'descending' | 'peak' | 'valley' | 'none';

export interface FineClass {
  count: number;
  bads: number;
}

export interface OptimalBinningProblem {
  classes: readonly FineClass[];
  totalGood: number;
  totalBad: number;
  minCount: number;
  maxBins: number;
  trend: OptimalTrend;
}

/** The optimal bins as runs of fine classes `[start, end]` (inclusive), and their information value; null when no binning meets the constraints. */
export interface OptimalBinning {
  runs: [number, number][];
  iv: number;
}

/** Information value of one bin, with the half-count smoothing the scorecard's WoE uses. */
export function binIv(count: number, bads: number, totalGood: number, totalBad: number): number {
  const good = (count - bads + 0.5) / (totalGood + 0.5);
  const bad = (bads + 0.5) / (totalBad + 0.5);
  return (good - bad) * Math.log(good / bad);
}

/** The bad rate the trend is held on, as a binning report shows it. */
const badRate = (count: number, bads: number) => bads / count;

export function optimalBinning(p: OptimalBinningProblem): OptimalBinning | null {
  const n = p.classes.length;
  if (n === 0) return { runs: [], iv: 0 };
  const countTo = new Float64Array(n + 1);
  const badsTo = new Float64Array(n + 1);
  p.classes.forEach((c, i) => {
    countTo[i + 1] = countTo[i]! + c.count;
    badsTo[i + 1] = badsTo[i]! + c.bads;
  });
  const count = (i: number, j: number) => countTo[j + 1]! - countTo[i]!;
  const bads = (i: number, j: number) => badsTo[j + 1]! - badsTo[i]!;
  const rate = (i: number, j: number) => badRate(count(i, j), bads(i, j));
  const iv = (i: number, j: number) => binIv(count(i, j), bads(i, j), p.totalGood, p.totalBad);
  const maxBins = Math.max(1, Math.min(p.maxBins, n));
  // Phases: 0 = still rising (or the only phase), 1 = falling after a peak (or rising after a valley).
  const phases = p.trend === 'peak' || p.trend === 'valley' ? 2 : 1;
  // best[((b * phases + phase) * n + i) * n + j]: the best IV of classes 0..j in b+1 runs, the last being i..j.
  const size = maxBins * phases * n * n;
  const best = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const from = new Int32Array(size).fill(-1);
  const at = (b: number, phase: number, i: number, j: number) => ((b * phases + phase) * n + i) * n + j;
  /** May a bin with rate `next` follow one with rate `prev`, moving from `phase` to `nextPhase`? */
  const follows = (prev: number, next: number, phase: number, nextPhase: number): boolean => {
    switch (p.trend) {
      case 'none':
        return true;
      case 'ascending':
        return next > prev;
      case 'descending':
        return next < prev;
      case 'peak':
        return nextPhase === 0 ? phase === 0 && next > prev : next < prev;
      case 'valley':
        return nextPhase === 0 ? phase === 0 && next < prev : next > prev;
    }
  };
  for (let j = 0; j < n; j++) {
    if (count(0, j) >= p.minCount) best[at(0, 0, 0, j)] = iv(0, j);
  }
  for (let b = 1; b < maxBins; b++) {
    for (let j = 0; j < n; j++) {
      for (let i = 1; i <= j; i++) {
        if (count(i, j) < p.minCount) continue;
        const gain = iv(i, j);
        const r = rate(i, j);
        for (let nextPhase = 0; nextPhase < phases; nextPhase++) {
          let top = Number.NEGATIVE_INFINITY;
          let arg = -1;
          for (let phase = 0; phase < phases; phase++) {
            for (let k = 0; k < i; k++) {
              const prev = best[at(b - 1, phase, k, i - 1)]!;
              if (prev === Number.NEGATIVE_INFINITY || prev <= top) continue;
              if (!follows(rate(k, i - 1), r, phase, nextPhase)) continue;
              top = prev;
              arg = (phase * n + k) | 0;
            }
          }
          if (arg >= 0) {
            best[at(b, nextPhase, i, j)] = top + gain;
            from[at(b, nextPhase, i, j)] = arg;
          }
        }
      }
    }
  }
  let bestIv = Number.NEGATIVE_INFINITY;
  let end = -1;
  for (let b = 0; b < maxBins; b++)
    for (let phase = 0; phase < phases; phase++)
      for (let i = 0; i < n; i++) {
        const v = best[at(b, phase, i, n - 1)]!;
        if (v > bestIv + 1e-12) {
          bestIv = v;
          end = at(b, phase, i, n - 1);
        }
      }
  if (end < 0) return null;
  const runs: [number, number][] = [];
  for (let cell = end; cell >= 0; ) {
    const j = cell % n;
    const i = Math.floor(cell / n) % n;
    const rest = Math.floor(cell / (n * n));
    const b = Math.floor(rest / phases);
    runs.unshift([i, j]);
    const back = from[cell]!;
    if (b === 0 || back < 0) break;
    const phase = Math.floor(back / n);
    const k = back % n;
    cell = at(b - 1, phase, k, i - 1);
  }
  return { runs, iv: bestIv };
}
