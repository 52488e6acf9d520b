/**
 * `@kizuna/funnel/parallel` — the columnar funnel on several Node worker threads. A separate entry
 * because it needs `node:worker_threads`; the main entry stays free of Node built-ins so it runs in
 * browsers and edge runtimes.
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { parseInput } from '@kizuna/core';
import { createWorkerChannel, startEntryWorker, toShared } from '@kizuna/core/threads';
import * as z from 'zod';
import {
  bucketBlockCount,
  bucketRangeCount,
  defaultBlockShift,
  layOutSegments,
  type StepEventBuckets,
} from '../events/bucket-simple-funnel';
import {
  computeFunnel,
  computePreparedFunnel,
  type FunnelResult,
  finishSimpleFunnel,
  isSimpleSequential,
  prepareFunnel,
  type StepTimeSummaries,
} from '../events/compute-funnel';
import {
  type ColumnScan,
  checkColumnShapes,
  type EventColumns,
  type EventsInput,
  mergeColumnScans,
} from '../events/event-input';
import { type FunnelOptionsInput, funnelOptionsSchema } from '../events/funnel-options';
import type { StepTimesSink } from '../events/simple-chain';
import type { DistributionSummary } from '../statistics/quantiles';
import type { FunnelTask, RangePart, SharedStepTimes, TaskResponse, TaskResult } from './protocol';
import { createScratchStore, scratchStores } from './scratch-store';
import { runTask } from './tasks';

/** Options of {@link createFunnelPool}. */
export const funnelPoolOptionsSchema = z.object({
  /**
   * Threads that run the funnel, the calling thread included (so `threads − 1` workers are started).
   * @defaultValue `os.availableParallelism()`
   */
  threads: z.number().int().min(1).max(256).optional(),
  /**
   * Inputs with fewer events per thread use fewer threads: below it, starting a range on a worker
   * costs more than it saves. @defaultValue 65536
   */
  minEventsPerThread: z.number().int().min(1).default(65_536),
});

/** Funnel pool options as you may write them. */
export type FunnelPoolOptionsInput = z.input<typeof funnelPoolOptionsSchema>;

/**
 * `computeFunnel` on several threads. Results are deep-equal to `computeFunnel` on the same input,
 * except one case: see {@link FunnelPool.computeFunnel}.
 */
export interface FunnelPool {
  /** Threads that run the funnel, the calling thread included. */
  readonly threads: number;
  /**
   * Like `computeFunnel(events, options)`. Columnar input with a simple sequential funnel (sequential
   * order, distinct steps, no optional steps, exclusions or times between steps) and no breakdown or
   * trend is split over the threads step by step: each validates a part of the rows; then, rows in
   * user order, thread k streams the users with index in [k·U/T, (k+1)·U/T); rows in any other
   * order, each thread buckets its part of the rows by block of users and then runs its share of
   * the blocks; every user's events stay in one thread. Step counts add, step times are closed up
   * in user order and their percentiles selected, on the threads, by `computeFunnel`'s code. The
   * result is deep-equal to `computeFunnel`'s, except that on rows grouped by user with users out of
   * index order a mean of fractional-millisecond times may differ in its last bits (summed in
   * another order). Anything else (arrays of event objects, other funnels, breakdowns, trends)
   * runs `computeFunnel` on the calling thread. Columns on `SharedArrayBuffer`s (see {@link
   * toSharedColumns}) are read in place, by every step of the call after validation: do not modify
   * them until the returned promise settles. Others are copied into the pool's shared scratch
   * buffers first. The pool keeps its scratch buffers between calls, at most as many bytes as its
   * largest call has asked for, until `close()`. Rejects with `KizunaValidationError` like
   * `computeFunnel`, and with an error when the pool is closed before or during the call.
   */
  computeFunnel(events: EventsInput, options: FunnelOptionsInput): Promise<FunnelResult>;
  /** Stops the workers and drops the scratch buffers. Calls in flight and later calls reject. */
  close(): Promise<void>;
}

/**
 * Copies the `user`, `name` and `timestamp` columns into `SharedArrayBuffer`s (columns already
 * there are kept), so a {@link FunnelPool} reads them in place on every call. `names` and
 * `properties` are kept as they are.
 *
 * @example
 * ```ts
 * import { toSharedColumns } from '@kizuna/funnel/parallel';
 *
 * const columns = toSharedColumns({
 *   user: Int32Array.of(0, 0, 1),
 *   name: Uint8Array.of(0, 1, 0),
 *   names: ['signup', 'pay'],
 *   timestamp: Float64Array.of(1000, 2000, 1500),
 * });
 * console.log(columns.user.buffer instanceof SharedArrayBuffer); // true
 * ```
 */
