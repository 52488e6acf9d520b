import {
  type CustomerInput,
  customerSchema,
  idempotencyKey,
  planJourney,
  snapshotFromRecords,
  usageEventSchema,
} from '@kizuna/core';
import { type BenchSuite, formatNumber, medianMilliseconds } from '../bench-kit';

const asOf = '2026-04-01T00:00:00.000Z';

/** Core throughput: pure snapshot building and journey planning. */
const suite: BenchSuite = {
  name: 'core',
  async run() {
    const customer = customerSchema.parse({
      id: 'c1',
      name: 'Bench',
      segment: 'b2b',
      plan: 'pro',
      createdAt: '2025-01-01T00:00:00Z',
      contract: {
        startsAt: '2025-01-01T00:00:00Z',
        endsAt: '2026-12-31T00:00:00Z',
        monthlyMeasurementLimit: 20,
        mrr: { amount: 80_000 },
      },
    } satisfies CustomerInput);
    const usageEvents = Array.from({ length: 1_000 }, (_, index) =>
      usageEventSchema.parse({
        id: idempotencyKey(['e', index]),
        customerId: 'c1',
        kind: index % 3 === 0 ? 'measurement' : 'login',
        occurredAt: new Date(Date.parse(asOf) - (index + 1) * 3_600_000 * 8).toISOString(),
        hours: 2,
      }),
    );
    const records = {
      customer,
      usageEvents,
      supportTickets: [],
      surveyResponses: [],
      invoices: [],
      payments: [],
      interactions: [],
      subscriptionEvents: [],
    };
    const snapshots = 2_000;
    const snapshotMs = await medianMilliseconds(() => {
      for (let index = 0; index < snapshots; index += 1) snapshotFromRecords(records, { asOf });
    });
    const journey = {
      id: 'onboarding',
      name: 'Onboarding',
      anchor: 'signup',
      steps: [1, 3, 5, 7].map((day) => ({
        id: `day-${day}`,
        offset: { days: day },
        action: { type: 'video', channel: 'email' as const, title: `Day ${day}` },
      })),
    };
    const plans = 10_000;
    const planMs = await medianMilliseconds(() => {
      for (let index = 0; index < plans; index += 1)
        planJourney(journey, { customerId: `c${index}`, anchorAt: '2026-03-25T00:00:00Z' }, asOf);
    });
    return [
      {
        title: 'Core engines',
        rows: [
          {
            operation: 'snapshotFromRecords (1,000 usage events each)',
            'per second': formatNumber((snapshots / snapshotMs) * 1000),
          },
          {
            operation: 'planJourney (4 steps, validated)',
            'per second': formatNumber((plans / planMs) * 1000),
          },
        ],
      },
    ];
  },
};

export default suite;
