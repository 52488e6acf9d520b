import { planJourney } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import {
  b2bOnboardingJourney,
  b2cBookingJourney,
  dunningJourney,
  npsDetractorJourney,
  upsellCampaignJourney,
} from './playbooks';

// 2026-04-01 09:00 in Tokyo.
const anchorAt = '2026-04-01T00:00:00.000Z';
const at = (days: number, hours = 0) =>
  new Date(Date.parse(anchorAt) + days * 86_400_000 + hours * 3_600_000).toISOString();
const due = (journey: Parameters<typeof planJourney>[0], asOf: string, facts = {}) =>
  planJourney(journey, { customerId: 'c1', anchorAt, facts }, asOf).due.map((action) => action.type);

describe('b2cBookingJourney', () => {
  const measurementStart = '2026-04-10T01:00:00.000Z'; // 10:00 in Tokyo
  const plan = (asOf: string, facts = {}) =>
    planJourney(b2cBookingJourney, { customerId: 'c1', anchorAt: measurementStart, facts }, asOf);

  it('sends the D-3 video and the D-1 reminder at 10:00 local, and D-0 an hour before', () => {
    expect(plan('2026-04-07T01:00:00.000Z').due.map((action) => [action.type, action.dueAt])).toEqual([
      ['send_preparation_video', '2026-04-07T01:00:00.000Z'],
    ]);
    expect(plan('2026-04-09T01:00:00.000Z').due.map((action) => action.type)).toEqual([
      'send_measurement_reminder',
    ]);
    // The D-1 reminder stays due (the outbox sends it once) until it is a day old; D-3 is stale by then.
    expect(plan('2026-04-10T00:00:00.000Z').due.map((action) => [action.type, action.dueAt])).toEqual([
      ['send_measurement_reminder', '2026-04-09T01:00:00.000Z'],
      ['send_staff_on_the_way', '2026-04-10T00:00:00.000Z'],
    ]);
  });

  it('sends nothing once the booking is cancelled', () => {
    expect(plan('2026-04-09T01:00:00.000Z', { bookingCancelled: true }).exited).toBe(true);
  });
});

describe('b2bOnboardingJourney', () => {
  it('welcomes on day 0 with the dashboard and a CSM', () => {
    expect(due(b2bOnboardingJourney, at(0))).toEqual([
      'send_welcome_email',
      'provision_dashboard',
      'assign_csm',
    ]);
  });

  it('sends the day-1 video and reminds on day 3 only when it was not watched', () => {
    // Steps stay due for 2 days (the outbox de-duplicates by key); day-0 steps are stale by day 3.
    expect(due(b2bOnboardingJourney, at(1))).toEqual([
      'send_welcome_email',
      'provision_dashboard',
      'assign_csm',
      'send_how_to_video',
    ]);
    expect(due(b2bOnboardingJourney, at(3))).toEqual([
      'send_how_to_video',
      'send_onboarding_reminder',
      'send_first_measurement_video',
    ]);
    expect(due(b2bOnboardingJourney, at(3), { howToVideoWatched: true })).toEqual([
      'send_how_to_video',
      'send_first_measurement_video',
    ]);
  });

  it('reminds every 3 days from day 15 until the first measurement is done, at most to day 30', () => {
    const reminders = (day: number, facts = {}) =>
      planJourney(b2bOnboardingJourney, { customerId: 'c1', anchorAt, facts }, at(day)).due.filter(
        (action) => action.type === 'send_first_measurement_reminder',
      );
    expect(reminders(15).map((action) => action.idempotencyKey)).toEqual([
      'journey:b2b-onboarding:c1:2026-04-01T00%3A00%3A00.000Z:first-measurement-reminder:1',
    ]);
    expect(reminders(16)).toHaveLength(1);
    expect(reminders(18)[0]!.idempotencyKey.endsWith(':2')).toBe(true);
    expect(reminders(30)[0]!.idempotencyKey.endsWith(':6')).toBe(true);
    expect(reminders(33)).toEqual([]);
    expect(reminders(18, { firstMeasurementDone: true })).toEqual([]);
  });

  it('has the CSM call on day 15 as a human task with a 3-day deadline', () => {
    const call = planJourney(b2bOnboardingJourney, { customerId: 'c1', anchorAt }, at(15)).due.find(
      (action) => action.type === 'csm_onboarding_call',
    );
    expect(call).toMatchObject({ owner: 'csm', automated: false, deadlineAt: at(18) });
  });
});

describe('dunningJourney', () => {
  it('stops once the invoice is paid', () => {
    expect(due(dunningJourney, at(14), { paid: false })).toEqual([
      'send_second_payment_reminder',
      'payment_phone_notice',
    ]);
    expect(due(dunningJourney, at(14), { paid: true })).toEqual([]);
  });
});

describe('npsDetractorJourney', () => {
  it('sends the improvement proposal with a coupon the day after', () => {
    expect(due(npsDetractorJourney, at(0))).toEqual(['notify_csm_detractor', 'detractor_follow_up_call']);
    expect(due(npsDetractorJourney, at(1))).toEqual([
      'notify_csm_detractor',
      'detractor_follow_up_call',
      'send_improvement_proposal',
    ]);
    expect(due(npsDetractorJourney, at(8, 1))).toEqual([]);
  });
});

describe('upsellCampaignJourney', () => {
  it('shows the in-app notice now, e-mails after 24 h and retargets after 3 days', () => {
    expect(due(upsellCampaignJourney, at(0))).toEqual(['show_upsell_notice']);
    expect(due(upsellCampaignJourney, at(1))).toEqual(['show_upsell_notice', 'send_upsell_email']);
    expect(due(upsellCampaignJourney, at(3))).toEqual(['send_upsell_email', 'start_retargeting']);
    expect(due(upsellCampaignJourney, at(3), { upgraded: true })).toEqual([]);
  });
});
