import { describe, expect, it } from 'vitest';
import { computeRevenueMetrics } from '../revenue/compute-revenue-metrics';
import { aprilTables } from '../sales/sales-fixture';
import { computeNps } from '../success/survey-scores';
import { buildCsmDailyView } from './csm-daily-view';
import { buildCustomerSuccessDashboard } from './customer-success-dashboard';
import { buildExecutiveDashboard } from './executive-dashboard';
import { buildMarketingDashboard } from './marketing-dashboard';
import { buildSalesDashboard } from './sales-dashboard';

const start = (id: string, customerId: string, occurredAt: string, amount: number) => ({
  id,
  customerId,
  subscriptionId: `${customerId}-s`,
  type: 'start' as const,
  occurredAt,
  mrr: { amount, currency: 'JPY' },
});

describe('buildExecutiveDashboard', () => {
  // Feb: A 4 M, B 2 M new. Mar: C 3 M new, B churns (−2 M). MRR 6 M → 7 M.
  const revenue = computeRevenueMetrics(
    [
      start('1', 'A', '2026-02-02T00:00:00Z', 4_000_000),
      start('2', 'B', '2026-02-03T00:00:00Z', 2_000_000),
      start('3', 'C', '2026-03-04T00:00:00Z', 3_000_000),
      { ...start('4', 'B', '2026-03-05T00:00:00Z', 0), type: 'cancel' as const },
    ],
    { asOf: '2026-03-31T15:00:00Z' },
  );
  it('shows MRR against the goal with month-over-month change, trends and who churned', () => {
    const dashboard = buildExecutiveDashboard({
      revenue,
      nps: { current: computeNps([10, 9, 3]), previous: computeNps([10, 3]) },
    });
    // 7,000,000 / 8,330,000; MoM (7 M − 6 M) / 6 M.
    expect(dashboard.mrr).toMatchObject({
      value: 7_000_000,
      previous: 6_000_000,
      change: 1_000_000,
      goal: 8_330_000,
    });
    expect(dashboard.mrr.attainment).toBeCloseTo(7 / 8.33, 12);
    expect(dashboard.mrrGrowth).toBeCloseTo(1 / 6, 12);
    // Logo churn March: 1 of 2 customers at start.
    expect(dashboard.churnRate).toMatchObject({ value: 0.5, previous: null });
    expect(dashboard.trends).toEqual({
      periods: ['2026-02-01', '2026-03-01'],
      mrr: [6_000_000, 7_000_000],
      netRevenueRetention: [null, 0.6666666666666666],
      churnRate: [null, 0.5],
      newCustomers: [2, 1],
    });
    expect(dashboard.churnAnalysis).toEqual({
      mrrLost: 2_000_000,
      customers: [{ customerId: 'B', date: '2026-03-05', mrrLost: 2_000_000 }],
    });
    // NPS 100 × (2 − 1) / 3 = 33.3 vs 0.
    expect(dashboard.nps!.change).toBeCloseTo(100 / 3, 12);
  });
});

describe('buildMarketingDashboard', () => {
  const dashboard = buildMarketingDashboard(aprilTables, { month: '2026-04' });
  it('draws the funnel with conversion per stage', () => {
    expect(dashboard.funnel.map((stage) => [stage.stage, stage.count])).toEqual([
      ['Website visitors', 800],
      ['LP visitors', 300],
      ['Leads', 4],
      ['Consultation requests', 3],
      ['Consultations held', 3],
      ['Deals', 2],
    ]);
    expect(dashboard.funnel[1]!.conversionFromPrevious).toBe(300 / 800);
  });

  it('breaks leads down by day, source and landing page, and e-mails by campaign', () => {
    expect(dashboard.dailyLeads).toHaveLength(30);
    // L1 opted in 2026-04-01T00:00Z = 09:00 April 1 in Tokyo.
    expect(dashboard.dailyLeads.slice(0, 5).map((day) => day.leads)).toEqual([1, 1, 1, 0, 1]);
    expect(dashboard.leadsBySource.map((row) => row.source)).toEqual(['ads', 'referral', 'seo', 'sns']);
    expect(dashboard.leadsByLandingPage).toEqual([
      { leadMagnet: '(none)', leads: 3 },
      { leadMagnet: 'checklist', leads: 1 },
    ]);
    expect(dashboard.emailByCampaign.find((row) => row.campaignId === 'day-1')).toEqual({
      campaignId: 'day-1',
      sent: 6,
      openRate: 0,
      clickRate: 0,
    });
    expect(dashboard.bottleneck!.kpi.id).toBe('lead_capture.leads');
  });
});

describe('buildSalesDashboard', () => {
  it('counts consultations per week and gathers pipeline, cycle, plans and forecast', () => {
    const dashboard = buildSalesDashboard(aprilTables, { month: '2026-04', asOf: '2026-04-26T00:00:00Z' });
    // k0 Apr 8 and k1 Apr 10 (week of Apr 6), k2 Apr 20 (Apr 20), k3 Apr 25 (Apr 20).
    expect(dashboard.consultationsScheduled).toEqual({
      month: 4,
      byWeek: [
        { weekStart: '2026-04-06', consultations: 2 },
        { weekStart: '2026-04-20', consultations: 2 },
      ],
    });
    expect(dashboard.closeRate.value).toBe(0.5);
    expect(dashboard.forecast.forecast).toBe(1_000_000);
    expect(dashboard.cycle.deals).toBe(2);
  });
});

