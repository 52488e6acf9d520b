import { KizunaValidationError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { riskySnapshot } from '../test-support/snapshot-fixture';
import { churnFeatureNames, churnFeatures } from './churn-features';

describe('churnFeatures', () => {
  it('computes the 13 features by their documented formulas', () => {
    const features = churnFeatures(riskySnapshot());
    expect(features.byName).toEqual({
      monthly_usage_rate: 6 / 20,
      usage_trend_3m: (6 - 10) / 2 / 20, // slope over windows 3…5 = (w5 − w3) / 2, per plan limit
      days_since_last_use: 5,
      login_frequency_30d: 4,
      report_view_rate: 0.6,
      support_ticket_count: 2,
      nps_score: 5,
      csat_score: 2.5,
      negative_feedback_count: 3,
      payment_delay_days: 10, // max(10 days overdue, 4 days mean delay)
      price_sensitivity: 0.75, // 0.5 × 1 downgrade + (80,000 − 60,000) / 80,000
      contract_length_months: 12,
      days_until_renewal: 45,
    });
    expect(features.values).toEqual(churnFeatureNames.map((name) => features.byName[name]));
    expect(features.missing).toEqual([]);
  });

  it('moves day counts with a later asOf', () => {
    const features = churnFeatures(riskySnapshot(), { asOf: '2026-04-11T00:00:00Z' });
    expect(features.byName.days_since_last_use).toBe(15);
    expect(features.byName.days_until_renewal).toBe(35);
    expect(features.asOf).toBe('2026-04-11T00:00:00.000Z');
  });

  it('marks unknowable features missing with the reason', () => {
    const snapshot = riskySnapshot();
    const features = churnFeatures({
      ...snapshot,
      satisfaction: { ...snapshot.satisfaction, latestNps: null },
      engagement: { ...snapshot.engagement, reportsDeliveredLast90Days: 0, reportsViewedLast90Days: 0 },
    });
    expect(features.byName.nps_score).toBeNaN();
    expect(features.byName.report_view_rate).toBeNaN();
    expect(features.missing).toEqual([
      { feature: 'report_view_rate', reason: 'no report delivered in the last 90 days' },
      { feature: 'nps_score', reason: 'no NPS answer' },
    ]);
  });

  it('counts days since the contract start for a customer who never measured', () => {
    const snapshot = riskySnapshot();
    const features = churnFeatures({
      ...snapshot,
      contract: { ...snapshot.contract!, startsAt: '2026-01-01T00:00:00.000Z' },
      usage: { ...snapshot.usage, daysSinceLastMeasurement: null, lastMeasurementAt: null },
    });
    // 2026-01-01 09:00 to 2026-04-01 09:00 in Tokyo: 31 + 28 + 31 = 90 calendar days.
    expect(features.byName.days_since_last_use).toBe(90);
  });

  it('rejects an asOf before the snapshot and an invalid snapshot', () => {
    expect(() => churnFeatures(riskySnapshot(), { asOf: '2026-03-01T00:00:00Z' })).toThrow(
      /before the snapshot/,
    );
    const broken = { ...riskySnapshot(), usage: { ...riskySnapshot().usage, measurementsPer30Days: [1, 2] } };
    try {
      churnFeatures(broken);
      expect.unreachable();
    } catch (error) {
      expect(KizunaValidationError.isInstance(error)).toBe(true);
      expect((error as KizunaValidationError).issues[0]!.path).toBe('usage.measurementsPer30Days');
    }
  });
});
