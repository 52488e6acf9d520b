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

/** Users per block: a block's events and bookkeeping stay in the processor's cache. */
const defaultBlockShift = 11;

/** Each block's events go to four lanes (by user index mod 4); see {@link bucketSimpleSequential}. */
const laneShift = 2;
const laneMask = (1 << laneShift) - 1;

/**
 * A simple sequential funnel (see `CompiledFunnel.simpleStepOfName`) over events in any order,
 * without sorting the input and without one array per user:
 *
 * 1. one pass counts the step events of each range — a block of 2^`blockShift` consecutive user
 *    indexes, split in four lanes by user index mod 4 (consecutive users, the usual neighbours in a
 *    log, then increment different counters instead of waiting on one);
 * 2. one pass copies every event's time (and event index when needed) and (user in block, step)
 *    key into its range of flat arrays, advancing the range's cursor only for a step event: no
 *    branch on the event name; each range has one spare slot at its end that absorbs the writes of
 *    the last non-step events;
 * 3. per block, a counting sort by user inside the block (small enough to stay in cache) gathers
 *    each user's events, in input order, into one run of three small arrays, and the state machine
 *    of {@link advanceSimpleChain} (or {@link advanceSimpleStart} when `outcomes.detail` is
 *    `none`) reads them in sequence. A user whose own events turn out to be out of (time, step,
 *    tie-break) order has only their own events sorted, and is run again.
 *
 * Linear in events plus users. Writes every user's outcome (users without a step event keep −1);
 * with a `sink`, each user's step times go there instead of `outcomes.times`; with a
 * `furthestTally`, each user with a step event adds 1 at their furthest step.
 *
 * @param blockShift - log2 of the users per block, at most 11 (keys are 16 bits); tests lower it to
 *   cross block boundaries
 * @param userFrom - with a value, only the events of users `userFrom … userFrom + userCount − 1` are
 *   run (as slots 0 … userCount − 1), the others skipped without a branch: one range of the
 *   parallel pool, reading the shared columns in place. Event indexes are not kept then.
 */
