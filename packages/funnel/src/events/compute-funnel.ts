import { KizunaValidationError, parseInput } from '@kizuna/core';
import { type DistributionSummary, summarizeDistribution, summarizeInPlace } from '../statistics/quantiles';
import { ratioOrNull } from '../statistics/ratio';
import { createLocalDayIndexer, dayNumberToDate, periodStartDay } from '../time/local-day';
import { bucketSimpleSequential } from './bucket-simple-funnel';
import { type ColumnScan, type EventsInput, normalizeEvents, type PropertyValue } from './event-input';
import {
  type CompiledFunnel,
  createOutcomes,
  createUserMatcher,
  type FunnelOutcomes,
  type OutcomeDetail,
} from './funnel-matcher';
import { type FunnelOptions, type FunnelOptionsInput, funnelOptionsSchema } from './funnel-options';
import { forEachUser } from './group-by-user';
import type { StepTimesSink } from './simple-chain';
import { streamSimpleSequential } from './stream-simple-funnel';

/** One step of a funnel result. Rates are fractions (0.25 = 25 %), `null` when nobody entered. */
export interface FunnelStepResult {
  /** 0-based position. */
  readonly index: number;
  /** The event name. In `any` order, row k counts users who did any k + 1 of the steps. */
  readonly name: string;
  readonly optional: boolean;
  /** Users who reached this step (distinct users, excluded users removed). */
  readonly count: number;
  /** count / count of step 0. */
  readonly conversionFromFirst: number | null;
  /** count / count of the nearest earlier required step (1 for step 0). */
  readonly conversionFromPrevious: number | null;
  /** Users of the nearest earlier required step who did not reach this one. */
  readonly dropOffFromPrevious: number;
  /** Milliseconds from the previous step performed to this one, over users who reached it. */
  readonly timeFromPrevious: DistributionSummary | null;
  /** Milliseconds from step 0 to this one. */
  readonly timeFromFirst: DistributionSummary | null;
}

/** One period of a funnel trend. */
export interface FunnelTrendPoint {
  /** First local date of the period, `YYYY-MM-DD`. */
  readonly periodStart: string;
  /** Users whose attempt started in this period. */
  readonly enteredUsers: number;
  /** Of those, users who reached the last step. */
  readonly convertedUsers: number;
  readonly conversionRate: number | null;
  /** Milliseconds from the first to the last step, over converted users. */
  readonly timeToConvert: DistributionSummary | null;
}

/** Counts, conversion and timing of one population (everyone, or one breakdown value). */
export interface FunnelSummary {
  readonly steps: readonly FunnelStepResult[];
  /** Users who did step 0. */
  readonly enteredUsers: number;
  /** Users who reached the last step. */
  readonly convertedUsers: number;
  /** convertedUsers / enteredUsers. */
  readonly conversionRate: number | null;
  /** Milliseconds from the first to the last step, over converted users. */
  readonly timeToConvert: DistributionSummary | null;
  /** Present when `trend` was asked for: one point per period with entrants, oldest first. */
  readonly trend?: readonly FunnelTrendPoint[];
}

/** One breakdown value and its funnel. */
export interface FunnelBreakdownGroup extends FunnelSummary {
  /** The property value; `null` groups users without one. */
  readonly value: PropertyValue;
}

/** The result of {@link computeFunnel}. */
export interface FunnelResult extends FunnelSummary {
  /** The definition as applied (window in ms), so a reader knows what was counted. */
  readonly definition: {
    readonly order: FunnelOptions['order'];
    readonly windowMilliseconds: number;
    readonly steps: readonly string[];
    readonly exclusions: readonly {
      readonly name: string;
      readonly fromStep: number;
      readonly toStep: number;
    }[];
  };
  /** Users removed by an exclusion step. */
  readonly excludedUsers: number;
  /** Present with `breakdown`: groups by entered users, largest first, then by value. */
  readonly breakdown?: {
    readonly property: string;
    readonly attribution: string;
    readonly groups: readonly FunnelBreakdownGroup[];
  };
  /** Things worth knowing that are not errors (a step that matched no event, …). */
  readonly warnings: readonly string[];
}

function invalid(path: string, message: string): never {
  throw KizunaValidationError.forField('funnel options', path, message);
}

interface StepDefinition {
  readonly name: string;
  readonly optional: boolean;
  readonly minimum: number;
  readonly maximum: number;
}

