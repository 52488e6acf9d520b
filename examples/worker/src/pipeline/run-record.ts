import type { Store } from '@kizuna/core';
import type { RunReport } from './run-report';

/** Result kind of the run record. */
export const runRecordKind = 'worker-run';
/** The `customerId` run records are stored under: they describe the whole workspace. */
export const runRecordOwner = 'workspace';

/**
 * Stores a run's report as its run record, keyed by (`worker-run`, `workspace`, asOf): a re-run of
 * the same instant replaces it.
 */
export async function writeRunRecord(store: Store, report: RunReport): Promise<void> {
  await store.putResult({
    kind: runRecordKind,
    customerId: runRecordOwner,
    asOf: report.asOf,
    value: JSON.parse(JSON.stringify(report)),
  });
}

/** The latest run records, newest first. */
export async function listRunRecords(
  store: Store,
  options: { readonly limit?: number } = {},
): Promise<RunReport[]> {
  const results = await store.listResults(runRecordKind, runRecordOwner, { limit: options.limit ?? 10 });
  return results.map((result) => result.value as unknown as RunReport);
}
