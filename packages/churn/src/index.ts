// Model: training, prediction, explanation, persistence

export {
  type CrossValidationOptionsInput,
  type CrossValidationResult,
  crossValidate,
  crossValidationOptionsSchema,
  type FoldResult,
} from './evaluation/cross-validate';
// Evaluation
export {
  brierScore,
  type CalibrationBin,
  type ConfusionMatrix,
  calibrationBins,
  calibrationOptionsSchema,
  confusionAtThreshold,
  logLoss,
} from './evaluation/probability-metrics';
export { prAuc, rocAuc } from './evaluation/ranking-metrics';
export {
  type TimeBasedSplit,
  type TimeBasedSplitOptionsInput,
  timeBasedSplit,
  timeBasedSplitOptionsSchema,
} from './evaluation/time-based-split';
export {
  createGradientBoostedTreesModel,
  type Explanation,
  type FeatureContribution,
  type FeatureImportance,
  type GradientBoostedTreesJson,
  type GradientBoostedTreesModel,
  type TrainingSummary,
} from './model/gradient-boosted-trees';
export {
  type GradientBoostingOptions,
  type GradientBoostingOptionsInput,
  gradientBoostingOptionsSchema,
} from './model/gradient-boosting-options';
export { loadGradientBoostedTrees } from './model/load-gradient-boosted-trees';
export { type TrainingInput, trainGradientBoostedTrees } from './model/train-gradient-boosted-trees';
export type { FeatureMatrix, FeatureRows } from './model/training-data';
export type { TreeEnsemble } from './model/tree-ensemble';
