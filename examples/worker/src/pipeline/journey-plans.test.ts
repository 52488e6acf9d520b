import { createMemoryStore, type StoredResult } from '@kizuna/core';
import { planUpsellCampaign, recommendExpansion, upsellCampaignJourney } from '@kizuna/health';
import { describe, expect, it } from 'vitest';
import { noChurn } from '../test-support/no-churn';
import { createRecordingNotifier } from '../test-support/recording-notifier';
import { journeyPlansValueSchema, storedJourneyPlan } from './journey-plans';
import { runPipeline } from './run-pipeline';

const asOf = '2026-04-01T00:00:00.000Z';

/** A B2B account whose contract started 4 days before the run, and a B2C customer in no journey. */
async function storeWithNewAccount() {
  const store = createMemoryStore();
  await store.putRecords('customer', [
    {
      id: 'new-b2b',
      name: 'New Property Management',
      segment: 'b2b',
      plan: 'pro',
      createdAt: '2026-03-28T00:00:00Z',
      contract: {
        // 28 March 09:00 in Tokyo: onboarding day n is 28 March + n days at 00:00Z.
        startsAt: '2026-03-28T00:00:00Z',
        endsAt: '2027-03-28T00:00:00Z',
        monthlyMeasurementLimit: 10,
        mrr: { amount: 80_000 },
        managedProperties: 40,
      },
    },
    { id: 'plain-b2c', name: 'Plain', segment: 'b2c', plan: 'standard', createdAt: '2025-01-01T00:00:00Z' },
  ]);
  // Record the batched writes, and count single-result writes of journey plans (there must be none;
  // the run and shard records are written one by one).
  const batches: StoredResult[][] = [];
  let singleWrites = 0;
  const putResults = store.putResults.bind(store);
  const putResult = store.putResult.bind(store);
  const counted = Object.assign(store, {
    putResults: (results: readonly StoredResult[]) => {
      batches.push([...results]);
      return putResults(results);
    },
    putResult: (result: StoredResult) => {
      if (result.kind === 'journey-plans') singleWrites += 1;
      return putResult(result);
    },
  });
  return { store: counted, batches, singleWrites: () => singleWrites };
}

