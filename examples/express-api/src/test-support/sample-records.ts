import type { RecordInputOf } from '@kizuna/core';

/** The instant the fixtures describe. */
export const sampleAsOf = '2026-04-01T00:00:00.000Z';

/** A B2B customer on a 20-measurement plan whose usage dropped, with an unpaid invoice and a detractor NPS. */
export const sampleCustomer: RecordInputOf<'customer'> = {
  id: 'acme',
  name: 'Acme Property Management',
  segment: 'b2b',
  plan: 'pro',
  createdAt: '2025-01-01T00:00:00Z',
  contract: {
    startsAt: '2025-04-01T00:00:00Z',
    endsAt: '2026-05-31T00:00:00Z',
    monthlyMeasurementLimit: 20,
    mrr: { amount: 80_000 },
    managedProperties: 120,
  },
};

/** A healthy B2C customer. */
export const otherCustomer: RecordInputOf<'customer'> = {
  id: 'hanako',
  name: 'Hanako Sato',
  segment: 'b2c',
  plan: 'standard',
  createdAt: '2026-03-01T00:00:00Z',
};

/** Usage of `acme`: logins and a few measurements in March 2026. */
export const sampleUsageEvents: RecordInputOf<'usageEvent'>[] = [
  { id: 'u1', customerId: 'acme', kind: 'login', occurredAt: '2026-03-20T01:00:00Z' },
  {
    id: 'u2',
    customerId: 'acme',
    kind: 'measurement',
    hours: 2,
    occurredAt: '2026-03-21T01:00:00Z',
    propertyId: 'p1',
  },
  {
    id: 'u3',
    customerId: 'acme',
    kind: 'report_delivered',
    reportId: 'r1',
    occurredAt: '2026-03-22T01:00:00Z',
  },
  { id: 'u4', customerId: 'acme', kind: 'report_view', reportId: 'r1', occurredAt: '2026-03-23T01:00:00Z' },
  { id: 'u5', customerId: 'hanako', kind: 'login', occurredAt: '2026-03-02T01:00:00Z' },
  { id: 'u6', customerId: 'hanako', kind: 'measurement', hours: 2, occurredAt: '2026-03-05T01:00:00Z' },
];

/** An invoice of `acme` issued 15 days before {@link sampleAsOf} and still unpaid. */
export const sampleInvoice: RecordInputOf<'invoice'> = {
  id: 'inv-1',
  customerId: 'acme',
  issuedAt: '2026-03-17T00:00:00Z',
  dueAt: '2026-03-24T00:00:00Z',
  amount: { amount: 80_000 },
};

/** Ingests the fixtures through the API (as the `write` key) and returns nothing; fails loudly. */
export async function seedSampleRecords(
  call: (path: string, init: { key: 'write'; json: unknown }) => Promise<Response>,
) {
  const batches: [string, unknown[]][] = [
    ['customer', [sampleCustomer, otherCustomer]],
    ['usage-event', sampleUsageEvents],
    ['invoice', [sampleInvoice]],
    [
      'survey-response',
      [{ id: 's1', customerId: 'acme', type: 'nps', score: 3, respondedAt: '2026-03-30T00:00:00Z' }],
    ],
  ];
  for (const [kind, records] of batches) {
    const response = await call(`/v1/records/${kind}`, { key: 'write', json: { records } });
    if (response.status !== 200)
      throw new Error(`seeding ${kind} failed: ${response.status} ${await response.text()}`);
  }
}
