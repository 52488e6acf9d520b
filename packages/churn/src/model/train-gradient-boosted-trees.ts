import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { createGradientBoostedTreesModel, type GradientBoostedTreesModel } from './gradient-boosted-trees';
import {
  type GradientBoostingOptions,
  type GradientBoostingOptionsInput,
  gradientBoostingOptionsSchema,
} from './gradient-boosting-options';
import { type BoostingReport, boostTrees } from './grow-trees';
import { createSeededRandom, shuffleInPlace } from './seeded-random';
import { type FeatureMatrix, type FeatureRows, toBinaryLabels, toFeatureMatrix } from './training-data';
import {
  collectFeatureBins,
  createBinStep,
  createBoundsStep,
  createBundleStep,
  runBinStep,
  runBoundsStep,
  runBundleStep,
  runSampleStep,
} from './training-setup';
import { type BoostingData, createBoostingPlan } from './training-workspace';
import type { TreeEnsemble } from './tree-ensemble';

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
 * and LightGBM): features are cut into at most `maxBins` quantile bins, each tree grows level by level
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
  const prepared = prepareTraining(input);
  const { matrix, options } = prepared;
  const bounding = createBoundsStep(matrix, prepared.trainRows, options, false);
  runSampleStep(bounding, 0, bounding.sampleRows.length);
  runBoundsStep(bounding);
  const binning = createBinStep(matrix, collectFeatureBins(bounding), false);
  runBinStep(binning, 0, matrix.nRows);
  const bundling = createBundleStep(binning, options, false);
  if (bundling !== null) runBundleStep(bundling, 0, matrix.nRows);
  const plan = createBoostingPlan(prepared, binning, bundling, options, 1, false);
  return toTrainedModel(prepared, boostTrees(plan, options));
}

/** Training input after validation: options parsed, rows split, weights set. */
export interface PreparedTraining extends BoostingData {
  readonly options: GradientBoostingOptions;
  readonly matrix: FeatureMatrix;
}

/**
 * Validates training input (see {@link trainGradientBoostedTrees}) and prepares what the setup and
 * boosting read: the row-major matrix, binary labels, row weights and the stratified hold-out.
 *
 * @throws KizunaValidationError as {@link trainGradientBoostedTrees}
 */
export function prepareTraining(input: TrainingInput): PreparedTraining {
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
  let trainRows: Uint32Array;
  let validationRows = new Uint32Array(0);
  if (options.validationFraction > 0) {
    const trainList: number[] = [];
    const validationList: number[] = [];
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
    trainRows = Uint32Array.from(trainList);
    validationRows = Uint32Array.from(validationList);
  } else {
    trainRows = new Uint32Array(matrix.nRows);
    for (let row = 0; row < matrix.nRows; row += 1) trainRows[row] = row;
  }

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

  return { options, matrix, labels: labelArray, weights, trainRows, validationRows, featureNames: names };
}

/** The model of a boosting run on prepared input. */
export function toTrainedModel(
  prepared: PreparedTraining,
  result: { readonly ensemble: TreeEnsemble; readonly report: BoostingReport },
): GradientBoostedTreesModel {
  const { ensemble, report } = result;
  return createGradientBoostedTreesModel(ensemble, {
    options: { ...prepared.options },
    nRows: prepared.matrix.nRows,
    treesKept: report.treesKept,
    roundsRun: report.roundsRun,
    validationLoss: report.validationLoss,
  });
}