describe('journey-plans results', () => {
  it('stores the onboarding plan of a new account with its due, skipped and upcoming steps', async () => {
    const { store, batches, singleWrites } = await storeWithNewAccount();
    await runPipeline({ churn: noChurn, store, asOf, notifier: createRecordingNotifier() });

    const stored = await store.listResults('journey-plans', 'new-b2b');
    expect(stored).toHaveLength(1);
    const value = journeyPlansValueSchema.parse(stored[0]!.value);
    expect(value.asOf).toBe(asOf);
    expect(value.journeys).toHaveLength(1);
    const [onboarding] = value.journeys;
    expect(onboarding).toMatchObject({
      journeyId: 'b2b-onboarding',
      name: 'B2B onboarding programme (Day 0–30)',
      anchor: 'contract_signed',
      anchorAt: '2026-03-28T00:00:00.000Z',
      exited: false,
    });
    expect(onboarding!.subjectId).toBeUndefined();
    // Day 4. Steps stay due for 2 days: day 0 (28 March) and day 1 (29 March) are stale; the day-1
    // video reminder (day 3, the video not known to be watched) and the day-3 video (31 March) are due.
    expect(onboarding!.due.map((step) => [step.stepId, step.dueAt])).toEqual([
      ['day-1-how-to-video-reminder', '2026-03-31T00:00:00.000Z'],
      ['day-3-first-measurement-video', '2026-03-31T00:00:00.000Z'],
    ]);
    expect(onboarding!.skipped.map((step) => [step.stepId, step.reason])).toEqual([
      ['day-0-welcome', 'expired'],
      ['day-0-dashboard', 'expired'],
      ['day-0-assign-csm', 'expired'],
      ['day-1-how-to-video', 'expired'],
    ]);
    expect(onboarding!.skipped[0]).toMatchObject({ title: 'Welcome to ZENBU', channel: 'email' });
    expect(onboarding!.upcoming.map((step) => [step.stepId, step.dueAt.slice(0, 10)])).toEqual([
      ['day-3-first-measurement-video-reminder', '2026-04-02'],
      ['day-5-report-video', '2026-04-02'],
      ['day-5-report-video-reminder', '2026-04-04'],
      ['day-7-tenant-guide', '2026-04-04'],
      ['day-8-checklist', '2026-04-05'],
      ['day-7-tenant-guide-reminder', '2026-04-06'],
      ['checklist-reminder', '2026-04-08'],
      ['day-15-csm-call', '2026-04-12'],
      ['first-measurement-reminder', '2026-04-12'],
    ]);
    expect(onboarding!.upcoming.find((step) => step.stepId === 'day-15-csm-call')).toMatchObject({
      owner: 'csm',
      automated: false,
      priority: 'high',
      conditional: false,
    });

    // The due steps carry the keys their actions were enqueued under.
    const outboxKeys = (await store.listActions({ customerId: 'new-b2b' })).map(
      (entry) => entry.action.idempotencyKey,
    );
    for (const step of onboarding!.due) expect(outboxKeys).toContain(step.actionKey);

    // A customer in no journey gets no result; the plans went out in the batch with the scores.
    expect(await store.listResults('journey-plans', 'plain-b2c')).toEqual([]);
    expect(singleWrites()).toBe(0);
    const withPlans = batches.filter((batch) => batch.some((result) => result.kind === 'journey-plans'));
    expect(withPlans).toHaveLength(1);
    expect(withPlans[0]!.some((result) => result.kind === 'health' && result.customerId === 'new-b2b')).toBe(
      true,
    );
  });

  it('replaces the result when the same instant runs again, and keeps one per run', async () => {
    const { store } = await storeWithNewAccount();
    await runPipeline({ churn: noChurn, store, asOf, notifier: createRecordingNotifier() });
    const first = await store.listResults('journey-plans', 'new-b2b');
    await runPipeline({ churn: noChurn, store, asOf, notifier: createRecordingNotifier(), resume: false });
    const again = await store.listResults('journey-plans', 'new-b2b');
    expect(again).toHaveLength(1);
    expect(again[0]!.value).toEqual(first[0]!.value);

    // The next day is a new result; the day-3 reminder of the first-measurement video is now due.
    const nextDay = '2026-04-02T00:00:00.000Z';
    await runPipeline({ churn: noChurn, store, asOf: nextDay, notifier: createRecordingNotifier() });
    const both = await store.listResults('journey-plans', 'new-b2b');
    expect(both.map((result) => result.asOf)).toEqual([nextDay, asOf]);
    const latest = journeyPlansValueSchema.parse(both[0]!.value).journeys[0]!;
    expect(latest.due.map((step) => step.stepId)).toContain('day-3-first-measurement-video-reminder');
    expect(latest.upcoming[0]?.stepId).toBe('day-5-report-video-reminder');
  });

  it("stores dunning per unpaid invoice and the detractor follow-up with the alerts' keys", async () => {
    const store = createMemoryStore();
    await store.putRecords('customer', [
      {
        id: 'late-payer',
        name: 'Late Payer',
        segment: 'b2c',
        plan: 'standard',
        createdAt: '2025-01-01T00:00:00Z',
      },
    ]);
    await store.putRecords('invoice', [
      // 24 March 09:00 Tokyo: day 7 (31 March 00:00Z) has come, 8 days after issue the alert fires.
      {
        id: 'inv-old',
        customerId: 'late-payer',
        issuedAt: '2026-03-24T00:00:00Z',
        dueAt: '2026-03-31T00:00:00Z',
        amount: { amount: 5_000 },
      },
      // 29 March: nothing due yet, its day-7 reminder (5 April) is to come.
      {
        id: 'inv-new',
        customerId: 'late-payer',
        issuedAt: '2026-03-29T00:00:00Z',
        dueAt: '2026-04-05T00:00:00Z',
        amount: { amount: 5_000 },
      },
    ]);
    await store.putRecords('surveyResponse', [
      { id: 'nps-1', customerId: 'late-payer', type: 'nps', score: 3, respondedAt: '2026-03-31T12:00:00Z' },
    ]);
    await runPipeline({ churn: noChurn, store, asOf, notifier: createRecordingNotifier() });

    const [stored] = await store.listResults('journey-plans', 'late-payer');
    const { journeys } = journeyPlansValueSchema.parse(stored!.value);
    const outboxKeys = new Set(
      (await store.listActions({ customerId: 'late-payer' })).map((entry) => entry.action.idempotencyKey),
    );
    const old = journeys.find((journey) => journey.subjectId === 'inv-old')!;
    expect(old).toMatchObject({ journeyId: 'dunning', ruleIdPrefix: 'alert/late-payment', exited: false });
    expect(old.due.map((step) => [step.stepId, step.dueAt, step.actionKey])).toEqual([
      [
        'day-7-reminder',
        '2026-03-31T00:00:00.000Z',
        'health-alert:late-payment:late-payer:inv-old:day-7-reminder',
      ],
    ]);
    expect(outboxKeys.has(old.due[0]!.actionKey)).toBe(true);
    expect(old.upcoming.map((step) => [step.stepId, step.dueAt])).toEqual([
      ['day-14-second-reminder', '2026-04-07T00:00:00.000Z'],
      ['day-14-phone-notice', '2026-04-07T00:00:00.000Z'],
      ['day-21-csm-intervention', '2026-04-14T00:00:00.000Z'],
      ['day-21-instalment-proposal', '2026-04-14T00:00:00.000Z'],
    ]);
    const recent = journeys.find((journey) => journey.subjectId === 'inv-new')!;
    expect(recent.due).toEqual([]);
    expect(recent.upcoming[0]).toMatchObject({ stepId: 'day-7-reminder', dueAt: '2026-04-05T00:00:00.000Z' });

    // NPS 3 on 31 March 12:00Z: the CSM is told and a call is due at once; the offer a day later.
    const detractor = journeys.find((journey) => journey.journeyId === 'nps-detractor')!;
    expect(detractor).toMatchObject({
      anchorAt: '2026-03-31T12:00:00.000Z',
      ruleIdPrefix: 'alert/detractor',
    });
    expect(detractor.due.map((step) => step.stepId)).toEqual(['slack-csm', 'phone-follow-up']);
    for (const step of detractor.due) expect(outboxKeys.has(step.actionKey)).toBe(true);
    expect(detractor.upcoming.map((step) => [step.stepId, step.dueAt])).toEqual([
      ['improvement-offer', '2026-04-01T12:00:00.000Z'],
    ]);
    expect(journeys).toHaveLength(3);
  });

  it('stores an upsell campaign under its product, with the campaign keys of its due steps', () => {
    const { recommendations } = recommendExpansion({
      segment: 'b2b',
      plan: 'enterprise',
      apiEnabled: 0,
      usageRate90DayAverage: 0.95,
      monthlyMeasurementLimit: 20,
    });
    const recommendation = recommendations.find((candidate) => candidate.campaign)!;
    const recommendedAt = '2026-04-01T00:00:00.000Z';
    // 30 hours on: the in-app notice (at once) and the 24 h e-mail are due; retargeting (day 3) is to come.
    const plan = planUpsellCampaign(
      recommendation,
      { customerId: 'c1', recommendedAt },
      '2026-04-02T06:00:00Z',
    )!;
    const stored = storedJourneyPlan(upsellCampaignJourney, plan, recommendedAt, recommendation.product);
    expect(stored).toMatchObject({
      journeyId: 'upsell-campaign',
      name: 'Personalised upsell campaign',
      anchor: 'recommendation_made',
      subjectId: recommendation.product,
    });
    expect(stored.due.map((step) => step.actionKey)).toEqual(plan.due.map((action) => action.idempotencyKey));
    expect(stored.due.every((step) => step.actionKey.startsWith('upsell:c1:'))).toBe(true);
    expect(stored.upcoming.map((step) => step.stepId)).toEqual(plan.upcoming.map((step) => step.stepId));
    expect(stored.upcoming.length).toBeGreaterThan(0);
    expect(journeyPlansValueSchema.safeParse({ asOf: recommendedAt, journeys: [stored] }).success).toBe(true);
  });
});
