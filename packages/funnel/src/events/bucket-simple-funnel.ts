import type { CompiledFunnel, FunnelOutcomes } from './funnel-matcher';
import {
  advanceSimpleChain,
  advanceSimpleStart,
  reachedUpTo,
  recordSimpleChain,
  resetSimpleChains,
  type StepTimesSink,
  sinkStepTimes,
} from './simple-chain';

/** log2 of the users per block: a block's events and bookkeeping stay in the processor's cache. */
export const defaultBlockShift = 11;

/** Each block's events go to four lanes (by user index mod 4); see {@link countStepEvents}. */
const laneShift = 2;
const laneMask = (1 << laneShift) - 1;

/**
 * The step events of a simple sequential funnel bucketed by range — a block of 2^`blockShift`
 * consecutive user indexes, split in four lanes by user index mod 4 — with the events split in
 * `parts` consecutive parts (one per thread): segment (range, part) holds that part's step events
 * of that range, in input order, at `starts[part][range] … ends[part][range] − 1` of the flat
 * arrays. Segments follow each other range after range and, inside a range, part after part, so
 * each user's events stay in input order.
 */
export interface StepEventBuckets {
  readonly blockShift: number;
  /** Users per block is 2^blockShift; blocks cover users 0 … userCount − 1. */
  readonly blockCount: number;
  readonly starts: readonly Int32Array[];
  /** Where each segment ends once every part is scattered (the scatter's cursors). */
  readonly ends: readonly Int32Array[];
  readonly eventTime: Float64Array;
  /** (user in block) × 32 + step: steps are at most 31, users in a block at most 2,048. */
  readonly eventKey: Uint16Array;
  /** Event indexes, when kept (an attribution or a tie-break reads them); else empty. */
  readonly eventIndex: Int32Array;
  /** Step events in the largest block: the size of the per-block sort buffers. */
  readonly largestBlock: number;
}

/** Blocks of 2^`blockShift` users for `userCount` users (the last one may be empty). */
export function bucketBlockCount(userCount: number, blockShift = defaultBlockShift): number {
  return (userCount >>> blockShift) + 1;
}

/** Ranges (blocks × lanes) for `userCount` users. */
export function bucketRangeCount(userCount: number, blockShift = defaultBlockShift): number {
  return bucketBlockCount(userCount, blockShift) << laneShift;
}

/** 1 for the name codes of step events, 0 for the others. */
export function stepEventMask(plan: CompiledFunnel): Uint8Array {
  return Uint8Array.from(plan.simpleStepOfName!, (step) => (step >= 0 ? 1 : 0));
}

/**
 * Pass 1 over events `from … to − 1`: adds each step event to `counts[range]` (one entry per
 * range, see {@link bucketRangeCount}), without a branch on the event name. Consecutive users, the
 * usual neighbours in a log, fall in different lanes, so they increment different counters
 * instead of waiting on one.
 */
export function countStepEvents(
  isStep: Uint8Array,
  user: Int32Array,
  name: ArrayLike<number>,
  from: number,
  to: number,
  counts: Int32Array,
  blockShift = defaultBlockShift,
): void {
  for (let event = from; event < to; event += 1) {
    const person = user[event]!;
    counts[((person >>> blockShift) << laneShift) | (person & laneMask)]! += isStep[name[event]!]!;
  }
}

/**
 * Where each segment starts, from the step events each part counted per range ({@link
 * countStepEvents}): range after range, part after part inside a range, each segment with one
 * spare slot at its end (it absorbs the writes of the part's last non-step events in that range).
 * `starts[part]` receives the starts; returns the flat arrays' length and the largest block.
 */
export function layOutSegments(
  counts: readonly Int32Array[],
  starts: readonly Int32Array[],
): { readonly total: number; readonly largestBlock: number } {
  const rangeCount = counts[0]!.length;
  let position = 0;
  let largestBlock = 0;
  let inBlock = 0;
  for (let range = 0; range < rangeCount; range += 1) {
    for (let part = 0; part < counts.length; part += 1) {
      const size = counts[part]![range]!;
      starts[part]![range] = position;
      position += size + 1;
      inBlock += size;
    }
    if ((range & laneMask) === laneMask) {
      if (inBlock > largestBlock) largestBlock = inBlock;
      inBlock = 0;
    }
  }
  return { total: position, largestBlock };
}

