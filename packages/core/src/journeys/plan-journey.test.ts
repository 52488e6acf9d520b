import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KizunaValidationError } from '../errors/validation-error';
import type { JourneyInput } from './journey';
import { planJourney } from './plan-journey';

/** The late-payment escalation of seeds/001 §5.2: day 7 reminder, day 14 second reminder, day 21 CSM. */
const dunning: JourneyInput = {
  id: 'dunning',
  name: 'Dunning',
  anchor: 'invoice_issued',
  exitWhen: { fact: 'paid', op: 'eq', value: true },
  steps: [
    {
      id: 'day-7',
      offset: { days: 7 },
      action: { type: 'payment_reminder', channel: 'email', title: 'Reminder' },
    },
    {
      id: 'day-14',
      offset: { days: 14 },
      action: { type: 'second_reminder', channel: 'phone', title: 'Second' },
    },
    {
      id: 'day-21',
      offset: { days: 21 },
      action: {
        type: 'csm_intervention',
        channel: 'task',
        owner: 'csm',
        automated: false,
        priority: 'critical',
        title: 'CSM',
        deadline: { hours: 24 },
      },
    },
  ],
};

/** B2B onboarding days 15–30 of seeds/001 §5.1: remind every 3 days until the first measurement. */
const firstMeasurement: JourneyInput = {
  id: 'onboarding-first-measurement',
  name: 'First measurement',
  anchor: 'signup',
  steps: [
    {
      id: 'remind',
      offset: { days: 15 },
      at: '10:00',
      repeat: {
        every: { days: 3 },
        until: { fact: 'firstMeasurementDone', op: 'eq', value: true },
        maxOccurrences: 6,
      },
      action: { type: 'first_measurement_reminder', channel: 'email', title: 'Book your first measurement' },
    },
  ],
};

const issued = '2026-04-01T01:00:00Z'; // 10:00 in Tokyo