export function toSharedColumns(columns: EventColumns): EventColumns {
  return {
    ...columns,
    user: toShared(columns.user),
    name: toShared(columns.name),
    timestamp: toShared(columns.timestamp),
  };
}

function isColumns(events: EventsInput): events is EventColumns {
  return !Array.isArray(events) && typeof events === 'object' && events !== null && 'user' in events;
}

/**
 * Starts a pool of worker threads that compute columnar funnels. Call `close()` when done; idle
 * workers do not keep the process alive.
 *
 * @param options - the number of threads and the smallest share of events worth a thread
 * @throws KizunaValidationError on bad options
 * @example
 * ```ts
 * import { computeFunnel } from '@kizuna/funnel';
 * import { createFunnelPool, toSharedColumns } from '@kizuna/funnel/parallel';
 *
 * const columns = toSharedColumns({
 *   user: Int32Array.of(0, 0, 0, 1, 1, 2),
 *   name: Uint8Array.of(0, 1, 2, 0, 1, 0),
 *   names: ['signup', 'activate', 'pay'],
 *   timestamp: Float64Array.of(0, 3_600_000, 7_200_000, 0, 60_000, 0),
 * });
 * const options = { steps: ['signup', 'activate', 'pay'], window: { days: 7 } };
 * const pool = createFunnelPool({ threads: 2, minEventsPerThread: 1 });
 * const result = await pool.computeFunnel(columns, options);
 * console.log(result.steps.map((step) => step.count)); // [3, 2, 1]
 * console.log(JSON.stringify(result) === JSON.stringify(computeFunnel(columns, options))); // true
 * await pool.close();
 * ```
 */
