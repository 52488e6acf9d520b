/**
 * `@kizuna/funnel/parallel` — the columnar funnel on several Node worker threads. A separate entry
 * because it needs `node:worker_threads`; the main entry stays free of Node built-ins so it runs in
 * browsers and edge runtimes.
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseInput } from '@kizuna/core';
import * as z from 'zod';
import {
  computeFunnel,
  type FunnelResult,
  finishSimpleFunnel,
  prepareFunnel,
} from '../events/compute-funnel';
import type { EventColumns, EventsInput } from '../events/event-input';
import type { FunnelOptionsInput } from '../events/funnel-options';
import type { StepTimesSink } from '../events/simple-chain';
import type { RangePart, RangeRequest, RangeResponse } from './protocol';
import { runRange } from './range';

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
 * `computeFunnel` on several threads. Results are deep-equal to `computeFunnel` on the same input.
 */
export interface FunnelPool {
  /** Threads that run the funnel, the calling thread included. */
  readonly threads: number;
  /**
   * Like `computeFunnel(events, options)`. Columnar input with a simple sequential funnel (sequential
   * order, distinct steps, no optional steps, exclusions or times between steps) and no breakdown or
   * trend is split by user range: thread k runs the users with index in [k·U/T, (k+1)·U/T), so every
   * user's events stay in one thread; step counts add, step times are concatenated and their
   * percentiles selected as `computeFunnel` does (a mean sums the times in another order: equal
   * for whole-millisecond timestamps, possibly not in the last bits for fractional ones). Anything else (arrays of event objects, other
   * funnels, breakdowns, trends) runs `computeFunnel` on the calling thread. Columns on
   * `SharedArrayBuffer`s (see {@link toSharedColumns}) are read in place; others are copied into
   * shared memory first. Rejects with `KizunaValidationError` like `computeFunnel`.
   */
  computeFunnel(events: EventsInput, options: FunnelOptionsInput): Promise<FunnelResult>;
  /** Stops the workers. Later calls reject. */
  close(): Promise<void>;
}

interface Pending {
  resolve(part: RangePart): void;
  reject(error: Error): void;
}

/**
 * Starts one worker. Built, the worker script sits beside this file (`worker.js` or `worker.cjs`);
 * run from the TypeScript sources (the package's tests), the worker registers tsx first.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = JSON.stringify(new URL('./worker.ts', here).href);
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
    return new Worker(bootstrap, { eval: true });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here));
}

function isShared(values: ArrayBufferView): boolean {
  return values.buffer instanceof SharedArrayBuffer;
}

function share<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(values: T): T {
  if (isShared(values)) return values;
  const Kind = values.constructor as new (buffer: SharedArrayBuffer) => T;
  const shared = new Kind(new SharedArrayBuffer(values.byteLength));
  shared.set(values as never);
  return shared;
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
    user: share(columns.user),
    name: share(columns.name),
    timestamp: share(columns.timestamp),
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
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  /** Set when a worker dies: later calls reject with it instead of waiting for ever. */
  let broken: Error | null = null;

  /** Ranges each worker still owes: a worker keeps the process alive only while it owes one. */
  const owed = new Int32Array(Math.max(0, threads - 1));
  const workers = Array.from({ length: threads - 1 }, (_, index) => {
    const worker = startWorker();
    worker.unref();
    worker.on('message', (response: RangeResponse) => {
      owed[index]! -= 1;
      if (owed[index] === 0) worker.unref();
      const waiting = pending.get(response.id);
      if (waiting === undefined) return;
      pending.delete(response.id);
      if (response.error === null) waiting.resolve(response.part);
      else waiting.reject(new Error(`funnel worker failed: ${response.error}`));
    });
    const fail = (error: Error): void => {
      broken ??= error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`a funnel worker stopped (exit code ${code})`));
    });
    return worker;
  });

  const run = async (events: EventsInput, options: FunnelOptionsInput): Promise<FunnelResult> => {
    if (closed) throw new Error('the funnel pool is closed');
    if (broken !== null) throw broken;
    const prepared = prepareFunnel(events, options);
    const { parsed: funnel, normalized, plan } = prepared;
    const userCount = normalized.userCount;
    const useThreads = Math.max(
      1,
      Math.min(threads, userCount, Math.floor(normalized.count / parsed.minEventsPerThread)),
    );
    if (
      !isColumns(events) ||
      plan.simpleStepOfName === undefined ||
      funnel.breakdown !== undefined ||
      funnel.trend !== undefined ||
      useThreads === 1
    ) {
      return computeFunnel(events, options);
    }
    const columns = toSharedColumns(events);
    const stepCount = plan.stepCount;
    // With times, every range writes its step-s times into one shared region per step, from
    // (s − 1) × userCount + its first user on: room for all of its users.
    const room = Math.max(0, stepCount - 1) * userCount;
    const times = funnel.timeToConvert
      ? {
          userCount,
          fromPrevious: new Float64Array(new SharedArrayBuffer(room * 8)),
          fromFirst: new Float64Array(new SharedArrayBuffer(room * 8)),
        }
      : null;
    const rangeStart = (thread: number) => Math.floor((thread * userCount) / useThreads);
    const request = (thread: number) => ({
      plan,
      user: columns.user,
      name: columns.name,
      timestamp: columns.timestamp,
      userFrom: rangeStart(thread),
      userTo: rangeStart(thread + 1),
      times,
    });
    const answers: Promise<RangePart>[] = [];
    // The calling thread takes the first range; workers the others.
    for (let thread = 1; thread < useThreads; thread += 1) {
      const worker = workers[thread - 1]!;
      const id = nextId;
      nextId += 1;
      answers.push(new Promise<RangePart>((resolve, reject) => pending.set(id, { resolve, reject })));
      owed[thread - 1]! += 1;
      worker.ref();
      const message: RangeRequest = { id, ...request(thread) };
      worker.postMessage(message);
    }
    const parts = [runRange(request(0)), ...(await Promise.all(answers))];
    // Merge: users per furthest step add; each step's times are moved down, range after range, so
    // they follow each other from (s − 1) × userCount on, as the single-thread kernel leaves them.
    const tally = new Int32Array(stepCount);
    for (const part of parts)
      for (let step = 0; step < stepCount; step += 1) tally[step]! += part.tally[step]!;
    let sink: StepTimesSink | undefined;
    if (times !== null) {
      sink = {
        cursor: Int32Array.from({ length: stepCount }, (_, step) => Math.max(0, step - 1) * userCount),
        fromPrevious: times.fromPrevious,
        fromFirst: times.fromFirst,
      };
      parts.forEach((part, thread) => {
        for (let step = 1; step < stepCount; step += 1) {
          const from = (step - 1) * userCount + rangeStart(thread);
          const to = part.timesEnd![step]!;
          const at = sink!.cursor[step]!;
          if (at !== from) {
            sink!.fromPrevious.copyWithin(at, from, to);
            sink!.fromFirst.copyWithin(at, from, to);
          }
          sink!.cursor[step] = at + (to - from);
        }
      });
    }
    return finishSimpleFunnel(prepared, userCount, tally, sink);
  };

  return {
    threads,
    computeFunnel: run,
    async close() {
      if (closed) return;
      closed = true;
      for (const waiting of pending.values()) waiting.reject(new Error('the funnel pool was closed'));
      pending.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
