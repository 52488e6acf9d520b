import * as z from 'zod';

/**
 * Hyper-parameters of {@link trainGradientBoostedTrees}. The first three defaults are those of the
 * seed's churn model (seeds/001 §5.3: `GradientBoostingClassifier(n_estimators=100,
 * learning_rate=0.1, max_depth=5)`); the regularisation defaults are XGBoost's.
 */
export const gradientBoostingOptionsSchema = z.object({
  /** Number of boosting rounds (trees). @defaultValue 100 */
  nEstimators: z.number().int().min(1).max(10_000).default(100),
  /** Shrinkage applied to every leaf value. @defaultValue 0.1 */
  learningRate: z.number().gt(0).max(1).default(0.1),
  /** Maximum depth of a tree (a depth-5 tree has up to 32 leaves). @defaultValue 5 */
  maxDepth: z.number().int().min(1).max(12).default(5),
  /** Value bins per feature for split finding (quantiles), at most 255. @defaultValue 255 */
  maxBins: z.number().int().min(2).max(255).default(255),
  /** Minimum sum of hessians (p(1 − p) × weight) in a child. @defaultValue 1 */
  minChildWeight: z.number().nonnegative().default(1),
  /** Minimum number of training rows in a leaf. @defaultValue 1 */
  minSamplesLeaf: z.number().int().min(1).default(1),
  /** L2 penalty λ on leaf values: a leaf is −G / (H + λ). @defaultValue 1 */
  l2Regularization: z.number().nonnegative().default(1),
  /** Minimum loss reduction (γ) a split must bring. @defaultValue 0 */
  minSplitGain: z.number().nonnegative().default(0),
  /** Fraction of rows sampled (without replacement) for each tree. @defaultValue 1 */
  rowSampleRate: z.number().gt(0).max(1).default(1),
  /** Fraction of features sampled for each tree. @defaultValue 1 */
  columnSampleRate: z.number().gt(0).max(1).default(1),
  /** Seed of every random choice (row and column samples, the validation split). @defaultValue 0 */
  seed: z.number().int().default(0),
  /**
   * Fraction of the rows held out (stratified) to stop early on; 0 trains on every row for exactly
   * `nEstimators` rounds. @defaultValue 0
   */
  validationFraction: z.number().min(0).max(0.5).default(0),
  /** With a validation fraction: stop after this many rounds without a better validation log loss. @defaultValue 10 */
  earlyStoppingRounds: z.number().int().min(1).default(10),
  /**
   * Weight of each class in the loss: `{ 0: w0, 1: w1 }`, or `'balanced'` for
   * `nRows / (2 × count of the class)`. @defaultValue { 0: 1, 1: 1 }
   */
  classWeights: z
    .union([
      z.literal('balanced'),
      z.object({ 0: z.number().positive().default(1), 1: z.number().positive().default(1) }),
    ])
    .default({ 0: 1, 1: 1 }),
  /** Rows used to find the quantile bins; above it a seeded sample is used. @defaultValue 200000 */
  binSampleSize: z.number().int().min(100).default(200_000),
});

/** Training options after validation. */
export type GradientBoostingOptions = z.output<typeof gradientBoostingOptionsSchema>;
/** Training options as you may write them (every field optional). */
export type GradientBoostingOptionsInput = z.input<typeof gradientBoostingOptionsSchema>;