function stepDefinitions(options: FunnelOptions): StepDefinition[] {
  return options.steps.map((step) =>
    typeof step === 'string'
      ? {
          name: step,
          optional: false,
          minimum: options.betweenSteps?.minimum ?? 0,
          maximum: options.betweenSteps?.maximum ?? Number.POSITIVE_INFINITY,
        }
      : {
          name: step.name,
          optional: step.optional,
          minimum: step.after ?? options.betweenSteps?.minimum ?? 0,
          maximum: step.within ?? options.betweenSteps?.maximum ?? Number.POSITIVE_INFINITY,
        },
  );
}

/**
 * Whether parsed options define a simple sequential funnel — sequential order, no exclusions,
 * distinct step names, no optional steps and no times between steps — which the simple kernels
 * run (`CompiledFunnel.simpleStepOfName`). Internal: the parallel pool asks it before validating.
 * @internal
 */
export function isSimpleSequential(options: FunnelOptions): boolean {
  const steps = stepDefinitions(options);
  return (
    options.order === 'sequential' &&
    options.exclusions.length === 0 &&
    new Set(steps.map((step) => step.name)).size === steps.length &&
    steps.every((step) => !step.optional && step.minimum === 0 && step.maximum === Number.POSITIVE_INFINITY)
  );
}

function compile(options: FunnelOptions, names: readonly string[], strictNames: boolean) {
  const stepCount = options.steps.length;
  const steps = stepDefinitions(options);
  if (steps[0]!.optional) invalid('steps[0].optional', 'the first step cannot be optional');
  if (steps[stepCount - 1]!.optional)
    invalid(`steps[${stepCount - 1}].optional`, 'the last step cannot be optional');
  if (options.order === 'any') {
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (seen.has(step.name))
        invalid(`steps[${index}]`, `"${step.name}" appears twice; any order needs distinct steps`);
      seen.add(step.name);
      if (step.optional || step.minimum > 0 || step.maximum < Number.POSITIVE_INFINITY)
        invalid(`steps[${index}]`, 'optional steps and times between steps need sequential or strict order');
    });
    if (options.exclusions.length > 0) invalid('exclusions', 'exclusions need sequential or strict order');
  }
  const nameCode = new Map<string, number>();
  names.forEach((name, code) => {
    if (!nameCode.has(name)) nameCode.set(name, code);
  });
  const warnings: string[] = [];
  steps.forEach((step, index) => {
    if (nameCode.has(step.name)) return;
    if (strictNames) invalid(`steps[${index}]`, `"${step.name}" is not in the event names`);
    warnings.push(`step ${index} "${step.name}" matched no event`);
  });
  const stepsOfName: (Int8Array | undefined)[] = new Array(names.length).fill(undefined);
  const exclusionsOfName: (Int8Array | undefined)[] = new Array(names.length).fill(undefined);
  const rank = new Int32Array(names.length).fill(stepCount);
  const relevant = new Uint8Array(names.length).fill(options.order === 'strict' ? 1 : 0);
  names.forEach((name, code) => {
    const matching: number[] = [];
    for (let index = stepCount - 1; index >= 0; index -= 1)
      if (steps[index]!.name === name) matching.push(index);
    if (matching.length > 0) {
      stepsOfName[code] = Int8Array.from(matching);
      rank[code] = matching[matching.length - 1]!;
      relevant[code] = 1;
    }
  });
  const exclusions = options.exclusions.map((exclusion, index) => {
    const toStep = exclusion.toStep ?? stepCount - 1;
    if (toStep >= stepCount) invalid(`exclusions[${index}].toStep`, `there are only ${stepCount} steps`);
    if (exclusion.fromStep >= toStep)
      invalid(`exclusions[${index}].fromStep`, 'fromStep must be before toStep');
    for (let step = exclusion.fromStep; step <= toStep; step += 1) {
      if (steps[step]!.name === exclusion.name)
        invalid(
          `exclusions[${index}].name`,
          `"${exclusion.name}" is also step ${step} of the excluded range`,
        );
    }
    const code = nameCode.get(exclusion.name);
    if (code !== undefined) {
      const previous = exclusionsOfName[code];
      const pair = [exclusion.fromStep, toStep];
      exclusionsOfName[code] = Int8Array.from(previous === undefined ? pair : [...previous, ...pair]);
      relevant[code] = 1;
      if (stepsOfName[code] === undefined) rank[code] = -1;
    }
    return { name: exclusion.name, fromStep: exclusion.fromStep, toStep };
  });
  const minimumGap = Float64Array.from(steps, (step) => step.minimum);
  const maximumGap = Float64Array.from(steps, (step) => step.maximum);
  const simpleStepOfName = isSimpleSequential(options)
    ? Int8Array.from(stepsOfName, (matching) => (matching === undefined ? -1 : matching[0]!))
    : undefined;
  const plan: CompiledFunnel = {
    stepCount,
    order: options.order,
    window: options.window,
    optional: Uint8Array.from(steps, (step) => (step.optional ? 1 : 0)),
    minimumGap,
    maximumGap,
    exhaustive: minimumGap.some((gap, index) => index > 0 && gap > 0),
    stepsOfName,
    exclusionsOfName,
    relevant,
    rank,
    ...(simpleStepOfName === undefined ? {} : { simpleStepOfName }),
  };
  return { plan, steps, exclusions, warnings };
}

