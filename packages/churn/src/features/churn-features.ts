import {
  type CustomerSnapshot,
  calendarDaysBetween,
  customerSnapshotSchema,
  instantSchema,
  KizunaValidationError,
  parseInput,
} from '@kizuna/core';
import * as z from 'zod';

/**
 * The 13 churn features of seeds/001 §5.3 (DOMAIN.md §4), in model column order.
 */
export const churnFeatureNames = [
  'monthly_usage_rate',
  'usage_trend_3m',
  'days_since_last_use',
  'login_frequency_30d',
  'report_view_rate',
  'support_ticket_count',
  'nps_score',
  'csat_score',
  'negative_feedback_count',
  'payment_delay_days',
  'price_sensitivity',
  'contract_length_months',
  'days_until_renewal',
] as const;

/** One of the 13 churn feature names. */
export type ChurnFeatureName = (typeof churnFeatureNames)[number];

/** Options of {@link churnFeatures}. */
export const churnFeaturesOptionsSchema = z.object({
  /**
   * The instant the features describe; at or after the snapshot's own `asOf`. Day counts
   * (`days_since_last_use`, `days_until_renewal`) move with it; counts stay those of the snapshot.
   * @defaultValue the snapshot's `asOf`
   */
  asOf: instantSchema.optional(),
});

/** Options of {@link churnFeatures} as you may write them. */
export type ChurnFeaturesOptionsInput = z.input<typeof churnFeaturesOptionsSchema>;

/** The churn features of one customer. */
export interface ChurnFeatures {
  readonly customerId: string;
  readonly asOf: string;
  /** The 13 values in {@link churnFeatureNames} order; `NaN` where the value cannot be known. */
  readonly values: readonly number[];
  /** The same values by name. */
  readonly byName: Readonly<Record<ChurnFeatureName, number>>;
  /** Why each missing (`NaN`) feature is missing. */
  readonly missing: readonly { readonly feature: ChurnFeatureName; readonly reason: string }[];
}

/**
 * Computes the 13 churn features from a customer snapshot. Formulas (every count window ends at the
 * snapshot's `asOf`):
 *
 * - `monthly_usage_rate` = measurements in the last 30 days ÷ the plan's monthly measurement limit
 *   (the health score's usage rate); missing without a contract.
 * - `usage_trend_3m` = least-squares slope of measurements over the last three 30-day windows
 *   (`measurementsPer30Days[3…5]`, x = 0, 1, 2), i.e. (w₅ − w₃) / 2, divided by the monthly limit
 *   when there is a contract: the change of the usage rate per month. Negative = falling usage.
 * - `days_since_last_use` = calendar days since the last measurement; never measured → days since the
 *   contract started (or the customer was created), since the customer has not used it all that time.
 * - `login_frequency_30d` = logins in the last 30 days.
 * - `report_view_rate` = reports viewed ÷ reports delivered in the last 90 days; missing when none
 *   were delivered.
 * - `support_ticket_count` = tickets opened in the last 90 days.
 * - `nps_score` = the latest NPS answer (0–10); missing without one.
 * - `csat_score` = mean CSAT (1–5) over the last 90 days; missing without one.
 * - `negative_feedback_count` = interactions labelled NEGATIVE in the last 30 days.
 * - `payment_delay_days` = the larger of the days overdue of the oldest unpaid invoice and the mean
 *   delay of invoices paid in the last year.
 * - `price_sensitivity` (0 … 1, ours; the seed names it without a formula) = min(1, 0.5 × MRR
 *   downgrades in the last 180 days + the share of MRR lost over the last 90 days). A customer who
 *   moves down-plan or cuts seats is reacting to price; one who does neither scores 0.
 * - `contract_length_months` = the contract's term in months; 0 without a contract (B2C one-off).
 * - `days_until_renewal` = calendar days until the contract ends (negative once past); missing for
 *   open-ended contracts and customers without one.
 *
 * @throws KizunaValidationError when the snapshot is invalid or `asOf` is before the snapshot's
 *   (features cannot be computed for a moment the snapshot already looks past)
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'acme', name: 'Acme Property', segment: 'b2b', plan: 'pro',
 *   createdAt: '2025-05-01T00:00:00Z', contract: { startsAt: '2025-05-01T00:00:00Z', endsAt: '2026-05-01T00:00:00Z',
 *   monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * // Eight two-hour measurements in March, one a day from 10 March.
 * await store.putRecords('usageEvent', Array.from({ length: 8 }, (_, day) => ({ id: `m${day + 1}`, customerId: 'acme',
 *   kind: 'measurement', hours: 2, occurredAt: new Date(Date.UTC(2026, 2, 10 + day, 10)).toISOString() })));
 * const features = churnFeatures(await buildSnapshot(store, 'acme', { asOf: '2026-04-01T00:00:00Z' }));
 * console.log(features.byName.monthly_usage_rate); // 0.4 for 8 measurements on a 20-per-month plan
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 300, seed: 7 });
 * const model = trainGradientBoostedTrees({ ...buildTrainingSet(snapshots, outcomes), nEstimators: 50 });
 * console.log(model.predictProbability([features.values])); // Float64Array [0.234…]
 * ```
 */
