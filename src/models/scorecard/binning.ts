import type { Column } from '../frame.ts';
import { optimalBinning, type OptimalTrend } from './optimal-binning.ts';

export type Trend = 'auto' | 'ascending' | 'descending' | 'peak' | 'valley' | 'none';

export interface BinningOptions {
  /** smallest share of rows a bin may hold */
  minBinShare: number;
  maxBins: number;
  /** for numeric features: how the bad rate must move as the value rises */
  trend: Trend;
  /** numeric codes that mean something other than a quantity (e.g. 0 = none declared, 99999999 = refused): bins of their own */
  specialValues: number[];
  /** `optimal`: the largest information value the constraints allow (optimal-binning.ts); `greedy`: neighbours merged one at a time */
  algorithm: 'optimal' | 'greedy';
  /** An analyst's bins for a numeric feature: the upper edges, ascending ((-inf, c1], (c1, c2], ... (ck, inf)); no search then. */
  cuts?: number[];
  /** An analyst's bins for a categorical feature: levels grouped; a level in no group gets a bin of its own. */
  groups?: string[][];
}

export const DEFAULT_BINNING: BinningOptions = { minBinShare: 0.05, maxBins: 8, trend: 'auto', specialValues: [], algorithm: 'optimal' };

export interface Bin {
  label: string;
  /** numeric: values in (lower, upper]; categorical: the levels; special/missing: flagged */
  lower?: number;
  upper?: number;
  levels?: string[];
  special?: number;
  missing?: boolean;
  count: number;
  bads: number;
  woe: number;
  iv: number;
}

export interface FeatureBinning {
  feature: string;
  kind: 'numeric' | 'categorical';
  bins: Bin[];
  iv: number;
  trend: Trend;
}

interface Group {
  count: number;
  bads: number;
  lower?: number;
  upper?: number;
  levels?: string[];
}

function finish(groups: Group[], extras: Bin[], totalGood: number, totalBad: number): { bins: Bin[]; iv: number } {
  const withWoe = (g: Group & { label: string; special?: number; missing?: boolean }): Bin => {
    // Half a count of smoothing keeps empty cells finite.
    const good = (g.count - g.bads + 0.5) / (totalGood + 0.5);
    const bad = (g.bads + 0.5) / (totalBad + 0.5);
    const woe = Math.log(good / bad);
    return { ...g, woe, iv: (good - bad) * woe };
  };
  const bins = [
    ...groups.map((g) =>
      withWoe({ ...g, label: g.levels ? g.levels.join(', ') : `(${g.lower === -Infinity ? '-inf' : g.lower}, ${g.upper === Infinity ? 'inf' : g.upper}]` }),
    ),
    ...extras.map((e) => withWoe(e)),
  ];
  return { bins, iv: bins.reduce((s, b) => s + b.iv, 0) };
}

const rate = (g: Group) => (g.bads + 0.5) / (g.count + 1);

function merge(a: Group, b: Group): Group {
  return {
    count: a.count + b.count,
    bads: a.bads + b.bads,
    lower: a.lower,
    upper: b.upper,
    levels: a.levels && b.levels ? [...a.levels, ...b.levels] : undefined,
  };
}

/**
 * The fine classes merged into the bins of largest information value under the options; for
 * `auto`, the better of ascending and descending. Null when no binning meets the constraints.
 */
function optimal(
  groups: Group[],
  total: number,
  totalGood: number,
  totalBad: number,
  o: BinningOptions,
  trend: OptimalTrend | 'auto',
): { groups: Group[]; trend: OptimalTrend } | null {
  const classes = groups.filter((x) => x.count > 0);
  const solve = (t: OptimalTrend) => {
    const r = optimalBinning({ classes, totalGood, totalBad, minCount: o.minBinShare * total, maxBins: o.maxBins, trend: t });
    return r && { r, trend: t };
  };
  const candidates = trend === 'auto' ? [solve('ascending'), solve('descending')] : [solve(trend)];
  const found = candidates.filter((c) => c !== null).sort((a, b) => b.r.iv - a.r.iv)[0];
  if (!found) return null;
  const merged = found.r.runs.map(([i, j]) => classes.slice(i, j + 1).reduce(merge));
  return { groups: merged, trend: found.trend };
}

