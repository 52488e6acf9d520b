import { createConsoleNotifier, createManualClock } from '@kizuna/core';
import { runPipeline } from '@kizuna/example-worker';
import { createEmbeddedStore } from '@kizuna/postgres';
import { type DatasetOptions, generateDataset } from './generate/generate-dataset';
import { loadDataset } from './load-dataset';
import { replayRecentChats } from './replay-recent-chats';

/** What {@link seedDemoStore} put in the folder. */
export interface SeededDemo {
  readonly customers: number;
  readonly b2bCustomers: number;
  /** Customers the pipeline scored. */
  readonly scored: number;
  readonly actionsEnqueued: number;
  readonly seconds: number;
}

/**
 * The demo's data in a PGlite folder, as `npm run demo` leaves it minus the churn evaluation and
 * the noise recording: the seeded dataset (the demo's default scale unless `dataset` says
 * otherwise) loaded, the last 30 days of chats replayed through the bot, and the worker pipeline
 * run once at `asOf`. The store is closed on return, so an API process can open the folder.
 */
export async function seedDemoStore(options: {
  readonly dataDir: string;
  readonly asOf: string;
  readonly dataset?: Omit<DatasetOptions, 'asOf'>;
}): Promise<SeededDemo> {
  const started = performance.now();
  const dataset = generateDataset({ ...options.dataset, asOf: options.asOf });
  const store = await createEmbeddedStore({ dataDir: options.dataDir });
  try {
    await loadDataset(store, dataset);
    await replayRecentChats(store, dataset, options.asOf);
    const report = await runPipeline({
      store,
      asOf: options.asOf,
      clock: createManualClock(options.asOf),
      notifier: createConsoleNotifier({ write: () => {} }),
    });
    if (report.status !== 'completed')
      throw new Error(`The pipeline run ${report.status}: ${report.error ?? 'no reason given'}`);
    return {
      customers: dataset.customer.length,
      b2bCustomers: dataset.customer.filter((customer) => customer.segment === 'b2b').length,
      scored: report.customers.scored,
      actionsEnqueued: report.actions.enqueued,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}