interface Population {
  /** Group index per slot, −1 when the slot is in no group. */
  readonly groupOfSlot: Int32Array;
  readonly groupCount: number;
}

/**
 * Users per (group, step), and when `timed` is given how many times between steps each will hold
 * (a skipped optional step, NaN, has none). Users in no group (−1), excluded or without step 0 are
 * left out.
 */
function countSteps(
  stepCount: number,
  outcomes: FunnelOutcomes,
  groupOfSlot: Int32Array,
  counts: Int32Array,
  timed: Int32Array | undefined,
): void {
  const { furthest: furthestOf, reached: reachedOf, excluded: excludedOf, times } = outcomes;
  for (let slot = 0; slot < groupOfSlot.length; slot += 1) {
    const group = groupOfSlot[slot]!;
    const furthest = furthestOf[slot]!;
    if (group < 0 || furthest < 0 || excludedOf[slot] !== 0) continue;
    const offset = group * stepCount;
    const base = slot * stepCount;
    let reached = reachedOf[slot]!;
    for (let step = 0; reached !== 0; step += 1, reached >>>= 1) {
      if ((reached & 1) === 0) continue;
      counts[offset + step]! += 1;
      if (timed !== undefined && step > 0 && step <= furthest && !Number.isNaN(times[base + step]!))
        timed[offset + step]! += 1;
    }
  }
}

/**
 * Writes each counted user's time from the previous step performed and from step 0, for every
 * step after 0 up to their furthest, at `cursor[(group, step)]`, which it advances.
 */
function collectTimes(
  stepCount: number,
  outcomes: FunnelOutcomes,
  groupOfSlot: Int32Array,
  cursor: Int32Array,
  fromPrevious: Float64Array,
  fromFirst: Float64Array,
): void {
  const { furthest: furthestOf, excluded: excludedOf, times } = outcomes;
  for (let slot = 0; slot < groupOfSlot.length; slot += 1) {
    const group = groupOfSlot[slot]!;
    const furthest = furthestOf[slot]!;
    if (group < 0 || furthest < 0 || excludedOf[slot] !== 0) continue;
    const offset = group * stepCount;
    const base = slot * stepCount;
    const first = times[base]!;
    let previousTime = first;
    for (let step = 1; step <= furthest; step += 1) {
      const time = times[base + step]!;
      if (Number.isNaN(time)) continue;
      const position = cursor[offset + step]!++;
      fromPrevious[position] = time - previousTime;
      fromFirst[position] = time - first;
      previousTime = time;
    }
  }
}

/**
 * {@link countSteps} and {@link collectTimes} in one pass, for a single group (every counted slot
 * has group 0) whose step s times have room from `cursor[s]` on.
 */
function countAndCollectTimes(
  stepCount: number,
  outcomes: FunnelOutcomes,
  groupOfSlot: Int32Array,
  counts: Int32Array,
  cursor: Int32Array,
  fromPrevious: Float64Array,
  fromFirst: Float64Array,
): void {
  const { furthest: furthestOf, reached: reachedOf, excluded: excludedOf, times } = outcomes;
  for (let slot = 0; slot < groupOfSlot.length; slot += 1) {
    const furthest = furthestOf[slot]!;
    if (groupOfSlot[slot]! < 0 || furthest < 0 || excludedOf[slot] !== 0) continue;
    let reached = reachedOf[slot]!;
    for (let step = 0; reached !== 0; step += 1, reached >>>= 1) counts[step]! += reached & 1;
    const base = slot * stepCount;
    const first = times[base]!;
    let previousTime = first;
    for (let step = 1; step <= furthest; step += 1) {
      const time = times[base + step]!;
      if (Number.isNaN(time)) continue;
      const position = cursor[step]!++;
      fromPrevious[position] = time - previousTime;
      fromFirst[position] = time - first;
      previousTime = time;
    }
  }
}

