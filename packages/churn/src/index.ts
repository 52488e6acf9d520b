// Model: training, prediction, explanation, persistence

// Renewal campaigns
export {
  atRiskRenewalJourney,
  greenRenewalJourney,
  planRenewalCampaign,
  type RenewalCampaign,
  type RenewalCampaignOptionsInput,
  renewalCampaignOptionsSchema,
} from './campaigns/renewal-campaigns';
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
// Churn on customer data
export {
  buildTrainingSet,
  type ChurnOutcome,
  type ChurnTrainingSet,
  churnOutcomeSchema,
} from './features/build-training-set';
export {
  type ChurnFeatureName,
  type ChurnFeatures,
  type ChurnFeaturesOptionsInput,
  churnFeatureNames,
  churnFeatures,
  churnFeaturesOptionsSchema,
} from './features/churn-features';
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
export {
  type ChurnPrediction,
  type PredictChurnOptionsInput,
  predictChurn,
  predictChurnOptionsSchema,
} from './prediction/predict-churn';
export { type PlanContext, type RiskFactor, retentionPlan } from './prediction/retention-plan';
export {
  type RiskLevel,
  type RiskThresholds,
  riskLevelOf,
  riskLevelSchema,
  riskThresholdsSchema,
} from './prediction/risk-level';
export {
  type ChurnRule,
  churnRules,
  type RulesChurnScore,
  rulesBaseProbability,
  scoreChurnRules,
} from './prediction/rules-churn-score';
export {
  type ChurnModelOptionsInput,
  type ChurnScorer,
  churnModelOptionsSchema,
  trainChurnModel,
} from './prediction/train-churn-model';
// Synthetic data
export {
  generateSyntheticChurnData,
  type SyntheticChurnData,
  type SyntheticChurnDataOptionsInput,
  syntheticChurnDataOptionsSchema,
} from './synthetic/generate-synthetic-churn-data';
