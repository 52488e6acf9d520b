import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketBlockCount,
  bucketRangeCount,
  bucketSimpleSequential,
  countStepEvents,
  layOutSegments,
  runStepEventBlocks,
  type StepEventBuckets,
  scatterStepEvents,
  stepEventMask,
} from './bucket-simple-funnel';
import {
  type CompiledFunnel,
  createOutcomes,
  createUserMatcher,
  type FunnelOutcomes,
  type OutcomeDetail,
} from './funnel-matcher';
import { forEachUser } from './group-by-user';
import type { StepTimesSink } from './simple-chain';
import { streamSimpleSequential } from './stream-simple-funnel';

// Event names 0…4; steps are names 0…stepCount − 1 in order, name 4 is never a step.
function simplePlan(stepCount: number, window: number): CompiledFunnel {
  const nameCount = 5;
  const stepOf = Int8Array.from({ length: nameCount }, (_, code) => (code < stepCount ? code : -1));
  return {
    stepCount,
    order: 'sequential',
    window,
    optional: new Uint8Array(stepCount),
    minimumGap: new Float64Array(stepCount),
    maximumGap: new Float64Array(stepCount).fill(Number.POSITIVE_INFINITY),
    exhaustive: false,
    stepsOfName: Array.from(stepOf, (step) => (step < 0 ? undefined : Int8Array.of(step))),
    exclusionsOfName: new Array(nameCount).fill(undefined),
    relevant: Uint8Array.from(stepOf, (step) => (step < 0 ? 0 : 1)),
    rank: Int32Array.from(stepOf, (step) => (step < 0 ? stepCount : step)),
    simpleStepOfName: stepOf,
  };
}

interface Columns {
  readonly user: Int32Array;
  readonly name: Uint8Array;
  readonly timestamp: Float64Array;
  readonly tieBreak: Int32Array;
}

const rowsArbitrary = fc.array(
  fc.record({
    user: fc.integer({ min: 0, max: 9 }),
    name: fc.integer({ min: 0, max: 4 }),
    time: fc.integer({ min: 0, max: 12 }),
    tie: fc.integer({ min: 0, max: 2 }),
  }),
  { minLength: 1, maxLength: 60 },
);

function toColumns(rows: readonly { user: number; name: number; time: number; tie: number }[]): Columns {
  return {
    user: Int32Array.from(rows, (row) => row.user),
    name: Uint8Array.from(rows, (row) => row.name),
    timestamp: Float64Array.from(rows, (row) => row.time),
    tieBreak: Int32Array.from(rows, (row) => row.tie),
  };
}

/**
 * What a user ended with, reading times and events only up to the furthest step, and only as far
 * as `detail` asks (the reference keeps everything; a run with less detail must agree on the rest).
 */
function outcomesOf(
  outcomes: FunnelOutcomes,
  userCount: number,
  stepCount: number,
  detail: OutcomeDetail = 'events',
) {
  return Array.from({ length: userCount }, (_, slot) => {
    const furthest = outcomes.furthest[slot]!;
    const base = slot * stepCount;
    return {
      furthest,
      reached: outcomes.reached[slot],
      times: detail === 'none' ? [] : Array.from(outcomes.times.subarray(base, base + furthest + 1)),
      events: detail !== 'events' ? [] : Array.from(outcomes.events.subarray(base, base + furthest + 1)),
    };
  });
}

/** The general state machine (the one exclusions and optional steps use), as the reference. */
function general(
  plan: CompiledFunnel,
  columns: Columns,
  userCount: number,
  tieBreak: Int32Array | undefined,
  detail: OutcomeDetail,
) {
  const { simpleStepOfName: _simple, ...generalPlan } = plan;
  const outcomes = createOutcomes(userCount, plan.stepCount);
  const matcher = createUserMatcher(generalPlan, columns.name, columns.timestamp, outcomes);
  forEachUser(
    columns.user,
    userCount,
    columns.name,
    columns.timestamp,
    plan.relevant,
    plan.rank,
    matcher,
    tieBreak,
  );
  return outcomesOf(outcomes, userCount, plan.stepCount, detail);
}

/** An empty sink for `userCount` users: step s's times from (s − 1) × userCount on. */
function createSink(userCount: number, stepCount: number): StepTimesSink {
  const room = Math.max(0, stepCount - 1) * userCount;
  return {
    cursor: Int32Array.from({ length: stepCount }, (_, step) => Math.max(0, step - 1) * userCount),
    fromPrevious: new Float64Array(room),
    fromFirst: new Float64Array(room),
  };
}

/** Per step ≥ 1, the sorted times from the previous step and from step 0 that a sink received. */
function sunkTimes(sink: StepTimesSink, userCount: number, stepCount: number) {
  return Array.from({ length: stepCount - 1 }, (_, index) => {
    const from = index * userCount;
    const to = sink.cursor[index + 1]!;
    const sorted = (values: Float64Array) => Array.from(values.subarray(from, to)).sort((a, b) => a - b);
    // Step 1's time from step 0 is its time from the previous step (the sink keeps it once).
    return {
      fromPrevious: sorted(sink.fromPrevious),
      fromFirst: sorted(index === 0 ? sink.fromPrevious : sink.fromFirst),
    };
  });
}

