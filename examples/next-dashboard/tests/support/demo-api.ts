import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createConsoleNotifier, createManualClock } from '@kizuna/core';
import { createEmbeddedStore } from '@kizuna/postgres';
import { generateDataset } from '../../../demo/src/generate/generate-dataset';
import { loadDataset } from '../../../demo/src/load-dataset';
import { replayRecentChats } from '../../../demo/src/replay-recent-chats';
import { generateApiKey } from '../../../express-api/src/api-keys';
import { createApp } from '../../../express-api/src/create-app';
import { runPipeline } from '../../../worker/src/index';

// pino is the API's dependency, not the dashboard's: load it from the API's package.
const requireFromApi = createRequire(new URL('../../../express-api/package.json', import.meta.url));
const { pino } = requireFromApi('pino') as typeof import('pino');

/** The instant the demo data describes ("now" for the API and the dashboard). */
export const demoAsOf = '2026-11-20T00:00:00.000Z';

/** A running Express API over a seeded in-memory PGlite store. */
export interface DemoApi {
  readonly url: string;
  /** A key with the `write` scope (the dashboard's). */
  readonly key: string;
  readonly asOf: string;
  /** Customers the pipeline scored. */
  readonly scored: number;
  close(): Promise<void>;
}

/** Options of {@link startDemoApi}. */
export interface DemoApiOptions {
  /** @defaultValue 0 (any free port) */
  readonly port?: number;
  /** @defaultValue 20 */
  readonly b2bCustomers?: number;
  /** @defaultValue 50 */
  readonly b2cCustomers?: number;
  /** @defaultValue 100 */
  readonly leads?: number;
}

/**
 * Starts the Express API on 127.0.0.1 over an in-memory PGlite store seeded with a small,
 * deterministic demo dataset, after one run of the worker pipeline (so health, churn and alerts
 * exist). The API's clock is fixed at {@link demoAsOf}.
 */
export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  const dataset = generateDataset({
    asOf: demoAsOf,
    b2bCustomers: options.b2bCustomers ?? 20,
    b2cCustomers: options.b2cCustomers ?? 50,
    leads: options.leads ?? 100,
  });
  const store = await createEmbeddedStore();
  await loadDataset(store, dataset);
  await replayRecentChats(store, dataset, demoAsOf);
  const clock = createManualClock(demoAsOf);
  const report = await runPipeline({
    store,
    asOf: demoAsOf,
    clock,
    notifier: createConsoleNotifier({ write: () => {} }),
  });
  if (report.status !== 'completed') throw new Error(`The demo pipeline run ${report.status}`);
  const { key, stored } = generateApiKey({ name: 'dashboard', scope: 'write', requestsPerMinute: 100_000 });
  const { app } = createApp({ store, apiKeys: [stored], clock, logger: pino({ level: 'silent' }) });
  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    key,
    asOf: demoAsOf,
    scored: report.customers.scored,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
