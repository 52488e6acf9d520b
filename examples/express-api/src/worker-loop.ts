import type { Notifier, Store } from '@kizuna/core';
import { createInProcessScheduler, listRunRecords } from '@kizuna/example-worker';
import type { Logger } from 'pino';
import type { PipelineTrigger } from './api-context';
import { createNotifier } from './create-notifier';

/** Options of {@link startWorkerLoop}. */
export interface WorkerLoopOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly timeZone: string;
  readonly intervalSeconds: number;
  /** Where actions are delivered. @defaultValue one log line per action */
  readonly notifier?: Notifier;
  /** Start the first run at once. @defaultValue true */
  readonly runImmediately?: boolean;
}

/** The in-process pipeline: a trigger for the admin routes plus `stop()`. */
export interface WorkerLoop extends PipelineTrigger {
  stop(): Promise<void>;
}

/**
 * Runs the pipeline of `@kizuna/example-worker` (snapshots → health → churn → alerts, journeys and
 * expansion → outbox → delivery) in this process every `intervalSeconds`: the embedded default, one
 * process and no queue. Runs never overlap; `stop()` aborts the current one between batches.
 */
export function startWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const notifier = options.notifier ?? createNotifier({ logger: options.logger });
  const scheduler = createInProcessScheduler({
    store: options.store,
    notifier,
    logger: options.logger.child({ component: 'worker' }),
    timeZone: options.timeZone,
    intervalMilliseconds: options.intervalSeconds * 1000,
    runImmediately: options.runImmediately ?? true,
    onRun: (report) => options.logger.info({ run: report }, `pipeline run ${report.status}`),
  });
  scheduler.start();
  return {
    runNow: () => scheduler.runNow(),
    recentRuns: () => listRunRecords(options.store, { limit: 10 }),
    stop: () => scheduler.stop(),
  };
}
