// Test-only helpers: build core snapshots from a few readable records (not exported by the package).
import {
  type CustomerInput,
  type CustomerSnapshot,
  customerSchema,
  interactionSchema,
  invoiceSchema,
  snapshotFromRecords,
  supportTicketSchema,
  surveyResponseSchema,
  usageEventSchema,
} from '@kizuna/core';

export const asOf = '2026-04-01T00:00:00.000Z';
const day = 86_400_000;

/** An instant `days` days before {@link asOf} (fractional days allowed). */
export function daysAgo(days: number): string {
  return new Date(Date.parse(asOf) - days * day).toISOString();
}

export function daysFromNow(days: number): string {
  return new Date(Date.parse(asOf) + days * day).toISOString();
}

export interface FixtureRecords {
  customer?: Partial<CustomerInput>;
  usageEvents?: readonly Record<string, unknown>[];
  supportTickets?: readonly Record<string, unknown>[];
  surveyResponses?: readonly Record<string, unknown>[];
  invoices?: readonly Record<string, unknown>[];
  interactions?: readonly Record<string, unknown>[];
}

/** A B2B customer (limit 20 measurements/month, contract ending in 60 days) with the given records. */
export function b2bSnapshot(records: FixtureRecords = {}, at: string = asOf): CustomerSnapshot {
  const customer = customerSchema.parse({
    id: 'acme',
    name: 'Acme Property',
    segment: 'b2b',
    plan: 'pro',
    createdAt: '2025-01-01T00:00:00Z',
    contract: {
      startsAt: '2025-04-01T00:00:00Z',
      endsAt: daysFromNow(60),
      monthlyMeasurementLimit: 20,
      mrr: { amount: 80_000 },
      managedProperties: 100,
    },
    ...records.customer,
  });
  const withCustomer = (list: readonly Record<string, unknown>[] | undefined) =>
    (list ?? []).map((record, index) => ({ id: `r${index}`, customerId: customer.id, ...record }));
  return snapshotFromRecords(
    {
      customer,
      usageEvents: withCustomer(records.usageEvents).map((event) => usageEventSchema.parse(event)),
      supportTickets: withCustomer(records.supportTickets).map((ticket) => supportTicketSchema.parse(ticket)),
      surveyResponses: withCustomer(records.surveyResponses).map((survey) =>
        surveyResponseSchema.parse(survey),
      ),
      invoices: withCustomer(records.invoices).map((invoice) => invoiceSchema.parse(invoice)),
      payments: [],
      interactions: withCustomer(records.interactions).map((interaction) =>
        interactionSchema.parse(interaction),
      ),
      subscriptionEvents: [],
    },
    { asOf: at },
  );
}

/** `count` measurement events spread over the last `withinDays` days. */
export function measurements(
  count: number,
  withinDays = 29,
  propertyPrefix = 'p',
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `m${withinDays}-${index}`,
    kind: 'measurement',
    hours: 2,
    propertyId: `${propertyPrefix}${index}`,
    occurredAt: daysAgo(1 + (index * (withinDays - 1)) / Math.max(1, count)),
  }));
}
