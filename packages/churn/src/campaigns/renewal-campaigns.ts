import {
  type CustomerSnapshot,
  customerSnapshotSchema,
  instantSchema,
  type JourneyInput,
  type JourneyPlan,
  parseInput,
  planJourney,
} from '@kizuna/core';
import * as z from 'zod';

/**
 * Scenario 1 of the automatic retention campaigns (seeds/001 §5.3): renewal in three months and a
 * green health band. Anchored on the contract end; exits once the contract is renewed.
 */
export const greenRenewalJourney = {
  id: 'renewal-green',
  name: 'Renewal campaign (healthy customer)',
  description: 'Renewal in 90 days, health band green (seeds/001 §5.3, scenario 1).',
  anchor: 'contract_end',
  exitWhen: { fact: 'renewed', op: 'eq', value: true },
  // Steps are 30 days apart: a step not sent within 29 days is stale, so a customer who enters late
  // gets the current step, not a burst of old ones.
  expiresAfter: { days: 29 },
  steps: [
    {
      id: 'd-90-loyalty-offer',
      offset: { days: -90 },
      at: '10:00',
      action: {
        type: 'renewal_loyalty_offer',
        channel: 'email',
        title: 'Loyalty benefits: 10 % off on renewal and early access to new features',
        payload: { discountPercent: 10, earlyAccess: true },
      },
    },
    {
      id: 'd-60-success-stories',
      offset: { days: -60 },
      at: '10:00',
      action: {
        type: 'renewal_success_stories',
        channel: 'email',
        title: 'Success stories from companies like yours',
      },
    },
    {
      id: 'd-30-one-click-renewal',
      offset: { days: -30 },
      at: '10:00',
      action: {
        type: 'renewal_one_click',
        channel: 'email',
        title: 'Renew in one click',
      },
    },
  ],
} as const satisfies JourneyInput;

/**
 * Scenario 2 (seeds/001 §5.3): renewal in three months and a yellow or red health band — people
 * step in. Anchored on the contract end; exits once the contract is renewed.
 */
export const atRiskRenewalJourney = {
  id: 'renewal-at-risk',
  name: 'Renewal campaign (customer at risk)',
  description: 'Renewal in 90 days, health band yellow or red (seeds/001 §5.3, scenario 2).',
  anchor: 'contract_end',
  exitWhen: { fact: 'renewed', op: 'eq', value: true },
  // Steps are 15 days apart: a step not done within 14 days is stale (skipped as expired).
  expiresAfter: { days: 14 },
  steps: [
    {
      id: 'd-90-csm-call',
      offset: { days: -90 },
      at: '10:00',
      action: {
        type: 'renewal_csm_call',
        channel: 'phone',
        owner: 'csm',
        priority: 'high',
        automated: false,
        title: 'CSM call: hear how the service is used and list the issues',
        deadline: { days: 2 },
      },
    },
    {
      id: 'd-75-improvement-proposal',
      offset: { days: -75 },
      at: '10:00',
      action: {
        type: 'renewal_improvement_proposal',
        channel: 'email',
        owner: 'csm',
        priority: 'high',
        automated: false,
        title: 'Send the improvement proposal: a concrete usage plan and recalculated ROI',
        deadline: { days: 3 },
      },
    },
    {
      id: 'd-60-executive-meeting',
      offset: { days: -60 },
      at: '10:00',
      action: {
        type: 'renewal_executive_meeting',
        channel: 'meeting',
        owner: 'executive',
        priority: 'critical',
        automated: false,
        title: 'Executive meeting: CEO/COO visit with special terms',
        deadline: { days: 7 },
      },
    },
    {
      id: 'd-45-limited-offer',
      offset: { days: -45 },
      at: '10:00',
      action: {
        type: 'renewal_limited_offer',
        channel: 'email',
        owner: 'csm',
        priority: 'high',
        automated: false,
        title: 'Limited offer: 3 months free extension and a dedicated CSM',
        payload: { freeMonths: 3, dedicatedCsm: true },
        deadline: { days: 3 },
      },
    },
    {
      id: 'd-30-final-check',
      offset: { days: -30 },
      at: '10:00',
      action: {
        type: 'renewal_final_check',
        channel: 'task',
        owner: 'csm',
        priority: 'critical',
        automated: false,
        title: 'Final check: confirm the reasons and prepare the win-back',
        deadline: { days: 2 },
      },
    },
  ],
} as const satisfies JourneyInput;

/** Options of {@link planRenewalCampaign}. */
export const renewalCampaignOptionsSchema = z.object({
  /** The customer's health band (from `@kizuna/health`): green → scenario 1, yellow/red → scenario 2. */
  healthBand: z.enum(['green', 'yellow', 'red']),
  /** Whether the contract has been renewed already (ends the campaign). @defaultValue false */
  renewed: z.boolean().default(false),
  /** Step ids already done. @defaultValue [] */
  completedStepIds: z.array(z.string()).default([]),
  /** Planning instant. @defaultValue the snapshot's `asOf` */
  asOf: instantSchema.optional(),
});

/** Options as you may write them. */
export type RenewalCampaignOptionsInput = z.input<typeof renewalCampaignOptionsSchema>;

/** The renewal campaign chosen for a customer, or why there is none. */
export type RenewalCampaign =
  | { readonly journeyId: string; readonly plan: JourneyPlan }
  | { readonly journeyId: null; readonly reason: string };

/**
 * Plans the renewal campaign of DOMAIN.md §4 for one customer: the green journey for a green band,
 * the at-risk journey for yellow or red, anchored on the contract's end date. Customers without a
 * contract end date get none, with the reason. Run it daily: the journey engine returns the steps
 * due, each once (idempotency keys).
 *
 * @throws KizunaValidationError on an invalid snapshot or options
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'acme', name: 'Acme Property', segment: 'b2b', plan: 'pro',
 *   createdAt: '2025-05-01T00:00:00Z', contract: { startsAt: '2025-05-01T00:00:00Z', endsAt: '2026-05-01T00:00:00Z',
 *   monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * // 89 days before the contract ends.
 * const snapshot = await buildSnapshot(store, 'acme', { asOf: '2026-02-01T00:00:00Z' });
 * const campaign = planRenewalCampaign(snapshot, { healthBand: 'yellow' });
 * if (campaign.journeyId !== null) {
 *   console.log(campaign.journeyId, campaign.plan.due.map((action) => action.type)); // renewal-at-risk ['renewal_csm_call']
 *   await store.enqueueActions(campaign.plan.due, { now: snapshot.asOf });
 * }
 * ```
 */
export function planRenewalCampaign(
  snapshotInput: CustomerSnapshot,
  options: RenewalCampaignOptionsInput,
): RenewalCampaign {
  const snapshot = parseInput(customerSnapshotSchema, snapshotInput, 'snapshot');
  const { healthBand, renewed, completedStepIds, asOf } = parseInput(
    renewalCampaignOptionsSchema,
    options,
    'renewal campaign options',
  );
  const endsAt = snapshot.contract?.endsAt ?? null;
  if (endsAt === null) {
    return {
      journeyId: null,
      reason: snapshot.contract === null ? 'no contract' : 'open-ended contract: no renewal date',
    };
  }
  const journey = healthBand === 'green' ? greenRenewalJourney : atRiskRenewalJourney;
  const plan = planJourney(
    { ...journey, timeZone: snapshot.timeZone },
    { customerId: snapshot.customer.id, anchorAt: endsAt, facts: { renewed }, completedStepIds },
    asOf ?? snapshot.asOf,
  );
  return { journeyId: journey.id, plan };
}