/**
 * The time summaries of one population's steps, computed elsewhere (by the parallel pool's
 * threads, with the same {@link summarizeInPlace}): entry s for step s, null where no user has a
 * time (and for step 0). Step 1's `fromFirst` is its `fromPrevious` and is not read.
 * @internal
 */
export interface StepTimeSummaries {
  readonly fromPrevious: readonly (DistributionSummary | null)[];
  readonly fromFirst: readonly (DistributionSummary | null)[];
}

function summarize(
  plan: CompiledFunnel,
  steps: readonly StepDefinition[],
  outcomes: FunnelOutcomes,
  population: Population,
  trendPeriodOf: ((time: number) => number) | undefined,
  timing: boolean,
  sunk?: StepTimesSink,
  furthestTally?: Int32Array,
  summarized?: StepTimeSummaries,
): FunnelSummary[] {
  const stepCount = plan.stepCount;
  const { groupOfSlot, groupCount } = population;
  const counts = new Int32Array(groupCount * stepCount);
  const timed = new Int32Array(groupCount * stepCount);
  const trends: Map<number, { entered: number; converted: number; times: number[] }>[] = Array.from(
    { length: groupCount },
    () => new Map(),
  );
  const last = stepCount - 1;
  const { furthest: furthestOf, reached: reachedOf, excluded: excludedOf, times } = outcomes;
  // The times of (group, step) lie at timesFrom … timesTo of two flat arrays.
  const timesFrom = new Int32Array(groupCount * stepCount);
  const timesTo = new Int32Array(groupCount * stepCount);
  let fromPrevious: Float64Array;
  let fromFirst: Float64Array;
  // With a tally of furthest steps (one group, a simple funnel: no exclusions, no skipped steps),
  // step s counts the users whose furthest step is s or later.
  const countFromTally = (tally: Int32Array) => {
    let users = 0;
    for (let step = stepCount - 1; step >= 0; step -= 1) counts[step] = users += tally[step]!;
  };
  if (sunk !== undefined) {
    // One group whose times the kernel already wrote: step s's times start at (s − 1) × slots.
    if (furthestTally !== undefined) countFromTally(furthestTally);
    else countSteps(stepCount, outcomes, groupOfSlot, counts, undefined);
    fromPrevious = sunk.fromPrevious;
    fromFirst = sunk.fromFirst;
    for (let step = 1; step < stepCount; step += 1) {
      timesFrom[step] = (step - 1) * groupOfSlot.length;
      timesTo[step] = sunk.cursor[step]!;
    }
  } else if (timing && groupCount === 1) {
    // One group: step s (s ≥ 1) gets a region as large as the population, so counts and times
    // come from one pass.
    const slots = groupOfSlot.length;
    fromPrevious = new Float64Array(Math.max(0, stepCount - 1) * slots);
    fromFirst = new Float64Array(fromPrevious.length);
    for (let step = 1; step < stepCount; step += 1) timesFrom[step] = (step - 1) * slots;
    timesTo.set(timesFrom);
    countAndCollectTimes(stepCount, outcomes, groupOfSlot, counts, timesTo, fromPrevious, fromFirst);
  } else {
    // Pass 1: counts per step, and how many times each (group, step) will hold.
    if (!timing && furthestTally !== undefined) countFromTally(furthestTally);
    else countSteps(stepCount, outcomes, groupOfSlot, counts, timing ? timed : undefined);
    // Pass 2: the times themselves, (group, step) after (group, step) in two flat arrays.
    let total = 0;
    for (let index = 0; index < timed.length; index += 1) {
      timesFrom[index] = total;
      total += timed[index]!;
    }
    fromPrevious = new Float64Array(timing ? total : 0);
    fromFirst = new Float64Array(fromPrevious.length);
    timesTo.set(timesFrom);
    if (timing) collectTimes(stepCount, outcomes, groupOfSlot, timesTo, fromPrevious, fromFirst);
  }
  if (trendPeriodOf !== undefined) {
    for (let slot = 0; slot < groupOfSlot.length; slot += 1) {
      const group = groupOfSlot[slot]!;
      if (group < 0 || furthestOf[slot]! < 0 || excludedOf[slot] !== 0) continue;
      const base = slot * stepCount;
      const first = times[base]!;
      const period = trendPeriodOf(first);
      let point = trends[group]!.get(period);
      if (point === undefined) trends[group]!.set(period, (point = { entered: 0, converted: 0, times: [] }));
      point.entered += 1;
      if ((reachedOf[slot]! & (1 << last)) !== 0) {
        point.converted += 1;
        if (timing) point.times.push(times[base + last]! - first);
      }
    }
  }
  const timesOf = (values: Float64Array, index: number) =>
    values.subarray(timesFrom[index]!, timesTo[index]!);
  const summaries: FunnelSummary[] = [];
  for (let group = 0; group < groupCount; group += 1) {
    const offset = group * stepCount;
    const entered = counts[offset]!;
    let previousRequired = 0;
    const stepResults: FunnelStepResult[] = steps.map((step, index) => {
      const count = counts[offset + index]!;
      const previousCount = counts[offset + previousRequired]!;
      const previousSummary = !timing
        ? null
        : summarized !== undefined
          ? summarized.fromPrevious[index]!
          : summarizeInPlace(timesOf(fromPrevious, offset + index));
      const result: FunnelStepResult = {
        index,
        name: step.name,
        optional: step.optional,
        count,
        conversionFromFirst: ratioOrNull(count, entered),
        conversionFromPrevious: index === 0 ? ratioOrNull(count, count) : ratioOrNull(count, previousCount),
        dropOffFromPrevious: index === 0 ? 0 : previousCount - count,
        timeFromPrevious: previousSummary,
        // Step 1's time from the first step is its time from the previous one.
        timeFromFirst: !timing
          ? null
          : index === 1
            ? previousSummary
            : summarized !== undefined
              ? summarized.fromFirst[index]!
              : summarizeInPlace(timesOf(fromFirst, offset + index)),
      };
      if (!step.optional) previousRequired = index;
      return result;
    });
    const converted = counts[offset + last]!;
    const summary: FunnelSummary = {
      steps: stepResults,
      enteredUsers: entered,
      convertedUsers: converted,
      conversionRate: ratioOrNull(converted, entered),
      timeToConvert: stepCount === 1 ? null : stepResults[last]!.timeFromFirst,
      ...(trendPeriodOf === undefined
        ? {}
        : {
            trend: [...trends[group]!.entries()]
              .sort((left, right) => left[0] - right[0])
              .map(([period, point]) => ({
                periodStart: dayNumberToDate(period),
                enteredUsers: point.entered,
                convertedUsers: point.converted,
                conversionRate: ratioOrNull(point.converted, point.entered),
                timeToConvert: stepCount === 1 || !timing ? null : summarizeDistribution(point.times),
              })),
          }),
    };
    summaries.push(summary);
  }
  return summaries;
}