/**
 * Pass 2 over events `from … to − 1` (one part): copies every event's time, (user in block, step)
 * key and, when `eventIndex` is not empty, its index to `cursor[range]`, advancing the cursor only
 * for a step event: no branch on the event name. `cursor` starts as the part's segment starts and
 * ends as their ends.
 */
export function scatterStepEvents(
  plan: CompiledFunnel,
  isStep: Uint8Array,
  user: Int32Array,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  from: number,
  to: number,
  cursor: Int32Array,
  eventTime: Float64Array,
  eventKey: Uint16Array,
  eventIndex: Int32Array,
  blockShift = defaultBlockShift,
): void {
  const stepOf = plan.simpleStepOfName!;
  const localMask = (1 << blockShift) - 1;
  if (eventIndex.length > 0) {
    for (let event = from; event < to; event += 1) {
      const person = user[event]!;
      const code = name[event]!;
      const range = ((person >>> blockShift) << laneShift) | (person & laneMask);
      const position = cursor[range]!;
      eventTime[position] = timestamp[event]!;
      eventKey[position] = ((person & localMask) << 5) | (stepOf[code]! & 31);
      eventIndex[position] = event;
      cursor[range] = position + isStep[code]!;
    }
    return;
  }
  for (let event = from; event < to; event += 1) {
    const person = user[event]!;
    const code = name[event]!;
    const range = ((person >>> blockShift) << laneShift) | (person & laneMask);
    const position = cursor[range]!;
    eventTime[position] = timestamp[event]!;
    eventKey[position] = ((person & localMask) << 5) | (stepOf[code]! & 31);
    cursor[range] = position + isStep[code]!;
  }
}

/**
 * A simple sequential funnel (see `CompiledFunnel.simpleStepOfName`) over events in any order,
 * without sorting the input and without one array per user: {@link countStepEvents}, {@link
 * layOutSegments} and {@link scatterStepEvents} over all events as one part, then {@link
 * runStepEventBlocks} over every block.
 *
 * Linear in events plus users. Writes every user's outcome (users without a step event keep −1),
 * unless `outcomes` is undefined; with a `sink`, each user's step times go there instead of
 * `outcomes.times`; with a `furthestTally`, each user with a step event adds 1 at their furthest
 * step.
 *
 * @param blockShift - log2 of the users per block, at most 11 (keys are 16 bits); tests lower it to
 *   cross block boundaries
 */
export function bucketSimpleSequential(
  plan: CompiledFunnel,
  user: Int32Array,
  userCount: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  outcomes: FunnelOutcomes | undefined,
  tieBreak: Int32Array | undefined,
  blockShift = defaultBlockShift,
  sink?: StepTimesSink,
  furthestTally?: Int32Array,
): void {
  if (plan.simpleStepOfName === undefined)
    throw new Error('bucketSimpleSequential needs a simple sequential funnel');
  if (blockShift > 11) throw new Error('bucketSimpleSequential: blockShift is at most 11');
  const count = user.length;
  const isStep = stepEventMask(plan);
  const counts = new Int32Array(bucketRangeCount(userCount, blockShift));
  countStepEvents(isStep, user, name, 0, count, counts, blockShift);
  const starts = new Int32Array(counts.length);
  const { total, largestBlock } = layOutSegments([counts], [starts]);
  const keepIndex = outcomes?.detail === 'events' || tieBreak !== undefined;
  const buckets: StepEventBuckets = {
    blockShift,
    blockCount: bucketBlockCount(userCount, blockShift),
    starts: [starts],
    ends: [starts.slice()],
    eventTime: new Float64Array(total),
    eventKey: new Uint16Array(total),
    eventIndex: new Int32Array(keepIndex ? total : 0),
    largestBlock,
  };
  scatterStepEvents(
    plan,
    isStep,
    user,
    name,
    timestamp,
    0,
    count,
    buckets.ends[0]!,
    buckets.eventTime,
    buckets.eventKey,
    buckets.eventIndex,
    blockShift,
  );
  runStepEventBlocks(
    plan,
    buckets,
    userCount,
    0,
    buckets.blockCount,
    outcomes,
    tieBreak,
    sink,
    furthestTally,
  );
}

