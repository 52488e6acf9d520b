import { KizunaValidationError } from '@kizuna/core';
import {
  type BatchPredictor,
  type BatchScratch,
  createBatchScratch,
  scoreRowRange,
  toBatchPredictor,
  toProbabilities,
} from './batch-predictor';
import { type FeatureRows, toFeatureMatrix } from './training-data';
import { leafOf, type TreeEnsemble, treeCount } from './tree-ensemble';
import { addTreeShap, expectedTreeValues } from './tree-shap';
import {
  addTabulatedTreeShap,
  buildTreeShapTables,
  createTreeShapScratch,
  type TreeShapScratch,
  type TreeShapTables,
} from './tree-shap-tables';

/** One feature's share of the model: the total loss reduction of the splits on it. */
export interface FeatureImportance {
  readonly feature: string;
  /** Sum of split gains (reduction of the regularised second-order loss) over every tree. */
  readonly gain: number;
  /** `gain` divided by the total gain of all features (0 … 1; 0 when no tree splits). */
  readonly share: number;
  /** Number of splits on the feature. */
  readonly splits: number;
}

/** One feature's TreeSHAP contribution to one prediction. */
export interface FeatureContribution {
  readonly feature: string;
  /** The row's value of the feature (`NaN` when missing). */
  readonly value: number;
  /** Contribution to the raw score (log-odds); positive pushes towards churn. */
  readonly contribution: number;
}

/** A prediction with its exact TreeSHAP explanation. */
export interface Explanation {
  /** The model's raw score (log-odds) for the row. */
  readonly rawScore: number;
  /** σ(rawScore): the predicted probability of class 1. */
  readonly probability: number;
  /** Expected raw score over the training data (base score + each tree's cover-weighted mean). */
  readonly bias: number;
  /** Every feature's contribution, in feature order; `bias + Σ contribution = rawScore`. */
  readonly contributions: readonly FeatureContribution[];
}

/** How the model was trained, kept with it for provenance. */
export interface TrainingSummary {
  /** The options after defaults, as given to the trainer. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly nRows: number;
  /** Trees kept (fewer than `nEstimators` after early stopping). */
  readonly treesKept: number;
  readonly roundsRun: number;
  /** Validation log loss per round (empty without early stopping). */
  readonly validationLoss: readonly number[];
}

/** A trained binary gradient-boosted tree model. Plain data plus pure methods. */
export interface GradientBoostedTreesModel {
  readonly featureNames: readonly string[];
  readonly nFeatures: number;
  readonly treeCount: number;
  /** The trees in their flat typed-array layout. */
  readonly ensemble: TreeEnsemble;
  /** How the model was trained; `null` for models loaded without it. */
  readonly training: TrainingSummary | null;
  /**
   * Raw scores (log-odds) of rows: arrays of `nFeatures` numbers or a row-major `Float64Array`.
   * `NaN` is a missing value and follows the direction learned at each split.
   * @throws KizunaValidationError on a row of the wrong width or a non-number
   */
  predictRaw(rows: FeatureRows): Float64Array;
  /**
   * Probabilities of class 1 (churn), each in (0, 1).
   * @throws KizunaValidationError on a row of the wrong width or a non-number
   */
  predictProbability(rows: FeatureRows): Float64Array;
  /** Gain importance per feature, largest first. */
  featureImportance(): readonly FeatureImportance[];
  /**
   * Exact TreeSHAP explanation of one row: contributions per feature that sum with the bias to the
   * raw score.
   * @throws KizunaValidationError on a row of the wrong width
   */
  explain(row: readonly number[] | Float64Array): Explanation;
  /** Serialisable form; load it back with {@link loadGradientBoostedTrees}. */
  toJSON(): GradientBoostedTreesJson;
}