/** Merges neighbours until every bin is big enough, the trend holds and there are few enough. */
function coarse(groups: Group[], total: number, o: BinningOptions, direction: 1 | -1 | 0): Group[] {
  const g = groups.filter((x) => x.count > 0);
  const mergeAt = (i: number) => g.splice(i, 2, merge(g[i]!, g[i + 1]!));
  const closestNeighbour = (i: number) =>
    i === 0 ? 0 : i === g.length - 1 ? i - 1 : Math.abs(rate(g[i]!) - rate(g[i - 1]!)) <= Math.abs(rate(g[i]!) - rate(g[i + 1]!)) ? i - 1 : i;
  for (;;) {
    const small = g.findIndex((x) => x.count < o.minBinShare * total);
    if (small < 0 || g.length < 2) break;
    mergeAt(closestNeighbour(small));
  }
  if (direction !== 0) {
    for (let i = 0; i + 1 < g.length; ) {
      if ((rate(g[i + 1]!) - rate(g[i]!)) * direction < 0) {
        mergeAt(i);
        i = Math.max(0, i - 1);
      } else i++;
    }
  }
  while (g.length > o.maxBins) {
    let best = 0;
    for (let i = 1; i + 1 < g.length; i++) if (Math.abs(rate(g[i]!) - rate(g[i + 1]!)) < Math.abs(rate(g[best]!) - rate(g[best + 1]!))) best = i;
    mergeAt(best);
  }
  return g;
}

/**
 * Supervised binning of one feature on the training rows: fine classes (20 quantiles, or one
 * per level), merged into coarse classes with a minimum share, a monotone bad-rate trend for
 * numbers, and a bin each for missing values and special codes. Returns WoE and IV per bin.
 */
export function binFeature(col: Column, y: Uint8Array, rows: Int32Array, options: Partial<BinningOptions> = {}): FeatureBinning {
  const o = { ...DEFAULT_BINNING, ...options };
  let totalBad = 0;
  for (const r of rows) totalBad += y[r]!;
  const totalGood = rows.length - totalBad;
  if (col.kind === 'categorical') {
    const count = new Float64Array(col.levels.length);
    const bads = new Float64Array(col.levels.length);
    let mCount = 0;
    let mBads = 0;
    for (const r of rows) {
      const c = col.codes[r]!;
      if (c < 0) mCount++, (mBads += y[r]!);
      else count[c]!++, (bads[c]! += y[r]!);
    }
    const extras: Bin[] = mCount ? [{ label: 'missing', missing: true, count: mCount, bads: mBads, woe: 0, iv: 0 }] : [];
    if (o.groups) {
      const grouped = new Set(o.groups.flat());
      const given = [...o.groups.map((g) => g.filter((l) => col.levels.includes(l))), ...col.levels.filter((l) => !grouped.has(l)).map((l) => [l])].filter(
        (g) => g.length,
      );
      const fixed = given.map((levels) =>
        levels.reduce<Group>((acc, l) => merge(acc, { count: count[col.levels.indexOf(l)]!, bads: bads[col.levels.indexOf(l)]!, levels: [l] }), {
          count: 0,
          bads: 0,
          levels: [],
        }),
      );
      return {
        feature: col.name,
        kind: 'categorical',
        ...finish(
          fixed.filter((g) => g.count > 0),
          extras,
          totalGood,
          totalBad,
        ),
        trend: 'none',
      };
    }
    const groups = col.levels.map((l, k) => ({ count: count[k]!, bads: bads[k]!, levels: [l] })).sort((a, b) => rate(a) - rate(b));
    // Levels in order of bad rate: bins are runs of them, any runs the constraints allow.
    const best = o.algorithm === 'optimal' ? optimal(groups, rows.length, totalGood, totalBad, o, 'none') : null;
    const coarseGroups = best ? best.groups : coarse(groups, rows.length, o, 0);
    return { feature: col.name, kind: 'categorical', ...finish(coarseGroups, extras, totalGood, totalBad), trend: 'none' };
  }
  const specials = new Set(o.specialValues);
  const present: { v: number; bad: number }[] = [];
  let mCount = 0;
  let mBads = 0;
  const special = new Map<number, { count: number; bads: number }>();
  for (const r of rows) {
    const v = col.values[r]!;
    if (Number.isNaN(v)) mCount++, (mBads += y[r]!);
    else if (specials.has(v)) {
      const s = special.get(v) ?? { count: 0, bads: 0 };
      s.count++;
      s.bads += y[r]!;
      special.set(v, s);
    } else present.push({ v, bad: y[r]! });
  }
  present.sort((a, b) => a.v - b.v);
  if (o.cuts) {
    if (!o.cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > o.cuts![i - 1]!))) {
      throw new Error(`${col.name}: cuts must be finite numbers in ascending order, got ${JSON.stringify(o.cuts)}`);
    }
    const fixed: Group[] = [...o.cuts, Infinity].map((upper, i) => ({ count: 0, bads: 0, lower: i === 0 ? -Infinity : o.cuts![i - 1]!, upper }));
    let at = 0;
    for (const p of present) {
      while (p.v > fixed[at]!.upper!) at++;
      fixed[at]!.count++;
      fixed[at]!.bads += p.bad;
    }
    const kept = fixed.filter((g) => g.count > 0);
    const rates = kept.map((g) => g.bads / g.count);
    const steps = rates.slice(1).map((r, k) => r - rates[k]!);
    const trend: Trend = steps.every((d) => d > 0) ? 'ascending' : steps.every((d) => d < 0) ? 'descending' : 'none';
    return numericBinning(col.name, kept, special, mCount, mBads, totalGood, totalBad, trend);
  }
  const edges: number[] = [];
  for (let q = 1; q < 20; q++) {
    const e = present[Math.floor((q * present.length) / 20)]?.v;
    if (e !== undefined && edges[edges.length - 1] !== e) edges.push(e);
  }
  const fine: Group[] = [];
  let lower = -Infinity;
  let k = 0;
  for (const upper of [...edges, Infinity]) {
    const g: Group = { count: 0, bads: 0, lower, upper };
    while (k < present.length && present[k]!.v <= upper) g.count++, (g.bads += present[k]!.bad), k++;
    if (g.count) fine.push(g);
    lower = upper;
  }
  if (o.algorithm === 'optimal') {
    const best = optimal(fine, rows.length, totalGood, totalBad, o, o.trend);
    if (best) return numericBinning(col.name, best.groups, special, mCount, mBads, totalGood, totalBad, best.trend);
  }
  let direction: 1 | -1 | 0 = 0;
  if (o.trend === 'ascending') direction = 1;
  else if (o.trend === 'descending') direction = -1;
  else if (o.trend === 'auto' && fine.length > 1) {
    // The direction the bad rate mostly takes across the fine classes.
    let up = 0;
    for (let i = 0; i + 1 < fine.length; i++) up += (rate(fine[i + 1]!) - rate(fine[i]!)) * Math.min(fine[i]!.count, fine[i + 1]!.count);
    direction = up >= 0 ? 1 : -1;
  }
  const coarseGroups = coarse(fine, rows.length, o, direction);
  return numericBinning(
    col.name,
    coarseGroups,
    special,
    mCount,
    mBads,
    totalGood,
    totalBad,
    direction > 0 ? 'ascending' : direction < 0 ? 'descending' : 'none',
  );
}

