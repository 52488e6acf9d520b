import {
  countStepEvents,
  runStepEventBlocks,
  scatterStepEvents,
  stepEventMask,
} from '../events/bucket-simple-funnel';
import { runSimpleFunnelRange } from '../events/compute-funnel';
import { scanColumns } from '../events/event-input';
import type { StepTimesSink } from '../events/simple-chain';
import { summarizeInPlace } from '../statistics/quantiles';
import type { FunnelTask, RangePart, SharedStepTimes, TaskResult } from './protocol';

/** The first event whose user index is ≥ `person`, in a user column that never decreases. */
export function firstEventOfUser(user: Int32Array, person: number): number {
  let low = 0;
  let high = user.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (user[middle]! < person) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A sink writing step s's times from (s − 1) × userCount + `firstUser` on. */
function rangeSink(times: SharedStepTimes | null, stepCount: number, firstUser: number) {
  if (times === null) return undefined;
  const sink: StepTimesSink = {
    cursor: Int32Array.from({ length: stepCount }, (_, step) =>
      step === 0 ? 0 : (step - 1) * times.userCount + firstUser,
    ),
    fromPrevious: times.fromPrevious,
    fromFirst: times.fromFirst,
  };
  return sink;
}

/**
 * Runs one {@link FunnelTask} on this thread: the same code for the calling thread and the workers.
 * Each user's events all fall in one thread's range, so a user's outcome is the one the whole
 * input gives.
 */
export function runTask(task: FunnelTask): TaskResult {
  switch (task.kind) {
    case 'scan':
      return scanColumns(task.user, task.name, task.timestamp, task.from, task.to);
    case 'slice': {
      // The slice as it is, user indexes unchanged: slots 0 … userFrom − 1 stay empty, and count as
      // runs of their own; the rows are in user order, so the stream kernel runs to the end.
      const { plan, user, userFrom, userTo } = task;
      const first = firstEventOfUser(user, userFrom);
      const end = firstEventOfUser(user, userTo);
      const sink = rangeSink(task.times, plan.stepCount, userFrom);
      const tally = runSimpleFunnelRange(
        plan,
        user.subarray(first, end),
        userTo,
        userTo,
        task.name.subarray(first, end),
        task.timestamp.subarray(first, end),
        sink,
      );
      const part: RangePart = { tally, timesEnd: sink?.cursor ?? null };
      return part;
    }
    case 'count':
      countStepEvents(stepEventMask(task.plan), task.user, task.name, task.from, task.to, task.counts);
      return null;
    case 'scatter':
      scatterStepEvents(
        task.plan,
        stepEventMask(task.plan),
        task.user,
        task.name,
        task.timestamp,
        task.from,
        task.to,
        task.cursor,
        task.eventTime,
        task.eventKey,
        new Int32Array(0),
      );
      return null;
    case 'blocks': {
      const { plan, buckets, userCount, blockFrom, blockTo } = task;
      const sink = rangeSink(
        task.times,
        plan.stepCount,
        Math.min(userCount, blockFrom << buckets.blockShift),
      );
      const tally = new Int32Array(plan.stepCount);
      runStepEventBlocks(plan, buckets, userCount, blockFrom, blockTo, undefined, undefined, sink, tally);
      const part: RangePart = { tally, timesEnd: sink?.cursor ?? null };
      return part;
    }
    case 'summarize':
      return task.values.map((values) => summarizeInPlace(values));
  }
}