/** The saved form of a model (version 1). Arrays are little-endian bytes in base64. */
export interface GradientBoostedTreesJson {
  readonly format: 'kizuna.gradient-boosted-trees';
  readonly version: 1;
  readonly featureNames: readonly string[];
  readonly baseScore: number;
  /** Nodes per tree. */
  readonly treeNodeCounts: readonly number[];
  readonly nodes: {
    /** Int16 per node: split feature, −1 for a leaf. */
    readonly feature: string;
    /** Uint8 per node: 1 when missing values go left. */
    readonly missingLeft: string;
    /** Int16 per node: right child, relative to the tree's first node (0 for leaves). */
    readonly right: string;
    /** Float64 per node: the threshold of a split, the value of a leaf. */
    readonly number: string;
    /** Float32 per node: cover (hessian sum). */
    readonly cover: string;
    /** Float32 per node: split gain (0 for leaves). */
    readonly gain: string;
  };
  readonly training: TrainingSummary | null;
}

function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

function toRowArray(row: unknown, nFeatures: number): ArrayLike<number> {
  if (row instanceof Float64Array) {
    if (row.length !== nFeatures) {
      throw KizunaValidationError.forField(
        'row',
        '',
        `expected ${nFeatures} features, received ${row.length}`,
      );
    }
    return row;
  }
  if (!Array.isArray(row)) throw KizunaValidationError.forField('row', '', 'expected an array of numbers');
  if (row.length !== nFeatures) {
    throw KizunaValidationError.forField('row', '', `expected ${nFeatures} features, received ${row.length}`);
  }
  for (let index = 0; index < nFeatures; index += 1) {
    if (typeof row[index] !== 'number') {
      throw KizunaValidationError.forField('row', `[${index}]`, 'expected a number (NaN for missing)');
    }
  }
  return row as readonly number[];
}

/**
 * Wraps a tree ensemble as a model. Used by the trainer and the loader; exported for tools that
 * build ensembles themselves.
 *
 * @example
 * ```ts
 * // One stump: tenure ≤ 12 months (or unknown) adds 1 to the log-odds, longer tenure subtracts 1.
 * const ensemble = { featureNames: ['tenure_months'], baseScore: 0, treeStarts: new Int32Array([0, 3]),
 *   feature: new Int32Array([0, -1, -1]), threshold: new Float64Array([12, 0, 0]),
 *   missingLeft: new Uint8Array([1, 0, 0]), right: new Int32Array([2, 0, 0]), value: new Float64Array([0, 1, -1]),
 *   cover: new Float64Array([10, 5, 5]), gain: new Float64Array([4, 0, 0]) };
 * const model = createGradientBoostedTreesModel(ensemble, null);
 * console.log(model.predictProbability([[6], [24], [NaN]])); // Float64Array [0.731…, 0.268…, 0.731…] = σ(1), σ(−1), σ(1)
 * ```
 */
