import { parseInput, systemClock, toInstant } from '@kizuna/core';
import * as z from 'zod';
import type { PipelineOptions } from '../pipeline/pipeline-options';
import { runPipeline } from '../pipeline/run-pipeline';
import type { RunReport } from '../pipeline/run-report';

/** Scheduler settings (the pipeline options are passed through to every run). */
export const inProcessSchedulerOptionsSchema = z.object({
  /** Time between the start of one run and the start of the next, in milliseconds. */
  intervalMilliseconds: z.number().int().min(1_000, { error: 'expected at least 1000 ms between runs' }),
  /** Start the first run at once rather than after one interval. @defaultValue true */
  runImmediately: z.boolean().default(true),
});

/** Options of {@link createInProcessScheduler}. */
export type InProcessSchedulerOptions = Omit<PipelineOptions, 'asOf' | 'signal'> &
  z.input<typeof inProcessSchedulerOptionsSchema> & {
    /** Called with every run's report (completed, aborted or failed). */
    readonly onRun?: (report: RunReport) => void;
  };

/** Runs the pipeline on a timer inside this process. */
export interface InProcessScheduler {
  /** Starts the timer (and the first run when `runImmediately`). Calling it twice changes nothing. */
  start(): void;
  /** Stops the timer, aborts the run in progress between batches and waits for it to end. */
  stop(): Promise<void>;
  /** Runs now (or joins the run in progress) and resolves with its report. */
  runNow(): Promise<RunReport>;
  /** The report of the last finished run, if any. */
  readonly lastReport: RunReport | undefined;
  /** True while a run is in progress. */
  readonly running: boolean;
}

/**
 * Creates a scheduler that runs {@link runPipeline} every `intervalMilliseconds` in this process,
 * with `asOf` = the clock's now at the start of each run. Runs never overlap: a tick that falls
 * during a run is skipped. This is the embedded mode of the Express example; for more than one
 * process use the pg-boss or BullMQ queues of `src/main.ts`.
 *
 * @throws KizunaValidationError when the interval is invalid (invalid pipeline options fail `runNow`)
 * @example
 * ```ts
 * const scheduler = createInProcessScheduler({ store, notifier, intervalMilliseconds: 15 * 60_000 });
 * scheduler.start();
 * // ... on shutdown
 * await scheduler.stop();
 * ```
 */
export function createInProcessScheduler(options: InProcessSchedulerOptions): InProcessScheduler {
  const { intervalMilliseconds, runImmediately } = parseInput(
    inProcessSchedulerOptionsSchema,
    { intervalMilliseconds: options.intervalMilliseconds, runImmediately: options.runImmediately },
    'scheduler options',
  );
  const { onRun, intervalMilliseconds: _interval, runImmediately: _immediately, ...pipeline } = options;
  const clock = options.clock ?? systemClock;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<RunReport> | undefined;
  let controller: AbortController | undefined;
  let lastReport: RunReport | undefined;

  function runNow(): Promise<RunReport> {
    if (current !== undefined) return current;
    controller = new AbortController();
    const run = runPipeline({ ...pipeline, asOf: toInstant(clock.now()), signal: controller.signal })
      .then((report) => {
        lastReport = report;
        onRun?.(report);
        return report;
      })
      .finally(() => {
        current = undefined;
        controller = undefined;
      });
    current = run;
    return run;
  }

  const tick = () => {
    runNow().catch((error: unknown) => {
      pipeline.logger?.error({ err: error }, 'scheduled run could not start');
    });
  };

  return {
    start() {
      if (timer !== undefined) return;
      timer = setInterval(tick, intervalMilliseconds);
      if (runImmediately) tick();
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      controller?.abort();
      await current?.catch(() => undefined);
    },
    runNow,
    get lastReport() {
      return lastReport;
    },
    get running() {
      return current !== undefined;
    },
  };
}