function compareValues(left: PropertyValue, right: PropertyValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  const leftText = `${typeof left}:${String(left)}`;
  const rightText = `${typeof right}:${String(right)}`;
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}

/**
 * Computes a conversion funnel over events: how many distinct users reached each step, the
 * conversion from the first and from the previous step, the time between steps (mean, median,
 * p90, p95), optionally broken down by a property and trended by period.
 *
 * Semantics (PostHog's, see docs/guides/funnel.md):
 * - **sequential**: a user reaches step k when there are events of steps 0…k at non-decreasing
 *   times, each step after the previous one, all within `window` of step 0; other events may come
 *   in between. Each user counts once, at the furthest step reached; their times are those of the
 *   first attempt that reached it, and among attempts the one that started last (the shortest).
 * - **strict**: as sequential, but the steps must be consecutive events of the user: any other event
 *   of that user in between (a funnel event or not) breaks the attempt.
 * - **any**: step k counts users who did any k + 1 distinct steps within one window.
 * - Equal timestamps count as "in order" (exclusions are taken first, then steps by index, then
 *   other events), so the result never depends on the order of the input.
 * - Optional steps may be skipped; per-step `within` / `after` bound the time from the previous
 *   step performed; exclusions remove users from every step.
 *
 * Cost: linear in the events for sequential, strict and any order (a fixed number of passes over
 * the input, no global sort: events are grouped by user with a counting pass; for a simple
 * sequential funnel, one streaming pass over input already grouped by user, else a bucketing of the
 * events by block of users); a step `after` (minimum gap) switches to an
 * exhaustive search that is quadratic in the events of one user inside one window. Duplicated
 * events are not removed (the engine cannot tell a double submission from a repeat): deduplicate
 * upstream if your source can send an event twice.
 *
 * @param events - an array of `{ userId, name, timestamp, properties? }` or columns
 *   `{ user, name, names, timestamp, properties? }`; both give identical results
 * @param options - see {@link funnelOptionsSchema}
 * @throws KizunaValidationError for bad events (path names the event), bad options, a step name
 *   missing from columnar `names`, an exclusion that overlaps its own steps, or a breakdown
 *   property column missing from columnar input
 * @example
 * ```ts
 * const events = [
 *   { userId: 'u1', name: 'signup', timestamp: '2026-04-06T09:00:00Z' },
 *   { userId: 'u1', name: 'activate', timestamp: '2026-04-07T09:00:00Z' },
 *   { userId: 'u1', name: 'pay', timestamp: '2026-04-09T09:00:00Z' },
 *   { userId: 'u2', name: 'signup', timestamp: '2026-04-06T10:00:00Z' },
 *   { userId: 'u2', name: 'activate', timestamp: '2026-04-08T10:00:00Z' },
 *   { userId: 'u3', name: 'signup', timestamp: '2026-04-07T10:00:00Z' },
 * ];
 * const result = computeFunnel(events, { steps: ['signup', 'activate', 'pay'], window: { days: 7 } });
 * console.log(result.steps.map((step) => [step.name, step.count, step.conversionFromPrevious]));
 * // [['signup', 3, 1], ['activate', 2, 0.666…], ['pay', 1, 0.5]]
 * ```
 */