export function createGradientBoostedTreesModel(
  ensemble: TreeEnsemble,
  training: TrainingSummary | null,
): GradientBoostedTreesModel {
  const nFeatures = ensemble.featureNames.length;
  const trees = treeCount(ensemble);
  let batch: BatchPredictor | null = null;
  let batchScratch: BatchScratch | null = null;
  let shapTables: TreeShapTables | null | undefined;
  let shapScratch: TreeShapScratch | null = null;
  let bias: number | null = null;

  const predictRaw = (rows: FeatureRows): Float64Array => {
    const matrix = toFeatureMatrix(rows, nFeatures, 'rows', true);
    if (matrix.nFeatures !== nFeatures) {
      throw KizunaValidationError.forField(
        'rows',
        '[0]',
        `expected ${nFeatures} features (${ensemble.featureNames.join(', ')}), received ${matrix.nFeatures}`,
      );
    }
    batch ??= toBatchPredictor(ensemble);
    batchScratch ??= createBatchScratch(batch);
    const scores = new Float64Array(matrix.nRows);
    scoreRowRange(batch, matrix.values, 0, matrix.nRows, scores, batchScratch);
    return scores;
  };

  const model: GradientBoostedTreesModel = {
    featureNames: ensemble.featureNames,
    nFeatures,
    treeCount: trees,
    ensemble,
    training,
    predictRaw,
    predictProbability(rows) {
      const scores = predictRaw(rows);
      toProbabilities(scores, 0, scores.length);
      return scores;
    },
    featureImportance() {
      const gains = new Float64Array(nFeatures);
      const splits = new Uint32Array(nFeatures);
      let total = 0;
      for (let node = 0; node < ensemble.feature.length; node += 1) {
        const feature = ensemble.feature[node]!;
        if (feature < 0) continue;
        gains[feature]! += ensemble.gain[node]!;
        splits[feature]! += 1;
        total += ensemble.gain[node]!;
      }
      return ensemble.featureNames
        .map((feature, index) => ({
          feature,
          gain: gains[index]!,
          share: total > 0 ? gains[index]! / total : 0,
          splits: splits[index]!,
        }))
        .sort((left, right) => right.gain - left.gain || left.feature.localeCompare(right.feature));
    },
    explain(rowInput) {
      const row = toRowArray(rowInput, nFeatures);
      if (bias === null) {
        let sum = ensemble.baseScore;
        for (const value of expectedTreeValues(ensemble)) sum += value;
        bias = sum;
      }
      if (shapTables === undefined) shapTables = buildTreeShapTables(ensemble);
      const values = new Float64Array(nFeatures);
      let rawScore: number;
      if (shapTables !== null) {
        shapScratch ??= createTreeShapScratch(ensemble);
        rawScore = addTabulatedTreeShap(ensemble, shapTables, shapScratch, row, values, ensemble.baseScore);
      } else {
        // Beyond the tables' packing limits: the recursive algorithm and a node-by-node walk.
        addTreeShap(ensemble, row, values);
        rawScore = ensemble.baseScore;
        for (let tree = 0; tree < trees; tree += 1) rawScore += ensemble.value[leafOf(ensemble, tree, row)]!;
      }
      const contributions: FeatureContribution[] = [];
      for (let index = 0; index < nFeatures; index += 1) {
        contributions.push({
          feature: ensemble.featureNames[index]!,
          value: row[index]!,
          contribution: values[index]!,
        });
      }
      return { rawScore, probability: sigmoid(rawScore), bias, contributions };
    },
    toJSON() {
      return ensembleToJson(ensemble, training);
    },
  };
  return model;
}

function bytesOf(array: ArrayLike<number>, kind: 'int16' | 'uint8' | 'float64' | 'float32'): Uint8Array {
  const size = { int16: 2, uint8: 1, float64: 8, float32: 4 }[kind];
  const view = new DataView(new ArrayBuffer(array.length * size));
  for (let index = 0; index < array.length; index += 1) {
    const value = array[index]!;
    if (kind === 'int16') view.setInt16(index * 2, value, true);
    else if (kind === 'uint8') view.setUint8(index, value);
    else if (kind === 'float64') view.setFloat64(index * 8, value, true);
    else view.setFloat32(index * 4, value, true);
  }
  return new Uint8Array(view.buffer);
}

import { encodeBase64 } from './base64';

function ensembleToJson(ensemble: TreeEnsemble, training: TrainingSummary | null): GradientBoostedTreesJson {
  const nodeCount = ensemble.feature.length;
  const relativeRight = new Int32Array(nodeCount);
  const numbers = new Float64Array(nodeCount);
  const treeNodeCounts: number[] = [];
  for (let tree = 0; tree + 1 < ensemble.treeStarts.length; tree += 1) {
    const start = ensemble.treeStarts[tree]!;
    const end = ensemble.treeStarts[tree + 1]!;
    treeNodeCounts.push(end - start);
    for (let node = start; node < end; node += 1) {
      const isLeaf = ensemble.feature[node]! < 0;
      relativeRight[node] = isLeaf ? 0 : ensemble.right[node]! - start;
      numbers[node] = isLeaf ? ensemble.value[node]! : ensemble.threshold[node]!;
    }
  }
  return {
    format: 'kizuna.gradient-boosted-trees',
    version: 1,
    featureNames: [...ensemble.featureNames],
    baseScore: ensemble.baseScore,
    treeNodeCounts,
    nodes: {
      feature: encodeBase64(bytesOf(ensemble.feature, 'int16')),
      missingLeft: encodeBase64(bytesOf(ensemble.missingLeft, 'uint8')),
      right: encodeBase64(bytesOf(relativeRight, 'int16')),
      number: encodeBase64(bytesOf(numbers, 'float64')),
      cover: encodeBase64(bytesOf(ensemble.cover, 'float32')),
      gain: encodeBase64(bytesOf(ensemble.gain, 'float32')),
    },
    training,
  };
}
