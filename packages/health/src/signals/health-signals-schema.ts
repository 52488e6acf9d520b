import { instantSchema } from '@kizuna/core';
import * as z from 'zod';

const metric = z.number().finite({ error: 'expected a finite number' }).nullable().optional();
const rate = z.number().finite().min(0).max(1).nullable().optional();
const count = z.number().finite().int().nonnegative().nullable().optional();

const knownSignals = {
  /** The customer the signals describe. */
  customerId: z.string().min(1).optional(),
  /** The instant the signals describe (ISO, UTC); normalised to milliseconds. */
  asOf: instantSchema.optional(),
  /** `b2c` or `b2b`; scorecards are chosen by it. */
  segment: z.enum(['b2c', 'b2b']).optional(),
  /** Plan id (`light`, `standard`, `premium`, `basic`, `pro`, `enterprise`, ...). */
  plan: z.string().optional(),
  /** Free labels from the customer record (`key-account`, ...). */
  tags: z.array(z.string()).optional(),
  /** Measurements in the last 30 days ÷ the plan's monthly measurement limit (may exceed 1). */
  usageRate: z.number().finite().nonnegative().nullable().optional(),
  /** Measurements in the last 90 days ÷ 3 ÷ the plan's monthly limit: the 90-day monthly average rate. */
  usageRate90DayAverage: z.number().finite().nonnegative().nullable().optional(),
  /** Measurements in the last 30 days minus those in the 30 days before, ÷ the monthly limit. */
  usageRateChange: metric,
  /** Measurements in the last 30 days. */
  measurementsLast30Days: count,
  /** Measurements, all time. */
  measurementsTotal: count,
  /** Measurement hours in the last 90 days. */
  measurementHoursLast90Days: z.number().finite().nonnegative().nullable().optional(),
  /** Calendar days since the last login; `null` when the customer never logged in. */
  daysSinceLastLogin: z.number().finite().int().nonnegative().nullable().optional(),
  /** Logins in the last 30 days. */
  loginsLast30Days: count,
  /** Reports viewed ÷ reports delivered, over reports delivered in the last 90 days. */
  reportViewRate: rate,
  /** Reports delivered, all time. */
  reportsDeliveredTotal: count,
  /** Catalogue features used in the last 30 days ÷ features in the catalogue. */
  featureAdoptionRate: rate,
  /** The latest NPS answer, 0–10. */
  npsScore: z.number().finite().min(0).max(10).nullable().optional(),
  /** Calendar days since the latest NPS answer. */
  daysSinceNps: z.number().finite().int().nonnegative().nullable().optional(),
  /** Mean CSAT (1–5) over the last 90 days. */
  csatAverage: z.number().finite().min(1).max(5).nullable().optional(),
  /**
   * Satisfaction in 0..1: the mean of `(csatAverage − 1) ÷ 4` and `npsScore ÷ 10` over those present.
   */
  satisfactionRate: rate,
  /** Support tickets open now. */
  openTickets: count,
  /** Tickets escalated in the last 90 days. */
  escalatedTicketsLast90Days: count,
  /** Tickets opened in the last 90 days. */
  ticketsLast90Days: count,
  /** Days past due of the oldest unpaid invoice; 0 when nothing is unpaid. */
  daysOverdue: count,
  /** Calendar days since the oldest unpaid invoice was issued; 0 when nothing is unpaid. */
  daysSinceOldestUnpaidInvoice: count,
  /** Negative share of the sentiment-labelled interactions of the last 30 days. */
  sentimentNegativeRatio: rate,
  /** Calendar days until the contract ends (negative once past); `null` for open-ended contracts. */
  daysUntilRenewal: z.number().finite().int().nullable().optional(),
  /** Monthly recurring revenue, integer minor units. */
  mrr: z.number().finite().int().nonnegative().nullable().optional(),
  /** The plan's monthly measurement limit. */
  monthlyMeasurementLimit: z.number().finite().int().positive().nullable().optional(),
  /** Properties the customer manages. */
  managedProperties: count,
  /** Distinct properties measured in the last 90 days. */
  propertiesMeasuredLast90Days: count,
  /** Properties measured in the last 90 days ÷ managed properties. */
  propertyCoverage: rate,
  /** Negotiation attempts with the other party (B2C), all time. */
  negotiationsTotal: count,
  /** 1 when the AI mediation service has been used, else 0. */
  mediationUsed: z.number().int().min(0).max(1).nullable().optional(),
  /** 1 when the API integration is enabled, else 0. */
  apiEnabled: z.number().int().min(0).max(1).nullable().optional(),
  /** Whole months since the contract started. */
  tenureMonths: count,
};

/**
 * The signals a scorecard reads: plain named metrics about one customer at one instant. `null` (or a
 * missing field) means "no data", which the scorecard's missing-data policy handles; NaN and Infinity
 * are rejected. Extra fields must be finite numbers or `null`; they are kept, so a custom scorecard
 * can read your own metrics.
 *
 * Rates are in 0..1, days are calendar days, money amounts are integers in minor units.
 */
export const healthSignalsSchema = z.looseObject(knownSignals).superRefine((signals, context) => {
  for (const [key, value] of Object.entries(signals)) {
    if (Object.hasOwn(knownSignals, key)) continue;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      context.addIssue({ code: 'custom', path: [key], message: 'expected a finite number or null' });
    }
  }
});

/** Signals after validation. See {@link healthSignalsSchema}. */
export type HealthSignals = z.output<typeof healthSignalsSchema>;
/** Signals as you may write them: every metric optional. */
export type HealthSignalsInput = z.input<typeof healthSignalsSchema>;

/** Reads a numeric signal by name; `null` when absent, `null` or not a number. */
export function signalValue(signals: HealthSignals, name: string): number | null {
  const value = (signals as Record<string, unknown>)[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
