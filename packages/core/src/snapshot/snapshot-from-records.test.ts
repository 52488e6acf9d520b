import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../errors/parse-input';
import { customerSchema } from '../schemas/customer';
import { interactionSchema } from '../schemas/interaction';
import { invoiceSchema, paymentSchema } from '../schemas/invoice';
import { subscriptionEventSchema } from '../schemas/subscription-event';
import { supportTicketSchema } from '../schemas/support-ticket';
import { surveyResponseSchema } from '../schemas/survey-response';
import { usageEventSchema } from '../schemas/usage-event';
import { createMemoryStore } from '../store/memory-store';
import { buildSnapshot, buildSnapshots } from './build-snapshot';
import { customerSnapshotSchema } from './customer-snapshot';
import { type CustomerRecords, snapshotFromRecords } from './snapshot-from-records';

const asOf = '2026-04-01T00:00:00.000Z'; // 09:00 on 1 April in Tokyo
const daysAgo = (days: number, hours = 0) =>
  new Date(Date.parse(asOf) - days * 86_400_000 - hours * 3_600_000).toISOString();

const customerInput = {
  id: 'c1',
  name: 'さくら不動産株式会社',
  segment: 'b2b',
  plan: 'pro',
  createdAt: '2025-01-15T00:00:00Z',
  contract: {
    startsAt: '2025-01-15T00:00:00Z',
    endsAt: '2026-06-30T15:00:00Z', // 1 July 00:00 in Tokyo
    monthlyMeasurementLimit: 10,
    mrr: { amount: 80_000 },
    managedProperties: 40,
  },
};

