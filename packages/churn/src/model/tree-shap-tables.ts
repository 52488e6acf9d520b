import {
  collectThresholdCuts,
  countCutsBelow,
  cutIndexOf,
  goesRight,
  maxCutsPerFeature,
  packSplit,
  type ThresholdCuts,
} from './threshold-cuts';
import type { TreeEnsemble } from './tree-ensemble';
import { leafShapleyValues } from './tree-shap';

/** Leaves with more distinct features on their path than this are explained without a table. */
const maxTabulatedFeatures = 6;

/**
 * Precomputed TreeSHAP. A leaf's Shapley values depend on the row only through which of its path's
 * distinct features have every condition on the path satisfied by the row: a bit pattern of at most
 * `maxDepth` bits. For every leaf the tables hold its distinct features, their cover fractions and
 * the contributions for each of the 2^d patterns.
 *
 * Explaining a row takes two passes. First over the splits in pre-order (parents before children):
 * each split passes its pattern on to both children and clears its feature's bit in the one the row
 * does not take (the row is binned against the model's {@link ThresholdCuts} once, so the direction
 * is integer arithmetic without branches). Then over the leaves: each reads one table row. This is
 * exact: the tables hold the same values {@link addTreeShap} computes.
 */
export interface TreeShapTables {
  readonly cuts: ThresholdCuts;
  /** Per split (in pre-order): its node index. Its left child is the next node. */
  readonly splitNode: Int32Array;
  /** Per split: the packed split (see `packSplit`). */
  readonly splitWord: Int32Array;
  /** Per split: its right child's node index. */
  readonly splitRight: Int32Array;
  /** Per split: `1 << position` of its feature among the distinct features from the root to it. */
  readonly splitBit: Int32Array;
  /** Per leaf (in pre-order): its node index. */
  readonly leafNode: Int32Array;
  /** Per leaf: the number of distinct features on its path. */
  readonly leafLength: Uint8Array;
  /** Per leaf: its first entry in `uniqueFeature` / `uniqueZero`. */
  readonly uniqueStart: Int32Array;
  /** Distinct features of each leaf's path, padded to `stride` for tabulated leaves. */
  readonly uniqueFeature: Int32Array;
  /** Cover fraction of each distinct feature's edges (used by leaves without a table). */
  readonly uniqueZero: Float64Array;
  /** Per leaf: the offset of its table, −1 when its path is too long to tabulate. */
  readonly tableOffset: Int32Array;
  /** Entries per pattern in every table: the longest tabulated path. Padding adds 0 to a spare slot. */
  readonly stride: number;
  readonly table: Float64Array;
}

/**
 * Builds the {@link TreeShapTables} of an ensemble (once per model, lazily); `null` when the packing
 * does not fit (more than 256 features or 65,534 distinct thresholds on one feature).
 */
export function buildTreeShapTables(ensemble: TreeEnsemble): TreeShapTables | null {
  const { feature, threshold, missingLeft, right, cover, value } = ensemble;
  const nFeatures = ensemble.featureNames.length;
  if (nFeatures > 256) return null;
  const cuts = collectThresholdCuts(feature, threshold, nFeatures);
  if (cuts.some((values) => values.length > maxCutsPerFeature)) return null;
  const spareSlot = nFeatures;
  const splitNode: number[] = [];
  const splitWord: number[] = [];
  const splitRight: number[] = [];
  const splitBit: number[] = [];
  const leafNode: number[] = [];
  const leafLength: number[] = [];
  const leafDistinct: number[][] = [];
  const leafFractions: number[][] = [];
  const stackNode: number[] = [];
  const stackLeft: number[] = [];

  const walk = (node: number, distinctAbove: readonly number[]): void => {
    const split = feature[node]!;
    if (split < 0) {
      const distinct: number[] = [];
      const fractions: number[] = [];
      for (let index = 0; index < stackNode.length; index += 1) {
        const parent = stackNode[index]!;
        const child = stackLeft[index] === 1 ? parent + 1 : right[parent]!;
        let position = distinct.indexOf(feature[parent]!);
        if (position < 0) {
          position = distinct.length;
          distinct.push(feature[parent]!);
          fractions.push(1);
        }
        fractions[position]! *= cover[child]! / cover[parent]!;
      }
      leafNode.push(node);
      leafLength.push(distinct.length);
      leafDistinct.push(distinct);
      leafFractions.push(fractions);
      return;
    }
    let position = distinctAbove.indexOf(split);
    const below = position < 0 ? [...distinctAbove, split] : distinctAbove;
    if (position < 0) position = distinctAbove.length;
    splitNode.push(node);
    splitWord.push(packSplit(split, cutIndexOf(cuts[split]!, threshold[node]!), missingLeft[node] === 1));
    splitRight.push(right[node]!);
    splitBit.push(1 << position);
    stackNode.push(node);
    stackLeft.push(1);
    walk(node + 1, below);
    stackLeft[stackLeft.length - 1] = 0;
    walk(right[node]!, below);
    stackNode.pop();
    stackLeft.pop();
  };
  for (let tree = 0; tree + 1 < ensemble.treeStarts.length; tree += 1) walk(ensemble.treeStarts[tree]!, []);

  let stride = 0;
  for (const length of leafLength) if (length <= maxTabulatedFeatures) stride = Math.max(stride, length);
  const uniqueStart: number[] = [];
  const uniqueFeature: number[] = [];
  const uniqueZero: number[] = [];
  const tableOffset: number[] = [];
  const table: number[] = [];
  const zero = new Float64Array(64);
  const one = new Uint8Array(64);
  const positions = new Int32Array(64);
  const scratch = new Float64Array(64);
  for (let leaf = 0; leaf < leafNode.length; leaf += 1) {
    const length = leafLength[leaf]!;
    const distinct = leafDistinct[leaf]!;
    const fractions = leafFractions[leaf]!;
    const tabulated = length <= maxTabulatedFeatures;
    const width = tabulated ? stride : length;
    uniqueStart.push(uniqueFeature.length);
    for (let index = 0; index < width; index += 1) {
      uniqueFeature.push(index < length ? distinct[index]! : spareSlot);
      uniqueZero.push(index < length ? fractions[index]! : 1);
    }
    if (!tabulated) {
      tableOffset.push(-1);
      continue;
    }
    tableOffset.push(table.length);
    for (let index = 0; index < length; index += 1) {
      zero[index] = fractions[index]!;
      positions[index] = index;
    }
    for (let pattern = 0; pattern < 1 << length; pattern += 1) {
      for (let index = 0; index < length; index += 1) one[index] = (pattern >> index) & 1;
      scratch.fill(0, 0, stride);
      leafShapleyValues(value[leafNode[leaf]!]!, length, positions, zero, one, scratch);
      for (let index = 0; index < stride; index += 1) table.push(scratch[index]!);
    }
  }
  return {
    cuts,
    splitNode: Int32Array.from(splitNode),
    splitWord: Int32Array.from(splitWord),
    splitRight: Int32Array.from(splitRight),
    splitBit: Int32Array.from(splitBit),
    leafNode: Int32Array.from(leafNode),
    leafLength: Uint8Array.from(leafLength),
    uniqueStart: Int32Array.from(uniqueStart),
    uniqueFeature: Int32Array.from(uniqueFeature),
    uniqueZero: Float64Array.from(uniqueZero),
    tableOffset: Int32Array.from(tableOffset),
    stride,
    table: Float64Array.from(table),
  };
}

