import { KizunaValidationError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { computeRevenueMetrics } from '../revenue/compute-revenue-metrics';
import { computeSalesFunnel, findBottleneck } from './compute-sales-funnel';
import { aprilTables } from './sales-fixture';

const funnel = computeSalesFunnel(aprilTables, { month: '2026-04' });
const kpis = Object.fromEntries(funnel.levels.flatMap((level) => level.kpis).map((kpi) => [kpi.id, kpi]));

describe('computeSalesFunnel', () => {
  it('computes the awareness and lead-capture KPIs from KPI_Daily and Leads', () => {
    // April rows only: impressions 400,000 + 300,000; clicks (10,000 + 11,000) / 700,000 = 0.03.
    expect(kpis['awareness.impressions']).toMatchObject({
      value: 700_000,
      status: 'below',
      gap: -300_000,
      attainment: 0.7,
    });
    expect(kpis['awareness.profile_click_rate']).toMatchObject({ value: 0.03, status: 'met' });
    expect(kpis['awareness.website_visitors']).toMatchObject({ value: 800, status: 'below' });
    // Leads L1–L4 (L0 opted in in March) over 300 LP visitors = 4 / 300.
    expect(kpis['lead_capture.lp_visitors']).toMatchObject({ value: 300, status: 'below', attainment: 0.6 });
    expect(kpis['lead_capture.leads']).toMatchObject({ value: 4, status: 'below' });
    expect(kpis['lead_capture.opt_in_rate']!.value).toBeCloseTo(4 / 300, 12);
  });

  it('computes the nurture KPIs from Email_Engagement', () => {
    // 10 e-mails sent in April: 4 opened, 1 clicked. 7-day active: L1 (1 day) and L4 (1 day) of 4 leads.
    expect(kpis['nurture.open_rate']).toMatchObject({
      value: 0.4,
      status: 'met',
      inputs: { opened: 4, sent: 10 },
    });
    expect(kpis['nurture.click_rate']).toMatchObject({ value: 0.1, status: 'met' });
    expect(kpis['nurture.seven_day_active_rate']).toMatchObject({ value: 0.5, status: 'met' });
  });

  it('computes the consultation and close KPIs', () => {
    // April leads with a consultation: L1, L2, L4 → 3 / 4. Scheduled in April: k0 k1 k2 k3, attended 3.
    expect(kpis['consultation.request_rate']).toMatchObject({ value: 0.75, status: 'met' });
    expect(kpis['consultation.attendance_rate']).toMatchObject({ value: 0.75, status: 'below' });
    expect(kpis['consultation.consultations']).toMatchObject({ value: 3 });
    // Attended: won 1 (k1), lost 1 (k2), pending 1 (k0) → 1 / 2.
    expect(kpis['close.close_rate']).toMatchObject({ value: 0.5, inputs: { won: 1, lost: 1, pending: 1 } });
    // Deals started in April: C1 and C5. Cycles: C1 Apr 12 − Apr 1 = 11 days; C5 Apr 21 − Mar 10 = 42 days → mean 26.5.
    expect(kpis['close.deals']).toMatchObject({ value: 2 });
    expect(kpis['close.average_cycle_days']).toMatchObject({
      value: 26.5,
      status: 'below',
      comparison: 'at_most',
    });
    expect(kpis['close.average_cycle_days']!.attainment).toBeCloseTo(21 / 26.5, 12);
  });

  it('computes the customer-success and retention KPIs', () => {
    // Growth: S1 2.5, S2 1.0 (S3 has no revenue before) → 1.75. NPS: 10, 9, 6 → (2 − 1) / 3 × 100.
    expect(kpis['success.revenue_growth']).toMatchObject({ value: 1.75, status: 'below' });
    expect(kpis['success.nps']!.value).toBeCloseTo(100 / 3, 12);
    // Ended in April: C0 completed, C9 churned → 1 / 2.
    expect(kpis['success.completion_rate']).toMatchObject({ value: 0.5 });
    // C0's lead started C5 (500,000 > 300,000) and referred L3: 1 / 1 each.
    expect(kpis['retention.continuation_rate']).toMatchObject({ value: 1, status: 'met' });
    expect(kpis['retention.upsell_rate']).toMatchObject({ value: 1, status: 'met' });
    expect(kpis['retention.referral_rate']).toMatchObject({ value: 1, status: 'met' });
  });

  it('takes the financial KPIs from a revenue period', () => {
    const june = computeRevenueMetrics(
      [
        {
          id: 'e1',
          customerId: 'A',
          subscriptionId: 'a',
          type: 'start',
          occurredAt: '2026-04-02T00:00:00Z',
          mrr: { amount: 9_000_000 },
        },
      ],
      {
        asOf: '2026-04-30T15:00:00Z',
        acquisitionCosts: [{ at: '2026-04-03T00:00:00Z', amount: { amount: 200_000 } }],
      },
    ).periods.at(-1)!;
    const financial = Object.fromEntries(
      computeSalesFunnel(aprilTables, { month: '2026-04' }, june).financial.map((kpi) => [kpi.id, kpi]),
    );
    // MRR 9,000,000 ≥ 8,330,000; CAC 200,000 / 1 new ≤ 300,000; no churn yet → LTV unknown.
    expect(financial['financial.mrr']).toMatchObject({ value: 9_000_000, status: 'met', gap: 670_000 });
    expect(financial['financial.cac']).toMatchObject({ value: 200_000, status: 'met', attainment: 1.5 });
    expect(financial['financial.ltv']).toMatchObject({ value: null, status: 'no_data' });
    expect(financial['financial.churn_rate']).toMatchObject({ value: null, status: 'no_data' });
  });

  it('reports financial KPIs as no data without a revenue period, and uses overridden targets', () => {
    expect(funnel.financial.every((kpi) => kpi.status === 'no_data')).toBe(true);
    const custom = computeSalesFunnel(aprilTables, {
      month: '2026-04',
      targets: { 'awareness.impressions': 500_000 },
    });
    expect(custom.levels[0]!.kpis[0]).toMatchObject({ status: 'met', target: 500_000 });
  });

  it('rejects a bad month and bad rows', () => {
    expect(() => computeSalesFunnel(aprilTables, { month: '2026-13' })).toThrow(KizunaValidationError);
    expect(() =>
      computeSalesFunnel({ leads: [{ id: 'x', source: 'sns', optInAt: 'soon' }] }, { month: '2026-04' }),
    ).toThrow(/leads\[0\]\.optInAt|optInAt/);
  });
});

describe('findBottleneck', () => {
  it('names the KPI furthest below target and says why', () => {
    // Attainments below target: leads 4 / 500 = 0.008 is the lowest.
    const bottleneck = findBottleneck(funnel)!;
    expect(bottleneck).toMatchObject({ level: 1, levelName: 'Lead capture' });
    expect(bottleneck.kpi.id).toBe('lead_capture.leads');
    expect(bottleneck.reason).toBe('Lead capture: leads captured 4 is below its target 500 (1% of target)');
    expect(bottleneck.belowTarget[1]!.kpi.id).toBe('consultation.consultations');
  });

  it('returns null when every KPI meets its target', () => {
    const lenient = Object.fromEntries(
      funnel.levels
        .flatMap((level) => level.kpis)
        .map((kpi) => [kpi.id, kpi.comparison === 'at_least' ? 0 : 1_000]),
    );
    expect(
      findBottleneck(computeSalesFunnel(aprilTables, { month: '2026-04', targets: lenient })),
    ).toBeNull();
  });
});