describe('buildCustomerSuccessDashboard', () => {
  it('shows active customers, progress, revenue growth, NPS trend and sorted alerts', () => {
    const dashboard = buildCustomerSuccessDashboard(aprilTables, {
      asOf: '2026-04-30T00:00:00Z',
      npsMonths: 2,
      churnAlerts: [
        { customerId: 'C1', churnProbability: 0.4 },
        { customerId: 'C5', churnProbability: 0.8 },
      ],
    });
    // Active at Apr 30: C1 and C5 (C0 completed, C9 churned).
    expect(dashboard.activeCustomers).toBe(2);
    expect(dashboard.programmeProgress.map((row) => [row.customerId, row.progress])).toEqual([
      ['C1', null],
      ['C5', null],
    ]);
    // Growth: C0 2.5, C9 1.0 → mean 1.75 (C1 has no revenue before).
    expect(dashboard.revenueGrowth.average).toBe(1.75);
    expect(dashboard.npsTrend[0]).toEqual({ month: '2026-03', nps: null, responses: 0 });
    expect(dashboard.npsTrend[1]).toMatchObject({ month: '2026-04', responses: 3 });
    expect(dashboard.npsTrend[1]!.nps).toBeCloseTo(100 / 3, 12);
    expect(dashboard.churnAlerts.map((alert) => alert.customerId)).toEqual(['C5', 'C1']);
  });
});

describe('buildCsmDailyView', () => {
  const action = (key: string, customerId: string, priority: 'critical' | 'high' | 'low', dueAt: string) => ({
    idempotencyKey: key,
    type: 'call',
    customerId,
    channel: 'phone' as const,
    owner: 'csm',
    priority,
    automated: false,
    dueAt,
    title: `Call ${customerId}`,
    source: { engine: 'health', ruleId: 'r' },
  });
  it('lists today’s alerts, the health summary, renewals and top recommendations for one CSM', () => {
    const view = buildCsmDailyView({
      asOf: '2026-04-10T00:00:00Z',
      csmId: 'm1',
      actions: [
        action('1', 'abc', 'critical', '2026-04-10T01:00:00Z'),
        action('2', 'def', 'high', '2026-04-09T01:00:00Z'),
        action('3', 'abc', 'low', '2026-04-10T01:00:00Z'),
        action('4', 'abc', 'critical', '2026-04-11T01:00:00Z'),
        action('5', 'other', 'critical', '2026-04-10T01:00:00Z'),
      ],
      accounts: [
        {
          customerId: 'abc',
          csmId: 'm1',
          healthScore: 25,
          previousHealthScore: 40,
          healthBand: 'red',
          mrr: 80_000,
          renewalAt: '2026-04-20T00:00:00Z',
          renewalStatus: 'at_risk',
        },
        {
          customerId: 'def',
          csmId: 'm1',
          healthScore: 75,
          previousHealthScore: 70,
          healthBand: 'green',
          mrr: 120_000,
          renewalAt: '2026-04-25T00:00:00Z',
        },
        {
          customerId: 'ghi',
          csmId: 'm1',
          healthScore: 80,
          healthBand: 'green',
          mrr: 50_000,
          renewalAt: '2026-06-01T00:00:00Z',
        },
        { customerId: 'other', csmId: 'm2', healthScore: 10, healthBand: 'red' },
      ],
      recommendations: [
        { customerId: 'def', title: 'Upper plan', confidence: 0.89 },
        { customerId: 'ghi', title: 'API', confidence: 0.82 },
        { customerId: 'abc', title: 'More properties', confidence: 0.76 },
        { customerId: 'def', title: 'Add-on', confidence: 0.5 },
        { customerId: 'other', title: 'Not mine', confidence: 0.99 },
      ],
    });
    // Today is April 10 in Tokyo: action 4 is tomorrow, 5 belongs to another CSM, 3 is low priority.
    expect(view.alerts.critical.map((alert) => alert.customerId)).toEqual(['abc']);
    expect(view.alerts.warning.map((alert) => alert.customerId)).toEqual(['def']);
    // Bands: green 2, red 1 of 3; average (25 + 75 + 80) / 3 = 60; previous (40 + 70) / 2 = 55.
    expect(view.healthSummary).toMatchObject({
      green: { accounts: 2 },
      red: { accounts: 1 },
      averageScore: 60,
      previousAverageScore: 55,
      change: 5,
    });
    expect(view.renewalsThisMonth).toEqual({
      autoRenew: { accounts: 1, mrr: 120_000 },
      negotiating: { accounts: 0, mrr: 0 },
      atRisk: { accounts: 1, mrr: 80_000 },
    });
    expect(view.recommendations.map((row) => row.title)).toEqual(['Upper plan', 'API', 'More properties']);
  });
});
