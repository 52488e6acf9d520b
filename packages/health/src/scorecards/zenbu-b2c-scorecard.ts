import type { ScorecardInput } from './scorecard';
import { defaultBands } from './zenbu-b2b-scorecard';

/**
 * The B2C scorecard (ours), for a customer who buys a noise measurement once, total 100. Success for
 * B2C is "the trouble was solved and they would use us again when needed, or recommend us"
 * (seeds/001 §2.1): most customers never repeat and never need to, so nothing a one-off customer
 * simply has not done reads as bad health. Parts that can only bring good news are **bonus** parts
 * (`otherwise: 'exclude'`: they count when they hold and are left out otherwise); bad news counts.
 *
 * - **report 20**: `reportViewRate` × 20 — did they read the measurement report (no report in the
 *   last 90 days: excluded);
 * - **satisfaction 35**: `satisfactionRate` × 35 (CSAT and NPS: satisfied with the result and the
 *   support, would recommend); no answer → neutral 17.5 (half the customers never answer);
 * - **resolution 20**: negotiated with the other party at least once → 15 (bonus); AI mediation used
 *   → 5 (bonus: an add-on, not buying it is not a problem);
 * - **repeat 10**: a second measurement booked (`measurementsTotal` ≥ 2) → 10 (bonus);
 * - **support 15**: negative share of the last 30 days' interactions 0 → 10, falling linearly to 0 at
 *   0.5 (no interactions: excluded); escalated tickets in 90 days: 1 → 2 of 5, 2 or more → 0 (none:
 *   excluded — no news is not good news either).
 *
 * A one-off customer of whom nothing else is known scores 50 (yellow: satisfaction neutral, the rest
 * excluded), not red. Same bands as the B2B card. Recommendations: report < 10 →
 * `send_report_walkthrough` (medium, automated); satisfaction < 17.5 → `csm_follow_up_call` (high,
 * human; only when there is an answer); total < 40 → `personal_outreach` (critical, human); green →
 * `send_repeat_campaign` (low, automated: the seed's repeat campaign with a coupon, §3.1 ⑧).
 */
export const zenbuB2CScorecard = {
  id: 'zenbu-b2c',
  name: 'ZENBU B2C health',
  missingData: 'exclude',
  components: [
    {
      id: 'report',
      label: 'Report read',
      parts: [
        { id: 'report-views', kind: 'linear', signal: 'reportViewRate', maxPoints: 20, from: 0, to: 1 },
      ],
    },
    {
      id: 'satisfaction',
      label: 'Satisfaction',
      parts: [
        {
          id: 'satisfaction',
          kind: 'linear',
          signal: 'satisfactionRate',
          maxPoints: 35,
          from: 0,
          to: 1,
          missingData: 'neutral',
        },
      ],
    },
    {
      id: 'resolution',
      label: 'Resolution progress',
      parts: [
        {
          id: 'negotiation',
          kind: 'steps',
          signal: 'negotiationsTotal',
          maxPoints: 15,
          steps: [{ op: 'gte', value: 1, points: 15, reasonCode: 'resolution.negotiation_attempted' }],
          otherwise: 'exclude',
          otherwiseReasonCode: 'resolution.no_negotiation_yet',
        },
        {
          id: 'mediation',
          kind: 'steps',
          signal: 'mediationUsed',
          maxPoints: 5,
          steps: [{ op: 'gte', value: 1, points: 5, reasonCode: 'resolution.mediation_used' }],
          otherwise: 'exclude',
          otherwiseReasonCode: 'resolution.mediation_not_used',
        },
      ],
    },
    {
      id: 'repeat',
      label: 'Repeat booking',
      parts: [
        {
          id: 'repeat-booking',
          kind: 'steps',
          signal: 'measurementsTotal',
          maxPoints: 10,
          steps: [{ op: 'gte', value: 2, points: 10, reasonCode: 'repeat.booked_again' }],
          otherwise: 'exclude',
          otherwiseReasonCode: 'repeat.single_measurement',
        },
      ],
    },
    {
      id: 'support',
      label: 'Support experience',
      parts: [
        {
          id: 'sentiment',
          kind: 'linear',
          signal: 'sentimentNegativeRatio',
          maxPoints: 10,
          from: 0.5,
          to: 0,
        },
        {
          id: 'escalations',
          kind: 'steps',
          signal: 'escalatedTicketsLast90Days',
          maxPoints: 5,
          steps: [
            { op: 'gte', value: 2, points: 0, reasonCode: 'support.repeated_escalations' },
            { op: 'gte', value: 1, points: 2, reasonCode: 'support.one_escalation' },
          ],
          otherwise: 'exclude',
          otherwiseReasonCode: 'support.no_escalations',
        },
      ],
    },
  ],
  bands: defaultBands,
  recommendations: [
    {
      type: 'report_unread',
      action: 'send_report_walkthrough',
      priority: 'medium',
      automated: true,
      message: 'Send the guide to reading the measurement report',
      when: { component: 'report', below: 10 },
    },
    {
      type: 'satisfaction_low',
      action: 'csm_follow_up_call',
      priority: 'high',
      automated: false,
      message: 'A CSM calls to hear what went wrong',
      when: { component: 'satisfaction', below: 17.5 },
    },
    {
      type: 'churn_risk',
      action: 'personal_outreach',
      priority: 'critical',
      automated: false,
      message: 'Reach out personally before the customer gives up',
      when: { score: true, below: 40 },
    },
    {
      type: 'repeat_invitation',
      action: 'send_repeat_campaign',
      priority: 'low',
      automated: true,
      message: 'Invite to book again when needed, with a coupon (seeds/001 §3.1 ⑧)',
      when: { status: ['green'] },
    },
  ],
} as const satisfies ScorecardInput;
