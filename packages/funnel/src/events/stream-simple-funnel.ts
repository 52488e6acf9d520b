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

/**
 * One pass over events for a simple sequential funnel (see `CompiledFunnel.simpleStepOfName`) over
 * input where each user's events are contiguous (any order of users): no buffering and no call per
 * user; the state machine of {@link advanceSimpleChain} runs as the events stream by. A user whose
 * own events are out of (time, step, tie-break) order is replayed, sorted, from their run.
 *
 * Keeps what `outcomes.detail` asks for: with `none`, only the start times of the attempts are
 * tracked ({@link advanceSimpleStart}). With a `sink`, each user's step times go there instead of
 * `outcomes.times` (whose detail should then be `none`); with a `furthestTally`, each user with a
 * step event adds 1 at their furthest step.
 *
 * Returns `false` as soon as a user turns up again after another user's events; the outcomes
 * written so far must then be reset and computed by another path (see `bucketSimpleSequential`).
 */
export function streamSimpleSequential(
  plan: CompiledFunnel,
  user: Int32Array,
  userCount: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  outcomes: FunnelOutcomes,
  tieBreak: Int32Array | undefined,
  sink?: StepTimesSink,
  furthestTally?: Int32Array,
): boolean {
  const stepOf = plan.simpleStepOfName;
  if (stepOf === undefined) return false;
  const steps = plan.stepCount;
  const window = plan.window;
  const count = user.length;
  const seen = new Uint8Array(userCount);
  const start = new Float64Array(steps);
  const times = new Float64Array(steps * steps);
  const events = new Int32Array(steps * steps);
  const outcomeFurthest = outcomes.furthest;
  const outcomeReached = outcomes.reached;
  const outcomeTimes = outcomes.times;
  const outcomeEvents = outcomes.events;
  const keepTimes = outcomes.detail !== 'none' || sink !== undefined;
  const keepEvents = outcomes.detail === 'events';
  // With a sink, the winning attempt's times are kept per user here, then handed to the sink.
  const userTimes = new Float64Array(steps);
  const recordTimes = sink === undefined ? outcomeTimes : userTimes;
  const replay: ReplayState = {
    start,
    times,
    events,
    scratch: new Int32Array(64),
    recordTimes,
    keepEvents,
    fixedBase: sink !== undefined,
  };
  resetSimpleChains(start, steps);
  let current = -1;
  let furthest = -1;
  let runStart = 0;
  let unordered = false;
  let previousTime = Number.NEGATIVE_INFINITY;
  let previousStep = 0;
  let previousTie = 0;
  for (let event = 0; event < count; event += 1) {
    const person = user[event]!;
    if (person !== current) {
      if (current >= 0) {
        if (unordered)
          furthest = replaySorted(
            plan,
            name,
            timestamp,
            tieBreak,
            runStart,
            event,
            current,
            outcomes,
            replay,
          );
        outcomeFurthest[current] = furthest;
        outcomeReached[current] = reachedUpTo(furthest);
        if (sink !== undefined && furthest > 0) sinkStepTimes(sink, userTimes, furthest);
        if (furthestTally !== undefined && furthest >= 0) furthestTally[furthest]! += 1;
      }
      if (seen[person] === 1) return false;
      seen[person] = 1;
      current = person;
      runStart = event;
      unordered = false;
      previousTime = Number.NEGATIVE_INFINITY;
      furthest = -1;
      resetSimpleChains(start, steps);
    }
    if (unordered) continue;
    const step = stepOf[name[event]!]!;
    if (step < 0) continue;
    const time = timestamp[event]!;
    if (time <= previousTime) {
      const tie = tieBreak === undefined ? 0 : tieBreak[event]!;
      if (time < previousTime || step < previousStep || (step === previousStep && tie < previousTie)) {
        unordered = true;
        continue;
      }
      previousTie = tie;
    } else if (tieBreak !== undefined) previousTie = tieBreak[event]!;
    previousTime = time;
    previousStep = step;
    if (
      (keepTimes
        ? advanceSimpleChain(start, times, events, steps, window, step, time, event)
        : advanceSimpleStart(start, window, step, time)) &&
      step > furthest
    ) {
      furthest = step;
      if (keepTimes)
        recordSimpleChain(
          times,
          events,
          steps,
          step,
          recordTimes,
          outcomeEvents,
          sink === undefined ? current * steps : 0,
          keepEvents,
        );
    }
  }
  if (current >= 0) {
    if (unordered)
      furthest = replaySorted(plan, name, timestamp, tieBreak, runStart, count, current, outcomes, replay);
    outcomeFurthest[current] = furthest;
    outcomeReached[current] = reachedUpTo(furthest);
    if (sink !== undefined && furthest > 0) sinkStepTimes(sink, userTimes, furthest);
    if (furthestTally !== undefined && furthest >= 0) furthestTally[furthest]! += 1;
  }
  return true;
}

interface ReplayState {
  readonly start: Float64Array;
  readonly times: Float64Array;
  readonly events: Int32Array;
  scratch: Int32Array;
  /** Where the winning attempt's times go: `outcomes.times`, or one user's row when `fixedBase`. */
  readonly recordTimes: Float64Array;
  readonly keepEvents: boolean;
  readonly fixedBase: boolean;
}

/** Runs the step events of `from … to` (one user's run) sorted; returns the furthest step. */
function replaySorted(
  plan: CompiledFunnel,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  tieBreak: Int32Array | undefined,
  from: number,
  to: number,
  slot: number,
  outcomes: FunnelOutcomes,
  state: ReplayState,
): number {
  const stepOf = plan.simpleStepOfName!;
  const steps = plan.stepCount;
  const { start, times, events } = state;
  if (state.scratch.length < to - from) state.scratch = new Int32Array(to - from);
  let length = 0;
  for (let event = from; event < to; event += 1)
    if (stepOf[name[event]!]! >= 0) state.scratch[length++] = event;
  const ordered = state.scratch
    .subarray(0, length)
    .sort(
      (left, right) =>
        timestamp[left]! - timestamp[right]! ||
        stepOf[name[left]!]! - stepOf[name[right]!]! ||
        (tieBreak === undefined ? 0 : tieBreak[left]! - tieBreak[right]!) ||
        left - right,
    );
  resetSimpleChains(start, steps);
  let furthest = -1;
  for (let position = 0; position < length; position += 1) {
    const event = ordered[position]!;
    const step = stepOf[name[event]!]!;
    if (
      advanceSimpleChain(start, times, events, steps, plan.window, step, timestamp[event]!, event) &&
      step > furthest
    ) {
      furthest = step;
      if (outcomes.detail !== 'none' || state.fixedBase)
        recordSimpleChain(
          times,
          events,
          steps,
          step,
          state.recordTimes,
          outcomes.events,
          state.fixedBase ? 0 : slot * steps,
          state.keepEvents,
        );
    }
  }
  return furthest;
}
