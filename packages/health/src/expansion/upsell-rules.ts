import { conditionSchema } from '@kizuna/core';
import * as z from 'zod';

/** An upsell rule as data: when its condition holds on the expansion facts, it recommends `product`. */
export const upsellRuleSchema = z.object({
  /** Stable id, e.g. `b2c-light-to-standard`. */
  id: z.string().min(1),
  /** What is offered (the seed's `product`). */
  product: z.string().min(1),
  /**
   * Condition over the expansion facts: every signal (`segment`, `plan`, `usageRate90DayAverage`,
   * `propertyCoverage`, `apiEnabled`, ...) plus `nextTierMonthlyLimit` (= limit × 2).
   */
  when: conditionSchema,
  /** 0..1; recommendations are sorted by it. */
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1),
  /** May contain `{fact}` placeholders filled from the facts, e.g. `{nextTierMonthlyLimit}`. */
  valueProposition: z.string().min(1),
  /** Price difference in minor units and how often it is charged. */
  priceDifference: z.object({
    amount: z.number().int(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('JPY'),
    per: z.enum(['once', 'month']),
    /** What one unit is, when priced per unit (e.g. `50 properties`). */
    unit: z.string().optional(),
  }),
  roi: z.string().min(1),
  /** When to offer: `next_measurement`, `immediately`, `within_7_days`, `before_next_billing`, ... */
  timing: z.string().min(1),
  discount: z.object({ percent: z.number().min(0).max(100).optional(), description: z.string().min(1) }),
});

/** An upsell rule as you may write it. */
export type UpsellRuleInput = z.input<typeof upsellRuleSchema>;
/** An upsell rule after validation. */
export type UpsellRule = z.output<typeof upsellRuleSchema>;

/**
 * The six upsell rules of seeds/001 §5.4 (DOMAIN.md §5), with the seed's confidences, prices, timing
 * and discounts.
 */
export const defaultUpsellRules = [
  {
    id: 'b2c-light-to-standard',
    product: 'standard_plan',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2c' },
        { fact: 'plan', op: 'eq', value: 'light' },
        { fact: 'measurementHoursLast90Days', op: 'gt', value: 1 },
      ],
    },
    confidence: 0.85,
    reason: 'Measurements often run longer than one hour',
    valueProposition: 'The standard plan measures for 2 hours for more precise data',
    priceDifference: { amount: 4_000, currency: 'JPY', per: 'once' },
    roi: 'More detailed data: resolution rate +30%',
    timing: 'next_measurement',
    discount: { percent: 10, description: '10% off the first time' },
  },
  {
    id: 'b2c-standard-to-premium',
    product: 'premium_plan',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2c' },
        { fact: 'plan', op: 'eq', value: 'standard' },
        { fact: 'negotiationsTotal', op: 'gte', value: 3 },
      ],
    },
    confidence: 0.78,
    reason: 'Negotiations seem to be difficult',
    valueProposition: 'A lawyer-reviewed report strengthens its legal weight',
    priceDifference: { amount: 12_000, currency: 'JPY', per: 'once' },
    roi: 'Avoids litigation risk: resolution rate +50%',
    timing: 'immediately',
    discount: { percent: 20, description: '20% off now' },
  },
  {
    id: 'b2c-ai-mediation',
    product: 'ai_mediation_service',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2c' },
        { fact: 'reportsDeliveredTotal', op: 'gte', value: 1 },
        { fact: 'mediationUsed', op: 'eq', value: 0 },
      ],
    },
    confidence: 0.92,
    reason: 'Is the resolution after the measurement proving hard?',
    valueProposition: 'Neutral AI mediation: 75% reach an agreement',
    priceDifference: { amount: 8_000, currency: 'JPY', per: 'once' },
    roi: 'Saves lawyer fees (about 300,000 JPY)',
    timing: 'within_7_days',
    discount: { percent: 15, description: '15% off for measured customers' },
  },
  {
    id: 'b2b-next-tier',
    product: 'upgrade_to_next_tier',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2b' },
        { fact: 'usageRate90DayAverage', op: 'gte', value: 0.9 },
      ],
    },
    confidence: 0.89,
    reason: 'Monthly measurements are close to the plan limit',
    valueProposition: 'Move to the {nextTierMonthlyLimit} measurements a month plan',
    priceDifference: { amount: 40_000, currency: 'JPY', per: 'month' },
    roi: 'Unit price 30% lower, no overage charges',
    timing: 'before_next_billing',
    discount: { percent: 50, description: '50% off the first month after upgrading' },
  },
  {
    id: 'b2b-more-properties',
    product: 'add_more_properties',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2b' },
        { fact: 'propertyCoverage', op: 'lt', value: 0.5 },
      ],
    },
    confidence: 0.73,
    reason: 'Extend the service to more of your properties?',
    valueProposition: 'Covering every property raises tenant satisfaction',
    priceDifference: { amount: 20_000, currency: 'JPY', per: 'month', unit: '50 properties' },
    roi: 'Move-outs −15%, about +2,000,000 JPY a year',
    timing: 'quarterly_review',
    discount: { description: 'Up to 3 additional properties free' },
  },
  {
    id: 'b2b-api-integration',
    product: 'api_integration',
    when: {
      all: [
        { fact: 'segment', op: 'eq', value: 'b2b' },
        { fact: 'plan', op: 'eq', value: 'enterprise' },
        { fact: 'apiEnabled', op: 'eq', value: 0 },
      ],
    },
    confidence: 0.81,
    reason: 'Connect to your business systems for more efficiency',
    valueProposition: 'API integration with your property-management system',
    priceDifference: { amount: 30_000, currency: 'JPY', per: 'month' },
    roi: '90% less manual work, 20 hours saved a month',
    timing: 'after_6_months',
    discount: { percent: 50, description: '50% off the initial setup fee' },
  },
] as const satisfies readonly UpsellRuleInput[];