/** Scratch space of {@link addTabulatedTreeShap}, allocated once per model. */
export interface TreeShapScratch {
  /** Per node: the pattern handed down to it. */
  readonly patterns: Int32Array;
  /** Per feature: the row's cut index. */
  readonly cutIndex: Int32Array;
  /** Per feature plus one spare slot: contributions being summed. */
  readonly sums: Float64Array;
  readonly features: Int32Array;
  readonly zero: Float64Array;
  readonly one: Uint8Array;
}

/** Allocates the {@link TreeShapScratch} of an ensemble. */
export function createTreeShapScratch(ensemble: TreeEnsemble): TreeShapScratch {
  const nFeatures = ensemble.featureNames.length;
  return {
    patterns: new Int32Array(ensemble.feature.length),
    cutIndex: new Int32Array(nFeatures),
    sums: new Float64Array(nFeatures + 1),
    features: new Int32Array(64),
    zero: new Float64Array(64),
    one: new Uint8Array(64),
  };
}

/**
 * Writes the exact TreeSHAP contributions of one row into `contributions` (one slot per feature)
 * and returns the row's raw score: `baseScore` plus the leaf it reaches in each tree, summed in
 * tree order (as batch prediction does).
 */
export function addTabulatedTreeShap(
  ensemble: TreeEnsemble,
  tables: TreeShapTables,
  scratch: TreeShapScratch,
  row: ArrayLike<number>,
  contributions: Float64Array,
  baseScore: number,
): number {
  const { treeStarts, value } = ensemble;
  const { cuts, splitNode, splitWord, splitRight, splitBit, leafNode, leafLength, uniqueStart } = tables;
  const { uniqueFeature, uniqueZero, tableOffset, stride, table } = tables;
  const { patterns, cutIndex, sums } = scratch;
  const nFeatures = cutIndex.length;
  for (let feature = 0; feature < nFeatures; feature += 1) {
    cutIndex[feature] = countCutsBelow(cuts[feature]!, row[feature]!);
  }
  sums.fill(0);
  // Every bit starts set (every condition satisfied) at each tree's root.
  for (let tree = 0; tree + 1 < treeStarts.length; tree += 1) patterns[treeStarts[tree]!] = -1;
  for (let split = 0; split < splitNode.length; split += 1) {
    const node = splitNode[split]!;
    const word = splitWord[split]!;
    const pattern = patterns[node]!;
    // All ones when the row goes right: then the left child loses the bit, else the right one.
    const right = -goesRight(word, cutIndex[word & 255]!);
    const bit = splitBit[split]!;
    patterns[node + 1] = pattern & ~(bit & right);
    patterns[splitRight[split]!] = pattern & ~(bit & ~right);
  }
  let leafSum = baseScore;
  for (let leaf = 0; leaf < leafNode.length; leaf += 1) {
    const node = leafNode[leaf]!;
    const length = leafLength[leaf]!;
    const full = (1 << length) - 1;
    const pattern = patterns[node]! & full;
    if (pattern === full) leafSum += value[node]!;
    const first = uniqueStart[leaf]!;
    const offset = tableOffset[leaf]!;
    if (offset >= 0) {
      const at = offset + pattern * stride;
      for (let index = 0; index < stride; index += 1) {
        sums[uniqueFeature[first + index]!]! += table[at + index]!;
      }
    } else {
      const { features, zero, one } = scratch;
      for (let index = 0; index < length; index += 1) {
        features[index] = uniqueFeature[first + index]!;
        zero[index] = uniqueZero[first + index]!;
        one[index] = (pattern >> index) & 1;
      }
      leafShapleyValues(value[node]!, length, features, zero, one, sums);
    }
  }
  contributions.set(sums.subarray(0, nFeatures));
  return leafSum;
}
