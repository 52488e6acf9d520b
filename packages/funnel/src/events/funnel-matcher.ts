/**
 * The per-user state machines behind {@link computeFunnel}. Internal: one compiled plan, a set of
 * outcome arrays (one slot per user), and a function that runs one user's events (already in
 * time order) through the machine of the funnel's order mode.
 */

/** The funnel definition compiled against the event-name dictionary. */
export interface CompiledFunnel {
  readonly stepCount: number;
  readonly order: 'sequential' | 'strict' | 'any';
  readonly window: number;
  readonly optional: Uint8Array;
  /** Minimum / maximum time from the previous step performed, per step (index 0 unused). */
  readonly minimumGap: Float64Array;
  readonly maximumGap: Float64Array;
  /** True when a minimum gap forces the exhaustive search. */
  readonly exhaustive: boolean;
  /** Per name code: the steps it completes, highest index first. */
  readonly stepsOfName: readonly (Int8Array | undefined)[];
  /** Per name code: the exclusions it triggers, as [fromStep, toStep) pairs. */
  readonly exclusionsOfName: readonly (Int8Array | undefined)[];
  /** Per name code: whether the machine must see it at all. */
  readonly relevant: Uint8Array;
  /** Per name code: tie-break rank for equal timestamps (exclusions −1, steps by index, others last). */
  readonly rank: Int32Array;
  /**
   * Per name code: the one step it completes, or −1. Set only when the funnel is "simple" —
   * sequential, distinct step names, no exclusions, no optional steps, no times between steps —
   * which selects the shorter state machine of `simple-chain.ts` (same result as the general one).
   */
  readonly simpleStepOfName?: Int8Array;
}

/**
 * How much of each user's winning attempt a run keeps: `none` only the furthest step (counts),
 * `times` also the step times (time to convert, trends), `events` also the event indexes
 * (breakdown attribution). Only the simple sequential kernels honour less than `events`.
 */
export type OutcomeDetail = 'none' | 'times' | 'events';

/** What each user (slot) ended with. */
export interface FunnelOutcomes {
  /** What `times` and `events` hold; an array not kept is empty. */
  readonly detail: OutcomeDetail;
  /** Furthest step reached, −1 when none. */
  readonly furthest: Int8Array;
  /** Bit i set when the user ever reached step i. */
  readonly reached: Int32Array;
  /** 1 when an exclusion event removed the user. */
  readonly excluded: Uint8Array;
  /** Per slot, `stepCount` times of the winning attempt (NaN for steps not performed). */
  readonly times: Float64Array;
  /** Per slot, `stepCount` event indexes of the winning attempt (−1 for steps not performed). */
  readonly events: Int32Array;
}

/** Allocates outcome arrays for `slots` users, keeping `detail` of each winning attempt. */
export function createOutcomes(
  slots: number,
  stepCount: number,
  detail: OutcomeDetail = 'events',
): FunnelOutcomes {
  return {
    detail,
    furthest: new Int8Array(slots).fill(-1),
    reached: new Int32Array(slots),
    excluded: new Uint8Array(slots),
    times: new Float64Array(detail === 'none' ? 0 : slots * stepCount),
    events: new Int32Array(detail === 'events' ? slots * stepCount : 0),
  };
}

interface ChainEntry {
  readonly start: number;
  readonly times: Float64Array;
  readonly events: Int32Array;
}

/**
 * Builds the function that runs one user's events through the funnel. `indices[0…length)` are
 * event indexes in (timestamp, rank) order.
 */
