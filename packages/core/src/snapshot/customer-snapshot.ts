import * as z from 'zod';
import { customerSchema } from '../schemas/customer';
import { interactionSchema } from '../schemas/interaction';
import { instantSchema, moneySchema, nonNegativeMoneySchema, timeZoneSchema } from '../schemas/primitives';

const count = z.number().int().nonnegative();
const days = z.number().int();
const rate = z.number().min(0).max(1);

/**
 * The customer-360 view (seeds/001 §8.1) at one instant: plain, serialisable data that every engine
 * takes instead of a store. Counts over "the last N days" cover `[asOf − N days, asOf)`. Day counts
 * ("days since", "days until") are calendar days on the wall clock of `timeZone`. A field that
 * cannot be known (no login ever, no survey) is `null`, never a made-up number.
 */
export const customerSnapshotSchema = z.object({
  /** Version of this shape. */
  schemaVersion: z.literal(1),
  /** The instant the snapshot describes. Nothing at or after it is counted. */
  asOf: instantSchema,
  /** The time zone used for calendar-day counts. */
  timeZone: timeZoneSchema,
  customer: customerSchema,
  /** Contract facts (B2B); `null` for customers without a contract. */
  contract: z
    .object({
      plan: z.string(),
      monthlyMeasurementLimit: z.number().int().positive(),
      mrr: nonNegativeMoneySchema,
      startsAt: instantSchema,
      endsAt: instantSchema.nullable(),
      termMonths: z.number().int().positive(),
      /** Calendar days until `endsAt` (negative once past); `null` when open-ended. */
      daysUntilRenewal: days.nullable(),
      /** Whole months since the contract started. */
      tenureMonths: count,
      managedProperties: count,
      /** Distinct properties measured in the last 90 days. */
      propertiesMeasuredLast90Days: count,
      apiEnabled: z.boolean(),
      autoRenew: z.boolean(),
    })
    .nullable(),
  usage: z.object({
    measurementsLast30Days: count,
    measurementsLast90Days: count,
    /** Measurement hours in the last 90 days. */
    measurementHoursLast90Days: z.number().nonnegative(),
    /**
     * Measurements in each of the last 6 windows of 30 days, oldest first: index 5 is
     * `[asOf − 30 d, asOf)`, index 4 is `[asOf − 60 d, asOf − 30 d)`, and so on.
     */
    measurementsPer30Days: z.array(count).length(6),
    measurementsTotal: count,
    lastMeasurementAt: instantSchema.nullable(),
    daysSinceLastMeasurement: days.nullable(),
    /** B2C: negotiation attempts with the other party, all time. */
    negotiationsTotal: count,
    /** Whether the AI mediation service has ever been used. */
    mediationUsed: z.boolean(),
  }),
  engagement: z.object({
    lastLoginAt: instantSchema.nullable(),
    daysSinceLastLogin: days.nullable(),
    loginsLast30Days: count,
    /** Reports delivered in the last 90 days. */
    reportsDeliveredLast90Days: count,
    /** Of the reports delivered in the last 90 days, how many were opened (by now). */
    reportsViewedLast90Days: count,
    /** Reports delivered, all time. */
    reportsDeliveredTotal: count,
    /** Distinct features used in the last 30 days, sorted. */
    featuresUsedLast30Days: z.array(z.string()),
    /** The latest of any usage event. */
    lastActivityAt: instantSchema.nullable(),
  }),
  support: z.object({
    ticketsLast30Days: count,
    ticketsLast90Days: count,
    ticketsTotal: count,
    /** Tickets opened before `asOf` and not resolved by then. */
    openTickets: count,
    /** Tickets escalated in the last 90 days. */
    escalatedLast90Days: count,
    /** Mean hours from opening to resolution over tickets resolved in the last 90 days. */
    averageResolutionHours: z.number().nonnegative().nullable(),
    /** Mean hours from opening to first response over tickets opened in the last 90 days. */
    averageFirstResponseHours: z.number().nonnegative().nullable(),
  }),
  satisfaction: z.object({
    /** The latest NPS answer (0–10) and when it was given. */
    latestNps: z.object({ score: z.number().int().min(0).max(10), respondedAt: instantSchema }).nullable(),
    /** Mean CSAT (1–5) over the last 90 days. */
    averageCsatLast90Days: z.number().min(1).max(5).nullable(),
    /** The latest CES answer (1–7). */
    latestCes: z.number().int().min(1).max(7).nullable(),
    lastSurveyAt: instantSchema.nullable(),
  }),
  interactions: z.object({
    last30Days: count,
    inboundLast30Days: count,
    /** Interactions of the last 30 days labelled with a sentiment. */
    labelledLast30Days: count,
    negativeLast30Days: count,
    positiveLast30Days: count,
    /** Negative share of the labelled interactions of the last 30 days; `null` with none labelled. */
    negativeRatioLast30Days: rate.nullable(),
    /** The latest 20 interactions, newest last. */
    recent: z.array(interactionSchema),
  }),
  financial: z.object({
    /** Invoices issued before `asOf` and not paid by then, oldest first. */
    unpaidInvoices: z.array(
      z.object({
        id: z.string(),
        issuedAt: instantSchema,
        dueAt: instantSchema,
        amount: nonNegativeMoneySchema,
        /** Calendar days since issue (dunning counts from issue: day 7, 14, 21). */
        daysSinceIssued: count,
        /** Calendar days past the due date; 0 while not yet due. */
        daysOverdue: count,
      }),
    ),
    /** Days overdue of the oldest unpaid invoice; 0 when nothing is unpaid. */
    maxDaysOverdue: count,
    /** Mean days late over invoices paid in the last 365 days (0 for on-time payments). */
    averagePaymentDelayDays: z.number().nonnegative().nullable(),
    /** Sum of payments received, all time, in the contract or first payment's currency. */
    totalPaid: moneySchema,
  }),
  subscription: z.object({
    /** Current MRR from subscription events (sum over live subscriptions); `null` without events. */
    currentMrr: nonNegativeMoneySchema.nullable(),
    /** MRR 90 days before `asOf`, by the same rule. */
    mrr90DaysAgo: nonNegativeMoneySchema.nullable(),
    /** `change` events that lowered MRR in the last 180 days. */
    downgradesLast180Days: count,
  }),
});

/** The customer-360 snapshot. See {@link customerSnapshotSchema}. */
export type CustomerSnapshot = z.output<typeof customerSnapshotSchema>;
