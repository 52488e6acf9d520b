import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { binFeatureMatrix, findFeatureBins } from './feature-bins';
import { createGradientBoostedTreesModel, type GradientBoostedTreesModel } from './gradient-boosted-trees';
import {
  type GradientBoostingOptionsInput,
  gradientBoostingOptionsSchema,
} from './gradient-boosting-options';
import { boostTrees } from './grow-trees';
import { createSeededRandom, shuffleInPlace } from './seeded-random';
import { type FeatureRows, toBinaryLabels, toFeatureMatrix } from './training-data';

/** What to train on, plus any {@link gradientBoostingOptionsSchema} option. */
export interface TrainingInput extends GradientBoostingOptionsInput {
  /**
   * Rows of features: `number[][]`, or a row-major `Float64Array` with `nFeatures`. `NaN` is a
   * missing value: at each split the trainer learns whether missing values go left or right.
   */
  readonly features: FeatureRows;
  /** One label per row, 0 or 1 (1 = churned). */
  readonly labels: ArrayLike<number>;
  /** Row width; required with a `Float64Array`. */
  readonly nFeatures?: number;
  /** Names of the features in column order. @defaultValue ['feature_0', 'feature_1', …] */
  readonly featureNames?: readonly string[];
}

const featureNamesSchema = z
  .array(z.string().min(1, { error: 'expected a non-empty feature name' }))
  .refine((names) => new Set(names).size === names.length, { error: 'feature names must be unique' });

/**
 * Trains a binary gradient-boosted tree model on log loss (histogram method, like XGBoost `hist`
 * and LightGBM): features are cut into at most `maxBins` quantile bins, each tree grows depth-first
 * to `maxDepth` choosing the split with the largest reduction of the regularised second-order loss,
 * and each leaf takes one Newton step −G / (H + λ), shrunk by `learningRate`. Rows and features
 * can be sampled per tree, class weights re-weight the loss, and with `validationFraction` a
 * stratified hold-out stops training once its log loss has not improved for `earlyStoppingRounds`.
 * The same data, options and `seed` always give the same model, bit for bit.
 *
 * @returns the model; `model.training` records the rounds run and the validation curve
 * @throws KizunaValidationError on empty data, ragged rows, a row of the wrong width, non-number
 *   features (NaN is allowed: missing), labels that are not 0/1, a single class, bad feature names
 *   or bad options
 * @example
 * ```ts
 * const model = trainGradientBoostedTrees({
 *   features: [[1, 0.2], [3, 0.9], [2, NaN], [5, 0.4]],
 *   labels: [0, 1, 0, 1],
 *   featureNames: ['tenure', 'usage'],
 *   nEstimators: 50,
 * });
 * model.predictProbability([[4, 0.5]]); // Float64Array [0.…]
 * ```
 */
export function trainGradientBoostedTrees(input: TrainingInput): GradientBoostedTreesModel {
  if (input === null || typeof input !== 'object') {
    throw KizunaValidationError.forField('training input', '', 'expected an object with features and labels');
  }
  const { features, labels, nFeatures, featureNames, ...optionInput } = input;
  const options = parseInput(gradientBoostingOptionsSchema, optionInput, 'training options');
  const matrix = toFeatureMatrix(features, nFeatures, 'features');
  const labelArray = toBinaryLabels(labels, matrix.nRows, 'labels');
  const names =
    featureNames === undefined
      ? Array.from({ length: matrix.nFeatures }, (_, index) => `feature_${index}`)
      : parseInput(featureNamesSchema, featureNames, 'featureNames');
  if (names.length !== matrix.nFeatures) {
    throw KizunaValidationError.forField(
      'featureNames',
      '',
      `expected ${matrix.nFeatures} names (one per feature), received ${names.length}`,
    );
  }
  let positives = 0;
  for (let index = 0; index < labelArray.length; index += 1) positives += labelArray[index]!;
  if (positives === 0 || positives === matrix.nRows) {
    throw KizunaValidationError.forField(
      'labels',
      '',
      `only one class present (all ${positives === 0 ? 0 : 1}): training needs both churned and retained rows`,
    );
  }

  // Stratified hold-out for early stopping.
  const random = createSeededRandom(options.seed ^ 0x2545f491);
  const trainList: number[] = [];
  const validationList: number[] = [];
  if (options.validationFraction > 0) {
    for (const label of [0, 1]) {
      const members: number[] = [];
      for (let row = 0; row < matrix.nRows; row += 1) if (labelArray[row] === label) members.push(row);
      shuffleInPlace(members, random);
      const held = Math.min(members.length - 1, Math.round(members.length * options.validationFraction));
      for (let index = 0; index < members.length; index += 1) {
        (index < held ? validationList : trainList).push(members[index]!);
      }
    }
    trainList.sort((left, right) => left - right);
    validationList.sort((left, right) => left - right);
  } else {
    for (let row = 0; row < matrix.nRows; row += 1) trainList.push(row);
  }
  const trainRows = Uint32Array.from(trainList);
  const validationRows = Uint32Array.from(validationList);

  const weights = new Float64Array(matrix.nRows);
  const classWeights =
    options.classWeights === 'balanced'
      ? {
          0: matrix.nRows / (2 * (matrix.nRows - positives)),
          1: matrix.nRows / (2 * positives),
        }
      : options.classWeights;
  for (let row = 0; row < matrix.nRows; row += 1)
    weights[row] = labelArray[row] === 1 ? classWeights[1] : classWeights[0];

  const trainMatrix =
    validationRows.length === 0
      ? matrix
      : {
          values: (() => {
            const values = new Float64Array(trainRows.length * matrix.nFeatures);
            for (let index = 0; index < trainRows.length; index += 1) {
              values.set(
                matrix.values.subarray(
                  trainRows[index]! * matrix.nFeatures,
                  (trainRows[index]! + 1) * matrix.nFeatures,
                ),
                index * matrix.nFeatures,
              );
            }
            return values;
          })(),
          nRows: trainRows.length,
          nFeatures: matrix.nFeatures,
        };
  const bins = findFeatureBins(trainMatrix, options.maxBins, options.binSampleSize, options.seed);
  const binned = binFeatureMatrix(matrix, bins);
  const { ensemble, report } = boostTrees(
    {
      binned,
      nRows: matrix.nRows,
      nFeatures: matrix.nFeatures,
      binCounts: bins.binCounts,
      slotOffsets: bins.slotOffsets,
      slotCount: bins.slotCount,
      upperBounds: bins.upperBounds,
      labels: labelArray,
      weights,
      trainRows,
      validationRows,
      featureNames: names,
    },
    options,
  );
  return createGradientBoostedTreesModel(ensemble, {
    options: { ...options },
    nRows: matrix.nRows,
    treesKept: report.treesKept,
    roundsRun: report.roundsRun,
    validationLoss: report.validationLoss,
  });
}
