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
