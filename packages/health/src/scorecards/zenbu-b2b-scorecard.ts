import type { ScorecardInput } from './scorecard';

/** The seed's bands: red 0–40, yellow 41–70, green 71–100 (seeds/001 §5.2). */
export const defaultBands = [
  { id: 'red', upTo: 40, status: 'red', label: 'churn risk high' },
  { id: 'yellow', upTo: 70, status: 'yellow', label: 'watch' },
  { id: 'green', upTo: 100, status: 'green', label: 'healthy' },
] as const satisfies ScorecardInput['bands'];

/**
 * The default B2B scorecard of seeds/001 §5.2 (`CustomerHealthScore`), total 100:
 *
 * - **usage 35**: `usageRate` ≥ 1.0 → 35, ≥ 0.7 → 25, ≥ 0.5 → 15, else 5;
 * - **engagement 25**: `daysSinceLastLogin` ≤ 7 → 10, ≤ 14 → 5, else 0 (never logged in → 0);
 *   + `reportViewRate` × 10; + `featureAdoptionRate` × 5;
 * - **support 20** (ours — the seed names it only): `satisfactionRate` × 10 (mean of
 *   `(CSAT − 1) ÷ 4` and `NPS ÷ 10`; no survey → neutral 5); open tickets 0 → 5, 1 → 3, 2 → 1,
 *   more → 0; tickets escalated in 90 days 0 → 5, 1 → 2, more → 0;
 * - **payment 20** (ours, DOMAIN.md §2): days overdue on the oldest unpaid invoice 0 → 20, ≤ 7 → 15,
 *   ≤ 14 → 10, ≤ 21 → 5, else 0.
 *
 * Bands red ≤ 40, yellow ≤ 70, green above. Recommendations exactly as the seed: usage < 15 →
 * `send_reengagement_campaign` (high, automated); engagement < 10 → `send_tutorial_video` (high,
 * automated); support < 10 → `csm_intervention` (critical, human); total < 40 →
 * `executive_escalation` (critical, human). Parts without data are excluded and the score re-weighted
 * (a customer with every signal present scores exactly as the seed).
 */
export const zenbuB2BScorecard = {
  id: 'zenbu-b2b',
  name: 'ZENBU B2B health (seeds/001 §5.2)',
  missingData: 'exclude',
  components: [
    {
      id: 'usage',
      label: 'Usage',
      parts: [
        {
          id: 'usage-rate',
          kind: 'steps',
          signal: 'usageRate',
          maxPoints: 35,
          steps: [
            { op: 'gte', value: 1, points: 35, reasonCode: 'usage.at_or_above_plan' },
            { op: 'gte', value: 0.7, points: 25, reasonCode: 'usage.above_70_percent' },
            { op: 'gte', value: 0.5, points: 15, reasonCode: 'usage.above_50_percent' },
          ],
          otherwise: 5,
          otherwiseReasonCode: 'usage.below_50_percent',
        },
      ],
    },
    {
      id: 'engagement',
      label: 'Engagement',
      parts: [
        {
          id: 'last-login',
          kind: 'steps',
          signal: 'daysSinceLastLogin',
          maxPoints: 10,
          missingData: 'zero',
          steps: [
            { op: 'lte', value: 7, points: 10, reasonCode: 'engagement.login_within_7_days' },
            { op: 'lte', value: 14, points: 5, reasonCode: 'engagement.login_within_14_days' },
          ],
          otherwise: 0,
          otherwiseReasonCode: 'engagement.no_login_for_14_days',
        },
        { id: 'report-views', kind: 'linear', signal: 'reportViewRate', maxPoints: 10, from: 0, to: 1 },
        {
          id: 'feature-adoption',
          kind: 'linear',
          signal: 'featureAdoptionRate',
          maxPoints: 5,
          from: 0,
          to: 1,
        },
      ],
    },
    {
      id: 'support',
      label: 'Support',
      parts: [
        {
          id: 'satisfaction',
          kind: 'linear',
          signal: 'satisfactionRate',
          maxPoints: 10,
          from: 0,
          to: 1,
          missingData: 'neutral',
        },
        {
          id: 'open-tickets',
          kind: 'steps',
          signal: 'openTickets',
          maxPoints: 5,
          steps: [
            { op: 'lte', value: 0, points: 5, reasonCode: 'support.no_open_tickets' },
            { op: 'lte', value: 1, points: 3, reasonCode: 'support.one_open_ticket' },
            { op: 'lte', value: 2, points: 1, reasonCode: 'support.two_open_tickets' },
          ],
          otherwise: 0,
          otherwiseReasonCode: 'support.many_open_tickets',
        },
        {
          id: 'escalations',
          kind: 'steps',
          signal: 'escalatedTicketsLast90Days',
          maxPoints: 5,
          steps: [
            { op: 'lte', value: 0, points: 5, reasonCode: 'support.no_escalations' },
            { op: 'lte', value: 1, points: 2, reasonCode: 'support.one_escalation' },
          ],
          otherwise: 0,
          otherwiseReasonCode: 'support.repeated_escalations',
        },
      ],
    },
    {
      id: 'payment',
      label: 'Payment',
      parts: [
        {
          id: 'days-overdue',
          kind: 'steps',
          signal: 'daysOverdue',
          maxPoints: 20,
          steps: [
            { op: 'lte', value: 0, points: 20, reasonCode: 'payment.on_time' },
            { op: 'lte', value: 7, points: 15, reasonCode: 'payment.overdue_up_to_7_days' },
            { op: 'lte', value: 14, points: 10, reasonCode: 'payment.overdue_up_to_14_days' },
            { op: 'lte', value: 21, points: 5, reasonCode: 'payment.overdue_up_to_21_days' },
          ],
          otherwise: 0,
          otherwiseReasonCode: 'payment.overdue_over_21_days',
        },
      ],
    },
  ],
  bands: defaultBands,
  recommendations: [
    {
      type: 'usage_low',
      action: 'send_reengagement_campaign',
      priority: 'high',
      automated: true,
      message: 'Send the re-engagement campaign for low-usage accounts',
      when: { component: 'usage', below: 15 },
    },
    {
      type: 'engagement_low',
      action: 'send_tutorial_video',
      priority: 'high',
      automated: true,
      message: 'Send the tutorial video on getting value from the product',
      when: { component: 'engagement', below: 10 },
    },
    {
      type: 'support_issue',
      action: 'csm_intervention',
      priority: 'critical',
      automated: false,
      message: 'The CSM follows up by phone',
      when: { component: 'support', below: 10 },
    },
    {
      type: 'churn_risk',
      action: 'executive_escalation',
      priority: 'critical',
      automated: false,
      message: 'Escalate to an executive',
      when: { score: true, below: 40 },
    },
  ],
} as const satisfies ScorecardInput;
