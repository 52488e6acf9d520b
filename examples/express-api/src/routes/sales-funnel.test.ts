import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';

const backends = useBackends(await postgresReachable());

// March 2026 on Tokyo's calendar is [2026-02-28T15:00Z, 2026-03-31T15:00Z).
const kpiRow = (date: string, impressions: number, profileClicks: number, website: number, lp: number) => ({
  date,
  impressions,
  profileClicks,
  websiteVisitors: website,
  lpVisitors: lp,
  optIns: 0,
  consultationRequests: 0,
  consultationsHeld: 0,
  sales: 0,
  revenue: { amount: 0 },
});

const tables = {
  kpiDaily: [
    kpiRow('2026-02-28', 999_999, 0, 9, 9), // February: left out
    kpiRow('2026-03-01', 400_000, 12_000, 700, 12),
    kpiRow('2026-03-31', 200_000, 6_000, 500, 8),
  ],
  lead: [
    { id: 'L0', source: 'ads', optInAt: '2026-01-10T00:00:00Z' }, // January: only F2's cycle reads it
    { id: 'L1', source: 'ads', optInAt: '2026-03-02T00:00:00Z' },
    { id: 'L2', source: 'sns', optInAt: '2026-03-05T00:00:00Z' },
    { id: 'L3', source: 'seo', optInAt: '2026-03-10T00:00:00Z', tags: ['referred-by:F0'] },
    { id: 'L4', source: 'sns', optInAt: '2026-03-31T14:00:00Z' }, // 23:00 on 31 March in Tokyo
    { id: 'L5', source: 'sns', optInAt: '2026-03-31T16:00:00Z' }, // 01:00 on 1 April in Tokyo
  ],
  emailEngagement: [
    { id: 'E1', leadId: 'L1', campaignId: 'w', sentAt: '2026-03-03T00:00:00Z', opened: true, clicked: true },
    { id: 'E2', leadId: 'L2', campaignId: 'w', sentAt: '2026-03-06T00:00:00Z', opened: true, clicked: false },
    { id: 'E3', leadId: 'L3', campaignId: 'w', sentAt: '2026-03-20T00:00:00Z', opened: true, clicked: false },
    {
      id: 'E4',
      leadId: 'L0',
      campaignId: 'n',
      sentAt: '2026-03-04T00:00:00Z',
      opened: false,
      clicked: false,
    },
    // April: not sent in March, but L4 opened it 3 days after opting in (7-day active).
    { id: 'E5', leadId: 'L4', campaignId: 'w', sentAt: '2026-04-03T00:00:00Z', opened: true, clicked: false },
  ],
  consultation: [
    { id: 'K0', leadId: 'L0', scheduledAt: '2026-02-10T00:00:00Z', attended: true, outcome: 'won' },
    {
      id: 'K1',
      leadId: 'L1',
      requestedAt: '2026-03-03T00:00:00Z',
      scheduledAt: '2026-03-08T00:00:00Z',
      attended: true,
      outcome: 'won',
    },
    {
      id: 'K2',
      leadId: 'L2',
      requestedAt: '2026-03-07T00:00:00Z',
      scheduledAt: '2026-03-12T00:00:00Z',
      attended: true,
      outcome: 'lost',
    },
    {
      id: 'K3',
      leadId: 'L3',
      requestedAt: '2026-03-25T00:00:00Z',
      scheduledAt: '2026-04-05T00:00:00Z',
      attended: false,
      outcome: 'pending',
    },
    { id: 'K4', leadId: 'L0', scheduledAt: '2026-03-15T00:00:00Z', attended: false, outcome: 'pending' },
  ],
  funnelCustomer: [
    {
      id: 'F0',
      leadId: 'L0',
      plan: 'standard',
      price: { amount: 300_000 },
      startedAt: '2026-02-01T00:00:00Z',
      endedAt: '2026-03-20T00:00:00Z',
      status: 'completed',
    },
    {
      id: 'F1',
      leadId: 'L1',
      plan: 'premium',
      price: { amount: 500_000 },
      startedAt: '2026-03-15T00:00:00Z',
      status: 'active',
    },
    {
      id: 'F2',
      leadId: 'L0',
      plan: 'premium',
      price: { amount: 600_000 },
      startedAt: '2026-03-25T00:00:00Z',
      status: 'active',
    },
  ],
  customerSuccess: [
    {
      id: 'S0',
      customerId: 'F0',
      revenueBefore: { amount: 100_000 },
      revenueAfter: { amount: 100_000 },
      npsScore: 0,
      recordedAt: '2026-02-15T00:00:00Z',
    },
    {
      id: 'S1',
      customerId: 'F0',
      revenueBefore: { amount: 100_000 },
      revenueAfter: { amount: 400_000 },
      npsScore: 10,
      recordedAt: '2026-03-21T00:00:00Z',
    },
    {
      id: 'S2',
      customerId: 'F1',
      revenueBefore: { amount: 200_000 },
      revenueAfter: { amount: 400_000 },
      npsScore: 8,
      recordedAt: '2026-03-28T00:00:00Z',
    },
  ],
  subscriptionEvent: [
    {
      id: 's1',
      customerId: 'acme',
      subscriptionId: 'acme-pro',
      type: 'start',
      occurredAt: '2026-01-05T00:00:00Z',
      mrr: { amount: 80_000 },
    },
    {
      id: 's2',
      customerId: 'hanako',
      subscriptionId: 'hanako-std',
      type: 'start',
      occurredAt: '2026-02-03T00:00:00Z',
      mrr: { amount: 12_800 },
    },
    {
      id: 's3',
      customerId: 'acme',
      subscriptionId: 'acme-pro',
      type: 'change',
      occurredAt: '2026-03-02T00:00:00Z',
      mrr: { amount: 120_000 },
    },
    {
      id: 's4',
      customerId: 'hanako',
      subscriptionId: 'hanako-std',
      type: 'cancel',
      occurredAt: '2026-03-10T00:00:00Z',
      mrr: { amount: 0 },
    },
  ],
} as const;