describe('planJourney', () => {
  it('gives the day 7 and day 14 dunning steps on day 15, each with its own key', () => {
    const plan = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, facts: { paid: false } },
      '2026-04-16T00:00:00Z',
    );
    expect(plan.exited).toBe(false);
    expect(plan.due.map((action) => [action.type, action.dueAt])).toEqual([
      ['payment_reminder', '2026-04-08T01:00:00.000Z'],
      ['second_reminder', '2026-04-15T01:00:00.000Z'],
    ]);
    expect(plan.due[0]?.idempotencyKey).toBe('journey:dunning:c1:2026-04-01T01%3A00%3A00.000Z:day-7');
    expect(plan.nextDueAt).toBe('2026-04-22T01:00:00.000Z');
    expect(plan.due[0]?.source).toEqual({ engine: 'journey', ruleId: 'dunning/day-7' });
  });

  it('keeps two subjects of one customer apart when they share an anchor instant', () => {
    const first = planJourney(
      dunning,
      { customerId: 'c1', subjectId: 'inv-1', anchorAt: issued },
      '2026-04-09T00:00:00Z',
    );
    const second = planJourney(
      dunning,
      { customerId: 'c1', subjectId: 'inv-2', anchorAt: issued },
      '2026-04-09T00:00:00Z',
    );
    expect(first.due[0]?.idempotencyKey).toBe('journey:dunning:c1:inv-1:2026-04-01T01%3A00%3A00.000Z:day-7');
    expect(first.due[0]?.idempotencyKey).not.toBe(second.due[0]?.idempotencyKey);
  });

  it('sets a deadline for a person from the step template', () => {
    const plan = planJourney(dunning, { customerId: 'c1', anchorAt: issued }, '2026-04-22T01:00:00Z');
    const csm = plan.due.find((action) => action.type === 'csm_intervention');
    expect(csm).toMatchObject({
      owner: 'csm',
      automated: false,
      priority: 'critical',
      deadlineAt: '2026-04-23T01:00:00.000Z',
    });
  });

  it('gives nothing once the exit condition holds', () => {
    const plan = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, facts: { paid: true } },
      '2026-05-01T00:00:00Z',
    );
    expect(plan).toEqual({
      journeyId: 'dunning',
      customerId: 'c1',
      exited: true,
      due: [],
      skipped: [],
      upcoming: [],
    });
  });

  it('never gives a completed step again', () => {
    const plan = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, completedStepIds: ['day-7'] },
      '2026-04-16T00:00:00Z',
    );
    expect(plan.due.map((action) => action.type)).toEqual(['second_reminder']);
    expect(plan.skipped).toEqual([
      { stepId: 'day-7', dueAt: '2026-04-08T01:00:00.000Z', reason: 'completed' },
    ]);
  });

  it('skips a step whose condition does not hold', () => {
    const journey: JourneyInput = {
      ...dunning,
      steps: [{ ...dunning.steps[0]!, when: { fact: 'amountDue', op: 'gt', value: 0 } }],
    };
    const plan = planJourney(
      journey,
      { customerId: 'c1', anchorAt: issued, facts: { amountDue: 0 } },
      '2026-04-09T00:00:00Z',
    );
    expect(plan.due).toEqual([]);
    expect(plan.skipped[0]?.reason).toBe('condition_not_met');
  });

  it('repeats a reminder every 3 days at 10:00 Tokyo time and gives only the latest occurrence', () => {
    const signup = '2026-04-01T03:00:00Z'; // 12:00 in Tokyo
    // Day 15 = 16 April 10:00 JST = 01:00Z; then 19, 22, 25 April.
    const onDay21 = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-04-22T00:00:00Z',
    );
    expect(onDay21.due.map((action) => [action.dueAt, action.idempotencyKey.split(':').at(-1)])).toEqual([
      ['2026-04-19T01:00:00.000Z', '2'],
    ]);
    expect(onDay21.nextDueAt).toBe('2026-04-22T01:00:00.000Z');
  });

  it('stops repeating once the until condition holds, and after maxOccurrences', () => {
    const signup = '2026-04-01T03:00:00Z';
    const done = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup, facts: { firstMeasurementDone: true } },
      '2026-04-22T00:00:00Z',
    );
    expect(done.due).toEqual([]);
    expect(done.skipped[0]?.reason).toBe('repeat_finished');
    // Six occurrences: 16, 19, 22, 25, 28 April and 1 May; nothing new after that.
    const late = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-06-01T00:00:00Z',
    );
    expect(late.due.map((action) => action.dueAt)).toEqual(['2026-05-01T01:00:00.000Z']);
    expect(late.nextDueAt).toBeUndefined();
  });

  it('skips an occurrence older than expiresAfter instead of sending it late', () => {
    const journey: JourneyInput = { ...dunning, expiresAfter: { days: 3 } };
    const plan = planJourney(journey, { customerId: 'c1', anchorAt: issued }, '2026-04-16T00:00:00Z');
    // Day 7 (8 April) is 8 days old: stale. Day 14 (15 April) is fresh.
    expect(plan.due.map((action) => action.type)).toEqual(['second_reminder']);
    expect(plan.skipped).toEqual([{ stepId: 'day-7', dueAt: '2026-04-08T01:00:00.000Z', reason: 'expired' }]);
  });

  it('supports steps before the anchor, such as renewal D-90', () => {
    const renewal: JourneyInput = {
      id: 'renewal',
      name: 'Renewal',
      anchor: 'contract_end',
      steps: [
        {
          id: 'd-90',
          offset: { days: -90 },
          action: { type: 'loyalty_offer', channel: 'email', title: 'Offer' },
        },
      ],
    };
    const plan = planJourney(
      renewal,
      { customerId: 'c1', anchorAt: '2026-12-31T15:00:00Z' },
      '2026-10-03T00:00:00Z',
    );
    expect(plan.due.map((action) => action.dueAt)).toEqual(['2026-10-02T15:00:00.000Z']);
  });

  it('keeps the local time of day across a DST change in calendar-day offsets', () => {
    const journey: JourneyInput = { ...dunning, timeZone: 'America/New_York', exitWhen: undefined };
    // Issued 1 March 2026 09:00 EST (14:00Z); day 7 is 8 March 09:00 EDT (13:00Z), after the clocks changed.
    const plan = planJourney(
      journey,
      { customerId: 'c1', anchorAt: '2026-03-01T14:00:00Z' },
      '2026-03-09T00:00:00Z',
    );
    expect(plan.due.map((action) => action.dueAt)).toEqual(['2026-03-08T13:00:00.000Z']);
  });

  it('lists the dunning steps still to come with their templates, in time order', () => {
    // Issued 1 April 10:00 Tokyo (01:00Z). On 9 April 00:00Z day 7 (8 April 01:00Z) is due;
    // day 14 (15 April 01:00Z) and day 21 (22 April 01:00Z) are to come.
    const plan = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, facts: { paid: false } },
      '2026-04-09T00:00:00Z',
    );
    expect(plan.due.map((action) => action.dueAt)).toEqual(['2026-04-08T01:00:00.000Z']);
    expect(plan.upcoming).toEqual([
      {
        stepId: 'day-14',
        dueAt: '2026-04-15T01:00:00.000Z',
        type: 'second_reminder',
        channel: 'phone',
        owner: 'automation',
        priority: 'medium',
        title: 'Second',
        automated: true,
        conditional: false,
      },
      {
        stepId: 'day-21',
        dueAt: '2026-04-22T01:00:00.000Z',
        type: 'csm_intervention',
        channel: 'task',
        owner: 'csm',
        priority: 'critical',
        title: 'CSM',
        automated: false,
        conditional: false,
      },
    ]);
    // A completed step is not to come either; once paid nothing is.
    const withCompleted = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, completedStepIds: ['day-14'] },
      '2026-04-09T00:00:00Z',
    );
    expect(withCompleted.upcoming.map((step) => step.stepId)).toEqual(['day-21']);
    const paid = planJourney(
      dunning,
      { customerId: 'c1', anchorAt: issued, facts: { paid: true } },
      '2026-04-09T00:00:00Z',
    );
    expect(paid.upcoming).toEqual([]);
  });

  it('marks an upcoming step whose condition does not hold as conditional, across a DST change', () => {
    // New York: clocks go from EST (-5) to EDT (-4) on Sunday 8 March 2026.
    const onboarding: JourneyInput = {
      id: 'onboarding',
      name: 'Onboarding',
      anchor: 'signup',
      timeZone: 'America/New_York',
      steps: [
        {
          id: 'welcome',
          offset: { days: 0 },
          action: { type: 'welcome', channel: 'email', title: 'Welcome' },
        },
        {
          id: 'check-in',
          offset: { days: 7 },
          at: '09:00',
          when: { fact: 'firstMeasurementDone', op: 'eq', value: false },
          action: { type: 'check_in', channel: 'phone', owner: 'csm', automated: false, title: 'Check in' },
        },
        {
          id: 'video',
          offset: { days: 3 },
          at: '09:00',
          when: { not: { fact: 'howToVideoWatched', op: 'eq', value: true } },
          action: { type: 'how_to_video', channel: 'email', title: 'How-to video' },
        },
        {
          id: 'call',
          offset: { days: 1, hours: 2 },
          action: { type: 'intro_call', channel: 'phone', priority: 'high', title: 'Intro call' },
        },
      ],
    };
    // Signup 5 March 10:00 EST = 15:00Z, planned at 6 March 00:00Z (5 March 19:00 EST):
    // - welcome: 5 March 15:00Z, due;
    // - call: 6 March 10:00 EST (15:00Z) + 2 h elapsed = 17:00Z;
    // - video: 8 March 09:00 EDT = 13:00Z (after the change), already watched: conditional;
    // - check-in: 12 March 09:00 EDT = 13:00Z (before the change it would have been 14:00Z).
    const plan = planJourney(
      onboarding,
      {
        customerId: 'c1',
        anchorAt: '2026-03-05T15:00:00Z',
        facts: { howToVideoWatched: true, firstMeasurementDone: false },
      },
      '2026-03-06T00:00:00Z',
    );
    expect(plan.due.map((action) => [action.type, action.dueAt])).toEqual([
      ['welcome', '2026-03-05T15:00:00.000Z'],
    ]);
    expect(plan.upcoming.map((step) => [step.stepId, step.dueAt, step.conditional])).toEqual([
      ['call', '2026-03-06T17:00:00.000Z', false],
      ['video', '2026-03-08T13:00:00.000Z', true],
      ['check-in', '2026-03-12T13:00:00.000Z', false],
    ]);
    expect(plan.upcoming[0]).toMatchObject({ priority: 'high', owner: 'automation', automated: true });
    expect(plan.upcoming[2]).toMatchObject({ owner: 'csm', automated: false, title: 'Check in' });
    expect(plan.nextDueAt).toBe('2026-03-06T17:00:00.000Z');
  });

  it('gives only the next occurrence of a repeating step, none once it stops', () => {
    const signup = '2026-04-01T03:00:00Z'; // 12:00 in Tokyo; occurrences 16, 19, 22, 25, 28 April, 1 May
    const before = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-04-10T00:00:00Z',
    );
    expect(before.due).toEqual([]);
    expect(before.upcoming.map((step) => step.dueAt)).toEqual(['2026-04-16T01:00:00.000Z']);
    // On 22 April 00:00Z the 19 April occurrence is due and only the 22 April one is to come.
    const onDay21 = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-04-22T00:00:00Z',
    );
    expect(onDay21.upcoming.map((step) => [step.stepId, step.dueAt])).toEqual([
      ['remind', '2026-04-22T01:00:00.000Z'],
    ]);
    // On 30 April the sixth and last occurrence (1 May 10:00 Tokyo) is to come; after it, none.
    const lastOne = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-04-30T00:00:00Z',
    );
    expect(lastOne.upcoming.map((step) => step.dueAt)).toEqual(['2026-05-01T01:00:00.000Z']);
    const after = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup },
      '2026-05-02T00:00:00Z',
    );
    expect(after.upcoming).toEqual([]);
    // Once `until` holds the reminders have stopped: nothing to come.
    const done = planJourney(
      firstMeasurement,
      { customerId: 'c1', anchorAt: signup, facts: { firstMeasurementDone: true } },
      '2026-04-10T00:00:00Z',
    );
    expect(done.upcoming).toEqual([]);
  });

  it('rejects a journey with duplicate step ids, naming the field', () => {
    const bad = { ...dunning, steps: [dunning.steps[0]!, dunning.steps[0]!] };
    expect(() => planJourney(bad, { customerId: 'c1', anchorAt: issued }, issued)).toThrow(
      KizunaValidationError,
    );
    expect(() => planJourney(bad, { customerId: 'c1', anchorAt: issued }, issued)).toThrow(
      /duplicate step id "day-7"\n {2}→ at steps\[1\]\.id/,
    );
  });

  it('rejects an invalid asOf and state with readable messages', () => {
    expect(() => planJourney(dunning, { customerId: 'c1', anchorAt: issued }, 'now')).toThrow(/Invalid asOf/);
    expect(() => planJourney(dunning, { customerId: '', anchorAt: issued }, issued)).toThrow(
      /→ at customerId/,
    );
  });
});

