import { type Action, type Facts, idempotencyKey, type JourneyPlan, planJourney } from '@kizuna/core';
import { upsellCampaignJourney } from '../journeys/playbooks';
import type { ExpansionRecommendation } from './recommend-expansion';

/**
 * Plans the personalised upsell campaign (seeds/001 §5.4) for one recommendation: in-app notice
 * now, e-mail after 24 h, retargeting after 3 days, stopped once `facts.upgraded` is true. Only
 * recommendations flagged `campaign` (confidence ≥ 0.8 by default) get one; others return `null`.
 * Keys carry the product, so two campaigns for one customer never collide.
 *
 * @throws KizunaValidationError when the state or `asOf` is invalid
 * @example
 * ```ts
 * const { recommendations } = recommendExpansion({ segment: 'b2b', plan: 'enterprise', apiEnabled: 0,
 *   usageRate90DayAverage: 0.95, monthlyMeasurementLimit: 20 });
 * const recommendation = recommendations[0]!; // upgrade_to_next_tier, confidence 0.89: a campaign
 * // Planned 30 hours after the recommendation: the in-app notice and the 24 h e-mail are due.
 * const plan = planUpsellCampaign(recommendation, { customerId: 'c1', recommendedAt: '2026-04-01T00:00:00Z' },
 *   '2026-04-02T06:00:00Z');
 * console.log(plan?.due.map((action) => action.type)); // ['show_upsell_notice', 'send_upsell_email']
 * const store = createMemoryStore();
 * console.log((await store.enqueueActions(plan?.due ?? [], { now: '2026-04-02T06:00:00Z' })).enqueued.length); // 2
 * ```
 */
export function planUpsellCampaign(
  recommendation: ExpansionRecommendation,
  state: { readonly customerId: string; readonly recommendedAt: string; readonly facts?: Facts },
  asOf: string,
): JourneyPlan | null {
  if (!recommendation.campaign) return null;
  const plan = planJourney(
    upsellCampaignJourney,
    { customerId: state.customerId, anchorAt: state.recommendedAt, facts: { ...state.facts } },
    asOf,
  );
  const due: Action[] = plan.due.map((action) => {
    const stepId = action.source.ruleId.split('/')[1]!;
    return {
      ...action,
      idempotencyKey: idempotencyKey([
        'upsell',
        state.customerId,
        recommendation.product,
        state.recommendedAt,
        stepId,
      ]),
      reasons: [`upsell ${recommendation.ruleId} confidence ${recommendation.confidence}`, ...action.reasons],
      payload: {
        ...action.payload,
        product: recommendation.product,
        valueProposition: recommendation.valueProposition,
        discount: recommendation.discount.description,
        ...(recommendation.discount.percent === undefined
          ? {}
          : { discountPercent: recommendation.discount.percent }),
      },
    };
  });
  return { ...plan, due };
}