export function computeFunnel(events: EventsInput, options: FunnelOptionsInput): FunnelResult {
  return computePreparedFunnel(prepareFunnel(events, options));
}

/**
 * {@link computeFunnel} after {@link prepareFunnel}. Internal: the parallel pool's path for what
 * it does not split, without validating the events twice.
 * @internal
 */
export function computePreparedFunnel(prepared: PreparedFunnel): FunnelResult {
  const { parsed, normalized, plan, steps, exclusions, warnings } = prepared;
  const breakdown = parsed.breakdown;
  if (breakdown?.attribution === 'specific_step') {
    if (breakdown.step === undefined) invalid('breakdown.step', 'specific_step attribution needs a step');
    if (breakdown.step >= plan.stepCount) invalid('breakdown.step', `there are only ${plan.stepCount} steps`);
  }
  let property: { codes: Int32Array; values: PropertyValue[] } | undefined;
  if (breakdown !== undefined) {
    property = normalized.property(breakdown.property);
    if (property === undefined) {
      if (normalized.userIds === undefined)
        throw KizunaValidationError.forField(
          'events',
          `properties.${breakdown.property}`,
          'no such property column',
        );
      warnings.push(`no event has the property "${breakdown.property}"`);
      property = { codes: new Int32Array(normalized.count).fill(-1), values: [] };
    }
  }

  // Events equal in user, name and time but not in the breakdown value are taken in value order.
  let tieBreak: Int32Array | undefined;
  if (property !== undefined) {
    const values = property.values;
    const order = values
      .map((_, code) => code)
      .sort((left, right) => compareValues(values[left]!, values[right]!));
    const valueRank = new Int32Array(values.length);
    order.forEach((code, position) => {
      valueRank[code] = position;
    });
    tieBreak = new Int32Array(normalized.count);
    for (let event = 0; event < normalized.count; event += 1) {
      const code = property.codes[event]!;
      tieBreak[event] = code < 0 ? values.length : valueRank[code]!;
    }
  }
  // What the simple kernels must keep of each user's attempt: event indexes only for an attribution
  // that reads the property of one step's event, times only for times and trends.
  const keepTimes = parsed.timeToConvert || parsed.trend !== undefined;
  const timesDetail: OutcomeDetail = keepTimes ? 'times' : 'none';
  const attributed =
    breakdown !== undefined && property !== undefined && breakdown.attribution !== 'all_steps';
  /**
   * `grouped`: false when some user's events are known not to be contiguous (skip the stream).
   * `sink`: where a simple funnel's kernel writes the step times of one population directly;
   * `tally`: where it counts users by furthest step.
   */
  const run = (
    slotOfEvent: Int32Array,
    slotCount: number,
    detail: OutcomeDetail,
    grouped: boolean,
    sink?: StepTimesSink,
    tally?: Int32Array,
  ): FunnelOutcomes => {
    const { name, timestamp } = normalized;
    if (plan.simpleStepOfName !== undefined) {
      // With a sink and a tally the summary needs nothing per user: the bucket kernel then keeps
      // no outcomes (the stream kernel always does).
      const perUser = sink === undefined || tally === undefined;
      const sinkStart = sink?.cursor.slice();
      if (grouped) {
        const outcomes = createOutcomes(slotCount, plan.stepCount, detail);
        if (
          streamSimpleSequential(
            plan,
            slotOfEvent,
            slotCount,
            name,
            timestamp,
            outcomes,
            tieBreak,
            sink,
            tally,
          )
        )
          return outcomes;
        if (sink !== undefined) sink.cursor.set(sinkStart!);
        tally?.fill(0);
      }
      const outcomes = createOutcomes(perUser ? slotCount : 0, plan.stepCount, detail);
      bucketSimpleSequential(
        plan,
        slotOfEvent,
        slotCount,
        name,
        timestamp,
        perUser ? outcomes : undefined,
        tieBreak,
        undefined,
        sink,
        tally,
      );
      return outcomes;
    }
    const outcomes = createOutcomes(slotCount, plan.stepCount);
    const matchUser = createUserMatcher(plan, name, timestamp, outcomes);
    forEachUser(slotOfEvent, slotCount, name, timestamp, plan.relevant, plan.rank, matchUser, tieBreak);
    return outcomes;
  };
  const slotCount = normalized.userCount;
  // A simple funnel with times, without breakdown or trend: the kernel writes the times of each
  // step straight into the arrays the summary selects percentiles from; step s gets a region as
  // large as the population.
  let sink: StepTimesSink | undefined;
  if (
    plan.simpleStepOfName !== undefined &&
    parsed.timeToConvert &&
    parsed.trend === undefined &&
    breakdown === undefined
  ) {
    const room = Math.max(0, plan.stepCount - 1) * slotCount;
    sink = {
      cursor: Int32Array.from({ length: plan.stepCount }, (_, step) => Math.max(0, step - 1) * slotCount),
      fromPrevious: new Float64Array(room),
      fromFirst: new Float64Array(room),
    };
  }
  const tally = plan.simpleStepOfName === undefined ? undefined : new Int32Array(plan.stepCount);
  const outcomes = run(
    normalized.user,
    slotCount,
    attributed ? 'events' : sink === undefined ? timesDetail : 'none',
    normalized.userRuns <= slotCount,
    sink,
    tally,
  );

  let trendPeriodOf: ((time: number) => number) | undefined;
  if (parsed.trend !== undefined) {
    const days = createLocalDayIndexer(parsed.trend.timeZone);
    const period = parsed.trend.period;
    trendPeriodOf = (time) => periodStartDay(days.dayOf(time), period);
  }

  let excludedUsers = 0;
  // (Empty outcomes when the kernel kept none: a simple funnel excludes nobody.)
  for (let slot = 0; slot < outcomes.excluded.length; slot += 1) excludedUsers += outcomes.excluded[slot]!;
  const everyone = summarize(
    plan,
    steps,
    outcomes,
    { groupOfSlot: new Int32Array(slotCount), groupCount: 1 },
    trendPeriodOf,
    parsed.timeToConvert,
    sink,
    tally,
  )[0]!;
  const definition = {
    order: parsed.order,
    windowMilliseconds: parsed.window,
    steps: steps.map((step) => step.name),
    exclusions,
  };
  if (breakdown === undefined || property === undefined) {
    return { definition, ...everyone, excludedUsers, warnings };
  }

  // Group each slot by its attributed value (value code + 1, 0 = null). With all-steps attribution
  // the funnel runs again with one slot per (user, value), so a user may sit under several values.
  let groupOutcomes = outcomes;
  let groupOfSlot: Int32Array;
  if (breakdown.attribution === 'all_steps') {
    const slots = new Map<number, number>();
    const width = property.values.length + 1;
    const slotOfEvent = new Int32Array(normalized.count);
    const groups: number[] = [];
    for (let event = 0; event < normalized.count; event += 1) {
      const key = normalized.user[event]! * width + property.codes[event]! + 1;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = groups.length;
        groups.push(property.codes[event]! + 1);
        slots.set(key, slot);
      }
      slotOfEvent[event] = slot;
    }
    groupOutcomes = run(slotOfEvent, groups.length, timesDetail, true);
    groupOfSlot = Int32Array.from(groups);
  } else {
    groupOfSlot = new Int32Array(slotCount);
    for (let slot = 0; slot < slotCount; slot += 1) {
      const furthest = outcomes.furthest[slot]!;
      if (furthest < 0) continue;
      const step =
        breakdown.attribution === 'first_touch'
          ? 0
          : breakdown.attribution === 'last_touch'
            ? furthest
            : breakdown.step!;
      const event = step <= furthest ? outcomes.events[slot * plan.stepCount + step]! : -1;
      groupOfSlot[slot] = event < 0 ? 0 : property.codes[event]! + 1;
    }
  }
  const summaries = summarize(
    plan,
    steps,
    groupOutcomes,
    { groupOfSlot, groupCount: property.values.length + 1 },
    trendPeriodOf,
    parsed.timeToConvert,
  );
  const groups: FunnelBreakdownGroup[] = summaries
    .map((summary, group) => ({ value: group === 0 ? null : property.values[group - 1]!, ...summary }))
    .filter((group) => group.enteredUsers > 0)
    .sort((left, right) => right.enteredUsers - left.enteredUsers || compareValues(left.value, right.value));
  return {
    definition,
    ...everyone,
    excludedUsers,
    breakdown: { property: breakdown.property, attribution: breakdown.attribution, groups },
    warnings,
  };
}

