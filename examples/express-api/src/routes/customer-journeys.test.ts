import { createMemoryStore, idempotencyKey, type JourneyInput, planJourney } from '@kizuna/core';
import { journeyPlansKind, storedJourneyPlan } from '@kizuna/example-worker';
import { dunningJourney } from '@kizuna/health';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Backend,
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';

const backends: Backend[] = [
  // The memory store too: the route must read the same from every adapter.
  { name: 'memory' as Backend['name'], newStore: async () => ({ ...createMemoryStore(), schema: 'memory' }) },
  ...useBackends(await postgresReachable()),
];

/** A small onboarding in UTC whose steps go stale after a day. */
const onboarding: JourneyInput = {
  id: 'onboarding',
  name: 'Onboarding',
  anchor: 'signup',
  timeZone: 'UTC',
  expiresAfter: { days: 1 },
  steps: [
    { id: 'welcome', offset: { days: 0 }, action: { type: 'welcome', channel: 'email', title: 'Welcome' } },
    {
      id: 'tips',
      offset: { days: 1 },
      when: { fact: 'b2b', op: 'eq', value: true },
      action: { type: 'tips', channel: 'email', title: 'Tips for teams' },
    },
    {
      id: 'survey',
      offset: { days: 3 },
      action: { type: 'survey', channel: 'task', owner: 'csm', automated: false, title: 'First survey' },
    },
    {
      id: 'call',
      offset: { days: 5 },
      action: { type: 'call', channel: 'phone', owner: 'csm', priority: 'high', title: 'Check-in call' },
    },
    {
      id: 'team-demo',
      offset: { days: 7 },
      when: { fact: 'b2b', op: 'eq', value: true },
      action: { type: 'demo', channel: 'phone', title: 'Team demo' },
    },
  ],
};
const signup = '2026-04-01T00:00:00.000Z';
const facts = { b2b: false };
const plannedAt = (asOf: string) =>
  planJourney(onboarding, { customerId: 'acme', anchorAt: signup, facts }, asOf);
const welcomeKey = 'journey:onboarding:acme:2026-04-01T00%3A00%3A00.000Z:welcome';
const surveyKey = 'journey:onboarding:acme:2026-04-01T00%3A00%3A00.000Z:survey';

