import type { JourneyInput } from '@kizuna/core';

/**
 * The 7-day nurture sequence of seeds/002 C9 stage 2, anchored at the lead's opt-in: a welcome
 * e-mail at once, a step e-mail each morning on days 1–6, and the consultation invitation on day 7.
 * Ends when the lead asks for a consultation or unsubscribes (facts `consultationRequested`,
 * `unsubscribed`). A step more than a day late is skipped as stale.
 *
 * @example
 * ```ts
 * const lead = { id: 'L1', source: 'ads', optInAt: '2026-04-01T00:00:00Z' };
 * const asOf = '2026-04-01T00:30:00Z'; // half an hour after the opt-in
 * const plan = planJourney(leadNurtureJourney, { customerId: lead.id, anchorAt: lead.optInAt }, asOf);
 * console.log(plan.due.map((action) => action.type), plan.nextDueAt);
 * // ['send_welcome_email'] 2026-04-01T23:00:00.000Z (the first step e-mail, 08:00 in Tokyo)
 * ```
 */
export const leadNurtureJourney: JourneyInput = {
  id: 'lead-nurture',
  name: '7-day nurture e-mails',
  description: 'seeds/002 C9 stage 2: step e-mails for seven days after opt-in',
  anchor: 'opt_in',
  expiresAfter: { days: 1 },
  exitWhen: {
    any: [
      { fact: 'consultationRequested', op: 'eq', value: true },
      { fact: 'unsubscribed', op: 'eq', value: true },
    ],
  },
  steps: [
    {
      id: 'welcome',
      offset: {},
      action: { type: 'send_welcome_email', channel: 'email', title: 'Welcome e-mail with the lead magnet' },
    },
    ...[1, 2, 3, 4, 5, 6].map((day) => ({
      id: `nurture-day-${day}`,
      offset: { days: day },
      at: '08:00',
      action: {
        type: 'send_nurture_email',
        channel: 'email' as const,
        title: `Nurture e-mail, day ${day}`,
        payload: { day },
      },
    })),
    {
      id: 'consultation-invitation',
      offset: { days: 7 },
      at: '08:00',
      action: {
        type: 'send_consultation_invitation',
        channel: 'email',
        title: 'Invitation to a free individual consultation',
        payload: { day: 7 },
      },
    },
  ],
};

/**
 * Consultation reminders of seeds/002 C9 stage 3, anchored at the consultation's start: the day
 * before and 2 hours before. Ends when the consultation is cancelled (fact `consultationCancelled`).
 */
export const consultationReminderJourney: JourneyInput = {
  id: 'consultation-reminders',
  name: 'Consultation reminders',
  description: 'seeds/002 C9 stage 3: reminder e-mails the day before and 2 hours before',
  anchor: 'consultation_start',
  exitWhen: { fact: 'consultationCancelled', op: 'eq', value: true },
  steps: [
    {
      id: 'reminder-day-before',
      offset: { days: -1 },
      expiresAfter: { hours: 12 },
      action: {
        type: 'send_consultation_reminder',
        channel: 'email',
        title: 'Reminder: your consultation is tomorrow',
        payload: { before: '1 day' },
      },
    },
    {
      id: 'reminder-two-hours',
      offset: { hours: -2 },
      expiresAfter: { hours: 1 },
      action: {
        type: 'send_consultation_reminder',
        channel: 'email',
        title: 'Reminder: your consultation starts in 2 hours',
        payload: { before: '2 hours' },
      },
    },
  ],
};

/**
 * The follow-up and closing cadence of seeds/002 C9 stage 5, anchored at the end of the
 * consultation: day 1 thanks + diagnosis report, day 3 success stories + FAQ, day 5 a personal call
 * by sales (alert, 24 h to act), day 7 the early-bird offer with a 72-hour deadline, and a sales task
 * when that deadline passes. Ends on contract or decline (facts `contracted`, `declined`).
 */
export const consultationFollowUpJourney: JourneyInput = {
  id: 'consultation-follow-up',
  name: 'Follow-up and closing',
  description: 'seeds/002 C9 stage 5: days 1, 3, 5 and 7 after the consultation, 72-hour offer',
  anchor: 'consultation_end',
  expiresAfter: { days: 2 },
  exitWhen: {
    any: [
      { fact: 'contracted', op: 'eq', value: true },
      { fact: 'declined', op: 'eq', value: true },
    ],
  },
  steps: [
    {
      id: 'day-1-thanks',
      offset: { days: 1 },
      at: '10:00',
      action: {
        type: 'send_thanks_and_report',
        channel: 'email',
        title: 'Thank you + diagnosis report + next steps',
      },
    },
    {
      id: 'day-3-cases',
      offset: { days: 3 },
      at: '10:00',
      action: {
        type: 'send_success_stories',
        channel: 'email',
        title: 'Success stories and answers to common questions',
      },
    },
    {
      id: 'day-5-personal-follow-up',
      offset: { days: 5 },
      at: '10:00',
      action: {
        type: 'personal_follow_up',
        channel: 'phone',
        owner: 'sales',
        priority: 'high',
        automated: false,
        title: 'Call the lead: hear and resolve their concerns',
        deadline: { hours: 24 },
      },
    },
    {
      id: 'day-7-offer',
      offset: { days: 7 },
      at: '10:00',
      action: {
        type: 'send_early_bird_offer',
        channel: 'email',
        title: 'Early-bird offer and application link (valid 72 hours)',
        payload: { offerValidHours: 72 },
      },
    },
    {
      id: 'offer-deadline',
      offset: { days: 10 },
      at: '10:00',
      action: {
        type: 'offer_deadline_passed',
        channel: 'task',
        owner: 'sales',
        automated: false,
        title: 'The 72-hour offer has expired: last call or close the deal as lost',
        deadline: { hours: 24 },
      },
    },
  ],
};