export function churnFeatures(
  snapshotInput: CustomerSnapshot,
  options: ChurnFeaturesOptionsInput = {},
): ChurnFeatures {
  const snapshot = parseInput(customerSnapshotSchema, snapshotInput, 'snapshot');
  const { asOf: asOfOption } = parseInput(churnFeaturesOptionsSchema, options, 'churn feature options');
  const asOf = asOfOption ?? snapshot.asOf;
  if (asOf < snapshot.asOf) {
    throw KizunaValidationError.forField(
      'churn feature options',
      'asOf',
      `asOf ${asOf} is before the snapshot's asOf ${snapshot.asOf}`,
    );
  }
  const shiftDays = calendarDaysBetween(snapshot.asOf, asOf, snapshot.timeZone);
  const { contract, usage, engagement, support, satisfaction, interactions, financial, subscription } =
    snapshot;
  const missing: { feature: ChurnFeatureName; reason: string }[] = [];
  const orMissing = (feature: ChurnFeatureName, value: number | null, reason: string): number => {
    if (value === null) {
      missing.push({ feature, reason });
      return Number.NaN;
    }
    return value;
  };

  const limit = contract?.monthlyMeasurementLimit ?? null;
  const windows = usage.measurementsPer30Days;
  const slope = (windows[5]! - windows[3]!) / 2;
  const startedAt = contract?.startsAt ?? snapshot.customer.createdAt;
  const daysSinceLastUse =
    usage.daysSinceLastMeasurement === null
      ? Math.max(0, calendarDaysBetween(startedAt, snapshot.asOf, snapshot.timeZone))
      : usage.daysSinceLastMeasurement;
  const mrrLostShare =
    subscription.currentMrr !== null &&
    subscription.mrr90DaysAgo !== null &&
    subscription.mrr90DaysAgo.amount > 0
      ? Math.max(
          0,
          (subscription.mrr90DaysAgo.amount - subscription.currentMrr.amount) /
            subscription.mrr90DaysAgo.amount,
        )
      : 0;

  const byName: Record<ChurnFeatureName, number> = {
    monthly_usage_rate: orMissing(
      'monthly_usage_rate',
      limit === null ? null : usage.measurementsLast30Days / limit,
      'no contract, so no monthly measurement limit',
    ),
    usage_trend_3m: limit === null ? slope : slope / limit,
    days_since_last_use: daysSinceLastUse + shiftDays,
    login_frequency_30d: engagement.loginsLast30Days,
    report_view_rate: orMissing(
      'report_view_rate',
      engagement.reportsDeliveredLast90Days === 0
        ? null
        : Math.min(1, engagement.reportsViewedLast90Days / engagement.reportsDeliveredLast90Days),
      'no report delivered in the last 90 days',
    ),
    support_ticket_count: support.ticketsLast90Days,
    nps_score: orMissing('nps_score', satisfaction.latestNps?.score ?? null, 'no NPS answer'),
    csat_score: orMissing(
      'csat_score',
      satisfaction.averageCsatLast90Days,
      'no CSAT answer in the last 90 days',
    ),
    negative_feedback_count: interactions.negativeLast30Days,
    payment_delay_days: Math.max(financial.maxDaysOverdue, financial.averagePaymentDelayDays ?? 0),
    price_sensitivity: Math.min(1, 0.5 * subscription.downgradesLast180Days + mrrLostShare),
    contract_length_months: contract?.termMonths ?? 0,
    days_until_renewal: orMissing(
      'days_until_renewal',
      contract?.daysUntilRenewal === null || contract === null ? null : contract.daysUntilRenewal - shiftDays,
      contract === null ? 'no contract' : 'open-ended contract',
    ),
  };
  return {
    customerId: snapshot.customer.id,
    asOf,
    values: churnFeatureNames.map((name) => byName[name]),
    byName,
    missing,
  };
}