/**
 * The validation and compilation every funnel run starts with: options parsed (throws
 * `KizunaValidationError` naming the field), events normalized, the definition compiled against
 * the event names. Internal: shared by {@link computeFunnel} and the `@kizuna/funnel/parallel` pool,
 * which passes the `scan` of columns its threads made.
 * @internal
 */
export function prepareFunnel(events: EventsInput, options: FunnelOptionsInput, scan?: ColumnScan) {
  const parsed = parseInput(funnelOptionsSchema, options, 'funnel options');
  const normalized = normalizeEvents(events, scan);
  const compiled = compile(parsed, normalized.names, normalized.userIds === undefined);
  return { parsed, normalized, ...compiled };
}

/** What {@link prepareFunnel} returns. @internal */
export type PreparedFunnel = ReturnType<typeof prepareFunnel>;

/**
 * Runs a simple sequential funnel (`plan.simpleStepOfName` set) over the events of users
 * 0 … `userCount` − 1, without breakdown or tie-break: the one stream-or-bucket choice
 * {@link computeFunnel} makes. Returns the users per furthest step; with a `sink`, each user's
 * times from the previous step and from step 0 are written at `sink.cursor[s]`, which advances.
 * Internal: the per-slice kernel of the parallel pool on rows in user order.
 * @internal
 */
