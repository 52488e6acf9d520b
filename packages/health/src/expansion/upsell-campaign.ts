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
 * const plan = planUpsellCampaign(recommendation, { customerId: 'c1', recommendedAt: asOf }, asOf);
 * await store.enqueueActions(plan?.due ?? []);
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