function fixture(): CustomerRecords {
  const usage = [
    // Windows of 30 days, newest last: 3 measurements in [asOf−30 d, asOf), 1 in the window before, 2 in the one before that.
    { id: 'm1', kind: 'measurement', occurredAt: daysAgo(1), hours: 2, propertyId: 'p1' },
    { id: 'm2', kind: 'measurement', occurredAt: daysAgo(10), hours: 1.5, propertyId: 'p2' },
    { id: 'm3', kind: 'measurement', occurredAt: daysAgo(29), hours: 2, propertyId: 'p1' },
    { id: 'm4', kind: 'measurement', occurredAt: daysAgo(45), hours: 3 },
    { id: 'm5', kind: 'measurement', occurredAt: daysAgo(61), hours: 2 },
    { id: 'm6', kind: 'measurement', occurredAt: daysAgo(89), hours: 2 },
    { id: 'm7', kind: 'measurement', occurredAt: daysAgo(200), hours: 5 },
    { id: 'future', kind: 'measurement', occurredAt: daysAgo(-1), hours: 9 },
    { id: 'l1', kind: 'login', occurredAt: daysAgo(3, 2) },
    { id: 'l2', kind: 'login', occurredAt: daysAgo(40) },
    { id: 'd1', kind: 'report_delivered', occurredAt: daysAgo(20), reportId: 'r1' },
    { id: 'd2', kind: 'report_delivered', occurredAt: daysAgo(15), reportId: 'r2' },
    { id: 'v1', kind: 'report_view', occurredAt: daysAgo(14), reportId: 'r1' },
    { id: 'f1', kind: 'feature_use', occurredAt: daysAgo(5), feature: 'export' },
    { id: 'f2', kind: 'feature_use', occurredAt: daysAgo(6), feature: 'api' },
    { id: 'f3', kind: 'feature_use', occurredAt: daysAgo(60), feature: 'alerts' },
  ].map((event) => usageEventSchema.parse({ customerId: 'c1', ...event }));
  return {
    customer: customerSchema.parse(customerInput),
    usageEvents: usage,
    supportTickets: [
      { id: 't1', openedAt: daysAgo(10), firstResponseAt: daysAgo(10, -2), resolvedAt: daysAgo(9) },
      { id: 't2', openedAt: daysAgo(5), escalatedAt: daysAgo(4) },
      { id: 't3', openedAt: daysAgo(100), resolvedAt: daysAgo(99) },
    ].map((ticket) => supportTicketSchema.parse({ customerId: 'c1', ...ticket })),
    surveyResponses: [
      { id: 's1', type: 'nps', score: 9, respondedAt: daysAgo(50) },
      { id: 's2', type: 'nps', score: 5, respondedAt: daysAgo(7) },
      { id: 's3', type: 'csat', score: 4, respondedAt: daysAgo(20) },
      { id: 's4', type: 'csat', score: 2, respondedAt: daysAgo(30) },
      { id: 's5', type: 'csat', score: 1, respondedAt: daysAgo(120) },
    ].map((response) => surveyResponseSchema.parse({ customerId: 'c1', ...response })),
    invoices: [
      // Unpaid, issued 15 days ago (Tokyo calendar), due 5 days ago.
      { id: 'i1', issuedAt: daysAgo(15), dueAt: daysAgo(5), amount: { amount: 80_000 } },
      // Paid 3 days late.
      {
        id: 'i2',
        issuedAt: daysAgo(45),
        dueAt: daysAgo(35),
        amount: { amount: 80_000 },
        paidAt: daysAgo(32),
      },
      // Paid by payments covering the amount.
      { id: 'i3', issuedAt: daysAgo(75), dueAt: daysAgo(65), amount: { amount: 80_000 } },
    ].map((invoice) => invoiceSchema.parse({ customerId: 'c1', ...invoice })),
    payments: [
      { id: 'p1', invoiceId: 'i3', paidAt: daysAgo(66), amount: { amount: 50_000 } },
      { id: 'p2', invoiceId: 'i3', paidAt: daysAgo(64), amount: { amount: 30_000 } },
      { id: 'p3', invoiceId: 'i2', paidAt: daysAgo(32), amount: { amount: 80_000 } },
    ].map((payment) => paymentSchema.parse({ customerId: 'c1', ...payment })),
    interactions: [
      { id: 'x1', sentiment: 'NEGATIVE', occurredAt: daysAgo(2) },
      { id: 'x2', sentiment: 'POSITIVE', occurredAt: daysAgo(3) },
      { id: 'x3', sentiment: 'NEGATIVE', occurredAt: daysAgo(4) },
      { id: 'x4', occurredAt: daysAgo(5) },
      { id: 'x5', sentiment: 'NEGATIVE', occurredAt: daysAgo(40) },
    ].map((interaction) =>
      interactionSchema.parse({
        customerId: 'c1',
        channel: 'chat',
        direction: 'inbound',
        text: 'text',
        ...interaction,
      }),
    ),
    subscriptionEvents: [
      { id: 'e1', type: 'start', subscriptionId: 's1', occurredAt: daysAgo(400), mrr: { amount: 100_000 } },
      { id: 'e2', type: 'change', subscriptionId: 's1', occurredAt: daysAgo(60), mrr: { amount: 80_000 } },
    ].map((event) => subscriptionEventSchema.parse({ customerId: 'c1', ...event })),
  };
}