export function createUserMatcher(
  plan: CompiledFunnel,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  outcomes: FunnelOutcomes,
): (slot: number, indices: Int32Array, length: number) => void {
  const steps = plan.stepCount;
  const window = plan.window;
  const { optional, minimumGap, maximumGap, stepsOfName, exclusionsOfName } = plan;
  const chainValid = new Uint8Array(steps);
  const chainStart = new Float64Array(steps);
  const chainTimes = new Float64Array(steps * steps);
  const chainEvents = new Int32Array(steps * steps);
  const updated = new Uint8Array(steps);
  const lists: ChainEntry[][] = Array.from({ length: steps }, () => []);
  const levelCounts = new Int32Array(steps);
  const seen = new Uint8Array(steps);
  const strict = plan.order === 'strict';

  function record(slot: number, row: Float64Array, rowEvents: Int32Array, offset: number, step: number) {
    const base = slot * steps;
    for (let index = 0; index <= step; index += 1) {
      outcomes.times[base + index] = row[offset + index]!;
      outcomes.events[base + index] = rowEvents[offset + index]!;
    }
  }

  function sequentialOrStrict(slot: number, indices: Int32Array, length: number): void {
    chainValid.fill(0);
    outcomes.excluded[slot] = 0;
    let furthest = -1;
    let reached = 0;
    for (let position = 0; position < length; position += 1) {
      const event = indices[position]!;
      const code = name[event]!;
      const time = timestamp[event]!;
      const exclusions = exclusionsOfName[code];
      if (exclusions !== undefined) {
        for (let pair = 0; pair < exclusions.length; pair += 2) {
          for (let step = exclusions[pair]!; step < exclusions[pair + 1]!; step += 1) {
            if (chainValid[step] === 1 && time - chainStart[step]! <= window) {
              outcomes.excluded[slot] = 1;
              outcomes.furthest[slot] = furthest;
              outcomes.reached[slot] = reached;
              return;
            }
          }
        }
      }
      const matches = stepsOfName[code];
      if (strict) updated.fill(0);
      if (matches !== undefined) {
        for (let match = 0; match < matches.length; match += 1) {
          const step = matches[match]!;
          let start = time;
          let predecessor = -1;
          if (step > 0) {
            let bestStart = Number.NEGATIVE_INFINITY;
            for (let previous = step - 1; previous >= 0; previous -= 1) {
              if (chainValid[previous] === 1) {
                const candidate = chainStart[previous]!;
                if (candidate > bestStart && time - candidate <= window) {
                  const gap = time - chainTimes[previous * steps + previous]!;
                  if (gap >= minimumGap[step]! && gap <= maximumGap[step]!) {
                    bestStart = candidate;
                    predecessor = previous;
                  }
                }
              }
              if (optional[previous] === 0) break;
            }
            if (predecessor < 0) continue;
            start = bestStart;
          }
          if (chainValid[step] === 1 && chainStart[step]! > start && !strict) continue;
          const row = step * steps;
          if (predecessor >= 0) {
            const from = predecessor * steps;
            for (let index = 0; index <= predecessor; index += 1) {
              chainTimes[row + index] = chainTimes[from + index]!;
              chainEvents[row + index] = chainEvents[from + index]!;
            }
          }
          for (let index = predecessor + 1; index < step; index += 1) {
            chainTimes[row + index] = Number.NaN;
            chainEvents[row + index] = -1;
          }
          chainTimes[row + step] = time;
          chainEvents[row + step] = event;
          chainStart[step] = start;
          chainValid[step] = 1;
          updated[step] = 1;
          reached |= 1 << step;
          if (step > furthest) {
            furthest = step;
            record(slot, chainTimes, chainEvents, row, step);
          }
        }
      }
      // Strict order: only attempts advanced by this very event survive it.
      if (strict) for (let step = 0; step < steps; step += 1) if (updated[step] === 0) chainValid[step] = 0;
    }
    outcomes.furthest[slot] = furthest;
    outcomes.reached[slot] = reached;
  }

  function exhaustive(slot: number, indices: Int32Array, length: number): void {
    for (const list of lists) list.length = 0;
    outcomes.excluded[slot] = 0;
    let furthest = -1;
    let reached = 0;
    for (let position = 0; position < length; position += 1) {
      const event = indices[position]!;
      const code = name[event]!;
      const time = timestamp[event]!;
      const exclusions = exclusionsOfName[code];
      if (exclusions !== undefined) {
        for (let pair = 0; pair < exclusions.length; pair += 2) {
          for (let step = exclusions[pair]!; step < exclusions[pair + 1]!; step += 1) {
            for (const entry of lists[step]!) {
              if (time - entry.start <= window) {
                outcomes.excluded[slot] = 1;
                outcomes.furthest[slot] = furthest;
                outcomes.reached[slot] = reached;
                return;
              }
            }
          }
        }
      }
      const matches = stepsOfName[code];
      if (matches === undefined) continue;
      for (let match = 0; match < matches.length; match += 1) {
        const step = matches[match]!;
        let best: ChainEntry | undefined;
        let bestLevel = -1;
        if (step > 0) {
          for (let previous = step - 1; previous >= 0; previous -= 1) {
            for (const entry of lists[previous]!) {
              if (time - entry.start > window) continue;
              const gap = time - entry.times[previous]!;
              if (gap < minimumGap[step]! || gap > maximumGap[step]!) continue;
              if (
                best === undefined ||
                entry.start > best.start ||
                (entry.start === best.start && previous === bestLevel)
              ) {
                best = entry;
                bestLevel = previous;
              }
            }
            if (optional[previous] === 0) break;
          }
          if (best === undefined) continue;
        }
        const times = new Float64Array(steps).fill(Number.NaN);
        const events = new Int32Array(steps).fill(-1);
        if (best !== undefined) {
          times.set(best.times.subarray(0, bestLevel + 1));
          events.set(best.events.subarray(0, bestLevel + 1));
        }
        times[step] = time;
        events[step] = event;
        const list = lists[step]!;
        // Attempts that started outside the window can never advance again.
        if (list.length > 0 && time - list[0]!.start > window) {
          const kept = list.filter((entry) => time - entry.start <= window);
          list.length = 0;
          list.push(...kept);
        }
        list.push({ start: best === undefined ? time : best.start, times, events });
        reached |= 1 << step;
        if (step > furthest) {
          furthest = step;
          record(slot, times, events, 0, step);
        }
      }
    }
    outcomes.furthest[slot] = furthest;
    outcomes.reached[slot] = reached;
  }

  function anyOrder(slot: number, indices: Int32Array, length: number): void {
    levelCounts.fill(0);
    let left = 0;
    let distinct = 0;
    let best = 0;
    const base = slot * steps;
    for (let right = 0; right < length; right += 1) {
      const event = indices[right]!;
      const step = stepsOfName[name[event]!]![0]!;
      levelCounts[step] = levelCounts[step]! + 1;
      if (levelCounts[step] === 1) distinct += 1;
      const time = timestamp[event]!;
      while (time - timestamp[indices[left]!]! > window) {
        const leaving = stepsOfName[name[indices[left]!]!]![0]!;
        levelCounts[leaving] = levelCounts[leaving]! - 1;
        if (levelCounts[leaving] === 0) distinct -= 1;
        left += 1;
      }
      if (distinct > best) {
        best = distinct;
        // Record when this window reached each level: the events that added a new step.
        seen.fill(0);
        let level = 0;
        for (let position = left; position <= right && level < best; position += 1) {
          const inner = indices[position]!;
          const innerStep = stepsOfName[name[inner]!]![0]!;
          if (seen[innerStep] === 1) continue;
          seen[innerStep] = 1;
          outcomes.times[base + level] = timestamp[inner]!;
          outcomes.events[base + level] = inner;
          level += 1;
        }
      }
    }
    outcomes.furthest[slot] = best - 1;
    outcomes.reached[slot] = best === 0 ? 0 : (2 ** best - 1) | 0;
  }

  if (plan.order === 'any') return anyOrder;
  if (plan.exhaustive && !strict) return exhaustive;
  return sequentialOrStrict;
}
