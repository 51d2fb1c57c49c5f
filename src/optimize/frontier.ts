import type { CandidateMatrix } from './candidates.ts';
import { portfolioConstraints } from './constraints.ts';
import { InfeasibleError, solvePortfolio } from './portfolio.ts';
import type { Strategy } from './strategy.ts';

export interface FrontierPoint {
  maxLossRate: number;
  expectedProfit: number;
  lossRate: number;
  approvalRate: number;
  volume: number;
}

/**
 * The efficient frontier: the most expected profit at each ceiling on the expected loss rate,
 * from the lowest the other constraints allow to where the ceiling stops binding.
 */
export async function efficientFrontier(
  m: CandidateMatrix,
  s: Strategy,
  segments: readonly string[] | null,
  points: number,
  onPoint?: (done: number, of: number) => void,
): Promise<FrontierPoint[]> {
  const A = m.actions.length;
  const figures = (choice: Int32Array) => {
    let loss = 0;
    let volume = 0;
    let approved = 0;
    let profit = 0;
    for (let i = 0; i < m.rows; i++) {
      const j = i * A + choice[i]!;
      loss += m.loss[j]!;
      volume += m.volume[j]!;
      profit += m.profit[j]!;
      approved += m.actions[choice[i]!]!.approve ? 1 : 0;
    }
    return { expectedProfit: profit, lossRate: volume > 0 ? loss / volume : 0, approvalRate: approved / m.rows, volume };
  };
  // Where the loss ceiling stops mattering: the optimum without it.
  const free = await solvePortfolio(m, portfolioConstraints(m, { ...s, portfolio: { ...s.portfolio, maxLossRate: undefined } }, segments));
  const top = figures(free.choice).lossRate;
  const out: FrontierPoint[] = [];
  for (let p = 1; p <= points; p++) {
    const ceiling = (top * p) / points;
    try {
      const sol = await solvePortfolio(m, portfolioConstraints(m, s, segments, { maxLossRate: ceiling }));
      out.push({ maxLossRate: ceiling, ...figures(sol.choice) });
    } catch (err) {
      if (!(err instanceof InfeasibleError)) throw err;
    }
    onPoint?.(p, points);
  }
  return out;
}

/** The frontier as a small self-contained SVG line chart. */
export function frontierSvg(points: FrontierPoint[], title: string): string {
  const W = 640;
  const H = 400;
  const pad = { l: 80, r: 20, t: 40, b: 50 };
  const xs = points.map((p) => p.lossRate * 100);
  const ys = points.map((p) => p.expectedProfit);
  const xMax = Math.max(...xs, 0.01);
  const yMin = Math.min(0, ...ys);
  const yMax = Math.max(...ys, 1);
  const x = (v: number) => pad.l + (v / xMax) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - ((v - yMin) / (yMax - yMin)) * (H - pad.t - pad.b);
  const esc = (t: string) => t.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  const ticks = (max: number, n: number) => Array.from({ length: n + 1 }, (_, i) => (max * i) / n);
  const fmt = (v: number) => (Math.abs(v) >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e3 ? `${(v / 1e3).toFixed(0)}k` : v.toFixed(0));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/>`,
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`,
    ...ticks(xMax, 5).map((v) => `<text x="${x(v)}" y="${H - pad.b + 18}" text-anchor="middle">${v.toFixed(2)}%</text>`),
    ...ticks(yMax - yMin, 5).map((d) => `<text x="${pad.l - 8}" y="${y(yMin + d) + 4}" text-anchor="end">${fmt(yMin + d)}</text>`),
    `<text x="${W / 2}" y="${H - 10}" text-anchor="middle">expected loss rate</text>`,
    `<text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle">expected profit</text>`,
    `<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${points.map((p, i) => `${x(xs[i]!).toFixed(1)},${y(p.expectedProfit).toFixed(1)}`).join(' ')}"/>`,
    ...points.map(
      (p, i) =>
        `<circle cx="${x(xs[i]!).toFixed(1)}" cy="${y(p.expectedProfit).toFixed(1)}" r="3" fill="#1f6feb"><title>loss rate ${(p.lossRate * 100).toFixed(2)}%, profit ${fmt(p.expectedProfit)}, approval ${(p.approvalRate * 100).toFixed(1)}%</title></circle>`,
    ),
    '</svg>',
  ].join('\n');
}
