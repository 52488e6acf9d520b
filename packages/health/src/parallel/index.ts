/**
 * `@kizuna/health/parallel`: `usageSignalColumns` on several threads (Node.js `worker_threads`).
 * A separate entry because it needs Node built-ins; the main entry runs in browsers and edge runtimes
 * and never imports it.
 *
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { KizunaValidationError } from '@kizuna/core';
import { createWorkerChannel, startEntryWorker, toShared } from '@kizuna/core/threads';
import { createAccumulators, mergeAccumulators } from '../batch/usage-event-kernel';
import {
  accumulateEvents,
  finishUsageSignals,
  invalidIndexError,
  prepareUsageSignals,
  type UsageEventColumns,
  type UsageSignalColumns,
  type UsageSignalColumnsOptions,
  type UsageSignalRun,
} from '../batch/usage-signal-columns';
import type { WorkerAnswer, WorkerJob } from './protocol';

/** Options of {@link createUsageSignalPool}. */
export interface UsageSignalPoolOptions {
  /**
   * Threads that share each call, the calling thread included (it works on the first range of events
   * while `threads − 1` workers take the others). At least 1.
   * @defaultValue the smaller of 2 and `os.availableParallelism()`
   */
  readonly threads?: number;
}

/** Worker threads that derive usage signals together. Create one and reuse it; {@link UsageSignalPool.close} it when done. */
export interface UsageSignalPool {
  /** Threads per call, the calling thread included. */
  readonly threads: number;
  /**
   * `usageSignalColumns` over ranges of the events in parallel: the same validation, the same
   * errors, and results identical to the single-thread function to the last bit (counts add, feature
   * bits and report flags combine, the latest login wins).
   *
   * Columns backed by a `SharedArrayBuffer` are read in place by every thread; other columns are first
   * copied into shared memory, which costs about as much as the work saved — allocate the columns you
   * call this with in shared memory (see {@link toSharedColumns}).
   *
   * @throws KizunaValidationError as `usageSignalColumns` does, naming the first invalid event
   */
  usageSignalColumns(
    events: UsageEventColumns,
    options: UsageSignalColumnsOptions,
  ): Promise<UsageSignalColumns>;
  /** Stops the workers. Calls still running are rejected. */
  close(): Promise<void>;
}

function isShared(column: { readonly buffer: ArrayBufferLike } | undefined): boolean {
  return column === undefined || column.buffer instanceof SharedArrayBuffer;
}

/**
 * Copies usage event columns into `SharedArrayBuffer`s (columns already shared are kept), so that
 * {@link UsageSignalPool.usageSignalColumns} reads them in place on every thread. Do it once when the
 * events are loaded, not per call.
 *
 * @example
 * ```ts
 * import { toSharedColumns } from '@kizuna/health/parallel';
 *
 * const shared = toSharedColumns({
 *   customerIndex: Int32Array.of(0, 1),
 *   kind: Uint8Array.of(0, 1),
 *   occurredAt: Float64Array.of(Date.parse('2026-03-30T00:00:00Z'), Date.parse('2026-03-31T00:00:00Z')),
 * });
 * console.log(shared.kind.buffer instanceof SharedArrayBuffer); // true
 * ```
 */
export function toSharedColumns(events: UsageEventColumns): UsageEventColumns {
  return {
    customerIndex: toShared(events.customerIndex),
    kind: toShared(events.kind),
    occurredAt: toShared(events.occurredAt),
    ...(events.reportIndex === undefined ? {} : { reportIndex: toShared(events.reportIndex) }),
    ...(events.featureIndex === undefined ? {} : { featureIndex: toShared(events.featureIndex) }),
  };
}

/**
 * Starts `threads − 1` worker threads that compute `usageSignalColumns` together with the calling
 * thread: the events are split into equal ranges, each thread accumulates its range, and the ranges are
 * merged in order, so the result is identical to the single-thread function's. Workers are unref'd:
 * an idle pool does not keep the process alive.
 *
 * @throws KizunaValidationError when `threads` is not a whole number ≥ 1
 * @example
 * ```ts
 * import { usageEventKindCodes, usageSignalColumns } from '@kizuna/health';
 * import { createUsageSignalPool, toSharedColumns } from '@kizuna/health/parallel';
 *
 * const asOf = Date.parse('2026-04-01T00:00:00Z');
 * const events = toSharedColumns({
 *   customerIndex: Int32Array.of(0, 0, 1, 1),
 *   kind: Uint8Array.of(0, 1, 0, 0),
 *   occurredAt: Float64Array.of(asOf - 86_400_000, asOf - 2 * 86_400_000, asOf - 3_600_000, asOf - 40 * 86_400_000),
 * });
 * const options = { customerCount: 2, monthlyMeasurementLimit: [10, 10], asOf };
 * const pool = createUsageSignalPool({ threads: 2 });
 * const signals = await pool.usageSignalColumns(events, options);
 * await pool.close();
 * console.log(signals.usageRate); // Float64Array [0.1, 0.1]
 * console.log(signals.usageRate[1] === usageSignalColumns(events, options).usageRate[1]); // true
 * ```
 */
export function createUsageSignalPool(options: UsageSignalPoolOptions = {}): UsageSignalPool {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw KizunaValidationError.forField(
      'usage signal pool options',
      'threads',
      'expected a whole number ≥ 1',
    );
  }
  const workers = Array.from({ length: threads - 1 }, () =>
    createWorkerChannel<WorkerJob, WorkerAnswer>(startEntryWorker(import.meta.url), {
      name: 'usage signal worker',
    }),
  );
  let closed = false;

  return {
    threads,
    async usageSignalColumns(events, callOptions) {
      if (closed) throw new Error('usage signal pool is closed');
      const run: UsageSignalRun = prepareUsageSignals(events, callOptions);
      const { shape, eventCount } = run;
      const chunks = Math.max(1, Math.min(threads, eventCount));
      if (chunks === 1) {
        const accumulators = createAccumulators(shape);
        const invalid = accumulateEvents(run, accumulators, 0, eventCount);
        if (invalid !== -1) throw invalidIndexError(run, invalid);
        return finishUsageSignals(run, accumulators);
      }
      const shared =
        isShared(events.customerIndex) &&
        isShared(events.kind) &&
        isShared(events.occurredAt) &&
        isShared(events.reportIndex) &&
        isShared(events.featureIndex);
      const columns = shared ? events : toSharedColumns(events);
      const bounds = Array.from({ length: chunks + 1 }, (_, chunk) =>
        Math.floor((eventCount * chunk) / chunks),
      );
      const answers = Array.from({ length: chunks - 1 }, (_, index) =>
        workers[index]!.ask({
          columns,
          from: bounds[index + 1]!,
          to: bounds[index + 2]!,
          asOf: run.asOf,
          since30: run.since30,
          since90: run.since90,
          customers: shape.customers,
          stride: shape.stride,
          reportCount: shape.reportCount,
          featureCount: run.featureCount,
        }),
      );
      // The calling thread takes the first range meanwhile.
      const accumulators = createAccumulators(shape);
      const first = accumulateEvents(run, accumulators, bounds[0]!, bounds[1]!);
      const partials = await Promise.all(answers);
      // The first invalid event in event order: ranges are in order, each reports its first.
      const invalid = [first, ...partials.map((answer) => answer.invalid)].find((answer) => answer !== -1);
      if (invalid !== undefined) throw invalidIndexError(run, invalid);
      for (const partial of partials) mergeAccumulators(accumulators, partial.accumulators, shape);
      return finishUsageSignals(run, accumulators);
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((channel) => channel.close(new Error('usage signal pool is closed'))));
    },
  };
}