export function bucketSimpleSequential(
  plan: CompiledFunnel,
  user: Int32Array,
  userCount: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  outcomes: FunnelOutcomes,
  tieBreak: Int32Array | undefined,
  blockShift = defaultBlockShift,
  sink?: StepTimesSink,
  furthestTally?: Int32Array,
  userFrom?: number,
): void {
  const stepOf = plan.simpleStepOfName;
  if (stepOf === undefined) throw new Error('bucketSimpleSequential needs a simple sequential funnel');
  if (userFrom !== undefined && (outcomes.detail === 'events' || tieBreak !== undefined))
    throw new Error('bucketSimpleSequential: a user range keeps no event indexes');
  if (blockShift > 11) throw new Error('bucketSimpleSequential: blockShift is at most 11');
  const steps = plan.stepCount;
  const window = plan.window;
  const count = user.length;
  const blockCount = (userCount >>> blockShift) + 1;
  const rangeCount = blockCount << laneShift;
  const blockUsers = 1 << blockShift;
  const localMask = blockUsers - 1;
  const keepTimes = outcomes.detail !== 'none' || sink !== undefined;
  const keepEvents = outcomes.detail === 'events';
  const keepIndex = keepEvents || tieBreak !== undefined;
  const isStep = Uint8Array.from(stepOf, (step) => (step >= 0 ? 1 : 0));

  // 1. Step events per range.
  const rangeStart = new Int32Array(rangeCount + 1);
  if (userFrom === undefined) {
    for (let event = 0; event < count; event += 1) {
      const person = user[event]!;
      rangeStart[(((person >>> blockShift) << laneShift) | (person & laneMask)) + 1]! +=
        isStep[name[event]!]!;
    }
  } else {
    // A user outside the range counts as user 0 with a non-step event: adds 0.
    for (let event = 0; event < count; event += 1) {
      const local = user[event]! - userFrom;
      const inside = ((local - userCount) & ~local) >>> 31;
      const person = local & -inside;
      rangeStart[(((person >>> blockShift) << laneShift) | (person & laneMask)) + 1]! +=
        isStep[name[event]!]! & inside;
    }
  }
  // Prefix sums, one spare slot per range; the largest block's step events size the sort buffer.
  let largestBlock = 0;
  let inBlock = 0;
  for (let range = 0; range < rangeCount; range += 1) {
    const size = rangeStart[range + 1]!;
    inBlock += size;
    if ((range & laneMask) === laneMask) {
      if (inBlock > largestBlock) largestBlock = inBlock;
      inBlock = 0;
    }
    rangeStart[range + 1] = rangeStart[range]! + size + 1;
  }

  // 2. Scatter into ranges, keeping input order inside each range (and so inside each user).
  const total = rangeStart[rangeCount]!;
  const eventTime = new Float64Array(total);
  const eventIndex = new Int32Array(keepIndex ? total : 0);
  // (user in block) × 32 + step: steps are at most 31, users in a block at most 2,048.
  const eventKey = new Uint16Array(total);
  const cursor = rangeStart.slice(0, rangeCount);
  if (keepIndex) {
    for (let event = 0; event < count; event += 1) {
      const person = user[event]!;
      const code = name[event]!;
      const range = ((person >>> blockShift) << laneShift) | (person & laneMask);
      const position = cursor[range]!;
      eventTime[position] = timestamp[event]!;
      eventKey[position] = ((person & localMask) << 5) | (stepOf[code]! & 31);
      eventIndex[position] = event;
      cursor[range] = position + isStep[code]!;
    }
  } else if (userFrom === undefined) {
    for (let event = 0; event < count; event += 1) {
      const person = user[event]!;
      const code = name[event]!;
      const range = ((person >>> blockShift) << laneShift) | (person & laneMask);
      const position = cursor[range]!;
      eventTime[position] = timestamp[event]!;
      eventKey[position] = ((person & localMask) << 5) | (stepOf[code]! & 31);
      cursor[range] = position + isStep[code]!;
    }
  } else {
    // An event outside the range is written at user 0's cursor, which does not advance: the next
    // event there (or the spare slot) takes its place.
    for (let event = 0; event < count; event += 1) {
      const local = user[event]! - userFrom;
      const inside = ((local - userCount) & ~local) >>> 31;
      const person = local & -inside;
      const code = name[event]!;
      const range = ((person >>> blockShift) << laneShift) | (person & laneMask);
      const position = cursor[range]!;
      eventTime[position] = timestamp[event]!;
      eventKey[position] = ((person & localMask) << 5) | (stepOf[code]! & 31);
      cursor[range] = position + (isStep[code]! & inside);
    }
  }

  // 3. Per block: counting sort by user in block, then each user's run through the state machine.
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
  const outcomeFurthest = outcomes.furthest;
  const outcomeReached = outcomes.reached;
  const outcomeEvents = outcomes.events;
  // With a sink, the winning attempt's times are kept per user here, then handed to the sink.
  const userTimes = new Float64Array(steps);
  const recordTimes = sink === undefined ? outcomes.times : userTimes;
  const compare = (left: number, right: number) =>
    sortedTime[left]! - sortedTime[right]! ||
    sortedStep[left]! - sortedStep[right]! ||
    (tieBreak === undefined ? 0 : tieBreak[sortedIndex[left]!]! - tieBreak[sortedIndex[right]!]!) ||
    left - right;
  for (let block = 0; block < blockCount; block += 1) {
    const firstRange = block << laneShift;
    const lastRange = firstRange + laneMask;
    // Only the spare slots: no step event in this block.
    if (rangeStart[lastRange + 1]! - rangeStart[firstRange]! === laneMask + 1) continue;
    const firstUser = block << blockShift;
    const usersHere = Math.min(blockUsers, userCount - firstUser);
    userStart.fill(0, 0, usersHere + 1);
    for (let range = firstRange; range <= lastRange; range += 1) {
      const to = cursor[range]!;
      for (let position = rangeStart[range]!; position < to; position += 1)
        userStart[(eventKey[position]! >>> 5) + 1]! += 1;
    }
    for (let local = 0; local < usersHere; local += 1) {
      userStart[local + 1]! += userStart[local]!;
      userCursor[local] = userStart[local]!;
    }
    // Gather each user's events into one run (reads in range order, writes inside the block), so
    // the state machine then reads them in sequence.
    for (let range = firstRange; range <= lastRange; range += 1) {
      const to = cursor[range]!;
      for (let position = rangeStart[range]!; position < to; position += 1) {
        const key = eventKey[position]!;
        const destination = userCursor[key >>> 5]!++;
        sortedTime[destination] = eventTime[position]!;
        sortedStep[destination] = key & 31;
        if (keepIndex) sortedIndex[destination] = eventIndex[position]!;
      }
    }

    for (let local = 0; local < usersHere; local += 1) {
      const runFrom = userStart[local]!;
      const runTo = userStart[local + 1]!;
      if (runTo === runFrom) continue;
      const slot = firstUser + local;
      const base = sink === undefined ? slot * steps : 0;
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
      outcomeFurthest[slot] = furthest;
      outcomeReached[slot] = reachedUpTo(furthest);
      if (sink !== undefined && furthest > 0) sinkStepTimes(sink, userTimes, furthest);
      if (furthestTally !== undefined && furthest >= 0) furthestTally[furthest]! += 1;
    }
  }
}
