import { explain, reasonCodes } from './gbdt/booster.ts';
import type { Frame } from './frame.ts';
import { featureReason } from './feature-reasons.ts';
import type { LoadedModel } from './model-file.ts';

function worded(m: LoadedModel, feature: string, impact: number): ReasonCode {
  const declared = m.features.find((f) => f.name === feature) ?? { name: feature, kind: 'numeric' as const };
  return { feature, ...featureReason(declared), impact };
}

export interface ReasonCode {
  feature: string;
  /** The owner's code and text for the feature, or ones made from its name. */
  code: string;
  text: string;
  /** Trees: the feature's TreeSHAP contribution to the log-odds of default. Scorecards: points lost against the feature's best attribute. */
  impact: number;
}

/** Whether `reasonsFor` explains the model: trees Arbiter trained or converted, and scorecards; not ONNX, nor XGBoost with categorical splits. */
export function canExplain(m: LoadedModel): boolean {
  return m.kind === 'gbdt' || m.kind === 'scorecard' || (m.kind === 'xgboost' && m.model.booster !== null) || (m.kind === 'onnx' && m.model.explainable);
}

/**
 * The features that raised each row's risk most, largest first; null for the models Arbiter
 * cannot explain (see canExplain).
 */
export function reasonsFor(m: LoadedModel, frame: Frame, count: number): ReasonCode[][] | null {
  const booster = m.kind === 'gbdt' ? m.model : m.kind === 'xgboost' ? m.model.booster : m.kind === 'onnx' && m.model.explainable ? m.model.booster : null;
  if (booster) {
    return explain(booster, frame).map((e) => reasonCodes(booster, e, count).map((r) => worded(m, r.feature, r.contribution)));
  }
  if (m.kind === 'scorecard') {
    const points = m.model.points(frame);
    return Array.from({ length: frame.rows }, (_, i) =>
      m.model
        .reasons(frame, i, count, points)
        .filter((r) => r.pointsLost > 0)
        .map((r) => worded(m, r.feature, r.pointsLost)),
    );
  }
  return null;
}