interface Kpi {
  id: string;
  value: number | null;
  status: string;
  attainment: number | null;
}

describe.each(backends)('GET /v1/dashboards/sales-funnel on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store });
    for (const [kind, records] of Object.entries(tables))
      await store.putRecords(kind as keyof typeof tables, records as unknown as unknown[]);
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  const kpisOf = (body: { funnel: { levels: { kpis: Kpi[] }[]; financial: Kpi[] } }) =>
    new Map(
      [...body.funnel.levels.flatMap((level) => level.kpis), ...body.funnel.financial].map((kpi) => [
        kpi.id,
        kpi,
      ]),
    );

  it('computes every level of March from the stored tables, looking back and ahead where the definitions do', async () => {
    const response = await readJson(
      await run.call('/v1/dashboards/sales-funnel?month=2026-03&asOf=2026-04-10T00:00:00Z'),
    );
    expect(response.status).toBe(200);
    expect(response.body.month).toBe('2026-03');
    expect(response.body.funnel.levels).toHaveLength(7);
    const kpis = kpisOf(response.body);
    const value = (id: string) => kpis.get(id)?.value;
    // KPI_Daily of 1 and 31 March: 400,000 + 200,000 impressions, 12,000 + 6,000 clicks, ...
    expect(value('awareness.impressions')).toBe(600_000);
    expect(value('awareness.profile_click_rate')).toBeCloseTo(18_000 / 600_000, 12);
    expect(value('awareness.website_visitors')).toBe(1_200);
    expect(value('lead_capture.lp_visitors')).toBe(20);
    // L1–L4 opted in during March in Tokyo (L4 at 23:00 on the 31st; L5 is 1 April there).
    expect(value('lead_capture.leads')).toBe(4);
    expect(value('lead_capture.opt_in_rate')).toBeCloseTo(4 / 20, 12);
    // E1–E4 were sent in March: 3 opened, 1 clicked.
    expect(value('nurture.open_rate')).toBeCloseTo(3 / 4, 12);
    expect(value('nurture.click_rate')).toBeCloseTo(1 / 4, 12);
    // L1 and L2 opened within a day, L4 within 3 days (E5, sent in April); L3 only after 10 days.
    expect(value('nurture.seven_day_active_rate')).toBeCloseTo(3 / 4, 12);
    // L1, L2 and L3 (K3 is held in April) asked for a consultation.
    expect(value('consultation.request_rate')).toBeCloseTo(3 / 4, 12);
    // Scheduled in March: K1, K2, K4; attended K1, K2. K0 (February) and K3 (April) are left out.
    expect(value('consultation.attendance_rate')).toBeCloseTo(2 / 3, 12);
    expect(value('consultation.consultations')).toBe(2);
    expect(value('close.close_rate')).toBeCloseTo(1 / 2, 12);
    // F1 and F2 started in March: 13 days after L1's opt-in, 74 days after L0's (in January).
    expect(value('close.deals')).toBe(2);
    expect(value('close.average_cycle_days')).toBeCloseTo((13 + 74) / 2, 12);
    // S1 (+300 %) and S2 (+100 %); NPS: one promoter (10), one passive (8) of two answers.
    expect(value('success.revenue_growth')).toBeCloseTo(2, 12);
    expect(value('success.nps')).toBeCloseTo(50, 12);
    // F0 (started in February) completed on 20 March, continued into the pricier F2 and referred L3.
    expect(value('success.completion_rate')).toBe(1);
    expect(value('retention.continuation_rate')).toBe(1);
    expect(value('retention.upsell_rate')).toBe(1);
    expect(value('retention.referral_rate')).toBe(1);
    // March's revenue period: acme at ¥120,000 after its upgrade, hanako (one of two) cancelled.
    expect(value('financial.mrr')).toBe(120_000);
    expect(value('financial.churn_rate')).toBeCloseTo(1 / 2, 12);
  });

  it('names the bottleneck: the KPI with the lowest attainment', async () => {
    const response = await readJson(
      await run.call('/v1/dashboards/sales-funnel?month=2026-03&asOf=2026-04-10T00:00:00Z'),
    );
    // Below target: impressions 0.6, LP visitors 20/500 = 0.04, leads 4/500 = 0.008, attendance
    // 0.741, consultations 2/40 = 0.05, close rate 0.625, deals 0.2, cycle 21/43.5 = 0.483.
    expect(response.body.bottleneck).toMatchObject({
      level: 1,
      levelName: 'Lead capture',
      kpi: { id: 'lead_capture.leads', value: 4, status: 'below', attainment: 0.008 },
      reason: 'Lead capture: leads captured 4 is below its target 500 (1% of target)',
    });
    expect(response.body.bottleneck.belowTarget.map((entry: { kpi: Kpi }) => entry.kpi.id)).toEqual([
      'lead_capture.leads',
      'lead_capture.lp_visitors',
      'consultation.consultations',
      'close.deals',
      'close.average_cycle_days',
      'awareness.impressions',
      'close.close_rate',
      'consultation.attendance_rate',
    ]);
  });

  it('reads the month on the calendar of timeZone', async () => {
    const response = await readJson(
      await run.call('/v1/dashboards/sales-funnel?month=2026-03&timeZone=UTC&asOf=2026-04-10T00:00:00Z'),
    );
    expect(response.status).toBe(200);
    // In UTC, L5 (16:00 on 31 March) is a March lead too.
    expect(kpisOf(response.body).get('lead_capture.leads')?.value).toBe(5);
  });

  it('gives no_data financial KPIs and no bottleneck for an empty month', async () => {
    const response = await readJson(
      await run.call('/v1/dashboards/sales-funnel?month=2025-06&asOf=2026-04-10T00:00:00Z'),
    );
    expect(response.status).toBe(200);
    const kpis = kpisOf(response.body);
    expect(kpis.get('financial.mrr')?.status).toBe('no_data');
    // Zero leads and zero deals are below target; ratios without a denominator have no data.
    expect(kpis.get('nurture.open_rate')?.status).toBe('no_data');
    expect(response.body.bottleneck.kpi.value).toBe(0);
  });

  it('answers 400 naming month when it is missing or malformed', async () => {
    for (const path of [
      '/v1/dashboards/sales-funnel',
      '/v1/dashboards/sales-funnel?month=2026-13',
      '/v1/dashboards/sales-funnel?month=March',
    ]) {
      const response = await readJson(await run.call(path));
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path, path).toBe('query.month');
    }
    const zone = await readJson(
      await run.call('/v1/dashboards/sales-funnel?month=2026-03&timeZone=Mars/Base'),
    );
    expect(zone.status).toBe(400);
    expect(zone.body.errors[0].path).toBe('query.timeZone');
  });
});