describe('snapshotFromRecords', () => {
  const snapshot = snapshotFromRecords(fixture(), { asOf });

  it('counts usage per 30-day window, oldest first, ignoring the future', () => {
    expect(snapshot.usage.measurementsPer30Days).toEqual([0, 0, 0, 2, 1, 3]);
    expect(snapshot.usage.measurementsLast30Days).toBe(3);
    expect(snapshot.usage.measurementsLast90Days).toBe(6);
    expect(snapshot.usage.measurementsTotal).toBe(7);
    expect(snapshot.usage.measurementHoursLast90Days).toBe(2 + 1.5 + 2 + 3 + 2 + 2);
    expect(snapshot.usage.daysSinceLastMeasurement).toBe(1);
    expect(snapshot.contract?.propertiesMeasuredLast90Days).toBe(2);
  });

  it('derives engagement: last login in Tokyo calendar days, logins, viewed reports, features', () => {
    // Last login 3 days and 2 hours before 09:00 JST = 07:00 JST on 29 March: 3 calendar days.
    expect(snapshot.engagement.daysSinceLastLogin).toBe(3);
    expect(snapshot.engagement.loginsLast30Days).toBe(1);
    expect(snapshot.engagement.reportsDeliveredLast90Days).toBe(2);
    expect(snapshot.engagement.reportsViewedLast90Days).toBe(1);
    expect(snapshot.engagement.featuresUsedLast30Days).toEqual(['api', 'export']);
  });

  it('derives support figures, counting a ticket open until it is resolved', () => {
    expect(snapshot.support).toEqual({
      ticketsLast30Days: 2,
      ticketsLast90Days: 2,
      ticketsTotal: 3,
      openTickets: 1,
      escalatedLast90Days: 1,
      averageResolutionHours: 24,
      averageFirstResponseHours: 2,
    });
  });

  it('takes the latest NPS and the mean CSAT of 90 days', () => {
    expect(snapshot.satisfaction.latestNps).toEqual({ score: 5, respondedAt: daysAgo(7) });
    expect(snapshot.satisfaction.averageCsatLast90Days).toBe(3); // (4 + 2) / 2; the 120-day-old answer is out
    expect(snapshot.satisfaction.latestCes).toBeNull();
  });

  it('computes the negative ratio over labelled interactions of 30 days', () => {
    // 4 interactions in 30 days, 3 labelled, 2 of them negative.
    expect(snapshot.interactions.last30Days).toBe(4);
    expect(snapshot.interactions.labelledLast30Days).toBe(3);
    expect(snapshot.interactions.negativeRatioLast30Days).toBeCloseTo(2 / 3, 12);
    expect(snapshot.interactions.recent.map((interaction) => interaction.id)).toEqual([
      'x5',
      'x4',
      'x3',
      'x2',
      'x1',
    ]);
  });

  it('finds unpaid invoices with days since issue and days overdue, and average lateness', () => {
    expect(snapshot.financial.unpaidInvoices).toEqual([
      {
        id: 'i1',
        issuedAt: daysAgo(15),
        dueAt: daysAgo(5),
        amount: { amount: 80_000, currency: 'JPY' },
        daysSinceIssued: 15,
        daysOverdue: 5,
      },
    ]);
    expect(snapshot.financial.maxDaysOverdue).toBe(5);
    expect(snapshot.financial.averagePaymentDelayDays).toBe(3);
    expect(snapshot.financial.totalPaid).toEqual({ amount: 160_000, currency: 'JPY' });
  });

  it('reads the contract: renewal in Tokyo calendar days and tenure in whole months', () => {
    // 1 April 09:00 JST → 1 July 00:00 JST: 91 calendar days.
    expect(snapshot.contract?.daysUntilRenewal).toBe(91);
    expect(snapshot.contract?.tenureMonths).toBe(14);
  });

  it('follows subscription MRR and counts downgrades', () => {
    expect(snapshot.subscription).toEqual({
      currentMrr: { amount: 80_000, currency: 'JPY' },
      mrr90DaysAgo: { amount: 100_000, currency: 'JPY' },
      downgradesLast180Days: 1,
    });
  });

  it('produces a snapshot that its own schema accepts and returns unchanged', () => {
    expect(customerSnapshotSchema.safeParse(snapshot).success).toBe(true);
    // buildSnapshots({ reusable: true }) relies on this: the snapshot is its own parse.
    expect(customerSnapshotSchema.parse(snapshot)).toStrictEqual(snapshot);
  });

  it('gives null, not invented numbers, for a customer with no history', () => {
    const empty = snapshotFromRecords(
      {
        ...fixture(),
        usageEvents: [],
        supportTickets: [],
        surveyResponses: [],
        invoices: [],
        payments: [],
        interactions: [],
        subscriptionEvents: [],
      },
      { asOf },
    );
    expect(empty.engagement.daysSinceLastLogin).toBeNull();
    expect(empty.usage.daysSinceLastMeasurement).toBeNull();
    expect(empty.satisfaction.latestNps).toBeNull();
    expect(empty.interactions.negativeRatioLast30Days).toBeNull();
    expect(empty.financial.averagePaymentDelayDays).toBeNull();
    expect(empty.subscription.currentMrr).toBeNull();
    expect(customerSnapshotSchema.parse(empty)).toStrictEqual(empty);
  });

  it('does not depend on the order of the records', () => {
    const records = fixture();
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffle = <Item>(items: readonly Item[]) =>
          [...items].sort(
            (left, right) =>
              ((JSON.stringify(left).length * 31 + seed) % 7) -
              ((JSON.stringify(right).length * 17 + seed) % 5),
          );
        const shuffled: CustomerRecords = {
          ...records,
          usageEvents: shuffle(records.usageEvents),
          invoices: shuffle(records.invoices),
          interactions: shuffle(records.interactions),
          subscriptionEvents: shuffle(records.subscriptionEvents),
        };
        const built = snapshotFromRecords(shuffled, { asOf });
        expect(built).toEqual(snapshot);
        expect(customerSnapshotSchema.parse(built)).toStrictEqual(built);
      }),
      { numRuns: 20 },
    );
  });
});

