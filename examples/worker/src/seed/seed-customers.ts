import type { Store } from '@kizuna/core';
import { type GenerateCustomersOptions, generateCustomers } from './generate-customers';

/**
 * Writes {@link generateCustomers}'s records into a store through its bulk path (`putRecords` in
 * chunks of `chunkSize`, one transaction each on PostgreSQL). Idempotent: records are keyed by id.
 *
 * @returns how many records of each kind were written
 */
export async function seedCustomers(
  store: Store,
  options: GenerateCustomersOptions & { readonly chunkSize?: number },
): Promise<Record<string, number>> {
  const records = generateCustomers(options);
  const chunkSize = options.chunkSize ?? 5_000;
  const written: Record<string, number> = {};
  for (const kind of ['customer', 'usageEvent', 'surveyResponse'] as const) {
    const all = records[kind];
    for (let start = 0; start < all.length; start += chunkSize) {
      await store.putRecords(kind, all.slice(start, start + chunkSize));
    }
    written[kind] = all.length;
  }
  return written;
}