function numericBinning(
  feature: string,
  coarseGroups: Group[],
  special: Map<number, { count: number; bads: number }>,
  mCount: number,
  mBads: number,
  totalGood: number,
  totalBad: number,
  trend: Trend,
): FeatureBinning {
  // Coarse bins cover the whole line: the first starts at -inf, each starts where the last ended.
  coarseGroups.forEach((g, i) => (g.lower = i === 0 ? -Infinity : coarseGroups[i - 1]!.upper));
  if (coarseGroups.length) coarseGroups[coarseGroups.length - 1]!.upper = Infinity;
  const extras: Bin[] = [
    ...[...special].map(([v, s]) => ({ label: `special ${v}`, special: v, count: s.count, bads: s.bads, woe: 0, iv: 0 })),
    ...(mCount ? [{ label: 'missing', missing: true, count: mCount, bads: mBads, woe: 0, iv: 0 }] : []),
  ];
  return { feature, kind: 'numeric', ...finish(coarseGroups, extras, totalGood, totalBad), trend };
}

/** The bin a value falls in; an unseen level or unbinned missing value gets -1 (WoE 0). */
export function binIndex(b: FeatureBinning, col: Column, row: number): number {
  if (col.kind === 'categorical') {
    const c = col.codes[row]!;
    if (c < 0) return b.bins.findIndex((x) => x.missing);
    const level = col.levels[c]!;
    return b.bins.findIndex((x) => x.levels?.includes(level));
  }
  const v = col.values[row]!;
  if (Number.isNaN(v)) return b.bins.findIndex((x) => x.missing);
  const special = b.bins.findIndex((x) => x.special === v);
  if (special >= 0) return special;
  return b.bins.findIndex((x) => x.upper !== undefined && v > x.lower! && v <= x.upper);
}
