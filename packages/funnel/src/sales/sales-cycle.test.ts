import { describe, expect, it } from 'vitest';
import { computeSalesCycle } from './sales-cycle';
import { aprilTables } from './sales-fixture';
import { analyzeSalesPipeline } from './sales-pipeline';

describe('computeSalesCycle', () => {
  it('measures lead → consultation → contract with its distribution', () => {
    const cycle = computeSalesCycle(aprilTables, { month: '2026-04' });
    // C1: L1 opt-in Apr 1, consultation Apr 10, start Apr 12 → 9 + 2 = 11 days.
    // C5: L0 opt-in Mar 10, consultation Apr 8, start Apr 21 → 29 + 13 = 42 days.
    expect(cycle.deals).toBe(2);
    expect(cycle.total).toMatchObject({ mean: 26.5, median: 26.5, minimum: 11, maximum: 42 });
    expect(cycle.leadToConsultation).toMatchObject({ mean: 19 });
    expect(cycle.consultationToContract).toMatchObject({ mean: 7.5 });
    expect(cycle.distribution.map((bucket) => bucket.deals)).toEqual([0, 1, 0, 0, 1]);
    expect(cycle.withinTarget).toBe(0.5);
  });

  it('reports nothing rather than zeros when there are no deals', () => {
    expect(computeSalesCycle(aprilTables, { month: '2026-02' })).toMatchObject({
      deals: 0,
      total: null,
      withinTarget: null,
    });
  });
});

describe('analyzeSalesPipeline', () => {
  const view = analyzeSalesPipeline(aprilTables, { month: '2026-04', asOf: '2026-04-26T00:00:00Z' });

  it('counts deals by plan', () => {
    expect(view.dealsByPlan).toEqual([
      { plan: 'premium', deals: 1, revenue: 500_000, share: 0.5 },
      { plan: 'standard', deals: 1, revenue: 300_000, share: 0.5 },
    ]);
  });

  it('lists pending consultations with follow-up status', () => {
    expect(
      view.pipeline.map((entry) => [
        entry.consultationId,
        entry.daysSinceConsultation,
        entry.followUpOverdue,
      ]),
    ).toEqual([
      ['k0', 18, true],
      ['k3', 1, false],
    ]);
  });

  it('forecasts the month from booked deals and the weighted pipeline', () => {
    // Booked: C1 300,000 + C5 500,000. Lookback 90 days: won 1 (k1), lost 1 (k2) → 0.5.
    // Deals in the lookback: C1, C5 → average 400,000. Open deals since Apr 12: k3 only.
    // Forecast = 800,000 + 1 × 0.5 × 400,000 = 1,000,000.
    expect(view.forecast).toMatchObject({
      booked: 800_000,
      openDeals: 1,
      closeRate: 0.5,
      averageDealValue: 400_000,
      expectedFromPipeline: 200_000,
      forecast: 1_000_000,
    });
  });
});