/** The same, worked out from per-user outcomes (times up to each user's furthest step). */
function timesFromOutcomes(outcomes: ReturnType<typeof outcomesOf>, stepCount: number) {
  return Array.from({ length: stepCount - 1 }, (_, index) => {
    const step = index + 1;
    const reached = outcomes.filter((outcome) => outcome.furthest >= step);
    return {
      fromPrevious: reached
        .map((outcome) => outcome.times[step]! - outcome.times[step - 1]!)
        .sort((a, b) => a - b),
      fromFirst: reached.map((outcome) => outcome.times[step]! - outcome.times[0]!).sort((a, b) => a - b),
    };
  });
}

/** Users by furthest step, from per-user outcomes. */
function tallyOf(outcomes: ReturnType<typeof outcomesOf>, stepCount: number): number[] {
  const tally = new Array<number>(stepCount).fill(0);
  for (const outcome of outcomes) if (outcome.furthest >= 0) tally[outcome.furthest]! += 1;
  return tally;
}

describe('simple sequential funnel paths', () => {
  it('streaming, bucketing and the general state machine agree on every user, times and events included', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        fc.constantFrom(0, 1, 2, 11),
        fc.constantFrom<OutcomeDetail>('events', 'times', 'none'),
        (rows, stepCount, window, withTieBreak, blockShift, detail) => {
          const plan = simplePlan(stepCount, window);
          // Grouped by user (users in order of first appearance, each user's rows as generated), so
          // the streaming path runs to the end and replays users whose rows are out of order.
          const firstSeen = new Map<number, number>();
          rows.forEach((row, index) => {
            if (!firstSeen.has(row.user)) firstSeen.set(row.user, index);
          });
          const grouped = [...rows].sort(
            (left, right) => firstSeen.get(left.user)! - firstSeen.get(right.user)!,
          );
          const userCount = 10;
          const groupedColumns = toColumns(grouped);
          const tieBreak = withTieBreak ? groupedColumns.tieBreak : undefined;
          const expected = general(plan, groupedColumns, userCount, tieBreak, detail);

          const streamed = createOutcomes(userCount, stepCount, detail);
          const { user, name, timestamp } = groupedColumns;
          expect(streamSimpleSequential(plan, user, userCount, name, timestamp, streamed, tieBreak)).toBe(
            true,
          );
          expect(outcomesOf(streamed, userCount, stepCount, detail)).toEqual(expected);

          const bucketed = createOutcomes(userCount, stepCount, detail);
          bucketSimpleSequential(plan, user, userCount, name, timestamp, bucketed, tieBreak, blockShift);
          expect(outcomesOf(bucketed, userCount, stepCount, detail)).toEqual(expected);

          // As generated (users interleaved): only the bucketing path applies.
          const columns = toColumns(rows);
          const interleavedTie = withTieBreak ? columns.tieBreak : undefined;
          const reference = general(plan, columns, userCount, interleavedTie, detail);
          const fromBuckets = createOutcomes(userCount, stepCount, detail);
          bucketSimpleSequential(
            plan,
            columns.user,
            userCount,
            columns.name,
            columns.timestamp,
            fromBuckets,
            interleavedTie,
            blockShift,
          );
          expect(outcomesOf(fromBuckets, userCount, stepCount, detail)).toEqual(reference);

          // With a sink (the summary of one population): each path writes the times the general
          // machine's outcomes give, and keeps furthest and reached as before.
          if (detail === 'none') {
            const withTimes = general(plan, groupedColumns, userCount, tieBreak, 'events');
            const streamSink = createSink(userCount, stepCount);
            const streamedToSink = createOutcomes(userCount, stepCount, 'none');
            const streamTally = new Int32Array(stepCount);
            streamSimpleSequential(
              plan,
              user,
              userCount,
              name,
              timestamp,
              streamedToSink,
              tieBreak,
              streamSink,
              streamTally,
            );
            expect(Array.from(streamTally)).toEqual(tallyOf(expected, stepCount));
            expect(outcomesOf(streamedToSink, userCount, stepCount, 'none')).toEqual(expected);
            expect(sunkTimes(streamSink, userCount, stepCount)).toEqual(
              timesFromOutcomes(withTimes, stepCount),
            );

            const interleavedWithTimes = general(plan, columns, userCount, interleavedTie, 'events');
            const bucketSink = createSink(userCount, stepCount);
            const bucketTally = new Int32Array(stepCount);
            const bucketedToSink = createOutcomes(userCount, stepCount, 'none');
            bucketSimpleSequential(
              plan,
              columns.user,
              userCount,
              columns.name,
              columns.timestamp,
              bucketedToSink,
              interleavedTie,
              blockShift,
              bucketSink,
              bucketTally,
            );
            expect(Array.from(bucketTally)).toEqual(tallyOf(reference, stepCount));
            expect(outcomesOf(bucketedToSink, userCount, stepCount, 'none')).toEqual(reference);
            expect(sunkTimes(bucketSink, userCount, stepCount)).toEqual(
              timesFromOutcomes(interleavedWithTimes, stepCount),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hands interleaved input over: the stream stops at the first user seen twice', () => {
    // Users 0, 1, 0: user 0 turns up again after user 1.
    const plan = simplePlan(2, 10);
    const outcomes = createOutcomes(2, 2);
    const user = Int32Array.of(0, 1, 0);
    const name = Uint8Array.of(0, 0, 1);
    const timestamp = Float64Array.of(1, 2, 3);
    expect(streamSimpleSequential(plan, user, 2, name, timestamp, outcomes, undefined)).toBe(false);
    bucketSimpleSequential(plan, user, 2, name, timestamp, outcomes, undefined);
    // User 0: step 0 at 1, step 1 at 3 (events 0 and 2); user 1: step 0 only.
    expect(outcomesOf(outcomes, 2, 2)).toEqual([
      { furthest: 1, reached: 0b11, times: [1, 3], events: [0, 2] },
      { furthest: 0, reached: 0b1, times: [2], events: [1] },
    ]);
  });
});

describe('bucketing split over threads (the parallel pool)', () => {
  it('events counted and scattered in parts, blocks run in ranges: the tally and the times, in order, of the one-part kernel', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 1, 2, 11),
        (rows, stepCount, window, threads, blockShift) => {
          const plan = simplePlan(stepCount, window);
          const { user, name, timestamp } = toColumns(rows);
          const userCount = 10;
          const expectedSink = createSink(userCount, stepCount);
          const expectedTally = new Int32Array(stepCount);
          const outcomes = createOutcomes(userCount, stepCount, 'none');
          bucketSimpleSequential(
            plan,
            user,
            userCount,
            name,
            timestamp,
            outcomes,
            undefined,
            blockShift,
            expectedSink,
            expectedTally,
          );

          const isStep = stepEventMask(plan);
          const rangeCount = bucketRangeCount(userCount, blockShift);
          const partStart = (part: number) => Math.floor((part * user.length) / threads);
          const counts = Array.from({ length: threads }, () => new Int32Array(rangeCount));
          // Parts in reverse order: each writes only its own segments, so the order does not matter.
          for (let part = threads - 1; part >= 0; part -= 1)
            countStepEvents(
              isStep,
              user,
              name,
              partStart(part),
              partStart(part + 1),
              counts[part]!,
              blockShift,
            );
          const starts = counts.map(() => new Int32Array(rangeCount));
          const { total, largestBlock } = layOutSegments(counts, starts);
          const buckets: StepEventBuckets = {
            blockShift,
            blockCount: bucketBlockCount(userCount, blockShift),
            starts,
            ends: starts.map((start) => start.slice()),
            eventTime: new Float64Array(total),
            eventKey: new Uint16Array(total),
            eventIndex: new Int32Array(0),
            largestBlock,
          };
          for (let part = threads - 1; part >= 0; part -= 1)
            scatterStepEvents(
              plan,
              isStep,
              user,
              name,
              timestamp,
              partStart(part),
              partStart(part + 1),
              buckets.ends[part]!,
              buckets.eventTime,
              buckets.eventKey,
              buckets.eventIndex,
              blockShift,
            );
          // Blocks in ranges (the last first), each range's times from its first user on; then
          // closed up in range order, which gives the one-part kernel's arrays in the same order.
          const blockStart = (thread: number) => Math.floor((thread * buckets.blockCount) / threads);
          const tally = new Int32Array(stepCount);
          const ranges = Array.from({ length: threads }, (_, thread) => {
            const firstUser = Math.min(userCount, blockStart(thread) << blockShift);
            const rangeSink = createSink(userCount, stepCount);
            for (let step = 1; step < stepCount; step += 1) rangeSink.cursor[step]! += firstUser;
            return { firstUser, rangeSink };
          });
          for (let thread = threads - 1; thread >= 0; thread -= 1)
            runStepEventBlocks(
              plan,
              buckets,
              userCount,
              blockStart(thread),
              blockStart(thread + 1),
              undefined,
              undefined,
              ranges[thread]!.rangeSink,
              tally,
            );
          const closed = createSink(userCount, stepCount);
          for (const { firstUser, rangeSink } of ranges) {
            for (let step = 1; step < stepCount; step += 1) {
              const from = (step - 1) * userCount + firstUser;
              const to = rangeSink.cursor[step]!;
              const at = closed.cursor[step]!;
              closed.fromPrevious.set(rangeSink.fromPrevious.subarray(from, to), at);
              closed.fromFirst.set(rangeSink.fromFirst.subarray(from, to), at);
              closed.cursor[step] = at + (to - from);
            }
          }
          expect(Array.from(tally)).toEqual(Array.from(expectedTally));
          expect(Array.from(closed.cursor)).toEqual(Array.from(expectedSink.cursor));
          expect(Array.from(closed.fromPrevious)).toEqual(Array.from(expectedSink.fromPrevious));
          expect(Array.from(closed.fromFirst)).toEqual(Array.from(expectedSink.fromFirst));
        },
      ),
      { numRuns: 400 },
    );
  });
});
