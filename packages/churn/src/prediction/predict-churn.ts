import {
  type Action,
  type CustomerSnapshot,
  defaultTimeZone,
  instantSchema,
  KizunaValidationError,
  parseInput,
  timeZoneSchema,
} from '@kizuna/core';
import * as z from 'zod';
import { type ChurnFeatureName, churnFeatureNames, churnFeatures } from '../features/churn-features';
import type { GradientBoostedTreesModel } from '../model/gradient-boosted-trees';
import { type RiskFactor, retentionPlan } from './retention-plan';
import { type RiskLevel, riskLevelOf, riskThresholdsSchema } from './risk-level';
import { scoreChurnRules } from './rules-churn-score';
import type { ChurnScorer } from './train-churn-model';

/** Options of {@link predictChurn}. */
export const predictChurnOptionsSchema = z.object({
  /** The instant of the prediction. @defaultValue the snapshot's `asOf` (required for a feature row) */
  asOf: instantSchema.optional(),
  /** The customer, for a feature row (a snapshot names its own). */
  customerId: z.string().min(1).optional(),
  /** Time zone of the action keys' local day, for a feature row. @defaultValue 'Asia/Tokyo' */
  timeZone: timeZoneSchema.optional(),
  /** Risk-level thresholds. @defaultValue { critical: 0.7, high: 0.5, medium: 0.3 } */
  thresholds: riskThresholdsSchema.default({ critical: 0.7, high: 0.5, medium: 0.3 }),
  /** How many risk factors to report. @defaultValue 3 */
  topFactors: z.number().int().min(0).max(13).default(3),
});

/** Options as you may write them. */
export type PredictChurnOptionsInput = z.input<typeof predictChurnOptionsSchema>;

/** A churn prediction for one customer, with its reasons and the retention plan. */
export interface ChurnPrediction {
  readonly customerId: string;
  readonly asOf: string;
  /** Probability of churn, in (0, 1). */
  readonly churnProbability: number;
  readonly riskLevel: RiskLevel;
  /** Which scorer produced the probability, and why it was used. */
  readonly method: 'model' | 'rules';
  readonly methodReason: string;
  /**
   * The features pushing hardest towards churn, largest first (only those pushing towards churn):
   * TreeSHAP log-odds contributions for the model, rule points for the fallback.
   */
  readonly topRiskFactors: readonly RiskFactor[];
  /** The seed's retention actions for this risk level and these factors. */
  readonly retentionPlan: readonly Action[];
  /** The feature values scored (`NaN` = missing). */
  readonly features: Readonly<Record<ChurnFeatureName, number>>;
  /** Plain-language reasons: method, level, factors. */
  readonly reasons: readonly string[];
}

function isModel(value: unknown): value is GradientBoostedTreesModel {
  return typeof value === 'object' && value !== null && 'explain' in value && 'predictRaw' in value;
}

/**
 * Predicts churn for one customer from a snapshot (features via {@link churnFeatures}) or from a
 * row of the 13 churn features: probability, risk level (critical ≥ 0.7, high ≥ 0.5, medium ≥ 0.3,
 * else low), the top risk factors from exact TreeSHAP, and the retention plan of seeds/001 §5.3.
 * With a `rules` scorer (too little history, see {@link trainChurnModel}) the documented rules score
 * instead, and `method` says so.
 *
 * @param scorer - a scorer from {@link trainChurnModel}, or a model trained on the 13 churn features
 * @param input - a customer snapshot, or the 13 feature values in {@link churnFeatureNames} order
 * @throws KizunaValidationError on an invalid snapshot, a row that is not 13 numbers, a model with
 *   other features, or a feature row without `asOf` and `customerId`
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 500, seed: 7 });
 * const scorer = trainChurnModel(buildTrainingSet(snapshots, outcomes));
 * const snapshot = snapshots[0]!;
 * const prediction = predictChurn(scorer, snapshot);
 * console.log(prediction.riskLevel, prediction.churnProbability); // critical 0.899…
 * console.log(prediction.topRiskFactors[0]); // { feature: 'price_sensitivity', value: 0.8, contribution: 1.558… }
 * const store = createMemoryStore();
 * await store.enqueueActions(prediction.retentionPlan, { now: snapshot.asOf });
 * console.log(prediction.retentionPlan.map((action) => action.type));
 * // ['executive_intervention', 'special_discount_offer', 'csm_phone_call']
 * ```
 */
