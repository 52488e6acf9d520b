import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { seedSampleRecords } from '../test-support/sample-records';

const backends = useBackends(await postgresReachable());

const subscriptionEvents = [
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
];

const salesTables: [string, unknown[]][] = [
  [
    'lead',
    [
      { id: 'l1', source: 'ads', optInAt: '2026-03-01T00:00:00Z' },
      { id: 'l2', source: 'sns', optInAt: '2026-03-02T00:00:00Z' },
      { id: 'l3', source: 'ads', optInAt: '2026-03-03T00:00:00Z' },
    ],
  ],
  [
    'email-engagement',
    [
      {
        id: 'e1',
        leadId: 'l1',
        campaignId: 'c1',
        sentAt: '2026-03-04T00:00:00Z',
        opened: true,
        clicked: true,
      },
      {
        id: 'e2',
        leadId: 'l2',
        campaignId: 'c1',
        sentAt: '2026-03-04T00:00:00Z',
        opened: true,
        clicked: false,
      },
    ],
  ],
  [
    'consultation',
    [{ id: 'k1', leadId: 'l1', scheduledAt: '2026-03-10T00:00:00Z', attended: true, outcome: 'won' }],
  ],
  [
    'funnel-customer',
    [
      {
        id: 'f1',
        leadId: 'l1',
        plan: 'standard',
        price: { amount: 300_000 },
        startedAt: '2026-03-12T00:00:00Z',
        status: 'active',
      },
    ],
  ],
];

describe.each(backends)('funnel, revenue and dashboard routes on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store });
    await seedSampleRecords(run.call);
    await run.call('/v1/records/subscription-event', { key: 'write', json: { records: subscriptionEvents } });
    for (const [kind, records] of salesTables)
      await run.call(`/v1/records/${kind}`, { key: 'write', json: { records } });
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('POST /v1/funnels/query computes a usage funnel over stored events', async () => {
    const response = await readJson(
      await run.call('/v1/funnels/query', {
        json: { source: 'usage', options: { steps: ['login', 'measurement'], window: { days: 30 } } },
      }),
    );
    expect(response.status).toBe(200);
    expect(
      response.body.steps.map((step: { name: string; count: number }) => [step.name, step.count]),
    ).toEqual([
      ['login', 2],
      ['measurement', 2],
    ]);
  });

  it('POST /v1/funnels/query computes the sales funnel from the funnel tables, with a breakdown', async () => {
    const response = await readJson(
      await run.call('/v1/funnels/query', {
        json: {
          source: 'sales',
          options: {
            steps: ['lead', 'email_opened', 'consultation_attended', 'customer'],
            window: { days: 30 },
            breakdown: { property: 'source' },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.steps.map((step: { count: number }) => step.count)).toEqual([3, 2, 1, 1]);
    expect(response.body.breakdown.property).toBe('source');
  });

  it('rejects an invalid funnel with 400 naming the field', async () => {
    const response = await readJson(
      await run.call('/v1/funnels/query', { json: { source: 'usage', options: { steps: [] } } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('body.options.steps');
  });

  it('GET /v1/revenue gives MRR movements per month', async () => {
    const response = await readJson(await run.call('/v1/revenue?asOf=2026-04-01T00:00:00Z'));
    expect(response.status).toBe(200);
    const march = response.body.periods.at(-1);
    expect(march).toBeDefined();
    expect(JSON.stringify(march)).toContain('expansion');
    expect((await run.call('/v1/revenue?period=year')).status).toBe(400);
  });

  it('GET /v1/dashboards/{dashboard} builds each of the four dashboards', async () => {
    for (const dashboard of ['executive', 'marketing', 'sales', 'customer-success']) {
      const response = await readJson(
        await run.call(`/v1/dashboards/${dashboard}?asOf=2026-04-01T00:00:00Z&month=2026-03`),
      );
      expect(response.status, `${dashboard}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(200);
      expect(typeof response.body).toBe('object');
    }
    const executive = await readJson(await run.call('/v1/dashboards/executive?asOf=2026-04-01T00:00:00Z'));
    expect(executive.body.mrr.value).toBe(120_000);
    expect((await run.call('/v1/dashboards/finance')).status).toBe(400);
  });
});