export function createFunnelPool(options: FunnelPoolOptionsInput = {}): FunnelPool {
  const parsed = parseInput(funnelPoolOptionsSchema, options, 'funnel pool options');
  const threads = parsed.threads ?? Math.max(1, availableParallelism());
  let closed = false;
  /** Set when a worker dies: later calls reject with it instead of waiting for ever. */
  let broken: Error | null = null;

  /** Scratch memory kept between calls, bounded by the largest call's (see scratch-store.ts). */
  const scratchStore = createScratchStore();
  const closedError = () => new Error('the funnel pool was closed');

  // A worker keeps the process alive only while it owes an answer (the channel refs and unrefs it).
  const workers = Array.from({ length: threads - 1 }, () =>
    createWorkerChannel<FunnelTask, TaskResult, TaskResponse>(startEntryWorker(import.meta.url), {
      name: 'a funnel worker',
      unwrap: (response) => {
        if (response.error !== null) throw new Error(`funnel worker failed: ${response.error}`);
        return response.result;
      },
      onFailure: (error) => {
        broken ??= error;
      },
    }),
  );

  /**
   * Runs `task(0)` on the calling thread and `task(k)` on worker k − 1 for k < `count`, and returns
   * their results in order. One step of a call: the next step starts when every thread is done.
   */
  const onThreads = async <Result extends TaskResult>(
    count: number,
    task: (thread: number) => FunnelTask,
  ): Promise<Result[]> => {
    // close() may have run while the call awaited its previous step: a terminated worker never
    // answers, so post nothing.
    if (closed) throw closedError();
    if (broken !== null) throw broken;
    const answers: Promise<TaskResult>[] = [];
    for (let thread = 1; thread < count; thread += 1) answers.push(workers[thread - 1]!.ask(task(thread)));
    let own: TaskResult;
    try {
      own = runTask(task(0));
    } catch (error) {
      // Let the workers finish this step before the call fails, so no answer is left unheard.
      await Promise.allSettled(answers);
      throw error;
    }
    // Every thread done, even when one failed: none may still write the call's scratch memory
    // once the call gives it back.
    const settled = await Promise.allSettled(answers);
    const results: TaskResult[] = [own];
    for (const answer of settled) {
      if (answer.status === 'rejected') throw answer.reason;
      results.push(answer.value);
    }
    return results as Result[];
  };

  const run = async (events: EventsInput, options: FunnelOptionsInput): Promise<FunnelResult> => {
    if (closed) throw closedError();
    if (broken !== null) throw broken;
    // What computeFunnel checks first, in its order: the options, then the columns' shapes.
    const funnel = parseInput(funnelOptionsSchema, options, 'funnel options');
    if (!isColumns(events)) return computeFunnel(events, options);
    checkColumnShapes(events);
    const count = events.user.length;
    const eventParts = Math.max(1, Math.min(threads, Math.floor(count / parsed.minEventsPerThread)));
    if (
      eventParts === 1 ||
      !isSimpleSequential(funnel) ||
      funnel.breakdown !== undefined ||
      funnel.trend !== undefined
    )
      return computeFunnel(events, options);
    // Ordinary columns are copied into scratch buffers too: fresh shared buffers on every call
    // would pile up until each worker's garbage collector, which sees little garbage, lets them go.
    const lease = scratchStore.lease();
    const scratch = (bytes: number) => lease.borrow(bytes);
    try {
      const columns: EventColumns = {
        ...events,
        user: toShared(events.user, scratch),
        name: toShared(events.name, scratch),
        timestamp: toShared(events.timestamp, scratch),
      };
      const { user, name, timestamp } = columns;
      const eventStart = (part: number) => Math.floor((part * count) / eventParts);

      // Validation: each thread scans a part of the events; errors are thrown by the same checks as
      // computeFunnel's, over the merged scan.
      const scans = await onThreads<ColumnScan>(eventParts, (part) => ({
        kind: 'scan',
        user,
        name,
        timestamp,
        from: eventStart(part),
        to: eventStart(part + 1),
      }));
      const prepared = prepareFunnel(columns, options, mergeColumnScans(user, scans));
      const { normalized, plan } = prepared;
      const userCount = normalized.userCount;
      const useThreads = Math.min(eventParts, userCount);
      if (useThreads === 1) return computePreparedFunnel(prepared);
      const stepCount = plan.stepCount;
      // With times, every range writes its step-s times into one shared region per step, from
      // (s − 1) × userCount + its first user on: room for all of its users.
      const room = Math.max(0, stepCount - 1) * userCount;
      const times: SharedStepTimes | null = funnel.timeToConvert
        ? {
            userCount,
            fromPrevious: new Float64Array(scratch(room * 8), 0, room),
            fromFirst: new Float64Array(scratch(room * 8), 0, room),
          }
        : null;

      let parts: RangePart[];
      /** The first user of each thread's range. */
      let firstUser: (thread: number) => number;
      if (normalized.usersAscending) {
        // Rows in user order: each thread streams the slice of its users.
        firstUser = (thread) => Math.floor((thread * userCount) / useThreads);
        parts = await onThreads<RangePart>(useThreads, (thread) => ({
          kind: 'slice',
          plan,
          user,
          name,
          timestamp,
          userFrom: firstUser(thread),
          userTo: firstUser(thread + 1),
          times,
        }));
      } else {
        // Rows in any order: each thread counts, then scatters, its part of the events into segments
        // by block of users (part after part in each range, so each user's events keep their
        // order), then runs its share of the blocks.
        const rangeCount = bucketRangeCount(userCount);
        const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * 4));
        const counts = Array.from({ length: useThreads }, () => sharedInt32(rangeCount));
        const partStart = (part: number) => Math.floor((part * count) / useThreads);
        await onThreads<null>(useThreads, (part) => ({
          kind: 'count',
          plan,
          user,
          name,
          from: partStart(part),
          to: partStart(part + 1),
          counts: counts[part]!,
        }));
        const starts = Array.from({ length: useThreads }, () => sharedInt32(rangeCount));
        const { total, largestBlock } = layOutSegments(counts, starts);
        const ends = starts.map((start) => {
          const end = sharedInt32(rangeCount);
          end.set(start);
          return end;
        });
        const buckets: StepEventBuckets = {
          blockShift: defaultBlockShift,
          blockCount: bucketBlockCount(userCount),
          starts,
          ends,
          eventTime: new Float64Array(scratch(total * 8), 0, total),
          eventKey: new Uint16Array(scratch(total * 2), 0, total),
          eventIndex: new Int32Array(0),
          largestBlock,
        };
        await onThreads<null>(useThreads, (part) => ({
          kind: 'scatter',
          plan,
          user,
          name,
          timestamp,
          from: partStart(part),
          to: partStart(part + 1),
          cursor: ends[part]!,
          eventTime: buckets.eventTime,
          eventKey: buckets.eventKey,
        }));
        const blockStart = (thread: number) => Math.floor((thread * buckets.blockCount) / useThreads);
        firstUser = (thread) => Math.min(userCount, blockStart(thread) << buckets.blockShift);
        parts = await onThreads<RangePart>(useThreads, (thread) => ({
          kind: 'blocks',
          plan,
          buckets,
          userCount,
          blockFrom: blockStart(thread),
          blockTo: blockStart(thread + 1),
          times,
        }));
      }

      // Merge: users per furthest step add; each step's times are moved down, range after range, so
      // they follow each other from (s − 1) × userCount on, as the single-thread kernel leaves them.
      const tally = new Int32Array(stepCount);
      for (const part of parts)
        for (let step = 0; step < stepCount; step += 1) tally[step]! += part.tally[step]!;
      let sink: StepTimesSink | undefined;
      let summarized: StepTimeSummaries | undefined;
      if (times !== null) {
        sink = {
          cursor: Int32Array.from({ length: stepCount }, (_, step) => Math.max(0, step - 1) * userCount),
          fromPrevious: times.fromPrevious,
          fromFirst: times.fromFirst,
        };
        parts.forEach((part, thread) => {
          for (let step = 1; step < stepCount; step += 1) {
            const from = (step - 1) * userCount + firstUser(thread);
            const to = part.timesEnd![step]!;
            const at = sink!.cursor[step]!;
            if (at !== from) {
              sink!.fromPrevious.copyWithin(at, from, to);
              if (step > 1) sink!.fromFirst.copyWithin(at, from, to);
            }
            sink!.cursor[step] = at + (to - from);
          }
        });
        summarized = await summarizeOnThreads(sink, stepCount, userCount, useThreads);
      }
      return finishSimpleFunnel(prepared, userCount, tally, sink, summarized);
    } finally {
      // Dropped instead when the pool closed meanwhile.
      lease.giveBack();
    }
  };

  /**
   * Each step's time distributions (from the previous step; from step 0 after step 1) summarised
   * by {@link summarizeInPlace} on the threads, largest first to the least loaded thread.
   */
  const summarizeOnThreads = async (
    sink: StepTimesSink,
    stepCount: number,
    userCount: number,
    useThreads: number,
  ): Promise<StepTimeSummaries> => {
    const distributions: { step: number; fromFirst: boolean; values: Float64Array }[] = [];
    for (let step = 1; step < stepCount; step += 1) {
      const from = (step - 1) * userCount;
      const to = sink.cursor[step]!;
      distributions.push({ step, fromFirst: false, values: sink.fromPrevious.subarray(from, to) });
      if (step > 1) distributions.push({ step, fromFirst: true, values: sink.fromFirst.subarray(from, to) });
    }
    const load = new Float64Array(useThreads);
    const assigned: (typeof distributions)[] = Array.from({ length: useThreads }, () => []);
    for (const distribution of [...distributions].sort(
      (left, right) => right.values.length - left.values.length,
    )) {
      let thread = 0;
      for (let other = 1; other < useThreads; other += 1) if (load[other]! < load[thread]!) thread = other;
      load[thread]! += distribution.values.length;
      assigned[thread]!.push(distribution);
    }
    const results = await onThreads<readonly (DistributionSummary | null)[]>(useThreads, (thread) => ({
      kind: 'summarize',
      values: assigned[thread]!.map((distribution) => distribution.values),
    }));
    const fromPrevious: (DistributionSummary | null)[] = new Array(stepCount).fill(null);
    const fromFirst: (DistributionSummary | null)[] = new Array(stepCount).fill(null);
    assigned.forEach((list, thread) => {
      list.forEach((distribution, index) => {
        (distribution.fromFirst ? fromFirst : fromPrevious)[distribution.step] = results[thread]![index]!;
      });
    });
    return { fromPrevious, fromFirst };
  };

  const pool: FunnelPool = {
    threads,
    computeFunnel: run,
    async close() {
      if (closed) return;
      closed = true;
      scratchStore.close();
      // Anything still owed settles with the closed error.
      await Promise.all(workers.map((channel) => channel.close(closedError())));
    },
  };
  scratchStores.set(pool, scratchStore);
  return pool;
}
