import type { Column, Frame } from './frame.ts';
import { evaluate, ks, auc, psi, type Evaluation } from './metrics.ts';
import type { LoadedModel, TrainingInfo } from './model-file.ts';
import { featureImportance } from './importance.ts';
import type { Bin } from './scorecard/binning.ts';

/**
 * A model card: what a model is, what it was trained on, how it performs on labelled data
 * overall, by month and by segment, how stable its scores are, and how its decisions fall on
 * groups it does not use as features (a fairness report), with the limitations these show.
 * Model risk reviewers and regulators read it; it is made from the model file and a data file.
 */
export interface ModelCard {
  model: {
    version: string;
    kind: LoadedModel['kind'];
    target: LoadedModel['target'];
    features: CardFeature[];
    training: Pick<TrainingInfo, 'algorithm' | 'data' | 'params' | 'split' | 'metrics'> | null;
    imported: LoadedModel['imported'];
  };
  data: { file: string | null; sha256: string | null; rows: number; bads: number; badRate: number };
  performance: { overall: Evaluation; byMonth: GroupPerformance[]; bySegment: GroupPerformance[] };
  /** Score PSI of each month against the first; above 0.25 reads as a shift. */
  stability: { month: string; rows: number; psi: number }[];
  fairness: FairnessReport[];
  limitations: string[];
}

export interface CardFeature {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Share of the model's gain (trees) or information value (scorecards). */
  importance: number | null;
  /** A scorecard's bins: count, bad rate, WoE and IV each. */
  bins: { label: string; count: number; badRate: number; woe: number; iv: number }[] | null;
}

export interface GroupPerformance {
  group: string;
  rows: number;
  bads: number;
  badRate: number;
  /** Null where the group holds only goods or only bads. */
  auc: number | null;
  ks: number | null;
}

export interface FairnessGroup {
  group: string;
  rows: number;
  approvalRate: number;
  /** Bad rate among the approved; null when none are approved. */
  approvedBadRate: number | null;
  /** Approval rate over the most approved group's (the four-fifths rule reads below 0.8). */
  approvalRatio: number;
  /** Bad rate among the approved over the lowest such rate of any group. */
  badRateRatio: number | null;
}

export interface FairnessReport {
  attribute: string;
  /** Applications are approved when the model's PD is below this. */
  cutoff: number;
  groups: FairnessGroup[];
  /** The lowest approval ratio; below 0.8 is flagged. */
  lowestApprovalRatio: number;
  flagged: boolean;
}

export interface ModelCardOptions {
  /** A column of dates (ISO strings: their month is used) or period numbers, for performance and stability by month. */
  dateColumn?: string;
  /** A column whose values are the segments performance is given for. */
  segmentColumn?: string;
  /** Attributes the sample records and the model does not use (sex, marital status, nationality...). */
  protectedAttributes?: string[];
  /** PD below which an application counts as approved in the fairness report; default: the data's bad rate. */
  cutoff?: number;
  /** The owner's own statements of what the model is not for. */
  limitations?: string[];
  /** The data file's name and SHA-256, for the record; a file the model was trained on is said to flatter it. */
  dataFile?: string;
  dataSha256?: string;
}

/** A numeric column of at most this many values is grouped by value, not by quartile. */
const FEW_VALUES = 10;
/** Groups smaller than this get a limitation: too few rows to read their figures. */
const SMALL_GROUP = 100;
const FOUR_FIFTHS = 0.8;

export class ModelCardError extends Error {}

/** The value of a column at a row as a group label; numeric columns are cut into quartiles unless they are periods. */
function labeller(col: Column, frame: Frame, asPeriod: boolean): (row: number) => string {
  if (col.kind === 'categorical') {
    return (r) => {
      const c = col.codes[r]!;
      if (c < 0) return 'missing';
      const level = col.levels[c]!;
      // An ISO date or date-time is grouped by its month.
      return asPeriod && /^\d{4}-\d{2}/.test(level) ? level.slice(0, 7) : level;
    };
  }
  const distinct = new Set<number>();
  for (let r = 0; r < frame.rows && distinct.size <= FEW_VALUES; r++) if (!Number.isNaN(col.values[r]!)) distinct.add(col.values[r]!);
  // Periods, and codes of a few values (0/1, a grade), are groups by value; other numbers, quartiles.
  if (asPeriod || distinct.size <= FEW_VALUES) return (r) => (Number.isNaN(col.values[r]!) ? 'missing' : String(col.values[r]));
  const present = Array.from(col.values.slice(0, frame.rows))
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const cuts = [...new Set([1, 2, 3].map((q) => present[Math.floor((q * present.length) / 4)]!))].filter((v) => v !== undefined);
  return (r) => {
    const v = col.values[r]!;
    if (Number.isNaN(v)) return 'missing';
    let k = 0;
    while (k < cuts.length && v > cuts[k]!) k++;
    const lower = k === 0 ? '-inf' : String(cuts[k - 1]);
    const upper = k === cuts.length ? 'inf' : String(cuts[k]);
    return `(${lower}, ${upper}]`;
  };
}

