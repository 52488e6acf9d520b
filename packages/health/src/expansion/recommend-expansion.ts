import {
  type CustomerSnapshot,
  evaluateCondition,
  type Facts,
  type FactValue,
  parseInput,
} from '@kizuna/core';
import * as z from 'zod';
import { signalFacts } from '../scorecards/select-scorecard';
import { healthSignals } from '../signals/health-signals';
import { type HealthSignalsInput, healthSignalsSchema } from '../signals/health-signals-schema';
import { defaultUpsellRules, type UpsellRule, upsellRuleSchema } from './upsell-rules';

/** Options of {@link recommendExpansion}. */
export const recommendExpansionOptionsSchema = z.object({
  /** Rules added to (or, with `replaceRules`, used instead of) the seed's six. @defaultValue [] */
  rules: z.array(upsellRuleSchema).default([]),
  /** Use only `rules`, not the seed's. @defaultValue false */
  replaceRules: z.boolean().default(false),
  /** How many recommendations to return, best first. @defaultValue 3 */
  limit: z.number().int().positive().default(3),
  /** The customer's health; suggestions are suppressed when its status is in `suppressWhenStatus`. */
  health: z.object({ status: z.enum(['red', 'yellow', 'green']) }).optional(),
  /** Statuses for which no expansion is suggested (fix the account first). @defaultValue ['red'] */
  suppressWhenStatus: z.array(z.enum(['red', 'yellow', 'green'])).default(['red']),
  /** Confidence from which a recommendation qualifies for the upsell campaign. @defaultValue 0.8 */
  campaignMinimumConfidence: z.number().min(0).max(1).default(0.8),
});

/** Options of {@link recommendExpansion} as you may write them. */
export type RecommendExpansionOptions = z.input<typeof recommendExpansionOptionsSchema>;

/** One expansion suggestion. */
export interface ExpansionRecommendation {
  readonly ruleId: string;
  readonly product: string;
  readonly confidence: number;
  readonly reason: string;
  readonly valueProposition: string;
  readonly priceDifference: UpsellRule['priceDifference'];
  readonly roi: string;
  readonly timing: string;
  readonly discount: UpsellRule['discount'];
  /** True when confidence ≥ the campaign minimum: run the {@link upsellCampaignJourney}. */
  readonly campaign: boolean;
}

/** The result of {@link recommendExpansion}. */
export interface ExpansionResult {
  /** The top `limit` suggestions by confidence (ties keep rule order); empty when suppressed. */
  readonly recommendations: readonly ExpansionRecommendation[];
  /** Every rule that matched, before suppression and the limit. */
  readonly matchedRuleIds: readonly string[];
  readonly suppressed: boolean;
  readonly suppressedReason?: string;
}

let parsedDefaultRules: readonly UpsellRule[] | undefined;

/** The seed's six rules, validated on first use and then reused (they are constants). */
function defaultRules(): readonly UpsellRule[] {
  parsedDefaultRules ??= parseInput(z.array(upsellRuleSchema), defaultUpsellRules, 'upsell rules');
  return parsedDefaultRules;
}

function isSnapshot(input: unknown): input is CustomerSnapshot {
  return typeof input === 'object' && input !== null && 'schemaVersion' in input && 'customer' in input;
}

function fill(template: string, facts: Facts): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = facts[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * Recommends expansions (seeds/001 §5.4, DOMAIN.md §5): evaluates the six upsell rules (plus yours)
 * on the customer's facts, sorts the matches by confidence and returns the top 3. Red accounts get
 * none (configurable): the account needs help before an offer.
 *
 * @param input - a core snapshot (signals are derived at its `asOf`) or signals
 * @throws KizunaValidationError when the input, a rule or an option is invalid
 * @example
 * ```ts
 * recommendExpansion({ segment: 'b2b', plan: 'enterprise', apiEnabled: 0, usageRate90DayAverage: 0.95,
 *   monthlyMeasurementLimit: 20 }).recommendations.map((r) => r.product);
 * // ['upgrade_to_next_tier', 'api_integration']
 * ```
 */
export function recommendExpansion(
  input: CustomerSnapshot | HealthSignalsInput,
  options: RecommendExpansionOptions = {},
): ExpansionResult {
  const settings = parseInput(recommendExpansionOptionsSchema, options, 'expansion options');
  const signals = isSnapshot(input)
    ? healthSignals(input, { asOf: input.asOf })
    : parseInput(healthSignalsSchema, input, 'health signals');
  const facts: Record<string, FactValue> = { ...signalFacts(signals) };
  const limit = signals.monthlyMeasurementLimit;
  if (typeof limit === 'number') facts.nextTierMonthlyLimit = limit * 2;
  const rules = settings.replaceRules ? settings.rules : [...defaultRules(), ...settings.rules];
  const matched = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => evaluateCondition(rule.when, facts))
    .sort((left, right) => right.rule.confidence - left.rule.confidence || left.index - right.index);
  const matchedRuleIds = matched.map(({ rule }) => rule.id);
  const status = settings.health?.status;
  if (status !== undefined && settings.suppressWhenStatus.includes(status)) {
    return {
      recommendations: [],
      matchedRuleIds,
      suppressed: true,
      suppressedReason: `health status ${status}: stabilise the account before offering an expansion`,
    };
  }
  return {
    recommendations: matched.slice(0, settings.limit).map(({ rule }) => ({
      ruleId: rule.id,
      product: rule.product,
      confidence: rule.confidence,
      reason: rule.reason,
      valueProposition: fill(rule.valueProposition, facts),
      priceDifference: rule.priceDifference,
      roi: rule.roi,
      timing: rule.timing,
      discount: rule.discount,
      campaign: rule.confidence >= settings.campaignMinimumConfidence,
    })),
    matchedRuleIds,
    suppressed: false,
  };
}