describe('buildSnapshots', () => {
  it('builds the same snapshot from a store as from the records, for many customers at once', async () => {
    const store = createMemoryStore();
    const records = fixture();
    await store.putRecords('customer', [customerInput, { ...customerInput, id: 'c2', name: 'Other' }]);
    await store.putRecords('usageEvent', records.usageEvents);
    await store.putRecords('supportTicket', records.supportTickets);
    await store.putRecords('surveyResponse', records.surveyResponses);
    await store.putRecords('invoice', records.invoices);
    await store.putRecords('payment', records.payments);
    await store.putRecords('interaction', records.interactions);
    await store.putRecords('subscriptionEvent', records.subscriptionEvents);
    const [first, second] = await buildSnapshots(store, ['c1', 'c2', 'missing'], {
      asOf: '2026-04-01T00:00:00Z',
    });
    expect(first).toEqual(snapshotFromRecords(records, { asOf }));
    expect(second?.customer.id).toBe('c2');
    expect(second?.usage.measurementsTotal).toBe(0);
    expect(await buildSnapshot(store, 'c1', { asOf })).toEqual(first);
  });

  it('with reusable: true, returns frozen snapshots that parseInput takes as they are', async () => {
    const store = createMemoryStore();
    const records = fixture();
    await store.putRecords('customer', [customerInput]);
    await store.putRecords('usageEvent', records.usageEvents);
    const [plain] = await buildSnapshots(store, ['c1'], { asOf });
    const [reusable] = await buildSnapshots(store, ['c1'], { asOf, reusable: true });
    expect(reusable).toEqual(plain);
    expect(Object.isFrozen(reusable) && Object.isFrozen(reusable?.usage)).toBe(true);
    expect(Object.isFrozen(plain)).toBe(false);
    expect(parseInput(customerSnapshotSchema, reusable, 'snapshot')).toBe(reusable);
    expect(parseInput(customerSnapshotSchema, plain, 'snapshot')).not.toBe(plain);
  });

  it('throws NOT_FOUND for an unknown customer and names a bad option', async () => {
    const store = createMemoryStore();
    await expect(buildSnapshot(store, 'nobody', { asOf })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(buildSnapshot(store, 'nobody', { asOf, timeZone: 'Nowhere/City' })).rejects.toThrow(
      /→ at timeZone/,
    );
  });
});
