import type { ChurnFeatureName } from '../features/churn-features';

/** One rule of the fallback score. */
export interface ChurnRule {
  readonly id: string;
  readonly feature: ChurnFeatureName;
  /** Points (probability) added when the rule holds. */
  readonly points: number;
  readonly holds: (value: number, features: Readonly<Record<ChurnFeatureName, number>>) => boolean;
  readonly reason: string;
}

/** Probability before any rule: a quiet, healthy customer. */
export const rulesBaseProbability = 0.05;

/**
 * The rules-based churn score used when there is too little history to train a model. Each rule is
 * a warning signal of seeds/001 §5.2 (health thresholds and proactive alerts) or seeds/000
 * (early-warning signals); its points are added to a 0.05 base and the total is capped at 0.95.
 * Missing (`NaN`) values never trigger a rule. The points are ours, chosen so that one severe signal
 * (detractor, 14+ days late, usage under half the plan) lands in "medium" and three in "critical".
 */
export const churnRules: readonly ChurnRule[] = [
  {
    id: 'usage_below_half_plan',
    feature: 'monthly_usage_rate',
    points: 0.2,
    holds: (value) => value < 0.5,
    reason: 'monthly usage below 50 % of the plan (usage-drop alert)',
  },
  {
    id: 'usage_below_plan',
    feature: 'monthly_usage_rate',
    points: 0.1,
    holds: (value) => value >= 0.5 && value < 0.7,
    reason: 'monthly usage below 70 % of the plan',
  },
  {
    id: 'usage_falling',
    feature: 'usage_trend_3m',
    points: 0.1,
    holds: (value) => value < 0,
    reason: 'usage falling over the last three months',
  },
  {
    id: 'inactive_30_days',
    feature: 'days_since_last_use',
    points: 0.1,
    holds: (value) => value > 30,
    reason: 'no measurement for more than 30 days',
  },
  {
    id: 'no_logins',
    feature: 'login_frequency_30d',
    points: 0.1,
    holds: (value) => value === 0,
    reason: 'no login in the last 30 days',
  },
  {
    id: 'reports_unread',
    feature: 'report_view_rate',
    points: 0.05,
    holds: (value) => value < 0.5,
    reason: 'fewer than half of the reports opened',
  },
  {
    id: 'silent_and_idle',
    feature: 'support_ticket_count',
    points: 0.05,
    holds: (value, features) => value === 0 && features.monthly_usage_rate < 0.5,
    reason: 'no support requests while usage is low (early-warning signal)',
  },
  {
    id: 'detractor',
    feature: 'nps_score',
    points: 0.15,
    holds: (value) => value <= 6,
    reason: 'NPS detractor (score 6 or less)',
  },
  {
    id: 'low_csat',
    feature: 'csat_score',
    points: 0.1,
    holds: (value) => value < 3,
    reason: 'CSAT below 3 of 5',
  },
  {
    id: 'negative_feedback',
    feature: 'negative_feedback_count',
    points: 0.1,
    holds: (value) => value >= 2,
    reason: 'two or more negative interactions in 30 days',
  },
  {
    id: 'payment_14_days_late',
    feature: 'payment_delay_days',
    points: 0.15,
    holds: (value) => value >= 14,
    reason: 'payment 14 or more days late',
  },
  {
    id: 'payment_7_days_late',
    feature: 'payment_delay_days',
    points: 0.1,
    holds: (value) => value >= 7 && value < 14,
    reason: 'payment 7 or more days late',
  },
  {
    id: 'price_sensitive',
    feature: 'price_sensitivity',
    points: 0.1,
    holds: (value) => value >= 0.5,
    reason: 'downgraded or cut MRR recently',
  },
  {
    id: 'renewal_within_90_days',
    feature: 'days_until_renewal',
    points: 0.05,
    holds: (value) => value >= 0 && value <= 90,
    reason: 'renewal within 90 days',
  },
];

/** The result of {@link scoreChurnRules}. */
export interface RulesChurnScore {
  /** 0.05 + the points of every rule that holds, at most 0.95. */
  readonly probability: number;
  /** The rules that held, largest points first. */
  readonly firedRules: readonly {
    readonly id: string;
    readonly feature: ChurnFeatureName;
    readonly value: number;
    readonly points: number;
    readonly reason: string;
  }[];
}

/**
 * Scores churn risk with {@link churnRules}: no model, just documented warning signals.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'acme', name: 'Acme Property', segment: 'b2b', plan: 'pro',
 *   createdAt: '2025-05-01T00:00:00Z', contract: { startsAt: '2025-05-01T00:00:00Z', endsAt: '2026-05-01T00:00:00Z',
 *   monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * // One measurement in March on a 20-per-month plan, and an NPS of 3.
 * await store.putRecords('usageEvent', [{ id: 'm1', customerId: 'acme', kind: 'measurement', hours: 2,
 *   occurredAt: '2026-03-20T10:00:00Z' }]);
 * await store.putRecords('surveyResponse', [{ id: 'n1', customerId: 'acme', type: 'nps', score: 3,
 *   respondedAt: '2026-03-25T00:00:00Z' }]);
 * const features = churnFeatures(await buildSnapshot(store, 'acme', { asOf: '2026-04-01T00:00:00Z' }));
 * const score = scoreChurnRules(features.byName);
 * console.log(score.probability, score.firedRules.map((rule) => `${rule.id} +${rule.points}`));
 * // 0.6 ['usage_below_half_plan +0.2', 'detractor +0.15', 'no_logins +0.1', 'silent_and_idle +0.05',
 * //   'renewal_within_90_days +0.05'] — 0.05 base + the points of the rules that hold
 * ```
 */
export function scoreChurnRules(features: Readonly<Record<ChurnFeatureName, number>>): RulesChurnScore {
  const firedRules = churnRules
    .filter((rule) => {
      const value = features[rule.feature];
      return !Number.isNaN(value) && rule.holds(value, features);
    })
    .map((rule) => ({
      id: rule.id,
      feature: rule.feature,
      value: features[rule.feature],
      points: rule.points,
      reason: rule.reason,
    }))
    .sort((left, right) => right.points - left.points);
  const total = firedRules.reduce((sum, rule) => sum + rule.points, rulesBaseProbability);
  return { probability: Math.min(0.95, Math.round(total * 1e9) / 1e9), firedRules };
}
