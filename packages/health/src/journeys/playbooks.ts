import type { JourneyInput } from '@kizuna/core';

const notWatched = (fact: string) => ({ not: { fact, op: 'eq' as const, value: true } });

/**
 * B2C booking follow-ups (seeds/001 §5.1): anchored at the booked measurement start. D-3 preparation
 * video, D-1 reminder, D-0 "staff on the way" one hour before. Ends when `bookingCancelled` is true;
 * a step more than a day late is skipped as stale.
 */
export const b2cBookingJourney = {
  id: 'b2c-booking',
  name: 'B2C booking follow-ups',
  anchor: 'measurement_start',
  exitWhen: { fact: 'bookingCancelled', op: 'eq', value: true },
  expiresAfter: { days: 1 },
  steps: [
    {
      id: 'd-3-preparation-video',
      offset: { days: -3 },
      at: '10:00',
      action: {
        type: 'send_preparation_video',
        channel: 'email',
        title: 'How to prepare for your measurement (video)',
      },
    },
    {
      id: 'd-1-reminder',
      offset: { days: -1 },
      at: '10:00',
      action: { type: 'send_measurement_reminder', channel: 'sms', title: 'Your measurement is tomorrow' },
    },
    {
      id: 'd-0-staff-on-the-way',
      offset: { hours: -1 },
      expiresAfter: { hours: 1 },
      action: {
        type: 'send_staff_on_the_way',
        channel: 'sms',
        priority: 'high',
        title: 'Our staff are on the way',
      },
    },
  ],
} as const satisfies JourneyInput;

/**
 * The B2B onboarding programme (seeds/001 §5.1), anchored at contract signature:
 *
 * - Day 0: welcome e-mail, dashboard provisioning, CSM assignment;
 * - Day 1 / 3 / 5 / 7: "how to use ZENBU" video, "requesting the first measurement" video, "reading
 *   the report" video, tenant-guidance PDF — each with a reminder two days later while the fact
 *   `<item>Watched` is not true;
 * - Day 8: interactive tutorial and the 5-step checklist (account setup, property registration, test
 *   measurement, report check, tenant guidance), reminded every 3 days until `checklistCompleted`;
 * - Day 15: one CSM call (human, within 3 days);
 * - Day 15–30: reminder every 3 days until `firstMeasurementDone` (at most 6: days 15…30).
 *
 * Steps more than 2 days late are skipped as stale, so starting the planner late sends no burst.
 */
export const b2bOnboardingJourney = {
  id: 'b2b-onboarding',
  name: 'B2B onboarding programme (Day 0–30)',
  anchor: 'contract_signed',
  expiresAfter: { days: 2 },
  steps: [
    {
      id: 'day-0-welcome',
      offset: { days: 0 },
      action: { type: 'send_welcome_email', channel: 'email', title: 'Welcome to ZENBU' },
    },
    {
      id: 'day-0-dashboard',
      offset: { days: 0 },
      action: { type: 'provision_dashboard', channel: 'webhook', title: 'Create the customer dashboard' },
    },
    {
      id: 'day-0-assign-csm',
      offset: { days: 0 },
      action: { type: 'assign_csm', channel: 'task', title: 'Assign the CSM' },
    },
    ...(
      [
        [1, 'how-to-video', 'howToVideoWatched', 'How to use ZENBU (video, 15 min)'],
        [
          3,
          'first-measurement-video',
          'firstMeasurementVideoWatched',
          'How to request your first measurement (video)',
        ],
        [5, 'report-video', 'reportVideoWatched', 'How to read the report (video)'],
        [7, 'tenant-guide', 'tenantGuideRead', 'How to inform your tenants (PDF)'],
      ] as const
    ).flatMap(([day, id, fact, title]) => [
      {
        id: `day-${day}-${id}`,
        offset: { days: day },
        action: { type: `send_${id.replaceAll('-', '_')}`, channel: 'email' as const, title },
      },
      {
        id: `day-${day}-${id}-reminder`,
        offset: { days: day + 2 },
        when: notWatched(fact),
        action: {
          type: 'send_onboarding_reminder',
          channel: 'email' as const,
          title: `Reminder: ${title}`,
          payload: { item: id },
        },
      },
    ]),
    {
      id: 'day-8-checklist',
      offset: { days: 8 },
      action: {
        type: 'send_onboarding_checklist',
        channel: 'in_app',
        title: 'Interactive tutorial and 5-step checklist',
        payload: {
          checklist: [
            'account_setup',
            'property_registration',
            'test_measurement',
            'report_check',
            'tenant_guidance',
          ],
        },
      },
    },
    {
      id: 'checklist-reminder',
      offset: { days: 11 },
      repeat: {
        every: { days: 3 },
        until: { fact: 'checklistCompleted', op: 'eq', value: true },
        maxOccurrences: 2,
      },
      action: {
        type: 'send_checklist_reminder',
        channel: 'email',
        title: 'Finish your onboarding checklist',
      },
    },
    {
      id: 'day-15-csm-call',
      offset: { days: 15 },
      action: {
        type: 'csm_onboarding_call',
        channel: 'phone',
        owner: 'csm',
        automated: false,
        priority: 'high',
        title: 'CSM call: plan the first measurement',
        deadline: { days: 3 },
      },
    },
    {
      id: 'first-measurement-reminder',
      offset: { days: 15 },
      repeat: {
        every: { days: 3 },
        until: { fact: 'firstMeasurementDone', op: 'eq', value: true },
        maxOccurrences: 6,
      },
      action: {
        type: 'send_first_measurement_reminder',
        channel: 'email',
        priority: 'high',
        title: 'Book your first measurement',
      },
    },
  ],
} as const satisfies JourneyInput;

