import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { createSeededRandom, shuffleInPlace } from '../model/seeded-random';
import { type TrainingInput, trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';
import { toBinaryLabels, toFeatureMatrix } from '../model/training-data';
import { brierScore, logLoss } from './probability-metrics';
import { prAuc, rocAuc } from './ranking-metrics';

/** Options of {@link crossValidate}. */
export const crossValidationOptionsSchema = z.object({
  /** Number of folds k. @defaultValue 5 */
  folds: z.number().int().min(2).max(100).default(5),
  /** Keep the churn rate of every fold equal to the whole data's. @defaultValue true */
  stratified: z.boolean().default(true),
  /** Seed of the fold assignment (training uses the input's own `seed`). @defaultValue 0 */
  seed: z.number().int().default(0),
});

/** Cross-validation options as you may write them. */
export type CrossValidationOptionsInput = z.input<typeof crossValidationOptionsSchema>;

/** Test metrics of one fold. */
export interface FoldResult {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly rocAuc: number;
  readonly prAuc: number;
  readonly logLoss: number;
  readonly brierScore: number;
}

/** The result of {@link crossValidate}. */
export interface CrossValidationResult {
  readonly folds: readonly FoldResult[];
  /** Means over the folds (scikit-learn's `cross_val_score(...).mean()` convention). */
  readonly mean: {
    readonly rocAuc: number;
    readonly prAuc: number;
    readonly logLoss: number;
    readonly brierScore: number;
  };
  /** Each row's probability from the model that did not see it. */
  readonly outOfFoldProbabilities: Float64Array;
  /** The fold each row was tested in. */
  readonly foldOfRow: Uint8Array;
}

/**
 * k-fold cross-validation of {@link trainGradientBoostedTrees}: rows are dealt into k folds (per
 * class when stratified, after a seeded shuffle), and each fold is scored by a model trained on the
 * other k − 1. Every fold must contain both classes.
 *
 * @param input - the training input (features, labels, names and training options)
 * @param options - folds, stratification and the seed of the fold assignment
 * @throws KizunaValidationError on bad data or options, or a fold with a single class
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 300, seed: 7 });
 * const { features, labels } = buildTrainingSet(snapshots, outcomes);
 * const result = crossValidate({ features, labels, nEstimators: 100 }, { folds: 5, seed: 42 });
 * console.log(result.mean.rocAuc); // 0.719… (mean of the 5 folds)
 * ```
 */
export function crossValidate(
  input: TrainingInput,
  options: CrossValidationOptionsInput = {},
): CrossValidationResult {
  const { folds, stratified, seed } = parseInput(
    crossValidationOptionsSchema,
    options,
    'cross-validation options',
  );
  const matrix = toFeatureMatrix(input.features, input.nFeatures, 'features');
  const labels = toBinaryLabels(input.labels, matrix.nRows, 'labels');
  if (matrix.nRows < folds) {
    throw KizunaValidationError.forField(
      'features',
      '',
      `expected at least ${folds} rows for ${folds} folds`,
    );
  }
  const random = createSeededRandom(seed);
  const foldOfRow = new Uint8Array(matrix.nRows);
  const groups = stratified ? [0, 1] : [-1];
  let dealt = 0;
  for (const group of groups) {
    const members: number[] = [];
    for (let row = 0; row < matrix.nRows; row += 1) if (group < 0 || labels[row] === group) members.push(row);
    shuffleInPlace(members, random);
    // Continue dealing where the previous class stopped, so fold sizes differ by at most one.
    for (const row of members) foldOfRow[row] = dealt++ % folds;
  }
  const { nFeatures } = matrix;
  const outOfFold = new Float64Array(matrix.nRows);
  const results: FoldResult[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const trainIndex: number[] = [];
    const testIndex: number[] = [];
    for (let row = 0; row < matrix.nRows; row += 1)
      (foldOfRow[row] === fold ? testIndex : trainIndex).push(row);
    const gather = (indices: number[]) => {
      const values = new Float64Array(indices.length * nFeatures);
      indices.forEach((row, position) => {
        values.set(matrix.values.subarray(row * nFeatures, (row + 1) * nFeatures), position * nFeatures);
      });
      return values;
    };
    const testLabels = testIndex.map((row) => labels[row]!);
    if (!testLabels.includes(0) || !testLabels.includes(1)) {
      throw KizunaValidationError.forField('labels', '', `fold ${fold} has a single class: use fewer folds`);
    }
    const model = trainGradientBoostedTrees({
      ...input,
      features: gather(trainIndex),
      nFeatures,
      labels: trainIndex.map((row) => labels[row]!),
    });
    const probabilities = model.predictProbability(gather(testIndex));
    testIndex.forEach((row, position) => {
      outOfFold[row] = probabilities[position]!;
    });
    results.push({
      fold,
      trainRows: trainIndex.length,
      testRows: testIndex.length,
      rocAuc: rocAuc(testLabels, probabilities),
      prAuc: prAuc(testLabels, probabilities),
      logLoss: logLoss(testLabels, probabilities),
      brierScore: brierScore(testLabels, probabilities),
    });
  }
  const mean = (key: 'rocAuc' | 'prAuc' | 'logLoss' | 'brierScore') =>
    results.reduce((sum, result) => sum + result[key], 0) / results.length;
  return {
    folds: results,
    mean: {
      rocAuc: mean('rocAuc'),
      prAuc: mean('prAuc'),
      logLoss: mean('logLoss'),
      brierScore: mean('brierScore'),
    },
    outOfFoldProbabilities: outOfFold,
    foldOfRow,
  };
}
