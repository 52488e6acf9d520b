// Dashboards
export {
  buildCsmDailyView,
  type CsmAlert,
  type CsmDailyView,
  type CsmDailyViewInput,
  csmDailyViewInputSchema,
} from './dashboards/csm-daily-view';
export {
  buildCustomerSuccessDashboard,
  type CustomerSuccessDashboard,
  type CustomerSuccessDashboardInput,
  customerSuccessDashboardInputSchema,
} from './dashboards/customer-success-dashboard';
export {
  buildExecutiveDashboard,
  type ExecutiveDashboard,
  type ExecutiveDashboardInput,
  type Headline,
} from './dashboards/executive-dashboard';
export { buildMarketingDashboard, type MarketingDashboard } from './dashboards/marketing-dashboard';
export { buildSalesDashboard, type SalesDashboard } from './dashboards/sales-dashboard';
// Event funnels
export {
  type ActiveUsersOptionsInput,
  type ActiveUsersResult,
  activeUsersOptionsSchema,
  countActiveUsers,
} from './events/active-users';
export {
  computeFunnel,
  type FunnelBreakdownGroup,
  type FunnelResult,
  type FunnelStepResult,
  type FunnelSummary,
  type FunnelTrendPoint,
} from './events/compute-funnel';
export type {
  DictionaryColumn,
  EventColumns,
  EventsInput,
  FunnelEvent,
  PropertyValue,
} from './events/event-input';
export {
  breakdownAttributionSchema,
  type FunnelOptions,
  type FunnelOptionsInput,
  type FunnelStepInput,
  funnelOptionsSchema,
  funnelOrderSchema,
  funnelStepSchema,
} from './events/funnel-options';
// Revenue metrics
export {
  computeRevenueMetrics,
  type MovementTotals,
  type MovementType,
  type PeriodReconciliation,
  type RetentionRates,
  type RevenueCohort,
  type RevenueMovement,
  type RevenuePeriod,
  type RevenueReport,
  reconcilePeriod,
} from './revenue/compute-revenue-metrics';
export { convertMinorUnits, minorUnitDigits } from './revenue/currency';
export {
  type RevenueOptions,
  type RevenueOptionsInput,
  revenueOptionsSchema,
} from './revenue/revenue-options';
// Sales funnel (seeds/002)
export {
  type Bottleneck,
  computeSalesFunnel,
  defaultSalesFunnelTargets,
  findBottleneck,
  type SalesFunnelLevel,
  type SalesFunnelOptionsInput,
  type SalesFunnelResult,
  type SalesKpiId,
  salesFunnelOptionsSchema,
} from './sales/compute-sales-funnel';
export { evaluateKpi, type KpiComparison, type KpiResult, type KpiStatus, type KpiUnit } from './sales/kpi';
export {
  type LeadActivity,
  type LeadScore,
  type LeadScoreComponent,
  type LeadScoreConfigInput,
  type LeadScoring,
  leadScoreConfigSchema,
  scoreLeads,
} from './sales/lead-score';
export {
  consultationFollowUpJourney,
  consultationReminderJourney,
  leadNurtureJourney,
} from './sales/sales-cadences';
export {
  computeSalesCycle,
  type SalesCycle,
  type SalesCycleOptionsInput,
  salesCycleOptionsSchema,
} from './sales/sales-cycle';
export {
  analyzeSalesPipeline,
  type PipelineEntry,
  type SalesPipeline,
  type SalesPipelineOptionsInput,
  salesPipelineOptionsSchema,
} from './sales/sales-pipeline';
export { type SalesTables, type SalesTablesInput, salesTablesSchema } from './sales/sales-tables';
// Statistics and time
export {
  type DistributionSummary,
  quantileInPlace,
  summarizeDistribution,
  summarizeInPlace,
} from './statistics/quantiles';
// Customer-success KPIs
export {
  type AccountFactsInput,
  type AccountKpiOptionsInput,
  type AccountKpis,
  accountFactsSchema,
  accountKpiOptionsSchema,
  computeAccountKpis,
} from './success/account-kpis';
export { computeSupportKpis, type SupportKpis } from './success/support-kpis';
export {
  computeNps,
  computeSurveyScores,
  type NetPromoterScore,
  type SurveyScores,
} from './success/survey-scores';
export { type DurationInput, durationSchema } from './time/duration';
export {
  createLocalDayIndexer,
  dateToDayNumber,
  dayNumberToDate,
  type LocalDayIndexer,
  type Period,
  periodStartDay,
} from './time/local-day';
export { type MonthRange, monthRange, previousMonth } from './time/month-range';
