import type { CompiledFunnel, FunnelOutcomes } from './funnel-matcher';
import { advanceSimpleChain, reachedUpTo, recordSimpleChain, resetSimpleChains } from './simple-chain';

/** Users per block: a block's events and bookkeeping stay in the processor's cache. */
const defaultBlockShift = 11;

/**
 * A simple sequential funnel (see `CompiledFunnel.simpleStepOfName`) over events in any order,
 * without sorting the input and without one array per user:
 *
 * 1. one pass counts the step events of each block of 2^`blockShift` consecutive user indexes;
 * 2. one pass copies each step event's time, event index and (user in block, step) into its
 *    block's range of three flat arrays — sequential writes, one stream per block;
 * 3. per block, a counting sort by user inside the block (small enough to stay in cache) gives each
 *    user's events in input order, and the state machine of {@link advanceSimpleChain} runs over
 *    them. A user whose own events are out of (time, step, tie-break) order has only their own
 *    events sorted.
 *
 * Linear in events plus users. Writes every user's outcome (users without a step event keep −1).
 *
 * @param blockShift - log2 of the users per block; tests lower it to cross block boundaries
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
): void {
  const stepOf = plan.simpleStepOfName;
  if (stepOf === undefined) throw new Error('bucketSimpleSequential needs a simple sequential funnel');
  const steps = plan.stepCount;
  const window = plan.window;
  const count = user.length;
  const blockCount = (userCount >>> blockShift) + 1;
  const blockUsers = 1 << blockShift;
  const localMask = blockUsers - 1;

  // 1. Step events per block.
  const blockStart = new Int32Array(blockCount + 1);
  for (let event = 0; event < count; event += 1) {
    if (stepOf[name[event]!]! >= 0) blockStart[(user[event]! >>> blockShift) + 1]! += 1;
  }
  let largestBlock = 0;
  for (let block = 0; block < blockCount; block += 1) {
    const size = blockStart[block + 1]!;
    if (size > largestBlock) largestBlock = size;
    blockStart[block + 1] = blockStart[block]! + size;
  }

  // 2. Scatter into block ranges, keeping input order inside each block.
  const total = blockStart[blockCount]!;
  const eventTime = new Float64Array(total);
  const eventIndex = new Int32Array(total);
  // (user in block) × 32 + step: steps are at most 31.
  const eventKey = new Int32Array(total);
  const cursor = blockStart.slice(0, blockCount);
  for (let event = 0; event < count; event += 1) {
    const step = stepOf[name[event]!]!;
    if (step < 0) continue;
    const person = user[event]!;
    const position = cursor[person >>> blockShift]!++;
    eventTime[position] = timestamp[event]!;
    eventIndex[position] = event;
    eventKey[position] = ((person & localMask) << 5) | step;
  }

  // 3. Per block: counting sort by user in block, then each user's run through the state machine.
  const userStart = new Int32Array(blockUsers + 1);
  const userCursor = new Int32Array(blockUsers);
  const order = new Int32Array(largestBlock);
  const start = new Float64Array(steps);
  const times = new Float64Array(steps * steps);
  const events = new Int32Array(steps * steps);
  const outcomeFurthest = outcomes.furthest;
  const outcomeReached = outcomes.reached;
  const outcomeTimes = outcomes.times;
  const outcomeEvents = outcomes.events;
  for (let block = 0; block < blockCount; block += 1) {
    const from = blockStart[block]!;
    const to = blockStart[block + 1]!;
    if (to === from) continue;
    const firstUser = block << blockShift;
    const usersHere = Math.min(blockUsers, userCount - firstUser);
    userStart.fill(0, 0, usersHere + 1);
    for (let position = from; position < to; position += 1) userStart[(eventKey[position]! >>> 5) + 1]! += 1;
    for (let local = 0; local < usersHere; local += 1) {
      userStart[local + 1]! += userStart[local]!;
      userCursor[local] = userStart[local]!;
    }
    for (let position = from; position < to; position += 1)
      order[userCursor[eventKey[position]! >>> 5]!++] = position;

    for (let local = 0; local < usersHere; local += 1) {
      const runFrom = userStart[local]!;
      const runTo = userStart[local + 1]!;
      if (runTo === runFrom) continue;
      const slot = firstUser + local;
      const base = slot * steps;
      if (!inOrder(order, runFrom, runTo, eventTime, eventKey, eventIndex, tieBreak)) {
        order
          .subarray(runFrom, runTo)
          .sort(
            (left, right) =>
              eventTime[left]! - eventTime[right]! ||
              (eventKey[left]! & 31) - (eventKey[right]! & 31) ||
              (tieBreak === undefined ? 0 : tieBreak[eventIndex[left]!]! - tieBreak[eventIndex[right]!]!) ||
              left - right,
          );
      }
      resetSimpleChains(start, steps);
      let furthest = -1;
      for (let cursorInRun = runFrom; cursorInRun < runTo; cursorInRun += 1) {
        const position = order[cursorInRun]!;
        const step = eventKey[position]! & 31;
        if (
          advanceSimpleChain(
            start,
            times,
            events,
            steps,
            window,
            step,
            eventTime[position]!,
            eventIndex[position]!,
          ) &&
          step > furthest
        ) {
          furthest = step;
          recordSimpleChain(times, events, steps, step, outcomeTimes, outcomeEvents, base);
        }
      }
      outcomeFurthest[slot] = furthest;
      outcomeReached[slot] = reachedUpTo(furthest);
    }
  }
}

/** Whether one user's run is already in (time, step, tie-break) order. */
function inOrder(
  order: Int32Array,
  from: number,
  to: number,
  eventTime: Float64Array,
  eventKey: Int32Array,
  eventIndex: Int32Array,
  tieBreak: Int32Array | undefined,
): boolean {
  let previous = order[from]!;
  for (let cursor = from + 1; cursor < to; cursor += 1) {
    const position = order[cursor]!;
    const time = eventTime[position]!;
    const previousTime = eventTime[previous]!;
    if (time < previousTime) return false;
    if (time === previousTime) {
      const step = eventKey[position]! & 31;
      const previousStep = eventKey[previous]! & 31;
      if (step < previousStep) return false;
      if (
        step === previousStep &&
        tieBreak !== undefined &&
        tieBreak[eventIndex[position]!]! < tieBreak[eventIndex[previous]!]!
      )
        return false;
    }
    previous = position;
  }
  return true;
}
