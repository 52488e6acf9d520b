import type { CustomerSnapshot } from '@kizuna/core';
import { generateSyntheticChurnData } from '../synthetic/generate-synthetic-churn-data';

/**
 * Test-only: a B2B snapshot with hand-picked values (asOf 2026-04-01T00:00:00.000Z, Asia/Tokyo):
 * 6 measurements in 30 days on a 20-per-month plan, windows [10, 10, 12, 10, 8, 6], last measured
 * 5 days ago, 4 logins, 6 of 10 reports viewed, 2 tickets in 90 days, NPS 5, CSAT 2.5, 3 negative
 * interactions, 10 days overdue (mean delay 4), one downgrade with MRR 80,000 → 60,000, a 12-month
 * term renewing in 45 days.
 */
export function riskySnapshot(): CustomerSnapshot {
  const base = generateSyntheticChurnData({ customers: 1, seed: 1 }).snapshots[0]!;
  return {
    ...base,
    customer: { ...base.customer, id: 'customer-risky' },
    contract: {
      ...base.contract!,
      monthlyMeasurementLimit: 20,
      termMonths: 12,
      endsAt: '2026-05-16T00:00:00.000Z',
      daysUntilRenewal: 45,
    },
    usage: {
      ...base.usage,
      measurementsLast30Days: 6,
      measurementsPer30Days: [10, 10, 12, 10, 8, 6],
      daysSinceLastMeasurement: 5,
    },
    engagement: {
      ...base.engagement,
      loginsLast30Days: 4,
      reportsDeliveredLast90Days: 10,
      reportsViewedLast90Days: 6,
    },
    support: { ...base.support, ticketsLast90Days: 2 },
    satisfaction: {
      ...base.satisfaction,
      latestNps: { score: 5, respondedAt: '2026-03-01T00:00:00.000Z' },
      averageCsatLast90Days: 2.5,
    },
    interactions: { ...base.interactions, negativeLast30Days: 3 },
    financial: { ...base.financial, maxDaysOverdue: 10, averagePaymentDelayDays: 4 },
    subscription: {
      currentMrr: { amount: 60_000, currency: 'JPY' },
      mrr90DaysAgo: { amount: 80_000, currency: 'JPY' },
      downgradesLast180Days: 1,
    },
  };
}