function groupsOf(frame: Frame, label: (row: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let r = 0; r < frame.rows; r++) {
    const g = label(r);
    let rows = groups.get(g);
    if (!rows) groups.set(g, (rows = []));
    rows.push(r);
  }
  return groups;
}

const byLabel = (a: string, b: string) => {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
};

function performanceOf(group: string, rows: number[], y: Uint8Array, pd: Float64Array): GroupPerformance {
  const ys = Float64Array.from(rows, (r) => y[r]!);
  const ps = Float64Array.from(rows, (r) => pd[r]!);
  const bads = ys.reduce((s, v) => s + v, 0);
  const both = bads > 0 && bads < rows.length;
  return { group, rows: rows.length, bads, badRate: rows.length ? bads / rows.length : 0, auc: both ? auc(ys, ps) : null, ks: both ? ks(ys, ps) : null };
}

function binsOf(model: LoadedModel, feature: string): CardFeature['bins'] {
  if (model.kind !== 'scorecard') return null;
  const f = model.model.features.find((x) => x.feature === feature);
  if (!f) return null;
  return f.binning.bins.map((b: Bin) => ({ label: b.label, count: b.count, badRate: b.count ? b.bads / b.count : 0, woe: b.woe, iv: b.iv }));
}

/** What the card says of the model itself, with or without data: identity, training, features and their bins. */
function cardModel(model: LoadedModel): ModelCard['model'] {
  const importance = model.training?.importance ?? (model.kind === 'gbdt' || model.kind === 'scorecard' ? featureImportance(model) : {});
  const features: CardFeature[] = model.features.map((f) => ({
    name: f.name,
    kind: f.kind,
    importance: importance[f.name] ?? null,
    bins: binsOf(model, f.name),
  }));
  const t = model.training;
  const training = t ? { algorithm: t.algorithm, data: t.data, params: t.params, split: t.split, metrics: t.metrics } : null;
  return { version: model.version, kind: model.kind, target: model.target, features, training, imported: model.imported };
}

