import { planJourney } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import {
  consultationFollowUpJourney,
  consultationReminderJourney,
  leadNurtureJourney,
} from './sales-cadences';

const due = (journey: Parameters<typeof planJourney>[0], anchorAt: string, asOf: string, facts = {}) =>
  planJourney(journey, { customerId: 'L1', anchorAt, facts }, asOf).due.map((action) => [
    action.type,
    action.dueAt,
  ]);

describe('leadNurtureJourney', () => {
  // Opt-in at 2026-04-01 12:00 in Tokyo (03:00Z).
  const optIn = '2026-04-01T03:00:00.000Z';
  it('welcomes at once and sends a step e-mail at 08:00 local on each of days 1–6', () => {
    expect(due(leadNurtureJourney, optIn, optIn)).toEqual([['send_welcome_email', optIn]]);
    // Day 3 at 08:00 Tokyo = 2026-03-31T23:00Z + 3 days.
    expect(due(leadNurtureJourney, optIn, '2026-04-03T23:00:00.000Z')).toContainEqual([
      'send_nurture_email',
      '2026-04-03T23:00:00.000Z',
    ]);
  });

  it('invites to a consultation on day 7 and stops once one is requested', () => {
    expect(due(leadNurtureJourney, optIn, '2026-04-07T23:30:00.000Z')).toContainEqual([
      'send_consultation_invitation',
      '2026-04-07T23:00:00.000Z',
    ]);
    expect(
      due(leadNurtureJourney, optIn, '2026-04-07T23:30:00.000Z', { consultationRequested: true }),
    ).toEqual([]);
  });
});

describe('consultationReminderJourney', () => {
  const start = '2026-04-10T05:00:00.000Z';
  it('reminds the day before and 2 hours before', () => {
    expect(due(consultationReminderJourney, start, '2026-04-09T05:00:00.000Z')).toEqual([
      ['send_consultation_reminder', '2026-04-09T05:00:00.000Z'],
    ]);
    expect(due(consultationReminderJourney, start, '2026-04-10T03:00:00.000Z')).toEqual([
      ['send_consultation_reminder', '2026-04-10T03:00:00.000Z'],
    ]);
  });
});

describe('consultationFollowUpJourney', () => {
  const end = '2026-04-10T06:00:00.000Z';
  it('follows up on days 1, 3, 5 and 7 with a person on day 5 and a 72-hour offer on day 7', () => {
    // 10:00 Tokyo = 01:00Z.
    expect(due(consultationFollowUpJourney, end, '2026-04-11T01:00:00.000Z')).toEqual([
      ['send_thanks_and_report', '2026-04-11T01:00:00.000Z'],
    ]);
    const day5 = planJourney(
      consultationFollowUpJourney,
      { customerId: 'L1', anchorAt: end },
      '2026-04-15T01:00:00.000Z',
    ).due;
    expect(
      day5.map((action) => [action.type, action.owner, action.automated, action.deadlineAt]),
    ).toContainEqual(['personal_follow_up', 'sales', false, '2026-04-16T01:00:00.000Z']);
    expect(due(consultationFollowUpJourney, end, '2026-04-17T01:00:00.000Z')).toContainEqual([
      'send_early_bird_offer',
      '2026-04-17T01:00:00.000Z',
    ]);
    expect(due(consultationFollowUpJourney, end, '2026-04-20T01:00:00.000Z')).toContainEqual([
      'offer_deadline_passed',
      '2026-04-20T01:00:00.000Z',
    ]);
    expect(due(consultationFollowUpJourney, end, '2026-04-17T01:00:00.000Z', { contracted: true })).toEqual(
      [],
    );
  });
});
