/**
 * The per-event step of a simple sequential funnel (see `CompiledFunnel.simpleStepOfName`), the one
 * function every path that runs such a funnel calls, so they cannot drift apart.
 *
 * One user's state is three typed arrays over the funnel's `steps` steps: `start[s]`, the time of
 * the step-0 event of the attempt kept at step s (NaN when no attempt reached s), and row s of
 * `times` / `events` (`s × steps … s × steps + s`), that attempt's step times and event indexes.
 * At each step the attempt kept is the one that started last: it has the most room left in the
 * window, so it can reach every step an earlier one could.
 */

/** Forgets every attempt: the state of a user before their first event. */
export function resetSimpleChains(start: Float64Array, steps: number): void {
  for (let step = 0; step < steps; step += 1) start[step] = Number.NaN;
}

/**
 * The decision of {@link advanceSimpleChain} from `start` alone, for a run that keeps counts only:
 * whether an event of step `step` at `time` completes the step (then `start[step]` is updated),
 * without copying step times and events. {@link advanceSimpleChain} calls it, so both decide alike.
 */
export function advanceSimpleStart(start: Float64Array, window: number, step: number, time: number): boolean {
  if (step === 0) {
    start[0] = time;
    return true;
  }
  const attemptStart = start[step - 1]!;
  // NaN (no attempt at the previous step) fails the window test; a kept attempt that started later
  // than this one is better.
  if (!(time - attemptStart <= window) || start[step]! > attemptStart) return false;
  start[step] = attemptStart;
  return true;
}

/**
 * Feeds one event of step `step` at `time` (events must come in time order, then step order).
 * Returns true when the event completed the step, i.e. row `step` now holds an attempt ending with
 * this event.
 */
export function advanceSimpleChain(
  start: Float64Array,
  times: Float64Array,
  events: Int32Array,
  steps: number,
  window: number,
  step: number,
  time: number,
  event: number,
): boolean {
  if (!advanceSimpleStart(start, window, step, time)) return false;
  const row = step * steps;
  const from = row - steps;
  for (let index = 0; index < step; index += 1) {
    times[row + index] = times[from + index]!;
    events[row + index] = events[from + index]!;
  }
  times[row + step] = time;
  events[row + step] = event;
  return true;
}

/**
 * Copies row `step` of a user's chains into their outcome slot (`base` = slot × steps): the times,
 * and the event indexes when `withEvents`.
 */
export function recordSimpleChain(
  times: Float64Array,
  events: Int32Array,
  steps: number,
  step: number,
  outcomeTimes: Float64Array,
  outcomeEvents: Int32Array,
  base: number,
  withEvents: boolean,
): void {
  const row = step * steps;
  for (let index = 0; index <= step; index += 1) outcomeTimes[base + index] = times[row + index]!;
  if (withEvents)
    for (let index = 0; index <= step; index += 1) outcomeEvents[base + index] = events[row + index]!;
}

/** The `reached` bits of a simple funnel: every step up to the furthest one. */
export function reachedUpTo(furthest: number): number {
  return ((1 << (furthest + 1)) - 1) | 0;
}

/**
 * Where a simple kernel writes the step times of each user's winning attempt directly, when one
 * population is summarised without breakdown or trend (no per-user times array): for each step
 * s ≥ 1 the user reached, the time from step s − 1 and from step 0, at `cursor[s]` of
 * `fromPrevious` / `fromFirst`, advancing `cursor[s]`. Step 1's time from step 0 is its time from
 * the previous step: it goes to `fromPrevious` only (`fromFirst` keeps no step-1 times).
 */
export interface StepTimesSink {
  readonly cursor: Int32Array;
  readonly fromPrevious: Float64Array;
  readonly fromFirst: Float64Array;
}

/** Writes one user's times (`recorded[0…furthest]`, the winning attempt) into `sink`. */
export function sinkStepTimes(sink: StepTimesSink, recorded: Float64Array, furthest: number): void {
  const { cursor, fromPrevious, fromFirst } = sink;
  const first = recorded[0]!;
  if (furthest < 1) return;
  let previous = recorded[1]!;
  fromPrevious[cursor[1]!++] = previous - first;
  for (let step = 2; step <= furthest; step += 1) {
    const time = recorded[step]!;
    const position = cursor[step]!++;
    fromPrevious[position] = time - previous;
    fromFirst[position] = time - first;
    previous = time;
  }
}