/** Builds the card of `model` on labelled `frame` (outcomes `y`, the model's PDs `pd`). */
export function modelCard(model: LoadedModel, frame: Frame, y: Uint8Array, pd: Float64Array, options: ModelCardOptions = {}): ModelCard {
  const used = new Set(model.features.map((f) => f.name));
  for (const a of options.protectedAttributes ?? []) {
    frame.column(a);
    if (used.has(a))
      throw new ModelCardError(`protected attribute "${a}" is a feature of the model; a fairness report covers attributes the model does not use`);
  }
  const bads = y.reduce((s, v) => s + v, 0);
  const badRate = frame.rows ? bads / frame.rows : 0;
  const limitations: string[] = [...(options.limitations ?? [])];
  if (options.dataSha256 && options.dataSha256 === model.training?.data.sha256) {
    limitations.push('measured on the data the model was trained on: these figures flatter it; give held-out or later data');
  }

  const groupPerformance = (column: string | undefined, asPeriod: boolean) => {
    if (!column) return [];
    const groups = groupsOf(frame, labeller(frame.column(column), frame, asPeriod));
    return [...groups].sort(([a], [b]) => byLabel(a, b)).map(([g, rows]) => performanceOf(g, rows, y, pd));
  };
  const byMonth = groupPerformance(options.dateColumn, true);
  const bySegment = groupPerformance(options.segmentColumn, false);
  for (const g of [...byMonth, ...bySegment]) {
    if (g.rows < SMALL_GROUP) limitations.push(`${g.group}: only ${g.rows} rows; its figures are not reliable`);
    else if (g.auc === null) limitations.push(`${g.group}: no ${g.bads === 0 ? 'bad' : 'good'} outcomes, so no discrimination can be measured`);
  }

  const stability: ModelCard['stability'] = [];
  if (options.dateColumn && byMonth.length > 1) {
    const groups = groupsOf(frame, labeller(frame.column(options.dateColumn), frame, true));
    const first = Float64Array.from(groups.get(byMonth[0]!.group)!, (r) => pd[r]!);
    for (const m of byMonth.slice(1)) {
      const scores = Float64Array.from(groups.get(m.group)!, (r) => pd[r]!);
      const shift = psi(first, scores);
      stability.push({ month: m.group, rows: m.rows, psi: shift });
      if (shift > 0.25)
        limitations.push(
          `scores in ${m.group} have shifted from ${byMonth[0]!.group} (PSI ${shift.toFixed(3)}): recalibrate or retrain before relying on them`,
        );
    }
  }

  const cutoff = options.cutoff ?? badRate;
  const fairness = (options.protectedAttributes ?? []).map((attribute): FairnessReport => {
    const groups = [...groupsOf(frame, labeller(frame.column(attribute), frame, false))].sort(([a], [b]) => byLabel(a, b));
    const raw = groups.map(([group, rows]) => {
      const approved = rows.filter((r) => pd[r]! < cutoff);
      const approvedBads = approved.reduce((s, r) => s + y[r]!, 0);
      return {
        group,
        rows: rows.length,
        approvalRate: approved.length / rows.length,
        approvedBadRate: approved.length ? approvedBads / approved.length : null,
      };
    });
    const topApproval = Math.max(...raw.map((g) => g.approvalRate));
    const rates = raw.map((g) => g.approvedBadRate).filter((v): v is number => v !== null && v > 0);
    const lowestBadRate = rates.length ? Math.min(...rates) : null;
    const withRatios: FairnessGroup[] = raw.map((g) => ({
      ...g,
      approvalRatio: topApproval > 0 ? g.approvalRate / topApproval : 1,
      badRateRatio: g.approvedBadRate !== null && lowestBadRate ? g.approvedBadRate / lowestBadRate : null,
    }));
    const lowestApprovalRatio = Math.min(...withRatios.map((g) => g.approvalRatio));
    for (const g of withRatios.filter((x) => x.rows < SMALL_GROUP))
      limitations.push(`${attribute} = ${g.group}: only ${g.rows} rows; its approval and bad rates are not reliable`);
    const flagged = lowestApprovalRatio < FOUR_FIFTHS;
    if (flagged) {
      const worst = withRatios.find((g) => g.approvalRatio === lowestApprovalRatio)!;
      limitations.push(
        `${attribute} = ${worst.group} is approved at ${(worst.approvalRate * 100).toFixed(1)}%, ${(lowestApprovalRatio * 100).toFixed(0)}% of the most approved group's rate (below four fifths): review for disparate impact`,
      );
    }
    return { attribute, cutoff, groups: withRatios, lowestApprovalRatio, flagged };
  });

  const identity = cardModel(model);
  if (!identity.training && !model.imported) limitations.push('the model file does not record how it was trained');
  return {
    model: identity,
    data: { file: options.dataFile ?? null, sha256: options.dataSha256 ?? null, rows: frame.rows, bads, badRate },
    performance: { overall: evaluate(y, pd), byMonth, bySegment },
    stability,
    fairness,
    limitations,
  };
}

/**
 * The card of a stored model without data: identity, training, features and bins, and the
 * holdout's figures as performance; months, segments, stability and fairness need data
 * (`arbiter card`), and the limitations say so. `lineage` is what a retraining run recorded.
 */
export function storedModelCard(model: LoadedModel, lineage: { outOfTime?: { trainRows: number; ootRows: number; ootFrom: string } } | null = null): ModelCard {
  const t = model.training;
  const limitations = [
    t
      ? `performance is the holdout's at training (${t.split.testRows} rows${lineage?.outOfTime ? `, out of time from ${lineage.outOfTime.ootFrom.slice(0, 10)}` : ''}); run arbiter card on recent labelled data for months, segments, stability and fairness`
      : 'the model file records no training: performance, months, segments, stability and fairness need labelled data (arbiter card)',
  ];
  const holdout = t?.metrics.test ?? { auc: Number.NaN, gini: Number.NaN, ks: Number.NaN, brier: Number.NaN, logLoss: Number.NaN };
  return {
    model: cardModel(model),
    data: { file: t?.data.file ?? null, sha256: t?.data.sha256 ?? null, rows: t?.split.testRows ?? 0, bads: 0, badRate: 0 },
    performance: { overall: holdout, byMonth: [], bySegment: [] },
    stability: [],
    fairness: [],
    limitations,
  };
}
