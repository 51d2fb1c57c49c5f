import { psi } from '../../models/index.ts';
import type { MonitorConfig } from './monitor-config.ts';

export interface MonitoredDecision {
  at: number;
  outcome: string | null;
  c1: Record<string, unknown>;
  scores: Record<string, number> | null;
  /** Worst days past due within 3 months of booking, or null if never booked. */
  earlyDpd: number | null;
}

export interface MonthStats {
  month: string;
  decisions: number;
  approvalRate: number;
  meanScore: Record<string, number>;
}

export interface Snapshot {
  asOf: string;
  month: string;
  months: MonthStats[];
  scorePsi: Record<string, number>;
  csi: Record<string, number>;
  approvalRate: { baseline: number; current: number };
  vintages: { month: string; booked: number; earlyDelinquencyRate: number }[];
}

export interface AlertDraft {
  kind: 'score_psi' | 'csi' | 'approval_rate' | 'early_delinquency';
  metric: string;
  value: number;
  threshold: number;
  period: string;
  message: string;
}

export const monthOf = (t: number) => new Date(t).toISOString().slice(0, 7);

/**
 * The month before `asOf` against the baseline months: approval rate, each score node's PSI,
 * each watched feature's CSI, and early delinquency by vintage; and the alerts the thresholds
 * raise.
 */
export function computeMonitoring(decisions: readonly MonitoredDecision[], config: MonitorConfig, asOf: Date): { snapshot: Snapshot; alerts: AlertDraft[] } {
  const end = asOf.getTime();
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - 1);
  const month = monthOf(start.getTime());
  const inBaseline = (d: MonitoredDecision) => {
    const m = monthOf(d.at);
    return m >= config.baseline.from && m <= config.baseline.to;
  };
  const seen = decisions.filter((d) => d.at < end);
  const base = seen.filter(inBaseline);
  const current = seen.filter((d) => d.at >= start.getTime());
  const approval = (xs: readonly MonitoredDecision[]) => (xs.length ? xs.filter((d) => d.outcome === 'approve').length / xs.length : 0);
  const byMonth = new Map<string, MonitoredDecision[]>();
  for (const d of seen) {
    const m = monthOf(d.at);
    let list = byMonth.get(m);
    if (!list) byMonth.set(m, (list = []));
    list.push(d);
  }
  const nodes = [...new Set(seen.flatMap((d) => Object.keys(d.scores ?? {})))];
  const scoreOf = (xs: readonly MonitoredDecision[], n: string) => xs.map((d) => d.scores?.[n]).filter((v): v is number => typeof v === 'number');
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, xs]) => ({
      month: m,
      decisions: xs.length,
      approvalRate: approval(xs),
      meanScore: Object.fromEntries(
        nodes.map((n) => {
          const s = scoreOf(xs, n);
          return [n, s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN];
        }),
      ),
    }));
  const scorePsi: Record<string, number> = {};
  if (base.length && current.length) for (const n of nodes) scorePsi[n] = psi(scoreOf(base, n), scoreOf(current, n));
  const csi: Record<string, number> = {};
  const values = (xs: readonly MonitoredDecision[], f: string) => xs.map((d) => d.c1[f]).filter((v): v is number => typeof v === 'number');
  if (base.length && current.length) for (const f of config.features) csi[f] = psi(values(base, f), values(current, f));
  const vintages = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, xs]) => {
      const booked = xs.filter((d) => d.earlyDpd !== null);
      return { month: m, booked: booked.length, earlyDelinquencyRate: booked.length ? booked.filter((d) => d.earlyDpd! >= 30).length / booked.length : 0 };
    });
  const snapshot: Snapshot = {
    asOf: asOf.toISOString(),
    month,
    months,
    scorePsi,
    csi,
    approvalRate: { baseline: approval(base), current: approval(current) },
    vintages,
  };
  const alerts: AlertDraft[] = [];
  const t = config.thresholds;
  for (const [n, v] of Object.entries(scorePsi))
    if (v > t.psi)
      alerts.push({
        kind: 'score_psi',
        metric: n,
        value: v,
        threshold: t.psi,
        period: month,
        message: `scores of ${n} shifted in ${month}: PSI ${v.toFixed(3)} against the baseline, above ${t.psi}`,
      });
  for (const [f, v] of Object.entries(csi))
    if (v > t.csi)
      alerts.push({
        kind: 'csi',
        metric: f,
        value: v,
        threshold: t.csi,
        period: month,
        message: `${f} shifted in ${month}: CSI ${v.toFixed(3)}, above ${t.csi}`,
      });
  if (current.length && base.length && Math.abs(snapshot.approvalRate.current - snapshot.approvalRate.baseline) > t.approvalRateShift) {
    alerts.push({
      kind: 'approval_rate',
      metric: 'approvalRate',
      value: snapshot.approvalRate.current,
      threshold: t.approvalRateShift,
      period: month,
      message: `approval rate ${(snapshot.approvalRate.current * 100).toFixed(1)}% in ${month} against ${(snapshot.approvalRate.baseline * 100).toFixed(1)}% in the baseline`,
    });
  }
  if (t.earlyDelinquency !== undefined) {
    // The latest vintage with three months behind it.
    const mature = new Date(end);
    mature.setUTCMonth(mature.getUTCMonth() - 4);
    const v = vintages.find((x) => x.month === monthOf(mature.getTime()));
    if (v?.booked && v.earlyDelinquencyRate > t.earlyDelinquency)
      alerts.push({
        kind: 'early_delinquency',
        metric: v.month,
        value: v.earlyDelinquencyRate,
        threshold: t.earlyDelinquency,
        period: v.month,
        message: `vintage ${v.month}: ${(v.earlyDelinquencyRate * 100).toFixed(1)}% of booked accounts 30+ days past due within 3 months, above ${(t.earlyDelinquency * 100).toFixed(1)}%`,
      });
  }
  return { snapshot, alerts };
}
