import { defaultTimeZone, instantSchema, moneySchema, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link computeRevenueMetrics}. */
export const revenueOptionsSchema = z
  .object({
    /** Events at or after this instant are ignored; the last period is the one containing it. */
    asOf: instantSchema,
    /** Reporting period. @defaultValue 'month' */
    period: z.enum(['month', 'week', 'day']).default('month'),
    /** Calendar of periods and of "same day" grouping. @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /**
     * Reporting currency. Events in another currency need a rate in `exchangeRates`.
     * @defaultValue the currency of the first event (JPY when there are none)
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /**
     * Units of the reporting currency per one unit of another currency (`{ USD: 150 }` with JPY
     * reporting: $1 = ¥150). Amounts convert through each currency's minor unit. @defaultValue {}
     */
    exchangeRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).default({}),
    /**
     * When a cancellation counts as churn: `immediate` at the event (ChartMogul's default for
     * cancellations with an effective date), or `end_of_period` — the customer keeps their MRR until
     * the period that contains the cancellation ends. @defaultValue 'immediate'
     */
    churnRecognition: z.enum(['immediate', 'end_of_period']).default('immediate'),
    /**
     * Past-due subscriptions: `keep` counts them as active until an explicit cancel (ChartMogul's
     * default); `churn` churns a subscription past due for `pastDueChurnAfterDays`, back-dated to
     * when it became past due, and reactivates it if it is paid later. @defaultValue 'keep'
     */
    pastDueHandling: z.enum(['keep', 'churn']).default('keep'),
    /** Days past due before `churn` handling applies. @defaultValue 30 */
    pastDueChurnAfterDays: z.number().int().nonnegative().default(30),
    /** Spans during which a subscription was past due (unpaid). @defaultValue [] */
    pastDue: z
      .array(
        z
          .object({
            subscriptionId: z.string().min(1),
            since: instantSchema,
            resolvedAt: instantSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * Which NRR/GRR the headline `netRevenueRetention` uses: `seed` — seeds/001 §9.1, over every
     * movement in the period: NRR = (start + expansion − churn − contraction) / start; `chartmogul`
     * — only customers active at the start of the period, reactivation excluded. @defaultValue 'seed'
     */
    retentionDefinition: z.enum(['seed', 'chartmogul']).default('seed'),
    /** Gross margin in 0…1 for LTV and payback. ChartMogul's LTV has none (1). @defaultValue 1 */
    grossMargin: z.number().min(0).max(1).default(1),
    /** Sales and marketing spend, summed per period for CAC. @defaultValue [] */
    acquisitionCosts: z.array(z.object({ at: instantSchema, amount: moneySchema }).strict()).default([]),
    /** Periods averaged for LTV's customer churn rate (the current one and those before). @defaultValue 6 */
    ltvChurnPeriods: z.number().int().positive().default(6),
  })
  .strict();

/** Options of {@link computeRevenueMetrics} as you may write them. */
export type RevenueOptionsInput = z.input<typeof revenueOptionsSchema>;
/** Options after validation. */
export type RevenueOptions = z.output<typeof revenueOptionsSchema>;
