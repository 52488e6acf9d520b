// Errors

// Actions and journeys
export {
  type Action,
  type ActionChannel,
  type ActionInput,
  type ActionPriority,
  actionChannelSchema,
  actionPrioritySchema,
  actionSchema,
  idempotencyKey,
  type JsonValue,
  jsonValueSchema,
} from './actions/action';
export {
  addCalendarDays,
  calendarDaysBetween,
  type DayBand,
  dayBandOf,
  defaultTimeZone,
  elapsedDays,
  environmentalStandardBands,
  localDate,
  millisecondsPerDay,
  offsetMilliseconds,
  type ZonedDateTime,
  zonedDateTime,
  zonedInstant,
} from './calendar/calendar';
// Clock and calendar
export {
  type Clock,
  createManualClock,
  type ManualClock,
  systemClock,
  toEpochMilliseconds,
  toInstant,
} from './calendar/clock';
export { KizunaErrorCode } from './errors/error-codes';
export { KizunaError, type KizunaErrorOptions, toKizunaError } from './errors/kizuna-error';
export { parseInput } from './errors/parse-input';
export { freezeForReuse } from './errors/reusable-values';
export { KizunaValidationError, type ValidationIssue } from './errors/validation-error';
// Events
export {
  createEventBus,
  type EventBase,
  type KizunaEventBus,
  type KizunaEventListeners,
  type KizunaEventMap,
  type KizunaEventName,
} from './events/event-bus';
export {
  type Condition,
  conditionSchema,
  evaluateCondition,
  type Facts,
  type FactValue,
} from './journeys/condition';
export {
  type Journey,
  type JourneyInput,
  type JourneyStep,
  journeySchema,
  journeyStepSchema,
  type Offset,
  offsetSchema,
  stepActionSchema,
} from './journeys/journey';
export {
  type JourneyPlan,
  type JourneyStateInput,
  journeyStateSchema,
  planJourney,
  type SkipReason,
  type UpcomingStep,
} from './journeys/plan-journey';
export { createConsoleNotifier } from './notifiers/console-notifier';
export { formatActionText } from './notifiers/format-action';
export type { NotificationReceipt, Notifier } from './notifiers/notifier';
export { createWebhookNotifier, type WebhookNotifierHooks } from './notifiers/webhook-notifier';
export {
  type WebhookNotifierOptions,
  webhookNotifierOptionsSchema,
} from './notifiers/webhook-notifier-options';
// Outbox and notifiers
export { createOutbox, type DeliveryReport, type Outbox, type OutboxOptions } from './outbox/outbox';
export {
  type Contract,
  type Customer,
  type CustomerInput,
  type CustomerSegment,
  contractSchema,
  customerSchema,
  customerSegmentSchema,
} from './schemas/customer';
export {
  type Consultation,
  type CustomerSuccessRecord,
  consultationSchema,
  customerSuccessRecordSchema,
  type EmailEngagement,
  emailEngagementSchema,
  type FunnelCustomer,
  funnelCustomerSchema,
  type KpiDaily,
  kpiDailySchema,
  type Lead,
  leadSchema,
} from './schemas/funnel-tables';
export {
  type Interaction,
  interactionSchema,
  type SentimentLabel,
  sentimentLabelSchema,
} from './schemas/interaction';
export { type Invoice, invoiceSchema, type Payment, paymentSchema } from './schemas/invoice';
// Schemas
export {
  type CalendarDate,
  calendarDateSchema,
  currencySchema,
  type Instant,
  idSchema,
  instantSchema,
  type Money,
  moneySchema,
  nonNegativeMoneySchema,
  timeZoneSchema,
} from './schemas/primitives';
export {
  type CustomerRecordKind,
  customerRecordKinds,
  type RecordInputOf,
  type RecordKind,
  type RecordOf,
  recordId,
  recordKinds,
  recordSchemas,
  recordTime,
} from './schemas/record-kinds';
export { type SubscriptionEvent, subscriptionEventSchema } from './schemas/subscription-event';
export { type SupportTicket, supportTicketSchema } from './schemas/support-ticket';
export { type SurveyResponse, surveyResponseSchema } from './schemas/survey-response';
export { type UsageEvent, type UsageEventKind, usageEventSchema } from './schemas/usage-event';
export {
  buildSnapshot,
  buildSnapshots,
  type SnapshotOptions,
  snapshotOptionsSchema,
} from './snapshot/build-snapshot';
export { type CustomerSnapshot, customerSnapshotSchema } from './snapshot/customer-snapshot';
export { type CustomerRecords, snapshotFromRecords } from './snapshot/snapshot-from-records';
export { latestResultsQuerySchema } from './store/latest-results-query';
export { actionQuerySchema, contractEndQuerySchema } from './store/list-queries';
export { createMemoryStore } from './store/memory-store';
export { acknowledgeOptionsSchema, renewClaimOptionsSchema } from './store/outbox-options';
// Store and snapshots
export type {
  AcknowledgeOptions,
  AcknowledgeResult,
  ActionAcknowledgement,
  ActionCursor,
  ActionQuery,
  ClaimOptions,
  ContractEndQuery,
  EnqueueResult,
  LatestResultsQuery,
  OutboxEntry,
  OutboxStatus,
  PutRecordsResult,
  RecordQuery,
  RenewClaimOptions,
  ResultQuery,
  Store,
  StoredResult,
} from './store/store';
export { storedResultSchema } from './store/stored-result';
export { validateRecords } from './store/validate-records';