export function runSimpleFunnelRange(
  plan: CompiledFunnel,
  user: Int32Array,
  userCount: number,
  userRuns: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  sink: StepTimesSink | undefined,
): Int32Array {
  const tally = new Int32Array(plan.stepCount);
  const outcomes = createOutcomes(userCount, plan.stepCount, 'none');
  // Stream when the rows are grouped by user; else (or when the stream finds them not grouped)
  // start over with the bucket kernel.
  const sinkStart = sink?.cursor.slice();
  if (
    userRuns <= userCount &&
    streamSimpleSequential(plan, user, userCount, name, timestamp, outcomes, undefined, sink, tally)
  )
    return tally;
  outcomes.furthest.fill(-1);
  outcomes.reached.fill(0);
  if (sink !== undefined) sink.cursor.set(sinkStart!);
  tally.fill(0);
  bucketSimpleSequential(plan, user, userCount, name, timestamp, outcomes, undefined, undefined, sink, tally);
  return tally;
}

/**
 * The result of a simple sequential funnel without breakdown or trend from the merged output of
 * {@link runSimpleFunnelRange} over all `userCount` users: the same summary code as
 * {@link computeFunnel}, so percentiles are selected alike (or given, `summarized`, when the
 * pool's threads selected them with that code). Internal: the parallel pool's merge.
 * @internal
 */
export function finishSimpleFunnel(
  prepared: PreparedFunnel,
  userCount: number,
  tally: Int32Array,
  sink: StepTimesSink | undefined,
  summarized?: StepTimeSummaries,
): FunnelResult {
  const { parsed, plan, steps, exclusions, warnings } = prepared;
  const everyone = summarize(
    plan,
    steps,
    createOutcomes(0, plan.stepCount, 'none'),
    { groupOfSlot: new Int32Array(userCount), groupCount: 1 },
    undefined,
    parsed.timeToConvert,
    sink,
    tally,
    summarized,
  )[0]!;
  const definition = {
    order: parsed.order,
    windowMilliseconds: parsed.window,
    steps: steps.map((step) => step.name),
    exclusions,
  };
  return { definition, ...everyone, excludedUsers: 0, warnings };
}
