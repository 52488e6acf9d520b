import type { CustomerInput } from '@kizuna/core';

/** Options of {@link generateCustomers}. */
export interface GenerateCustomersOptions {
  /** How many customers. */
  readonly count: number;
  /** The instant the records lead up to (records are all before it). */
  readonly asOf: string;
  /** Prefix of the ids, which are `<prefix><7-digit index>` so id order is index order. @defaultValue 'cust-' */
  readonly idPrefix?: string;
  /** Every n-th customer (from the first) answered NPS 3 two days before `asOf`: a detractor alert. @defaultValue 100 */
  readonly detractorEvery?: number;
  /** Every n-th customer (offset by one) is a B2B account with a contract and usage. @defaultValue 10 */
  readonly businessEvery?: number;
}

/** Records for {@link generateCustomers}, ready for `store.putRecords(kind, records)`. */
export interface GeneratedRecords {
  readonly customer: CustomerInput[];
  readonly surveyResponse: unknown[];
  readonly usageEvent: unknown[];
}

const day = 86_400_000;

/** The id of the customer at `index`. */
export function generatedCustomerId(index: number, idPrefix = 'cust-'): string {
  return `${idPrefix}${String(index).padStart(7, '0')}`;
}

/**
 * Generates a deterministic customer base for runs, tests and benchmarks: mostly B2C customers with
 * no activity (cheap to score), every `businessEvery`-th a B2B account whose usage varies, and every
 * `detractorEvery`-th a detractor whose NPS answer fires the detractor alert (three actions: Slack
 * the CSM, a call, an improvement proposal). The same options always give the same records.
 */
export function generateCustomers(options: GenerateCustomersOptions): GeneratedRecords {
  const asOf = Date.parse(options.asOf);
  const idPrefix = options.idPrefix ?? 'cust-';
  const detractorEvery = options.detractorEvery ?? 100;
  const businessEvery = options.businessEvery ?? 10;
  const customer: CustomerInput[] = [];
  const surveyResponse: unknown[] = [];
  const usageEvent: unknown[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const id = generatedCustomerId(index, idPrefix);
    const createdAt = new Date(asOf - (400 + (index % 300)) * day).toISOString();
    if (index % businessEvery === 1) {
      const limit = 10 + (index % 3) * 10;
      customer.push({
        id,
        name: `Property Management ${index}`,
        segment: 'b2b',
        plan: 'pro',
        createdAt,
        contract: {
          startsAt: createdAt,
          endsAt: new Date(asOf + (120 + (index % 200)) * day).toISOString(),
          monthlyMeasurementLimit: limit,
          mrr: { amount: 80_000 },
          managedProperties: 40,
        },
      });
      const measurements = index % 4 === 1 ? Math.floor(limit * 0.3) : limit;
      for (let event = 0; event < measurements; event += 1) {
        usageEvent.push({
          id: `${id}-m${event}`,
          customerId: id,
          kind: 'measurement',
          occurredAt: new Date(asOf - (1 + event) * day + 3_600_000).toISOString(),
          hours: 2,
        });
      }
      usageEvent.push({
        id: `${id}-login`,
        customerId: id,
        kind: 'login',
        occurredAt: new Date(asOf - (index % 20) * day - 3_600_000).toISOString(),
      });
    } else {
      customer.push({ id, name: `Customer ${index}`, segment: 'b2c', plan: 'standard', createdAt });
    }
    if (index % detractorEvery === 0) {
      surveyResponse.push({
        id: `${id}-nps`,
        customerId: id,
        type: 'nps',
        score: 3,
        respondedAt: new Date(asOf - 2 * day).toISOString(),
      });
    }
  }
  return { customer, surveyResponse, usageEvent };
}
