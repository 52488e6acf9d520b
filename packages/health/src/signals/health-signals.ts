import {
  type CustomerSnapshot,
  calendarDaysBetween,
  customerSnapshotSchema,
  KizunaValidationError,
  parseInput,
} from '@kizuna/core';
import { type HealthSignalsOptions, healthSignalsOptionsSchema } from './health-signals-options';
import type { HealthSignals } from './health-signals-schema';

/**
 * The snapshot fields the health engines read: the whole core snapshot except the texts of the recent
 * interactions (validating 20 free-text messages per customer would dominate the cost of scoring).
 */
export const healthSnapshotSchema = customerSnapshotSchema.extend({
  interactions: customerSnapshotSchema.shape.interactions.omit({ recent: true }),
});

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function capAtOne(value: number | null): number | null {
  return value === null ? null : Math.min(1, value);
}

/** Mean of `(csat − 1) ÷ 4` and `nps ÷ 10` over those present; `null` with neither. */
export function satisfactionRateOf(csatAverage: number | null, npsScore: number | null): number | null {
  const parts: number[] = [];
  if (csatAverage !== null) parts.push((csatAverage - 1) / 4);
  if (npsScore !== null) parts.push(npsScore / 10);
  if (parts.length === 0) return null;
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

/**
 * Derives the health signals of one customer from a core {@link CustomerSnapshot}. Formulas (all
 * windows end at the snapshot's `asOf`):
 *
 * - `usageRate` = measurements in the last 30 days ÷ the plan's monthly measurement limit (`null`
 *   without a contract);
 * - `usageRate90DayAverage` = measurements in the last 90 days ÷ 3 ÷ the monthly limit;
 * - `usageRateChange` = (last 30 days − the 30 days before) ÷ the monthly limit;
 * - `daysSinceLastLogin` = calendar days (snapshot time zone) from the last login to `asOf`;
 * - `reportViewRate` = reports viewed ÷ reports delivered, over reports delivered in the last 90 days
 *   (`null` when none were delivered);
 * - `featureAdoptionRate` = catalogue features used in the last 30 days ÷ catalogue size (`null`
 *   without a catalogue);
 * - `satisfactionRate` = mean of `(CSAT − 1) ÷ 4` (90-day mean CSAT) and `NPS ÷ 10` (latest answer);
 * - `daysOverdue` = days past due of the oldest unpaid invoice; `daysSinceOldestUnpaidInvoice` = days
 *   since it was issued (dunning counts from issue);
 * - `sentimentNegativeRatio` = negative ÷ labelled interactions of the last 30 days;
 * - `propertyCoverage` = properties measured in the last 90 days ÷ managed properties.
 *
 * @param snapshot - a customer snapshot (validated)
 * @param options - `asOf` and the feature catalogue, see {@link healthSignalsOptionsSchema}
 * @throws KizunaValidationError when the snapshot or options are invalid, or `asOf` is before the
 *   snapshot's `asOf`
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'acme', name: 'Acme Property', segment: 'b2b', plan: 'pro',
 *   createdAt: '2025-01-01T00:00:00Z',
 *   contract: { startsAt: '2025-04-01T00:00:00Z', monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * // Sixteen two-hour measurements, one a day from 10 March.
 * await store.putRecords('usageEvent', Array.from({ length: 16 }, (_, day) => ({
 *   id: `m${day + 1}`, customerId: 'acme', kind: 'measurement', hours: 2,
 *   occurredAt: new Date(Date.UTC(2026, 2, 10 + day, 10)).toISOString(),
 * })));
 * const snapshot = await buildSnapshot(store, 'acme', { asOf: '2026-04-01T00:00:00Z' });
 * const signals = healthSignals(snapshot, { asOf: snapshot.asOf, featureCatalogue: ['dashboard', 'api'] });
 * console.log(signals.usageRate); // 0.8 = 16 measurements ÷ a limit of 20
 * ```
 */
export function healthSignals(snapshot: CustomerSnapshot, options: HealthSignalsOptions): HealthSignals {
  const parsed = parseInput(healthSnapshotSchema, snapshot, 'customer snapshot');
  const { asOf, featureCatalogue } = parseInput(
    healthSignalsOptionsSchema,
    options,
    'health signals options',
  );
  if (asOf < parsed.asOf) {
    throw KizunaValidationError.forField(
      'health signals options',
      'asOf',
      `asOf ${asOf} is before the snapshot's asOf ${parsed.asOf}`,
    );
  }
  const timeZone = parsed.timeZone;
  const sameInstant = asOf === parsed.asOf;
  const daysSince = (instant: string | null, known: number | null): number | null => {
    if (instant === null) return null;
    if (sameInstant && known !== null) return Math.max(0, known);
    return Math.max(0, calendarDaysBetween(instant, asOf, timeZone));
  };
  const { contract, usage, engagement, support, satisfaction, financial, interactions } = parsed;
  const limit = contract?.monthlyMeasurementLimit ?? null;
  const windows = usage.measurementsPer30Days;
  const catalogue = new Set(featureCatalogue);
  let adopted = 0;
  for (const feature of engagement.featuresUsedLast30Days) if (catalogue.has(feature)) adopted += 1;
  const csatAverage = satisfaction.averageCsatLast90Days;
  const npsScore = satisfaction.latestNps?.score ?? null;
  const oldestUnpaid = financial.unpaidInvoices[0];
  let daysOverdue = 0;
  let daysSinceOldestUnpaidInvoice = 0;
  for (const invoice of financial.unpaidInvoices) {
    const overdue = sameInstant
      ? invoice.daysOverdue
      : Math.max(0, calendarDaysBetween(invoice.dueAt, asOf, timeZone));
    daysOverdue = Math.max(daysOverdue, overdue);
  }
  if (oldestUnpaid !== undefined) {
    daysSinceOldestUnpaidInvoice = sameInstant
      ? oldestUnpaid.daysSinceIssued
      : Math.max(0, calendarDaysBetween(oldestUnpaid.issuedAt, asOf, timeZone));
  }
  let daysUntilRenewal: number | null = null;
  if (contract?.endsAt != null) {
    daysUntilRenewal =
      sameInstant && contract.daysUntilRenewal !== null
        ? contract.daysUntilRenewal
        : calendarDaysBetween(asOf, contract.endsAt, timeZone);
  }

  return {
    customerId: parsed.customer.id,
    asOf,
    segment: parsed.customer.segment,
    plan: parsed.customer.plan,
    tags: [...parsed.customer.tags],
    usageRate: limit === null ? null : usage.measurementsLast30Days / limit,
    usageRate90DayAverage: limit === null ? null : usage.measurementsLast90Days / 3 / limit,
    usageRateChange: limit === null ? null : (windows[5]! - windows[4]!) / limit,
    measurementsLast30Days: usage.measurementsLast30Days,
    measurementsTotal: usage.measurementsTotal,
    measurementHoursLast90Days: usage.measurementHoursLast90Days,
    daysSinceLastLogin: daysSince(engagement.lastLoginAt, engagement.daysSinceLastLogin),
    loginsLast30Days: engagement.loginsLast30Days,
    reportViewRate: ratio(engagement.reportsViewedLast90Days, engagement.reportsDeliveredLast90Days),
    reportsDeliveredTotal: engagement.reportsDeliveredTotal,
    featureAdoptionRate: ratio(adopted, catalogue.size),
    npsScore,
    daysSinceNps: daysSince(satisfaction.latestNps?.respondedAt ?? null, null),
    csatAverage,
    satisfactionRate: satisfactionRateOf(csatAverage, npsScore),
    openTickets: support.openTickets,
    escalatedTicketsLast90Days: support.escalatedLast90Days,
    ticketsLast90Days: support.ticketsLast90Days,
    daysOverdue,
    daysSinceOldestUnpaidInvoice,
    sentimentNegativeRatio: interactions.negativeRatioLast30Days,
    daysUntilRenewal,
    mrr: contract?.mrr.amount ?? parsed.subscription.currentMrr?.amount ?? null,
    monthlyMeasurementLimit: limit,
    managedProperties: contract?.managedProperties ?? null,
    propertiesMeasuredLast90Days: contract?.propertiesMeasuredLast90Days ?? null,
    propertyCoverage:
      contract === null
        ? null
        : capAtOne(ratio(contract.propertiesMeasuredLast90Days, contract.managedProperties)),
    negotiationsTotal: usage.negotiationsTotal,
    mediationUsed: usage.mediationUsed ? 1 : 0,
    apiEnabled: contract === null ? null : contract.apiEnabled ? 1 : 0,
    tenureMonths: contract?.tenureMonths ?? null,
  };
}
