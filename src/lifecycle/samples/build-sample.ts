import { frameFromRecords, seededRandom, type Frame } from '../../models/index.ts';
import type { SampleDefinition } from './sample-definition.ts';

export interface SampleDecision {
  id: string;
  createdAt: string;
  outcome: string | null;
  application: Record<string, unknown>;
}

export interface PerformanceEvent {
  type: string;
  at: string;
  dpd: number | null;
}

export interface SampleReport {
  rows: number;
  bads: number;
  badRate: number;
  excluded: { outsideWindow: number; immature: number; indeterminate: number; notBooked: number; declined: number; noDate: number };
  inferred: number;
}

export interface Sample {
  frame: Frame;
  /** 1 for bad, per row of the frame. */
  y: Uint8Array;
  /** Application time of each row (ms), for out-of-time splits. */
  time: Float64Array;
  decisionIds: string[];
  report: SampleReport;
}

const addMonths = (t: number, months: number) => {
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
};

/**
 * Turns decisions and their performance into a training set, as of a date: an approved,
 * booked application whose performance window has run its course is bad if it reached the bad
 * threshold (or defaulted, or was charged off) within the window, good if it never reached the
 * indeterminate one; the rest are left out and counted. Declined applicants join only through
 * reject inference (parcelling, with `riskOf` giving their risk band).
 */
export function buildSample(
  decisions: readonly SampleDecision[],
  performance: ReadonlyMap<string, { events: PerformanceEvent[] }>,
  def: SampleDefinition,
  asOf: Date,
  riskOf?: (application: Record<string, unknown>) => number,
): Sample {
  const excluded = { outsideWindow: 0, immature: 0, indeterminate: 0, notBooked: 0, declined: 0, noDate: 0 };
  // A rolling window ends where accounts stop being mature: performanceMonths before the date.
  const rolling = def.windowMonths ? addMonths(asOf.getTime(), -(def.performanceMonths + def.windowMonths)) : -Infinity;
  const from = Math.max(def.from ? Date.parse(def.from) : -Infinity, rolling);
  const to = def.to ? Date.parse(def.to) : Infinity;
  const kept: { d: SampleDecision; t: number; bad: 0 | 1 }[] = [];
  const declined: { d: SampleDecision; t: number }[] = [];
  for (const d of decisions) {
    const raw = def.dateField ? d.application[def.dateField] : d.createdAt;
    const t = typeof raw === 'string' ? Date.parse(raw) : NaN;
    if (Number.isNaN(t)) {
      excluded.noDate++;
      continue;
    }
    if (t < from || t >= to) {
      excluded.outsideWindow++;
      continue;
    }
    const end = addMonths(t, def.performanceMonths);
    if (end > asOf.getTime()) {
      excluded.immature++;
      continue;
    }
    if (d.outcome !== 'approve') {
      excluded.declined++;
      declined.push({ d, t });
      continue;
    }
    const events = (performance.get(d.id)?.events ?? []).filter((e) => {
      const at = Date.parse(e.at);
      return at >= t && at <= end;
    });
    if (!events.some((e) => e.type === 'disbursement')) {
      excluded.notBooked++;
      continue;
    }
    const worst = Math.max(0, ...events.map((e) => e.dpd ?? 0));
    const bad = worst >= def.badDaysPastDue || events.some((e) => e.type === 'default' || e.type === 'charge_off');
    if (!bad && def.indeterminateDaysPastDue !== undefined && worst >= def.indeterminateDaysPastDue) {
      excluded.indeterminate++;
      continue;
    }
    kept.push({ d, t, bad: bad ? 1 : 0 });
  }
  let inferred = 0;
  if (def.rejectInference === 'parcelling' && riskOf && kept.length && declined.length) {
    // Parcelling: approved applicants in ten bands of risk give each band's bad rate; a declined
    // applicant in a band is bad with that rate, drawn from a generator seeded by the sample size.
    const risk = kept.map((k) => riskOf(k.d.application));
    const edges = [...risk].sort((a, b) => a - b).filter((_, i, xs) => i % Math.max(1, Math.floor(xs.length / 10)) === 0);
    const band = (r: number) =>
      Math.max(
        0,
        edges.findLastIndex((e) => e <= r),
      );
    const bads = new Array<number>(edges.length).fill(0);
    const counts = new Array<number>(edges.length).fill(0);
    kept.forEach((k, i) => {
      counts[band(risk[i]!)]!++;
      bads[band(risk[i]!)]! += k.bad;
    });
    const rnd = seededRandom(kept.length * 7919 + declined.length);
    for (const r of declined) {
      const b = band(riskOf(r.d.application));
      const rate = counts[b] ? bads[b]! / counts[b]! : 0.5;
      kept.push({ d: r.d, t: r.t, bad: rnd() < rate ? 1 : 0 });
      inferred++;
    }
  }
  kept.sort((a, b) => a.t - b.t);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  const frame = frameFromRecords(
    def.features,
    kept.map((k) => def.features.map((f) => cell(k.d.application[f]))),
  );
  const y = Uint8Array.from(kept, (k) => k.bad);
  const bads = y.reduce((s, b) => s + b, 0);
  return {
    frame,
    y,
    time: Float64Array.from(kept, (k) => k.t),
    decisionIds: kept.map((k) => k.d.id),
    report: { rows: kept.length, bads, badRate: kept.length ? bads / kept.length : 0, excluded, inferred },
  };
}
