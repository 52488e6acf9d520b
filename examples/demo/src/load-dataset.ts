import type { RecordKind, Store } from '@kizuna/core';
import type { DemoDataset } from './generate/generate-dataset';

/** The order records are loaded in: customers first, so every other record has its owner. */
const loadOrder: readonly RecordKind[] = [
  'customer',
  'usageEvent',
  'supportTicket',
  'surveyResponse',
  'invoice',
  'payment',
  'interaction',
  'subscriptionEvent',
  'lead',
  'emailEngagement',
  'consultation',
  'funnelCustomer',
  'customerSuccess',
  'kpiDaily',
];

/** Loads the dataset into the store in chunks, returning how many records of each kind it stored. */
export async function loadDataset(
  store: Store,
  dataset: DemoDataset,
  chunkSize = 5_000,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of loadOrder) {
    const records = dataset[kind] as readonly unknown[];
    for (let start = 0; start < records.length; start += chunkSize) {
      await store.putRecords(kind, records.slice(start, start + chunkSize));
    }
    counts[kind] = records.length;
  }
  return counts;
}
