import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFunnel } from './compute-funnel';
import type { EventColumns, FunnelEvent } from './event-input';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = Date.parse('2026-04-01T00:00:00Z');

function event(
  userId: string,
  name: string,
  offset: number,
  properties?: FunnelEvent['properties'],
): FunnelEvent {
  return { userId, name, timestamp: t0 + offset, ...(properties === undefined ? {} : { properties }) };
}

function counts(result: { steps: readonly { count: number }[] }): number[] {
  return result.steps.map((step) => step.count);
}

/** Array events → columns, the way an Arrow export would give them. */
function toColumns(events: readonly FunnelEvent[], property?: string): EventColumns {
  const users = new Map<string | number, number>();
  const names: string[] = [];
  const user = new Int32Array(events.length);
  const name = new Uint16Array(events.length);
  const timestamp = new Float64Array(events.length);
  events.forEach((item, index) => {
    if (!users.has(item.userId)) users.set(item.userId, users.size);
    if (!names.includes(item.name)) names.push(item.name);
    user[index] = users.get(item.userId)!;
    name[index] = names.indexOf(item.name);
    timestamp[index] = Number(item.timestamp);
  });
  return {
    user,
    name,
    names,
    timestamp,
    ...(property === undefined
      ? {}
      : { properties: { [property]: events.map((item) => item.properties?.[property] ?? null) } }),
  };
}

// Five users through view → signup → pay, window 1 day:
// a: view 0, signup +1 h, pay +2 h           → reaches pay
// b: view 0, signup +3 h                       → reaches signup
// c: view 0, pay +1 h, signup +2 h            → pay before signup: reaches signup only
// d: view 0, signup +25 h                      → signup outside the 1-day window: view only
// e: signup 0 (never viewed)                   → not in the funnel
const basic: FunnelEvent[] = [
  event('a', 'view', 0),
  event('a', 'signup', hour),
  event('a', 'pay', 2 * hour),
  event('b', 'view', 0),
  event('b', 'signup', 3 * hour),
  event('c', 'view', 0),
  event('c', 'pay', hour),
  event('c', 'signup', 2 * hour),
  event('d', 'view', 0),
  event('d', 'signup', 25 * hour),
  event('e', 'signup', 0),
];