describe.each(backends)('GET /v1/customers/{id}/journeys on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store });
    await store.putRecords('customer', [
      { id: 'acme', name: 'Acme', segment: 'b2c', plan: 'standard', createdAt: signup },
      { id: 'hanako', name: 'Hanako', segment: 'b2c', plan: 'standard', createdAt: signup },
    ]);
    // Day 0: the welcome is due, enqueued and delivered.
    const dayZero = plannedAt(signup);
    await store.enqueueActions(dayZero.due, { now: signup });
    const [claimed] = await store.claimActions({
      now: signup,
      limit: 10,
      leaseMilliseconds: 60_000,
      claimToken: 'token-1',
    });
    expect(claimed?.action.idempotencyKey).toBe(welcomeKey);
    await store.completeAction(welcomeKey, { claimToken: 'token-1', now: signup });
    // Day 3 at noon: the survey is due and enqueued; a CSM marks it done before it is delivered.
    const dayThree = '2026-04-04T12:00:00.000Z';
    const plan = plannedAt(dayThree);
    await store.enqueueActions(plan.due, { now: dayThree });
    await store.acknowledgeAction(surveyKey, { now: dayThree, by: 'csm-1' });
    await store.putResults([
      {
        kind: journeyPlansKind,
        customerId: 'acme',
        asOf: signup,
        value: { asOf: signup, journeys: [storedJourneyPlan(onboarding, dayZero, signup)] },
      },
      {
        kind: journeyPlansKind,
        customerId: 'acme',
        asOf: dayThree,
        value: { asOf: dayThree, journeys: [storedJourneyPlan(onboarding, plan, signup)] },
      },
    ]);
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('gives every step of the latest plan with its delivery and done state, by due time', async () => {
    const response = await readJson(await run.call('/v1/customers/acme/journeys'));
    expect(response.status).toBe(200);
    const common = {
      automated: true,
      owner: 'automation',
      priority: 'medium',
      done: false,
      conditional: false,
    };
    expect(response.body).toEqual({
      customerId: 'acme',
      asOf: '2026-04-04T12:00:00.000Z',
      journeys: [
        {
          journeyId: 'onboarding',
          name: 'Onboarding',
          anchor: 'signup',
          anchorAt: signup,
          exited: false,
          steps: [
            // Stale in the plan (more than a day old), but it went out on day 0: sent.
            {
              ...common,
              stepId: 'welcome',
              title: 'Welcome',
              type: 'welcome',
              channel: 'email',
              dueAt: '2026-04-01T00:00:00.000Z',
              state: 'sent',
              actionKey: welcomeKey,
            },
            // Its condition did not hold on 2 April: never enqueued.
            {
              ...common,
              stepId: 'tips',
              title: 'Tips for teams',
              type: 'tips',
              channel: 'email',
              dueAt: '2026-04-02T00:00:00.000Z',
              state: 'skipped',
              skipReason: 'condition_not_met',
            },
            // Due on 4 April, in the outbox, marked done by the CSM.
            {
              ...common,
              stepId: 'survey',
              title: 'First survey',
              type: 'survey',
              channel: 'task',
              owner: 'csm',
              automated: false,
              dueAt: '2026-04-04T00:00:00.000Z',
              state: 'due',
              actionKey: surveyKey,
              done: true,
            },
            {
              ...common,
              stepId: 'call',
              title: 'Check-in call',
              type: 'call',
              channel: 'phone',
              owner: 'csm',
              priority: 'high',
              dueAt: '2026-04-06T00:00:00.000Z',
              state: 'upcoming',
            },
            // Only if the customer turns out to be a team account before 8 April.
            {
              ...common,
              stepId: 'team-demo',
              title: 'Team demo',
              type: 'demo',
              channel: 'phone',
              dueAt: '2026-04-08T00:00:00.000Z',
              state: 'upcoming',
              conditional: true,
            },
          ],
        },
      ],
    });
  });

  it('answers an empty list for a customer in no journey and 404 for an unknown one', async () => {
    const none = await readJson(await run.call('/v1/customers/hanako/journeys'));
    expect(none).toMatchObject({ status: 200, body: { customerId: 'hanako', asOf: null, journeys: [] } });
    const missing = await readJson(await run.call('/v1/customers/nobody/journeys'));
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await run.call('/v1/customers/acme/journeys', { key: null })).status).toBe(401);
  });

  it('gives no journeys when a later run scored the customer and planned none', async () => {
    await store.putRecords('customer', [
      { id: 'graduated', name: 'Graduated', segment: 'b2c', plan: 'standard', createdAt: signup },
    ]);
    await store.putResults([
      {
        kind: journeyPlansKind,
        customerId: 'graduated',
        asOf: signup,
        value: { asOf: signup, journeys: [storedJourneyPlan(onboarding, plannedAt(signup), signup)] },
      },
      // The same run scored it: the plans are current.
      { kind: 'health', customerId: 'graduated', asOf: signup, value: { score: 80 } },
    ]);
    const current = await readJson(await run.call('/v1/customers/graduated/journeys'));
    expect(current.body.asOf).toBe(signup);
    expect(current.body.journeys.map((journey: { journeyId: string }) => journey.journeyId)).toEqual([
      'onboarding',
    ]);
    const later = '2026-05-10T00:00:00.000Z';
    await store.putResults([{ kind: 'health', customerId: 'graduated', asOf: later, value: { score: 82 } }]);
    const after = await readJson(await run.call('/v1/customers/graduated/journeys'));
    expect(after.body).toEqual({ customerId: 'graduated', asOf: later, journeys: [] });
  });

  it('finds a step the alerts sent under their own rule id, though the plan now calls it stale', async () => {
    await store.putRecords('customer', [
      { id: 'payer', name: 'Payer', segment: 'b2c', plan: 'standard', createdAt: signup },
    ]);
    // Issued 1 April 09:00 Tokyo; the day-7 reminder (8 April) went out as a late-payment alert.
    const day7 = '2026-04-08T00:00:00.000Z';
    const alertKey = idempotencyKey(['health-alert', 'late-payment', 'payer', 'inv-1', 'day-7-reminder']);
    const onDay15 = planJourney(
      dunningJourney,
      { customerId: 'payer', anchorAt: signup, subjectId: 'inv-1', facts: { paid: false } },
      '2026-04-16T00:00:00.000Z',
    );
    // Day 7 is more than 6 days old on day 15: stale in the plan.
    expect(onDay15.skipped.map((step) => [step.stepId, step.reason])).toEqual([
      ['day-7-reminder', 'expired'],
    ]);
    const reminder = planJourney(
      dunningJourney,
      { customerId: 'payer', anchorAt: signup, facts: { paid: false } },
      day7,
    ).due[0]!;
    await store.enqueueActions(
      [
        {
          ...reminder,
          idempotencyKey: alertKey,
          source: { engine: 'health', ruleId: 'alert/late-payment/day-7-reminder' },
        },
      ],
      { now: day7 },
    );
    await store.putResults([
      {
        kind: journeyPlansKind,
        customerId: 'payer',
        asOf: '2026-04-16T00:00:00.000Z',
        value: {
          asOf: '2026-04-16T00:00:00.000Z',
          journeys: [storedJourneyPlan(dunningJourney, onDay15, signup, 'inv-1', 'alert/late-payment')],
        },
      },
    ]);
    const response = await readJson(await run.call('/v1/customers/payer/journeys'));
    const [journey] = response.body.journeys;
    expect(journey).toMatchObject({ journeyId: 'dunning', subjectId: 'inv-1' });
    expect(journey.steps[0]).toMatchObject({
      stepId: 'day-7-reminder',
      dueAt: day7,
      state: 'due',
      actionKey: alertKey,
    });
    expect(journey.steps[0].skipReason).toBeUndefined();
    expect(journey.steps.slice(1).map((step: { state: string }) => step.state)).toEqual([
      'due',
      'due',
      'upcoming',
      'upcoming',
    ]);
  });

  it('leaves out a stored journey that does not parse instead of failing the page', async () => {
    await store.putResults([
      {
        kind: journeyPlansKind,
        customerId: 'hanako',
        asOf: signup,
        value: { asOf: signup, journeys: [{ journeyId: 'broken' }] },
      },
    ]);
    const response = await readJson(await run.call('/v1/customers/hanako/journeys'));
    expect(response.body).toEqual({ customerId: 'hanako', asOf: signup, journeys: [] });
  });
});
