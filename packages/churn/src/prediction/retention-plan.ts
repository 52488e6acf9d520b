import { type Action, idempotencyKey, localDate } from '@kizuna/core';
import type { ChurnFeatureName } from '../features/churn-features';
import type { RiskLevel } from './risk-level';

/** A risk factor as the retention rules read it. */
export interface RiskFactor {
  readonly feature: ChurnFeatureName;
  /** The customer's value of the feature (`NaN` when missing). */
  readonly value: number;
  /**
   * How much it pushes towards churn: TreeSHAP log-odds for the model, probability points for the
   * rules fallback.
   */
  readonly contribution: number;
}

const hourMilliseconds = 3_600_000;

/** What {@link retentionPlan} needs to know about the prediction it plans for. */
export interface PlanContext {
  /** The customer the actions are for. */
  readonly customerId: string;
  /** The instant of the prediction: deadlines count from it. */
  readonly asOf: string;
  /** Time zone of the local day in the actions' idempotency keys. */
  readonly timeZone: string;
  /** The prediction's risk level. */
  readonly riskLevel: RiskLevel;
  /** The churn probability, 0–1. */
  readonly probability: number;
}

function action(
  context: PlanContext,
  type: string,
  fields: Pick<Action, 'channel' | 'owner' | 'priority' | 'automated' | 'title'> & {
    readonly deadlineHours: number;
    readonly reasons: readonly string[];
    readonly payload?: Action['payload'];
  },
): Action {
  const asOfTime = Date.parse(context.asOf);
  return {
    // One decision per customer, action and local day: a daily re-run enqueues nothing new.
    idempotencyKey: idempotencyKey([
      'churn',
      type,
      context.customerId,
      localDate(asOfTime, context.timeZone),
    ]),
    type,
    customerId: context.customerId,
    channel: fields.channel,
    owner: fields.owner,
    priority: fields.priority,
    automated: fields.automated,
    dueAt: new Date(asOfTime).toISOString(),
    deadlineAt: new Date(asOfTime + fields.deadlineHours * hourMilliseconds).toISOString(),
    title: fields.title,
    reasons: [...fields.reasons],
    source: { engine: 'churn', ruleId: `retention/${type}` },
    payload: fields.payload ?? {},
  };
}

/**
 * The retention plan of seeds/001 §5.3 as core actions:
 *
 * - critical → `executive_intervention` (CEO, within 48 h) and `special_discount_offer` (3 months
 *   20 % off, CSM, within 72 h);
 * - critical or high → `csm_phone_call` (CSM hears the issues, within 24 h);
 * - a top risk factor `usage_trend_3m` with a negative value → `reactivation_campaign` (marketing
 *   automation, immediately);
 * - a top risk factor `nps_score` below 7 → `satisfaction_recovery` (CSM, within 24 h).
 *
 * Each action is due at `asOf`, carries its deadline and reasons, and has an idempotency key of the
 * customer, action and local day.
 *
 * @example
 * ```ts
 * const factors: RiskFactor[] = [
 *   { feature: 'usage_trend_3m', value: -0.2, contribution: 0.61 },
 *   { feature: 'payment_delay_days', value: 21, contribution: 0.3 },
 * ];
 * const actions = retentionPlan({ customerId: 'c1', asOf: '2026-04-01T00:00:00Z', timeZone: 'Asia/Tokyo',
 *   riskLevel: 'critical', probability: 0.82 }, factors);
 * console.log(actions.map((action) => action.type));
 * // ['executive_intervention', 'special_discount_offer', 'csm_phone_call', 'reactivation_campaign']
 * ```
 */
export function retentionPlan(context: PlanContext, factors: readonly RiskFactor[]): readonly Action[] {
  const why = `churn probability ${context.probability.toFixed(3)} (${context.riskLevel})`;
  const actions: Action[] = [];
  if (context.riskLevel === 'critical') {
    actions.push(
      action(context, 'executive_intervention', {
        channel: 'meeting',
        owner: 'ceo',
        priority: 'critical',
        automated: false,
        title: 'Executive emergency meeting with the customer',
        deadlineHours: 48,
        reasons: [why],
      }),
      action(context, 'special_discount_offer', {
        channel: 'email',
        owner: 'csm',
        priority: 'critical',
        automated: false,
        title: 'Offer 20 % off for 3 months',
        deadlineHours: 72,
        reasons: [why],
        payload: { discountPercent: 20, months: 3 },
      }),
    );
  }
  if (context.riskLevel === 'critical' || context.riskLevel === 'high') {
    actions.push(
      action(context, 'csm_phone_call', {
        channel: 'phone',
        owner: 'csm',
        priority: context.riskLevel,
        automated: false,
        title: 'CSM call to hear the customer’s issues',
        deadlineHours: 24,
        reasons: [why],
      }),
    );
  }
  for (const factor of factors) {
    if (factor.feature === 'usage_trend_3m' && factor.value < 0) {
      actions.push(
        action(context, 'reactivation_campaign', {
          channel: 'email',
          owner: 'marketing_automation',
          priority: 'high',
          automated: true,
          title: 'Start the usage reactivation e-mail sequence',
          deadlineHours: 0,
          reasons: [why, `usage_trend_3m = ${factor.value.toFixed(3)} (falling usage) is a top risk factor`],
        }),
      );
    }
    if (factor.feature === 'nps_score' && factor.value < 7) {
      actions.push(
        action(context, 'satisfaction_recovery', {
          channel: 'phone',
          owner: 'csm',
          priority: 'high',
          automated: false,
          title: 'Hear the dissatisfaction and propose improvements',
          deadlineHours: 24,
          reasons: [why, `nps_score = ${factor.value} (detractor) is a top risk factor`],
        }),
      );
    }
  }
  return actions;
}
