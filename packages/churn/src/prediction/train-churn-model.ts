import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { churnFeatureNames } from '../features/churn-features';
import type { GradientBoostedTreesModel } from '../model/gradient-boosted-trees';
import { gradientBoostingOptionsSchema } from '../model/gradient-boosting-options';
import { trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';

/** How churn is scored: a trained model, or the rules fallback when history is too thin. */
export type ChurnScorer =
  | { readonly method: 'model'; readonly model: GradientBoostedTreesModel; readonly reason: string }
  | { readonly method: 'rules'; readonly reason: string };

/** Options of {@link trainChurnModel}. */
export const churnModelOptionsSchema = z.object({
  /** Fewer churners than this → the rules fallback. @defaultValue 30 */
  minChurners: z.number().int().min(1).default(30),
  /** Fewer labelled rows than this → the rules fallback. @defaultValue 200 */
  minRows: z.number().int().min(2).default(200),
  /** Gradient-boosting options (seed defaults: 100 trees, learning rate 0.1, depth 5). @defaultValue {} */
  training: gradientBoostingOptionsSchema.partial().default({}),
});

/** Options as you may write them. */
export type ChurnModelOptionsInput = z.input<typeof churnModelOptionsSchema>;

/**
 * Trains the churn model on a training set of the 13 churn features — or, when there are fewer than
 * `minChurners` churners or `minRows` rows, returns the documented rules fallback
 * ({@link churnRules}) and says why. A model trained on a handful of churners ranks noise; the rules
 * at least follow the seed's warning signals.
 *
 * @throws KizunaValidationError on bad rows, labels or options
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 500, seed: 7 });
 * const scorer = trainChurnModel(buildTrainingSet(snapshots, outcomes));
 * console.log(scorer.method); // 'model' (it is 'rules', with scorer.reason, when the data are too few)
 * ```
 */
export function trainChurnModel(
  set: { readonly features: readonly (readonly number[])[]; readonly labels: readonly number[] },
  options: ChurnModelOptionsInput = {},
): ChurnScorer {
  const { minChurners, minRows, training } = parseInput(
    churnModelOptionsSchema,
    options,
    'churn model options',
  );
  if (!Array.isArray(set?.features) || !Array.isArray(set?.labels)) {
    throw KizunaValidationError.forField('training set', '', 'expected features and labels arrays');
  }
  const churners = set.labels.filter((label) => label === 1).length;
  const rows = set.labels.length;
  if (rows < minRows || churners < minChurners || churners === rows) {
    return {
      method: 'rules',
      reason:
        rows < minRows
          ? `${rows} labelled rows, fewer than the ${minRows} needed to train: rules-based fallback`
          : churners === rows
            ? 'every row churned: rules-based fallback'
            : `${churners} churners, fewer than the ${minChurners} needed to train: rules-based fallback`,
    };
  }
  const model = trainGradientBoostedTrees({
    ...training,
    features: set.features,
    labels: set.labels,
    featureNames: churnFeatureNames,
  });
  return {
    method: 'model',
    model,
    reason: `gradient-boosted trees trained on ${rows} rows with ${churners} churners`,
  };
}