/**
 * Dunning (seeds/001 §5.2, trigger 2), anchored at invoice issue: day 7 reminder e-mail; day 14
 * second reminder and a phone notice; day 21 CSM intervention with an instalment proposal. Ends once
 * `paid` is true. A step more than 6 days late is stale, so a late run sends only the latest stage.
 */
export const dunningJourney = {
  id: 'dunning',
  name: 'Late-payment dunning',
  anchor: 'invoice_issued',
  exitWhen: { fact: 'paid', op: 'eq', value: true },
  expiresAfter: { days: 6 },
  steps: [
    {
      id: 'day-7-reminder',
      offset: { days: 7 },
      action: {
        type: 'send_payment_reminder',
        channel: 'email',
        priority: 'medium',
        title: 'Payment reminder',
      },
    },
    {
      id: 'day-14-second-reminder',
      offset: { days: 14 },
      action: {
        type: 'send_second_payment_reminder',
        channel: 'email',
        priority: 'high',
        title: 'Second payment reminder',
      },
    },
    {
      id: 'day-14-phone-notice',
      offset: { days: 14 },
      action: {
        type: 'payment_phone_notice',
        channel: 'phone',
        owner: 'billing',
        automated: false,
        priority: 'high',
        title: 'Phone notice about the unpaid invoice',
      },
    },
    {
      id: 'day-21-csm-intervention',
      offset: { days: 21 },
      action: {
        type: 'csm_payment_intervention',
        channel: 'phone',
        owner: 'csm',
        automated: false,
        priority: 'critical',
        title: 'CSM intervention on the unpaid invoice',
        deadline: { days: 1 },
      },
    },
    {
      id: 'day-21-instalment-proposal',
      offset: { days: 21 },
      action: {
        type: 'propose_instalment_plan',
        channel: 'email',
        owner: 'csm',
        automated: false,
        priority: 'high',
        title: 'Propose an instalment plan',
      },
    },
  ],
} as const satisfies JourneyInput;

/**
 * NPS detractor follow-up (seeds/001 §5.2, trigger 3), anchored at the NPS answer (score ≤ 6): Slack
 * the CSM at once; phone follow-up within 24 h; improvement proposal with a coupon the next day.
 * Steps more than 7 days late are stale.
 */
export const npsDetractorJourney = {
  id: 'nps-detractor',
  name: 'NPS detractor follow-up',
  anchor: 'nps_answered',
  expiresAfter: { days: 7 },
  steps: [
    {
      id: 'slack-csm',
      offset: { days: 0 },
      action: {
        type: 'notify_csm_detractor',
        channel: 'slack',
        priority: 'critical',
        title: 'Detractor NPS: contact the customer',
      },
    },
    {
      id: 'phone-follow-up',
      offset: { days: 0 },
      action: {
        type: 'detractor_follow_up_call',
        channel: 'phone',
        owner: 'csm',
        automated: false,
        priority: 'high',
        title: 'Call the detractor',
        deadline: { hours: 24 },
      },
    },
    {
      id: 'improvement-offer',
      offset: { days: 1 },
      action: {
        type: 'send_improvement_proposal',
        channel: 'email',
        owner: 'csm',
        automated: false,
        priority: 'medium',
        title: 'Improvement proposal with a coupon',
        payload: { coupon: true },
      },
    },
  ],
} as const satisfies JourneyInput;

/**
 * The personalised upsell campaign (seeds/001 §5.4) for a recommendation with confidence ≥ 0.8,
 * anchored when it is made: in-app notice now, personalised e-mail after 24 h, retargeting after 3
 * days. Ends once `upgraded` is true.
 */
export const upsellCampaignJourney = {
  id: 'upsell-campaign',
  name: 'Personalised upsell campaign',
  anchor: 'recommendation_made',
  exitWhen: { fact: 'upgraded', op: 'eq', value: true },
  expiresAfter: { days: 2 },
  steps: [
    {
      id: 'in-app-notice',
      offset: { days: 0 },
      action: { type: 'show_upsell_notice', channel: 'in_app', title: 'Recommended for you' },
    },
    {
      id: 'personalised-email',
      offset: { hours: 24 },
      action: { type: 'send_upsell_email', channel: 'email', title: 'Get more from your measurement' },
    },
    {
      id: 'retargeting',
      offset: { days: 3 },
      action: {
        type: 'start_retargeting',
        channel: 'webhook',
        owner: 'marketing',
        title: 'Retargeting ad with a limited coupon',
      },
    },
  ],
} as const satisfies JourneyInput;
