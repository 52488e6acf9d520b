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
// Statistics and time
export { type DistributionSummary, quantileInPlace, summarizeDistribution } from './statistics/quantiles';
export { type DurationInput, durationSchema } from './time/duration';
export {
  createLocalDayIndexer,
  dateToDayNumber,
  dayNumberToDate,
  type LocalDayIndexer,
  type Period,
  periodStartDay,
} from './time/local-day';
