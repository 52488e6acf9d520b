export {
  type AlertEvaluation,
  type AlertTrigger,
  evaluateAlerts,
  type TriggerCheck,
} from './alerts/evaluate-alerts';
export { type EvaluateAlertsOptions, evaluateAlertsOptionsSchema } from './alerts/evaluate-alerts-options';
export {
  type SentimentRisk,
  type SentimentRiskOptions,
  sentimentActions,
  sentimentRisk,
  sentimentRiskOptionsSchema,
} from './alerts/sentiment-risk';
export {
  type BacktestOptions,
  type BacktestReport,
  type BandOutcome,
  backtestOptionsSchema,
  backtestScorecard,
} from './backtest/backtest-scorecard';
export { type HealthBatchEntry, healthBatchEntry } from './batch/health-batch-entry';
export type {
  HealthBatchDelta,
  HealthBatchOverrideOutcome,
  HealthBatchRecommendation,
  HealthBatchResult,
} from './batch/health-batch-result';
export { scoreHealthBatch } from './batch/score-health-batch';
export type {
  HealthBatchOverride,
  HealthBatchPreviousColumns,
  HealthColumn,
  HealthSignalColumns,
  ScoreHealthBatchOptions,
} from './batch/score-health-batch-options';
export {
  type UsageEventColumns,
  type UsageSignalColumns,
  type UsageSignalColumnsOptions,
  usageEventKindCodes,
  usageSignalColumns,
} from './batch/usage-signal-columns';
export {
  type CrossSellService,
  crossSellMatrix,
  crossSellServices,
  type NextBestService,
  nextBestServices,
} from './expansion/cross-sell';
export {
  type ExpansionRecommendation,
  type ExpansionResult,
  type RecommendExpansionOptions,
  recommendExpansion,
  recommendExpansionOptionsSchema,
} from './expansion/recommend-expansion';
export {
  type TouchSegment,
  type TouchSegmentOptions,
  touchSegmentOf,
  touchSegmentOptionsSchema,
} from './expansion/touch-segment';
export { planUpsellCampaign } from './expansion/upsell-campaign';
export {
  defaultUpsellRules,
  type UpsellRule,
  type UpsellRuleInput,
  upsellRuleSchema,
} from './expansion/upsell-rules';
export {
  aiMaturityLadder,
  aiMaturityOf,
  lifetimeValueByEntryPoint,
  type MaturityPosition,
  type ValueTier,
  valueTierOf,
  valueTiers,
} from './expansion/value-tiers';
export {
  b2bOnboardingJourney,
  b2cBookingJourney,
  dunningJourney,
  npsDetractorJourney,
  upsellCampaignJourney,
} from './journeys/playbooks';
export { explainDelta, formatPoints } from './score/explain-delta';
export type {
  AppliedOverride,
  ComponentResult,
  HealthDelta,
  HealthRecommendation,
  HealthResult,
  PartResult,
  PartStatus,
} from './score/health-result';
export {
  type HealthTrend,
  type HealthTrendOptions,
  healthTrend,
  healthTrendOptionsSchema,
} from './score/health-trend';
export { bandOf, defineScorecard, scoreHealth } from './score/score-health';
export {
  type HealthOverride,
  healthOverrideSchema,
  type PreviousHealth,
  previousHealthSchema,
  type ScoreHealthOptions,
  scoreHealthOptionsSchema,
} from './score/score-health-options';
export { defaultScorecards } from './scorecards/default-scorecards';
export { evaluatePart } from './scorecards/evaluate-part';
export {
  type Band,
  bandSchema,
  type MissingDataPolicy,
  missingDataPolicySchema,
  type RecommendationRule,
  recommendationRuleSchema,
  type Scorecard,
  type ScorecardComponent,
  type ScorecardInput,
  type ScoringPart,
  type SegmentScorecardInput,
  scorecardComponentSchema,
  scorecardSchema,
  scoringPartSchema,
  segmentScorecardSchema,
} from './scorecards/scorecard';
export { selectScorecard, signalFacts } from './scorecards/select-scorecard';
export { defaultBands, zenbuB2BScorecard } from './scorecards/zenbu-b2b-scorecard';
export { zenbuB2CScorecard } from './scorecards/zenbu-b2c-scorecard';
export { healthSignals, satisfactionRateOf } from './signals/health-signals';
export { type HealthSignalsOptions, healthSignalsOptionsSchema } from './signals/health-signals-options';
export {
  type HealthSignals,
  type HealthSignalsInput,
  healthSignalsSchema,
  signalValue,
} from './signals/health-signals-schema';
