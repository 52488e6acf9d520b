import { type CustomerSnapshot, KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { type ChurnFeatureName, churnFeatureNames, churnFeatures } from './churn-features';

/** Whether a customer churned within the label window after its snapshot. */
export const churnOutcomeSchema = z.object({
  customerId: z.string().min(1),
  /** True when the customer left within the label window (e.g. 90 days) after the snapshot. */
  churned: z.boolean(),
});

/** A churn outcome. */
export type ChurnOutcome = z.output<typeof churnOutcomeSchema>;

/** Labelled rows for {@link trainGradientBoostedTrees}. */
export interface ChurnTrainingSet {
  readonly featureNames: readonly ChurnFeatureName[];
  /** One row of 13 features per labelled snapshot. */
  readonly features: readonly (readonly number[])[];
  /** 1 = churned, 0 = stayed. */
  readonly labels: readonly number[];
  readonly customerIds: readonly string[];
  /** The `asOf` of each row's snapshot (for {@link timeBasedSplit}). */
  readonly asOf: readonly string[];
  /** Snapshots left out, with the reason. */
  readonly skipped: readonly { readonly customerId: string; readonly reason: string }[];
  /** Labelled rows and churners among them. */
  readonly counts: { readonly rows: number; readonly churners: number };
}

/**
 * Makes labelled rows from snapshots and outcomes: each snapshot's {@link churnFeatures} with the
 * outcome of its customer. A snapshot without an outcome is skipped and reported; an outcome given
 * twice for one customer is an error (which label would be right?).
 *
 * @throws KizunaValidationError on an invalid snapshot or outcome, or duplicate outcomes
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 200, seed: 7 });
 * console.log(outcomes[0]); // { customerId: 'synthetic-000001', churned: true }
 * const set = buildTrainingSet(snapshots, outcomes);
 * console.log(set.features.length, set.featureNames.length); // 200 13
 * const model = trainGradientBoostedTrees({ ...set, nEstimators: 50 });
 * console.log(model.predictProbability(set.features.slice(0, 2))); // Float64Array [0.838…, 0.017…]
 * ```
 */
export function buildTrainingSet(
  snapshots: readonly CustomerSnapshot[],
  outcomes: readonly ChurnOutcome[],
): ChurnTrainingSet {
  const parsedOutcomes = parseInput(z.array(churnOutcomeSchema), outcomes, 'churn outcomes');
  if (!Array.isArray(snapshots))
    throw KizunaValidationError.forField('snapshots', '', 'expected an array of snapshots');
  const outcomeOf = new Map<string, boolean>();
  parsedOutcomes.forEach((outcome, index) => {
    if (outcomeOf.has(outcome.customerId)) {
      throw KizunaValidationError.forField(
        'churn outcomes',
        `[${index}].customerId`,
        `duplicate outcome for customer ${outcome.customerId}`,
      );
    }
    outcomeOf.set(outcome.customerId, outcome.churned);
  });
  const features: number[][] = [];
  const labels: number[] = [];
  const customerIds: string[] = [];
  const asOf: string[] = [];
  const skipped: { customerId: string; reason: string }[] = [];
  snapshots.forEach((snapshot) => {
    const row = churnFeatures(snapshot);
    const churned = outcomeOf.get(row.customerId);
    if (churned === undefined) {
      skipped.push({ customerId: row.customerId, reason: 'no outcome for this customer' });
      return;
    }
    features.push([...row.values]);
    labels.push(churned ? 1 : 0);
    customerIds.push(row.customerId);
    asOf.push(row.asOf);
  });
  return {
    featureNames: churnFeatureNames,
    features,
    labels,
    customerIds,
    asOf,
    skipped,
    counts: { rows: labels.length, churners: labels.filter((label) => label === 1).length },
  };
}