const offsetArbitrary = fc.record({
  days: fc.integer({ min: -120, max: 120 }),
  hours: fc.integer({ min: 0, max: 23 }),
});
const journeyArbitrary = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      offset: offsetArbitrary,
      repeat: fc.boolean(),
    }),
    {
      minLength: 1,
      maxLength: 6,
      selector: (step) => step.id,
    },
  )
  .map(
    (steps): JourneyInput => ({
      id: 'j',
      name: 'Generated',
      anchor: 'anchor',
      exitWhen: { fact: 'exit', op: 'eq', value: true },
      steps: steps.map((step) => ({
        id: step.id,
        offset: step.offset,
        ...(step.repeat ? { repeat: { every: { days: 2 }, maxOccurrences: 4 } } : {}),
        action: { type: `do-${step.id}`, channel: 'email' as const, title: step.id },
      })),
    }),
  );
const instantArbitrary = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') })
  .map((milliseconds) => new Date(milliseconds).toISOString());

describe('planJourney properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(journeyArbitrary, instantArbitrary, instantArbitrary, (journey, anchorAt, asOf) => {
        const state = { customerId: 'c1', anchorAt };
        expect(planJourney(journey, state, asOf)).toEqual(planJourney(journey, state, asOf));
      }),
    );
  });

  it('never gives an action before its time, nor two actions with one key', () => {
    fc.assert(
      fc.property(journeyArbitrary, instantArbitrary, instantArbitrary, (journey, anchorAt, asOf) => {
        const plan = planJourney(journey, { customerId: 'c1', anchorAt }, asOf);
        const asOfMilliseconds = Date.parse(asOf);
        expect(plan.due.every((action) => Date.parse(action.dueAt) <= asOfMilliseconds)).toBe(true);
        expect(new Set(plan.due.map((action) => action.idempotencyKey)).size).toBe(plan.due.length);
        if (plan.nextDueAt !== undefined)
          expect(Date.parse(plan.nextDueAt)).toBeGreaterThan(asOfMilliseconds);
      }),
    );
  });

  it('lists upcoming occurrences after asOf, in time order, apart from the due ones and the completed steps', () => {
    fc.assert(
      fc.property(
        journeyArbitrary,
        instantArbitrary,
        instantArbitrary,
        fc.integer({ min: 0, max: 6 }),
        (journey, anchorAt, asOf, completedCount) => {
          const completedStepIds = (journey.steps ?? []).slice(0, completedCount).map((step) => step.id);
          const plan = planJourney(journey, { customerId: 'c1', anchorAt, completedStepIds }, asOf);
          const asOfMilliseconds = Date.parse(asOf);
          const times = plan.upcoming.map((step) => Date.parse(step.dueAt));
          expect(times.every((time) => time > asOfMilliseconds)).toBe(true);
          expect(times).toEqual([...times].sort((left, right) => left - right));
          const dueOccurrences = new Set(
            plan.due.map((action) => `${action.source.ruleId.split('/')[1]} ${action.dueAt}`),
          );
          for (const step of plan.upcoming) {
            expect(dueOccurrences.has(`${step.stepId} ${step.dueAt}`)).toBe(false);
            expect(completedStepIds).not.toContain(step.stepId);
          }
          // One occurrence per step at most; with no `until` in play the first is the next due instant.
          expect(new Set(plan.upcoming.map((step) => step.stepId)).size).toBe(plan.upcoming.length);
          expect(plan.upcoming[0]?.dueAt).toBe(plan.nextDueAt);
        },
      ),
    );
  });

  it('gives nothing after the exit condition holds, whatever the time', () => {
    fc.assert(
      fc.property(journeyArbitrary, instantArbitrary, instantArbitrary, (journey, anchorAt, asOf) => {
        const plan = planJourney(journey, { customerId: 'c1', anchorAt, facts: { exit: true } }, asOf);
        expect(plan.exited).toBe(true);
        expect(plan.due).toEqual([]);
      }),
    );
  });

  it('sends every step once over daily runs when the due keys go through an outbox', () => {
    fc.assert(
      fc.property(journeyArbitrary, instantArbitrary, (journey, anchorAt) => {
        const sent = new Map<string, number>();
        const start = Date.parse(anchorAt) - 130 * 86_400_000;
        for (let day = 0; day <= 270; day += 1) {
          const asOf = new Date(start + day * 86_400_000).toISOString();
          for (const action of planJourney(journey, { customerId: 'c1', anchorAt }, asOf).due) {
            // The outbox stores each key once: count the keys that are new.
            if (!sent.has(action.idempotencyKey)) sent.set(action.idempotencyKey, day);
          }
        }
        const steps = (journey.steps ?? []) as readonly { repeat?: unknown }[];
        const plainSteps = steps.filter((step) => step.repeat === undefined).length;
        const plainKeys = [...sent.keys()].filter((key) => !/:\d+$/.test(key)).length;
        // Every non-repeating step fell due exactly once within the 270 days around its anchor.
        expect(plainKeys).toBe(plainSteps);
        // A repeating step (every 2 days, at most 4 times) is sent at most 4 times.
        // Keys are journey:<journey>:<customer>:<anchor>:<step>[:<occurrence>].
        for (const step of steps.filter((candidate) => candidate.repeat !== undefined)) {
          const stepKeys = [...sent.keys()].filter(
            (key) => key.split(':')[4] === (step as { id?: string }).id,
          );
          expect(stepKeys.length).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 20 },
    );
  }, 30_000);
});