describe('computeFunnel', () => {
  it('counts users per step with conversion from the first and the previous step', () => {
    const result = computeFunnel(basic, { steps: ['view', 'signup', 'pay'], window: { days: 1 } });
    // view: a b c d = 4; signup: a b c = 3; pay: a = 1.
    expect(counts(result)).toEqual([4, 3, 1]);
    // 3/4 = 0.75 from first and previous; pay: 1/4 = 0.25 from first, 1/3 from previous.
    expect(result.steps[1]).toMatchObject({
      conversionFromFirst: 0.75,
      conversionFromPrevious: 0.75,
      dropOffFromPrevious: 1,
    });
    expect(result.steps[2]!.conversionFromFirst).toBe(0.25);
    expect(result.steps[2]!.conversionFromPrevious).toBeCloseTo(1 / 3, 12);
    expect(result).toMatchObject({ enteredUsers: 4, convertedUsers: 1, conversionRate: 0.25 });
  });

  it('reports time between steps with median, p90 and p95', () => {
    // signup − view: a 1 h, b 3 h, c 2 h → sorted 1, 2, 3 h.
    // median = 2 h; p90: h = (3 − 1) × 0.9 = 1.8 → 2 + 0.8 × (3 − 2) = 2.8 h; p95 → 2.9 h; mean 2 h.
    const result = computeFunnel(basic, { steps: ['view', 'signup', 'pay'], window: { days: 1 } });
    expect(result.steps[1]!.timeFromPrevious).toMatchObject({ count: 3, mean: 2 * hour, median: 2 * hour });
    expect(result.steps[1]!.timeFromPrevious!.p90).toBeCloseTo(2.8 * hour, 6);
    expect(result.steps[1]!.timeFromPrevious!.p95).toBeCloseTo(2.9 * hour, 6);
    // pay: only a, 1 h after signup and 2 h after view.
    expect(result.steps[2]!.timeFromPrevious!.median).toBe(hour);
    expect(result.timeToConvert!.median).toBe(2 * hour);
    expect(result.steps[0]!.timeFromPrevious).toBeNull();
  });

  it('skips the timings and keeps the counts when timeToConvert is false', () => {
    const result = computeFunnel(basic, {
      steps: ['view', 'signup', 'pay'],
      window: { days: 1 },
      timeToConvert: false,
    });
    expect(counts(result)).toEqual([4, 3, 1]);
    expect(result.steps.map((step) => step.timeFromPrevious)).toEqual([null, null, null]);
    expect(result.timeToConvert).toBeNull();
  });

  it('applies the window from the first step to every later step', () => {
    const result = computeFunnel(basic, { steps: ['view', 'signup'], window: { days: 2 } });
    // With 2 days d's signup at +25 h counts too: 4 of 4.
    expect(counts(result)).toEqual([4, 4]);
  });

  it('includes a step exactly at the end of the window', () => {
    const events = [
      event('u', 'view', 0),
      event('u', 'pay', hour),
      event('v', 'view', 0),
      event('v', 'pay', hour + 1),
    ];
    expect(counts(computeFunnel(events, { steps: ['view', 'pay'], window: { hours: 1 } }))).toEqual([2, 1]);
  });

  it('takes the latest start so a user who restarts can still convert inside the window', () => {
    const events = [event('u', 'view', 0), event('u', 'view', 2 * day), event('u', 'pay', 2 * day + hour)];
    const result = computeFunnel(events, { steps: ['view', 'pay'], window: { days: 1 } });
    expect(counts(result)).toEqual([1, 1]);
    expect(result.timeToConvert!.median).toBe(hour);
  });

  it('counts steps at the same timestamp as in order', () => {
    const events = [event('u', 'pay', 5), event('u', 'view', 5)];
    expect(counts(computeFunnel(events, { steps: ['view', 'pay'] }))).toEqual([1, 1]);
  });

  it('needs a separate event for each step when a step name repeats', () => {
    const once = [event('u', 'view', 0)];
    const twice = [event('u', 'view', 0), event('u', 'view', minute)];
    expect(counts(computeFunnel(once, { steps: ['view', 'view'] }))).toEqual([1, 0]);
    expect(counts(computeFunnel(twice, { steps: ['view', 'view'] }))).toEqual([1, 1]);
  });

  it('breaks a strict funnel on any other event in between', () => {
    const events = [
      event('a', 'view', 0),
      event('a', 'signup', minute),
      event('b', 'view', 0),
      event('b', 'scroll', minute),
      event('b', 'signup', 2 * minute),
    ];
    expect(counts(computeFunnel(events, { steps: ['view', 'signup'], order: 'strict' }))).toEqual([2, 1]);
    expect(counts(computeFunnel(events, { steps: ['view', 'signup'], order: 'sequential' }))).toEqual([2, 2]);
  });

  it('counts any k of the steps in any order', () => {
    // c did view, pay, signup: 3 distinct steps; b and a too (a in order); d: 2 within 2 days.
    const result = computeFunnel(basic, {
      steps: ['view', 'signup', 'pay'],
      order: 'any',
      window: { days: 1 },
    });
    // Within 1 day: a 3, b 2, c 3, d 1 (signup is 25 h later), e 1 (signup only) → [5, 3, 2].
    expect(counts(result)).toEqual([5, 3, 2]);
  });

  it('removes users who do an exclusion event between the given steps', () => {
    const events = [
      event('a', 'view', 0),
      event('a', 'support', minute),
      event('a', 'pay', 2 * minute),
      event('b', 'view', 0),
      event('b', 'pay', 2 * minute),
      event('c', 'support', 0),
      event('c', 'view', minute),
      event('c', 'pay', 2 * minute),
    ];
    const result = computeFunnel(events, {
      steps: ['view', 'pay'],
      exclusions: [{ name: 'support', fromStep: 0, toStep: 1 }],
    });
    // a is removed; c's support came before view, so c stays.
    expect(counts(result)).toEqual([2, 2]);
    expect(result.excludedUsers).toBe(1);
  });

  it('lets users skip an optional step and counts those who did it', () => {
    const events = [
      event('a', 'view', 0),
      event('a', 'demo', minute),
      event('a', 'pay', 2 * minute),
      event('b', 'view', 0),
      event('b', 'pay', minute),
      event('c', 'view', 0),
    ];
    const result = computeFunnel(events, {
      steps: ['view', { name: 'demo', optional: true }, 'pay'],
    });
    // view 3; demo (optional) 1; pay 2 (a with the demo, b without). pay from previous required (view): 2/3.
    expect(counts(result)).toEqual([3, 1, 2]);
    expect(result.steps[2]!.conversionFromPrevious).toBeCloseTo(2 / 3, 12);
    // Time to pay from the previous step performed: a 1 min (after demo), b 1 min (after view).
    expect(result.steps[2]!.timeFromPrevious!.median).toBe(minute);
  });

  it('applies per-step windows and minimum times between steps', () => {
    const events = [
      event('fast', 'view', 0),
      event('fast', 'pay', 10 * minute),
      event('slow', 'view', 0),
      event('slow', 'pay', 3 * hour),
      event('instant', 'view', 0),
      event('instant', 'pay', 10),
    ];
    const within = computeFunnel(events, { steps: ['view', { name: 'pay', within: { hours: 1 } }] });
    expect(counts(within)).toEqual([3, 2]);
    const after = computeFunnel(events, { steps: ['view', { name: 'pay', after: { minutes: 1 } }] });
    expect(counts(after)).toEqual([3, 2]);
    const both = computeFunnel(events, {
      steps: ['view', 'pay'],
      betweenSteps: { minimum: minute, maximum: hour },
    });
    expect(counts(both)).toEqual([3, 1]);
  });

  it('finds an older start when the newest one is too close for the minimum time', () => {
    // view 0, view +50 min, pay +60 min with pay ≥ 30 min after view: the first view qualifies.
    const events = [event('u', 'view', 0), event('u', 'view', 50 * minute), event('u', 'pay', hour)];
    const result = computeFunnel(events, { steps: ['view', { name: 'pay', after: { minutes: 30 } }] });
    expect(counts(result)).toEqual([1, 1]);
    expect(result.timeToConvert!.median).toBe(hour);
  });

  it('breaks down by first-touch, last-touch, all-steps and a specific step', () => {
    const events = [
      event('a', 'view', 0, { source: 'ads' }),
      event('a', 'pay', minute, { source: 'mail' }),
      event('b', 'view', 0, { source: 'mail' }),
      event('b', 'pay', minute, { source: 'mail' }),
      event('c', 'view', 0, { source: 'ads' }),
    ];
    const options = { steps: ['view', 'pay'] };
    const byValue = (
      attribution: 'first_touch' | 'last_touch' | 'all_steps' | 'specific_step',
      step?: number,
    ) =>
      Object.fromEntries(
        computeFunnel(events, {
          ...options,
          breakdown: { property: 'source', attribution, ...(step === undefined ? {} : { step }) },
        }).breakdown!.groups.map((group) => [String(group.value), counts(group)]),
      );
    // first touch: a ads, b mail, c ads → ads [2, 1], mail [1, 1].
    expect(byValue('first_touch')).toEqual({ ads: [2, 1], mail: [1, 1] });
    // last touch: a pay=mail, b mail, c view=ads → mail [2, 2], ads [1, 0].
    expect(byValue('last_touch')).toEqual({ mail: [2, 2], ads: [1, 0] });
    // all steps: per value only events with it: ads {a view, c view} [2, 0]; mail {a pay, b view+pay} [1, 1].
    expect(byValue('all_steps')).toEqual({ ads: [2, 0], mail: [1, 1] });
    // specific step 1: a mail, b mail, c never paid → null.
    expect(byValue('specific_step', 1)).toEqual({ mail: [2, 2], null: [1, 0] });
  });

  it('trends conversion by the local day the attempt started', () => {
    // Tokyo is UTC+9: 14:59Z is 23:59 on April 1, 15:00Z is 00:00 on April 2.
    const events = [
      event('a', 'view', 14 * hour + 59 * minute),
      event('a', 'pay', 16 * hour),
      event('b', 'view', 15 * hour),
    ];
    const result = computeFunnel(events, { steps: ['view', 'pay'], trend: { period: 'day' } });
    expect(result.trend).toEqual([
      expect.objectContaining({
        periodStart: '2026-04-01',
        enteredUsers: 1,
        convertedUsers: 1,
        conversionRate: 1,
      }),
      expect.objectContaining({
        periodStart: '2026-04-02',
        enteredUsers: 1,
        convertedUsers: 0,
        conversionRate: 0,
      }),
    ]);
    expect(result.trend![0]!.timeToConvert!.median).toBe(61 * minute);
  });

  it('warns about a step that matched no event and rejects it for columns', () => {
    expect(computeFunnel(basic, { steps: ['view', 'sigup'] }).warnings).toEqual([
      'step 1 "sigup" matched no event',
    ]);
    expect(() => computeFunnel(toColumns(basic), { steps: ['view', 'sigup'] })).toThrow(
      KizunaValidationError,
    );
  });

  it('rejects bad events and options naming the field', () => {
    expect(() =>
      computeFunnel([{ userId: 'a', name: 'view', timestamp: 'yesterday' }], { steps: ['view'] }),
    ).toThrow(/\[0\]\.timestamp/);
    expect(() => computeFunnel(basic, { steps: [] })).toThrow(KizunaValidationError);
    expect(() =>
      computeFunnel(basic, { steps: ['view', 'pay'], exclusions: [{ name: 'pay', fromStep: 0, toStep: 1 }] }),
    ).toThrow(/exclusions\[0\]\.name/);
    expect(() =>
      computeFunnel(basic, { steps: ['view', 'pay'], order: 'any', exclusions: [{ name: 'x' }] }),
    ).toThrow(/exclusions/);
    const columns = toColumns(basic);
    expect(() => computeFunnel({ ...columns, name: Uint8Array.of(9) }, { steps: ['view'] })).toThrow(/name/);
  });
});