export function predictChurn(
  scorer: ChurnScorer | GradientBoostedTreesModel,
  input: CustomerSnapshot | readonly number[],
  options: PredictChurnOptionsInput = {},
): ChurnPrediction {
  const parsed = parseInput(predictChurnOptionsSchema, options, 'churn prediction options');
  let values: readonly number[];
  let customerId: string;
  let asOf: string;
  let timeZone: string;
  if (Array.isArray(input)) {
    if (input.length !== churnFeatureNames.length || input.some((value) => typeof value !== 'number')) {
      throw KizunaValidationError.forField(
        'churn features',
        '',
        `expected the ${churnFeatureNames.length} churn features as numbers (${churnFeatureNames.join(', ')})`,
      );
    }
    if (parsed.asOf === undefined || parsed.customerId === undefined) {
      throw KizunaValidationError.forField(
        'churn prediction options',
        parsed.asOf === undefined ? 'asOf' : 'customerId',
        'a feature row needs asOf and customerId for the retention plan',
      );
    }
    values = input;
    customerId = parsed.customerId;
    asOf = parsed.asOf;
    timeZone = parsed.timeZone ?? defaultTimeZone;
  } else {
    const features = churnFeatures(
      input as CustomerSnapshot,
      parsed.asOf === undefined ? {} : { asOf: parsed.asOf },
    );
    values = features.values;
    customerId = features.customerId;
    asOf = features.asOf;
    timeZone = (input as CustomerSnapshot).timeZone;
  }
  const byName = Object.fromEntries(churnFeatureNames.map((name, index) => [name, values[index]!])) as Record<
    ChurnFeatureName,
    number
  >;

  const resolved: ChurnScorer = isModel(scorer)
    ? { method: 'model', model: scorer, reason: 'gradient-boosted trees' }
    : scorer;
  let probability: number;
  let factors: RiskFactor[];
  if (resolved.method === 'model') {
    const model = resolved.model;
    if (model.featureNames.join(',') !== churnFeatureNames.join(',')) {
      throw KizunaValidationError.forField(
        'model',
        'featureNames',
        `expected a model trained on the churn features (${churnFeatureNames.join(', ')})`,
      );
    }
    const explanation = model.explain(values as number[]);
    probability = explanation.probability;
    factors = explanation.contributions
      .filter((part) => part.contribution > 0)
      .sort((left, right) => right.contribution - left.contribution)
      .slice(0, parsed.topFactors)
      .map((part) => ({
        feature: part.feature as ChurnFeatureName,
        value: part.value,
        contribution: part.contribution,
      }));
  } else {
    const score = scoreChurnRules(byName);
    probability = score.probability;
    factors = score.firedRules
      .slice(0, parsed.topFactors)
      .map((rule) => ({ feature: rule.feature, value: rule.value, contribution: rule.points }));
  }
  const riskLevel = riskLevelOf(probability, parsed.thresholds);
  const plan = retentionPlan({ customerId, asOf, timeZone, riskLevel, probability }, factors);
  return {
    customerId,
    asOf,
    churnProbability: probability,
    riskLevel,
    method: resolved.method,
    methodReason: resolved.reason,
    topRiskFactors: factors,
    retentionPlan: plan,
    features: byName,
    reasons: [
      `${resolved.method === 'model' ? 'model' : 'rules fallback'}: ${resolved.reason}`,
      `churn probability ${probability.toFixed(3)} → ${riskLevel}`,
      ...factors.map(
        (factor) =>
          `${factor.feature} = ${Number.isNaN(factor.value) ? 'missing' : factor.value} (+${factor.contribution.toFixed(3)})`,
      ),
    ],
  };
}
