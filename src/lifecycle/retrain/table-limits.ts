/**
 * One segment's applications from least to most risky, with what approving each is worth under
 * the segment's offer; a table's rule approves the first `k` of them (a PD cutoff), and the
 * segment's own limits bound `k` between `min` and `max`.
 */
export interface Frontier {
  pd: Float64Array;
  profit: Float64Array;
  loss: Float64Array;
  volume: Float64Array;
  k: number;
  min: number;
  max: number;
}

/** The portfolio's limits a table must keep over all its segments. */
export interface TableLimits {
  maxVolume?: number | undefined;
  maxLossRate?: number | undefined;
  minApprovalRate?: number | undefined;
}

const sumTo = (xs: Float64Array, k: number) => {
  let s = 0;
  for (let i = 0; i < k; i++) s += xs[i]!;
  return s;
};

/**
 * Moves each segment's cutoff, one application at a time, until the table keeps the limits as
 * its own cutoffs decide (the optimiser's choices are not a cutoff per segment, so cutoffs that
 * reproduce most of them can lend past a budget): first into each segment's bounds; then, while
 * too few are approved, the next application worth most is added; while too much is lent, the
 * marginal one earning least per amount lent is dropped; while the loss rate is too high, the
 * one that lowers it most per profit given up. Returns the limits it could not meet (a segment's
 * minimum approval can hold a portfolio above its budget).
 */
export function honourLimits(frontiers: Frontier[], limits: TableLimits, applications: number): string[] {
  for (const f of frontiers) f.k = Math.min(Math.max(f.k, f.min), Math.max(f.min, f.max));
  const totals = () => {
    let count = 0;
    let volume = 0;
    let loss = 0;
    for (const f of frontiers) (count += f.k), (volume += sumTo(f.volume, f.k)), (loss += sumTo(f.loss, f.k));
    return { count, volume, loss };
  };
  let t = totals();
  /** The segment whose next step scores best, or null when none can move. */
  const pick = (can: (f: Frontier) => boolean, score: (f: Frontier) => number) => {
    let best: Frontier | null = null;
    let top = -Infinity;
    for (const f of frontiers) {
      if (!can(f)) continue;
      const s = score(f);
      if (s > top) (top = s), (best = f);
    }
    return best;
  };
  const step = (f: Frontier, by: 1 | -1) => {
    const i = by > 0 ? f.k : f.k - 1;
    t = { count: t.count + by, volume: t.volume + by * f.volume[i]!, loss: t.loss + by * f.loss[i]! };
    f.k += by;
  };
  const { maxVolume, maxLossRate, minApprovalRate } = limits;
  if (minApprovalRate !== undefined)
    while (t.count < Math.ceil(minApprovalRate * applications)) {
      const f = pick(
        (x) => x.k < x.max && (maxVolume === undefined || t.volume + x.volume[x.k]! <= maxVolume),
        (x) => x.profit[x.k]!,
      );
      if (!f) break;
      step(f, 1);
    }
  const removable = (x: Frontier) => x.k > x.min;
  if (maxVolume !== undefined)
    while (t.volume > maxVolume) {
      const f = pick(removable, (x) => -x.profit[x.k - 1]! / Math.max(x.volume[x.k - 1]!, 1e-9));
      if (!f) break;
      step(f, -1);
    }
  if (maxLossRate !== undefined)
    while (t.loss > maxLossRate * t.volume) {
      const f = pick(
        (x) => removable(x) && x.loss[x.k - 1]! > maxLossRate * x.volume[x.k - 1]!,
        (x) => (x.loss[x.k - 1]! - maxLossRate * x.volume[x.k - 1]!) / Math.max(x.profit[x.k - 1]!, 1e-9),
      );
      if (!f) break;
      step(f, -1);
    }
  const unmet: string[] = [];
  if (minApprovalRate !== undefined && t.count < minApprovalRate * applications - 1e-9)
    unmet.push(`approval rate ${(t.count / applications).toFixed(3)} below ${minApprovalRate}`);
  if (maxVolume !== undefined && t.volume > maxVolume + 1e-6) unmet.push(`volume ${Math.round(t.volume)} above ${maxVolume}`);
  if (maxLossRate !== undefined && t.loss > maxLossRate * t.volume + 1e-6) unmet.push(`loss rate ${(t.loss / t.volume).toFixed(4)} above ${maxLossRate}`);
  return unmet;
}
