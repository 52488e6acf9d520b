import * as z from 'zod';
import { defaultTimeZone } from '../calendar/calendar';
import { KizunaError } from '../errors/kizuna-error';
import { parseInput } from '../errors/parse-input';
import { freezeForReuse, rememberParse } from '../errors/reusable-values';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/primitives';
import type { Store } from '../store/store';
import { type CustomerSnapshot, customerSnapshotSchema } from './customer-snapshot';
import { type CustomerRecords, snapshotFromRecords } from './snapshot-from-records';

/** Options of {@link buildSnapshot} and {@link buildSnapshots}. */
export const snapshotOptionsSchema = z.object({
  /** The instant to describe (ISO, UTC). Records at or after it are ignored. */
  asOf: instantSchema,
  /** Time zone for calendar-day counts. @defaultValue 'Asia/Tokyo' */
  timeZone: timeZoneSchema.default(defaultTimeZone),
  /**
   * Return the snapshots frozen for reuse (see `freezeForReuse`) and known to match
   * `customerSnapshotSchema`, which they were built to: engines that validate a snapshot with that
   * schema take it as it is, and other schemas validate it once each. For pipelines that hand one
   * snapshot to several engines. @defaultValue false
   */
  reusable: z.boolean().default(false),
});

/** Options of {@link buildSnapshot}. */
export type SnapshotOptions = z.input<typeof snapshotOptionsSchema>;

/**
 * Builds the customer-360 snapshot of one customer from a store.
 *
 * @throws KizunaError with code `NOT_FOUND` when the customer does not exist
 * @throws KizunaValidationError when the options are invalid
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [
 *   { id: 'cust-1', name: 'Sakura Homes', segment: 'b2c', plan: 'standard', createdAt: '2026-03-01T00:00:00Z' },
 * ]);
 * // Twelve two-hour measurements, one a day from 10 March.
 * await store.putRecords('usageEvent', Array.from({ length: 12 }, (_, day) => ({
 *   id: `m${day + 1}`, customerId: 'cust-1', kind: 'measurement', hours: 2,
 *   occurredAt: new Date(Date.UTC(2026, 2, 10 + day, 10)).toISOString(),
 * })));
 * const snapshot = await buildSnapshot(store, 'cust-1', { asOf: '2026-04-01T00:00:00Z' });
 * console.log(snapshot.usage.measurementsLast30Days); // 12
 * console.log(snapshot.usage.measurementHoursLast90Days); // 24
 * ```
 */
export async function buildSnapshot(
  store: Store,
  customerId: string,
  options: SnapshotOptions,
): Promise<CustomerSnapshot> {
  const [snapshot] = await buildSnapshots(store, [customerId], options);
  if (snapshot === undefined) {
    throw new KizunaError(`Customer "${customerId}" does not exist.`, { code: 'NOT_FOUND' });
  }
  return snapshot;
}

/**
 * Builds snapshots for many customers with one query per record kind (not one per customer), in the
 * order of `customerIds`. Customers that do not exist are left out.
 *
 * @throws KizunaValidationError when the ids or options are invalid
 */
export async function buildSnapshots(
  store: Store,
  customerIds: readonly string[],
  options: SnapshotOptions,
): Promise<CustomerSnapshot[]> {
  const ids = parseInput(z.array(idSchema), customerIds, 'customer ids');
  const { asOf, timeZone, reusable } = parseInput(snapshotOptionsSchema, options, 'snapshot options');
  if (ids.length === 0) return [];
  const query = { customerIds: ids, to: asOf };
  const [
    customers,
    usageEvents,
    supportTickets,
    surveyResponses,
    invoices,
    payments,
    interactions,
    subscriptionEvents,
  ] = await Promise.all([
    Promise.all(ids.map((id) => store.getRecord('customer', id))),
    store.listRecords('usageEvent', query),
    store.listRecords('supportTicket', query),
    store.listRecords('surveyResponse', query),
    store.listRecords('invoice', query),
    store.listRecords('payment', query),
    store.listRecords('interaction', query),
    store.listRecords('subscriptionEvent', query),
  ]);
  const grouped = new Map<
    string,
    { [Key in Exclude<keyof CustomerRecords, 'customer'>]: CustomerRecords[Key][number][] }
  >();
  for (const id of ids) {
    grouped.set(id, {
      usageEvents: [],
      supportTickets: [],
      surveyResponses: [],
      invoices: [],
      payments: [],
      interactions: [],
      subscriptionEvents: [],
    });
  }
  for (const event of usageEvents) grouped.get(event.customerId)?.usageEvents.push(event);
  for (const ticket of supportTickets) grouped.get(ticket.customerId)?.supportTickets.push(ticket);
  for (const response of surveyResponses) grouped.get(response.customerId)?.surveyResponses.push(response);
  for (const invoice of invoices) grouped.get(invoice.customerId)?.invoices.push(invoice);
  for (const payment of payments) grouped.get(payment.customerId)?.payments.push(payment);
  for (const interaction of interactions) grouped.get(interaction.customerId)?.interactions.push(interaction);
  for (const event of subscriptionEvents) grouped.get(event.customerId)?.subscriptionEvents.push(event);

  const snapshots: CustomerSnapshot[] = [];
  ids.forEach((id, index) => {
    const customer = customers[index];
    const records = grouped.get(id);
    if (customer === undefined || records === undefined) return;
    const snapshot = snapshotFromRecords({ customer, ...records }, { asOf, timeZone });
    // Built from validated records by the code the schema describes: the parse would return an
    // equal object (checked by the snapshot tests), so remember the snapshot as its own parse.
    if (reusable) rememberParse(customerSnapshotSchema, freezeForReuse(snapshot), snapshot);
    snapshots.push(snapshot);
  });
  return snapshots;
}