// ---- Properties ---------------------------------------------------------------------------------

const names = ['a', 'b', 'c', 'x'];
const eventsArbitrary = fc.array(
  fc.record({
    userId: fc.integer({ min: 0, max: 2 }),
    name: fc.constantFrom(...names),
    timestamp: fc.integer({ min: 0, max: 20 }),
    properties: fc.record({ tier: fc.constantFrom('free', 'pro', null) }),
  }),
  { minLength: 4, maxLength: 30, size: 'medium' },
);
const stepsArbitrary = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 4 });

/**
 * The definition, searched exhaustively: for each user, every chain of distinct events in
 * (time, step rank) order. Returns the set of steps each user reached.
 */
function reachedByExhaustiveSearch(
  events: readonly FunnelEvent[],
  steps: readonly string[],
  window: number,
  minimum: number,
  maximum: number,
): Map<string | number, Set<number>> {
  const rank = (name: string) => {
    const index = steps.indexOf(name);
    return index < 0 ? steps.length : index;
  };
  const byUser = new Map<string | number, FunnelEvent[]>();
  for (const item of events) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
  const reached = new Map<string | number, Set<number>>();
  for (const [user, list] of byUser) {
    const sorted = [...list].sort(
      (left, right) => Number(left.timestamp) - Number(right.timestamp) || rank(left.name) - rank(right.name),
    );
    const steps_ = new Set<number>();
    const extend = (step: number, position: number, start: number, last: number) => {
      steps_.add(step);
      if (step + 1 >= steps.length) return;
      for (let next = position + 1; next < sorted.length; next += 1) {
        const time = Number(sorted[next]!.timestamp);
        const gap = time - last;
        if (
          sorted[next]!.name === steps[step + 1] &&
          time - start <= window &&
          gap >= minimum &&
          gap <= maximum
        )
          extend(step + 1, next, start, time);
      }
    };
    sorted.forEach((item, position) => {
      if (item.name === steps[0]) extend(0, position, Number(item.timestamp), Number(item.timestamp));
    });
    if (steps_.size > 0) reached.set(user, steps_);
  }
  return reached;
}

