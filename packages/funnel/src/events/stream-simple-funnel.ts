import type { CompiledFunnel, FunnelOutcomes } from './funnel-matcher';

/**
 * One pass over events for the commonest case — a simple sequential funnel (see
 * `CompiledFunnel.simpleStepOfName`) over input where each user's events are contiguous — with no
 * buffering and no per-user call: the per-user state machine runs as the events stream by. A user
 * whose own events are out of (time, step) order is replayed from their run, sorted. Returns `false`
 * as soon as a user turns up again after another user's events, leaving the outcomes to be
 * rewritten by the general path.
 */
export function streamSimpleSequential(
  plan: CompiledFunnel,
  user: Int32Array,
  userCount: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  outcomes: FunnelOutcomes,
  tieBreak: Int32Array | undefined,
): boolean {
  const stepOf = plan.simpleStepOfName;
  if (stepOf === undefined) return false;
  const steps = plan.stepCount;
  const window = plan.window;
  const count = user.length;
  const seen = new Uint8Array(userCount);
  const chainValid = new Uint8Array(steps);
  const chainStart = new Float64Array(steps);
  const chainTimes = new Float64Array(steps * steps);
  const chainEvents = new Int32Array(steps * steps);
  const {
    furthest: outcomeFurthest,
    reached: outcomeReached,
    times: outcomeTimes,
    events: outcomeEvents,
  } = outcomes;
  let current = -1;
  let furthest = -1;
  let reached = 0;

  function feed(event: number, step: number, time: number): void {
    const row = step * steps;
    if (step === 0) {
      chainStart[0] = time;
      chainValid[0] = 1;
      chainTimes[0] = time;
      chainEvents[0] = event;
    } else {
      const previous = step - 1;
      if (chainValid[previous] === 0) return;
      const start = chainStart[previous]!;
      if (time - start > window) return;
      if (chainValid[step] === 1 && chainStart[step]! > start) return;
      const from = previous * steps;
      for (let index = 0; index < step; index += 1) {
        chainTimes[row + index] = chainTimes[from + index]!;
        chainEvents[row + index] = chainEvents[from + index]!;
      }
      chainTimes[row + step] = time;
      chainEvents[row + step] = event;
      chainStart[step] = start;
      chainValid[step] = 1;
    }
    reached |= 1 << step;
    if (step > furthest) {
      furthest = step;
      const base = current * steps;
      for (let index = 0; index <= step; index += 1) {
        outcomeTimes[base + index] = chainTimes[row + index]!;
        outcomeEvents[base + index] = chainEvents[row + index]!;
      }
    }
  }

  function reset(): void {
    furthest = -1;
    reached = 0;
    for (let step = 0; step < steps; step += 1) chainValid[step] = 0;
  }

  let scratch = new Int32Array(64);
  function replaySorted(from: number, to: number): void {
    reset();
    let length = 0;
    for (let event = from; event < to; event += 1) {
      if (stepOf![name[event]!]! < 0) continue;
      if (length === scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[length++] = event;
    }
    const ordered = scratch
      .subarray(0, length)
      .sort(
        (left, right) =>
          timestamp[left]! - timestamp[right]! ||
          stepOf![name[left]!]! - stepOf![name[right]!]! ||
          (tieBreak === undefined ? 0 : tieBreak[left]! - tieBreak[right]!) ||
          left - right,
      );
    for (const event of ordered) feed(event, stepOf![name[event]!]!, timestamp[event]!);
  }

  let runStart = 0;
  let unordered = false;
  let previousTime = Number.NEGATIVE_INFINITY;
  let previousStep = 0;
  let previousTie = 0;
  for (let event = 0; event < count; event += 1) {
    const person = user[event]!;
    if (person !== current) {
      if (current >= 0) {
        if (unordered) replaySorted(runStart, event);
        outcomeFurthest[current] = furthest;
        outcomeReached[current] = reached;
      }
      if (seen[person] === 1) return false;
      seen[person] = 1;
      current = person;
      runStart = event;
      unordered = false;
      previousTime = Number.NEGATIVE_INFINITY;
      reset();
    }
    if (unordered) continue;
    const step = stepOf[name[event]!]!;
    if (step < 0) continue;
    const time = timestamp[event]!;
    const tie = tieBreak === undefined ? 0 : tieBreak[event]!;
    if (
      time < previousTime ||
      (time === previousTime && (step < previousStep || (step === previousStep && tie < previousTie)))
    ) {
      unordered = true;
      continue;
    }
    previousTime = time;
    previousStep = step;
    previousTie = tie;
    feed(event, step, time);
  }
  if (current >= 0) {
    if (unordered) replaySorted(runStart, count);
    outcomeFurthest[current] = furthest;
    outcomeReached[current] = reached;
  }
  return true;
}