/**
 * Pass 3 over blocks `blockFrom … blockTo − 1` of scattered step events: per block, a counting
 * sort by user inside the block (small enough to stay in cache) gathers each user's events, in
 * input order, into one run of three small arrays, and the state machine of {@link
 * advanceSimpleChain} (or {@link advanceSimpleStart} when no times are kept) reads them in
 * sequence. A user whose own events turn out to be out of (time, step, tie-break) order has only
 * their own events sorted, and is run again. Users are visited in index order, so a sink receives
 * their times in that order whoever runs which blocks.
 *
 * With `outcomes`, writes each user's outcome there (slot = user index); without, only the `sink`
 * and the `furthestTally` receive anything.
 */
export function runStepEventBlocks(
  plan: CompiledFunnel,
  buckets: StepEventBuckets,
  userCount: number,
  blockFrom: number,
  blockTo: number,
  outcomes: FunnelOutcomes | undefined,
  tieBreak: Int32Array | undefined,
  sink?: StepTimesSink,
  furthestTally?: Int32Array,
): void {
  const { blockShift, starts, ends, eventTime, eventKey, eventIndex, largestBlock } = buckets;
  const parts = starts.length;
  const steps = plan.stepCount;
  const window = plan.window;
  const blockUsers = 1 << blockShift;
  const keepEvents = outcomes?.detail === 'events';
  const keepTimes = (outcomes !== undefined && outcomes.detail !== 'none') || sink !== undefined;
  const keepIndex = keepEvents || tieBreak !== undefined;
  if (keepIndex && eventIndex.length === 0)
    throw new Error('runStepEventBlocks: event indexes were not kept');

  const userStart = new Int32Array(blockUsers + 1);
  const userCursor = new Int32Array(blockUsers);
  // One block's step events sorted by user: time, step and (when kept) event index.
  const sortedTime = new Float64Array(largestBlock);
  const sortedStep = new Uint8Array(largestBlock);
  const sortedIndex = new Int32Array(keepIndex ? largestBlock : 0);
  // Scratch for the rare user whose events are out of order: a permutation and a copy of the run.
  let permutation = new Int32Array(16);
  let runTime = new Float64Array(16);
  let runStep = new Uint8Array(16);
  let runIndex = new Int32Array(16);
  const start = new Float64Array(steps);
  const times = new Float64Array(steps * steps);
  const events = new Int32Array(steps * steps);
  const outcomeEvents = outcomes?.events ?? new Int32Array(0);
  // With a sink, the winning attempt's times are kept per user here, then handed to the sink.
  const userTimes = new Float64Array(steps);
  const recordTimes = sink === undefined && outcomes !== undefined ? outcomes.times : userTimes;
  const fixedBase = sink !== undefined || outcomes === undefined;
  const compare = (left: number, right: number) =>
    sortedTime[left]! - sortedTime[right]! ||
    sortedStep[left]! - sortedStep[right]! ||
    (tieBreak === undefined ? 0 : tieBreak[sortedIndex[left]!]! - tieBreak[sortedIndex[right]!]!) ||
    left - right;
  for (let block = blockFrom; block < blockTo; block += 1) {
    const firstRange = block << laneShift;
    const lastRange = firstRange + laneMask;
    let eventsHere = 0;
    for (let range = firstRange; range <= lastRange; range += 1)
      for (let part = 0; part < parts; part += 1) eventsHere += ends[part]![range]! - starts[part]![range]!;
    if (eventsHere === 0) continue;
    const firstUser = block << blockShift;
    const usersHere = Math.min(blockUsers, userCount - firstUser);
    userStart.fill(0, 0, usersHere + 1);
    for (let range = firstRange; range <= lastRange; range += 1) {
      for (let part = 0; part < parts; part += 1) {
        const to = ends[part]![range]!;
        for (let position = starts[part]![range]!; position < to; position += 1)
          userStart[(eventKey[position]! >>> 5) + 1]! += 1;
      }
    }
    for (let local = 0; local < usersHere; local += 1) {
      userStart[local + 1]! += userStart[local]!;
      userCursor[local] = userStart[local]!;
    }
    // Gather each user's events into one run (reads in segment order, writes inside the block), so
    // the state machine then reads them in sequence.
    for (let range = firstRange; range <= lastRange; range += 1) {
      for (let part = 0; part < parts; part += 1) {
        const to = ends[part]![range]!;
        for (let position = starts[part]![range]!; position < to; position += 1) {
          const key = eventKey[position]!;
          const destination = userCursor[key >>> 5]!++;
          sortedTime[destination] = eventTime[position]!;
          sortedStep[destination] = key & 31;
          if (keepIndex) sortedIndex[destination] = eventIndex[position]!;
        }
      }
    }

    for (let local = 0; local < usersHere; local += 1) {
      const runFrom = userStart[local]!;
      const runTo = userStart[local + 1]!;
      if (runTo === runFrom) continue;
      const slot = firstUser + local;
      const base = fixedBase ? 0 : slot * steps;
      // First as the events come, checking their order; if a user's events are out of order, the
      // run is sorted and replayed without checks.
      let furthest = -1;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const check = attempt === 0;
        resetSimpleChains(start, steps);
        furthest = -1;
        let previousTime = Number.NEGATIVE_INFINITY;
        let previousStep = 0;
        let previousTie = 0;
        let unordered = false;
        for (let position = runFrom; position < runTo; position += 1) {
          const step = sortedStep[position]!;
          const time = sortedTime[position]!;
          if (check) {
            if (time <= previousTime) {
              const tie = tieBreak === undefined ? 0 : tieBreak[sortedIndex[position]!]!;
              if (
                time < previousTime ||
                step < previousStep ||
                (step === previousStep && tie < previousTie)
              ) {
                unordered = true;
                break;
              }
              previousTie = tie;
            } else if (tieBreak !== undefined) previousTie = tieBreak[sortedIndex[position]!]!;
            previousTime = time;
            previousStep = step;
          }
          if (
            (keepTimes
              ? advanceSimpleChain(
                  start,
                  times,
                  events,
                  steps,
                  window,
                  step,
                  time,
                  keepIndex ? sortedIndex[position]! : -1,
                )
              : advanceSimpleStart(start, window, step, time)) &&
            step > furthest
          ) {
            furthest = step;
            if (keepTimes)
              recordSimpleChain(times, events, steps, step, recordTimes, outcomeEvents, base, keepEvents);
          }
        }
        if (!unordered) break;
        // Sort the run: a permutation of its positions, then the values moved through a copy.
        const length = runTo - runFrom;
        if (permutation.length < length) {
          permutation = new Int32Array(length);
          runTime = new Float64Array(length);
          runStep = new Uint8Array(length);
          runIndex = new Int32Array(length);
        }
        for (let offset = 0; offset < length; offset += 1) {
          permutation[offset] = runFrom + offset;
          runTime[offset] = sortedTime[runFrom + offset]!;
          runStep[offset] = sortedStep[runFrom + offset]!;
          if (keepIndex) runIndex[offset] = sortedIndex[runFrom + offset]!;
        }
        const ordered = permutation.subarray(0, length).sort(compare);
        for (let offset = 0; offset < length; offset += 1) {
          const from = ordered[offset]! - runFrom;
          sortedTime[runFrom + offset] = runTime[from]!;
          sortedStep[runFrom + offset] = runStep[from]!;
          if (keepIndex) sortedIndex[runFrom + offset] = runIndex[from]!;
        }
      }
      if (outcomes !== undefined) {
        outcomes.furthest[slot] = furthest;
        outcomes.reached[slot] = reachedUpTo(furthest);
      }
      if (sink !== undefined && furthest > 0) sinkStepTimes(sink, userTimes, furthest);
      if (furthestTally !== undefined && furthest >= 0) furthestTally[furthest]! += 1;
    }
  }
}