describe('computeFunnel properties', () => {
  it('never has more users at a step than at the step before', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        stepsArbitrary,
        fc.constantFrom('sequential', 'strict', 'any'),
        (events, steps, order) => {
          const unique = order === 'any' ? [...new Set(steps)] : steps;
          const result = computeFunnel(events, { steps: unique, order, window: 15 });
          for (let index = 1; index < result.steps.length; index += 1)
            expect(result.steps[index]!.count).toBeLessThanOrEqual(result.steps[index - 1]!.count);
        },
      ),
    );
  });

  it('agrees with an exhaustive search of every chain of events', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        stepsArbitrary,
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom(0, 0, 1, 3),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('as generated', 'by user', 'by user and time'),
        (unordered, steps, window, minimum, extra, layout) => {
          // Grouped by user, the one-pass path runs (replaying a user whose events are out of order);
          // otherwise the general one.
          const stepNames: readonly string[] = steps;
          const rank = (name: string) => (stepNames.includes(name) ? stepNames.indexOf(name) : steps.length);
          const events =
            layout === 'as generated'
              ? unordered
              : [...unordered].sort(
                  (left, right) =>
                    Number(left.userId) - Number(right.userId) ||
                    (layout === 'by user'
                      ? 0
                      : Number(left.timestamp) - Number(right.timestamp) ||
                        rank(left.name) - rank(right.name)),
                );
          // Without limits between steps a simpler loop runs: cover it too.
          const unbounded = minimum === 0 && extra >= 6;
          const maximum = unbounded ? Number.POSITIVE_INFINITY : minimum + extra;
          const expected = reachedByExhaustiveSearch(events, steps, window, minimum, maximum);
          const result = computeFunnel(events, {
            steps,
            window,
            ...(unbounded ? {} : { betweenSteps: { minimum, maximum } }),
          });
          const expectedCounts = steps.map(
            (_, index) => [...expected.values()].filter((set) => set.has(index)).length,
          );
          expect(counts(result)).toEqual(expectedCounts);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        eventsArbitrary.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        stepsArbitrary,
        fc.constantFrom('sequential', 'strict'),
        ([events, shuffled], steps, order) => {
          const options = {
            steps,
            order,
            window: 20,
            breakdown: { property: 'tier', attribution: 'last_touch' as const },
            trend: { period: 'day' as const },
          };
          expect(computeFunnel(shuffled, options)).toEqual(computeFunnel(events, options));
        },
      ),
    );
  });

  it('gives identical results for array and columnar input', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        stepsArbitrary,
        fc.constantFrom('first_touch', 'last_touch', 'all_steps') as fc.Arbitrary<
          'first_touch' | 'last_touch' | 'all_steps'
        >,
        (events, steps, attribution) => {
          // Columns need every step name in the dictionary.
          const withNames = [...events, ...names.map((name) => ({ userId: 99, name, timestamp: 0 }))];
          const options = { steps, window: 10, breakdown: { property: 'tier', attribution } };
          const fromArray = computeFunnel(withNames, options);
          const fromColumns = computeFunnel(toColumns(withNames, 'tier'), options);
          expect(fromColumns).toEqual({ ...fromArray, warnings: fromColumns.warnings });
          expect(fromColumns.warnings).toEqual([]);
        },
      ),
    );
  });
});
