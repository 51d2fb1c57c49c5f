export { Frame, readCsv, csvFrame, readJsonLines, frameFromRecords, rowFrame, type Column, type NumericColumn, type CategoricalColumn } from './frame.ts';
export { seededRandom, stratifiedSplit, timeSplit } from './random.ts';
export { auc, gini, ks, brier, logLoss, calibration, psi, csi, evaluate, type Evaluation, type CalibrationBand } from './metrics.ts';
export {
  Booster,
  trainBooster,
  explain,
  reasonCodes,
  DEFAULT_PARAMS,
  type BoostParams,
  type Explanation,
  type TrainingLog,
  type TrainingOptions,
} from './gbdt/booster.ts';
export { Scorecard, trainScorecard, DEFAULT_SCORECARD, type ScorecardOptions, type ScorecardFeature, type Selection } from './scorecard/scorecard.ts';
export { binFeature, binIndex, DEFAULT_BINNING, type FeatureBinning, type BinningOptions, type Bin, type Trend } from './scorecard/binning.ts';
export { binSpecOf, parseBinSpecs, type BinReport, type BinSpecs } from './scorecard/bin-specs.ts';
export { fitLogistic } from './scorecard/logistic.ts';
export {
  saveModel,
  loadModel,
  parseModelFile,
  modelFile,
  modelFileText,
  featuresOf,
  predictPd,
  scorePd,
  pointsOf,
  ModelFileError,
  type ModelFile,
  type LoadedModel,
  type NewModel,
  type ModelImpl,
  type ModelFeature,
  type ModelTarget,
  type TrainingInfo,
  type ImportInfo,
} from './model-file.ts';
export { canExplain, reasonsFor, type ReasonCode } from './model-reasons.ts';
export { featureReason, REASON_CODE, withFeatureReasons } from './feature-reasons.ts';
export { XgboostModel, ModelImportError } from './xgboost-import.ts';
export { lightgbmAsBooster } from './lightgbm-import.ts';
export { OnnxModel, featureNamesOf, type OnnxBinding } from './onnx-import.ts';
export { performanceCurves, type PerformanceCurves } from './performance.ts';
export { featureImportance } from './importance.ts';
export { coversFrom, onnxTreesAsBooster } from './onnx-trees.ts';
export { modelCard, storedModelCard, ModelCardError, type ModelCard, type ModelCardOptions, type FairnessReport, type GroupPerformance } from './model-card.ts';
export { modelCardHtml } from './model-card-html.ts';
export { onRows, trainingParams, trainingInfo, modelSummary, storedModel } from './training-info.ts';
export { featureColumns } from './feature-columns.ts';
