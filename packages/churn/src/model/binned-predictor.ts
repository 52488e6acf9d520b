import {
  collectThresholdCuts,
  countCutsBelow,
  cutIndexOf,
  maxCutsPerFeature,
  packSplit,
  type ThresholdCuts,
} from './threshold-cuts';
import type { HeapLayout } from './tree-ensemble';

/**
 * Batch prediction on bin indices instead of raw values. Each feature's distinct split thresholds
 * (over all trees) are sorted into "cuts"; a row's value becomes its bin, the number of cuts below
 * it, so "value ≤ threshold" turns into the integer test "bin ≤ threshold index". That test — and
 * the missing-value direction — is computed with arithmetic instead of branches, which matters:
 * the direction at a split is close to a coin flip, and a mispredicted branch costs more than the
 * whole comparison. Nodes are packed into one Int32 each: `thresholdIndex << 9 | missingLeft << 8 |
 * feature`.
 */
export interface BinnedPredictor {
  readonly depth: number;
  readonly nTrees: number;
  readonly nFeatures: number;
  /** Per feature, the sorted distinct thresholds its splits use. */
  readonly cuts: ThresholdCuts;
  /** Packed heap nodes, `2^depth − 1` per tree. */
  readonly nodes: Int32Array;
  /** Leaf values, `2^depth` per tree. */
  readonly leaves: Float64Array;
}

/** Threshold index of an "always left" padding node. */
const alwaysLeft = 0xffff;

/**
 * Builds the {@link BinnedPredictor} of a heap layout; `null` when the model has more than 256
 * features or a feature with more than 65,534 distinct thresholds (the packing's limits).
 */
export function toBinnedPredictor(layout: HeapLayout, nFeatures: number): BinnedPredictor | null {
  if (nFeatures > 256) return null;
  const { depth, nTrees, feature, threshold, missingRight, leaf } = layout;
  const cuts = collectThresholdCuts(feature, threshold, nFeatures);
  if (cuts.some((values) => values.length > maxCutsPerFeature)) return null;
  const nodes = new Int32Array(feature.length);
  for (let at = 0; at < nodes.length; at += 1) {
    const split = feature[at]!;
    const limit = threshold[at]!;
    nodes[at] =
      limit === Number.POSITIVE_INFINITY
        ? packSplit(split, alwaysLeft, false)
        : packSplit(split, cutIndexOf(cuts[split]!, limit), missingRight[at] === 0);
  }
  return { depth, nTrees, nFeatures, cuts, nodes, leaves: leaf };
}

/** The most rows {@link addBinnedScores} takes at once. */
export const binnedBlockRows = 256;
const blockRows = binnedBlockRows;

/**
 * Raw scores of row-major rows with a {@link BinnedPredictor}: rows are binned a block at a time,
 * then every tree walks the block with branch-free integer steps.
 */
export function predictBinned(
  predictor: BinnedPredictor,
  baseScore: number,
  values: Float64Array,
  nRows: number,
): Float64Array {
  const scores = new Float64Array(nRows).fill(baseScore);
  const bins = createBinScratch(predictor);
  for (let blockStart = 0; blockStart < nRows; blockStart += blockRows) {
    addBinnedScores(predictor, values, blockStart, Math.min(nRows, blockStart + blockRows), scores, bins);
  }
  return scores;
}

/** Scratch space for {@link addBinnedScores}: the bins of one block of rows. */
export function createBinScratch(predictor: BinnedPredictor): Int32Array {
  return new Int32Array(blockRows * predictor.nFeatures);
}

/**
 * Adds every tree's leaf to `scores[row]` for the rows `blockStart … blockEnd − 1` (at most
 * {@link binnedBlockRows} of them; absolute indices into `values` and `scores`).
 */
export function addBinnedScores(
  predictor: BinnedPredictor,
  values: Float64Array,
  blockStart: number,
  blockEnd: number,
  scores: Float64Array,
  bins: Int32Array,
): void {
  const { depth, nTrees, nFeatures, cuts, nodes, leaves } = predictor;
  const internal = (1 << depth) - 1;
  const leafCount = 1 << depth;
  const blockSize = blockEnd - blockStart;
  for (let feature = 0; feature < nFeatures; feature += 1) {
    const featureCuts = cuts[feature]!;
    const count = featureCuts.length;
    if (count === 0) continue;
    for (let row = 0; row < blockSize; row += 1) {
      const value = values[(blockStart + row) * nFeatures + feature]!;
      bins[row * nFeatures + feature] = countCutsBelow(featureCuts, value);
    }
  }
  for (let tree = 0; tree < nTrees; tree += 1) {
    const nodeBase = tree * internal;
    const leafBase = tree * leafCount - internal;
    let row = 0;
    // 8 rows at a time: independent chains of loads keep the CPU busy while each waits.
    for (; row + 8 <= blockSize; row += 8) {
      const base0 = row * nFeatures;
      const base1 = base0 + nFeatures;
      const base2 = base1 + nFeatures;
      const base3 = base2 + nFeatures;
      const base4 = base3 + nFeatures;
      const base5 = base4 + nFeatures;
      const base6 = base5 + nFeatures;
      const base7 = base6 + nFeatures;
      let slot0 = 0;
      let slot1 = 0;
      let slot2 = 0;
      let slot3 = 0;
      let slot4 = 0;
      let slot5 = 0;
      let slot6 = 0;
      let slot7 = 0;
      for (let level = 0; level < depth; level += 1) {
        const word0 = nodes[nodeBase + slot0]!;
        const word1 = nodes[nodeBase + slot1]!;
        const word2 = nodes[nodeBase + slot2]!;
        const word3 = nodes[nodeBase + slot3]!;
        const word4 = nodes[nodeBase + slot4]!;
        const word5 = nodes[nodeBase + slot5]!;
        const word6 = nodes[nodeBase + slot6]!;
        const word7 = nodes[nodeBase + slot7]!;
        const bin0 = bins[base0 + (word0 & 255)]!;
        const bin1 = bins[base1 + (word1 & 255)]!;
        const bin2 = bins[base2 + (word2 & 255)]!;
        const bin3 = bins[base3 + (word3 & 255)]!;
        const bin4 = bins[base4 + (word4 & 255)]!;
        const bin5 = bins[base5 + (word5 & 255)]!;
        const bin6 = bins[base6 + (word6 & 255)]!;
        const bin7 = bins[base7 + (word7 & 255)]!;
        // Right when bin > threshold index; a missing bin (0xffff) is flipped left by its flag.
        slot0 =
          2 * slot0 + 1 + (((((word0 >>> 9) - bin0) >>> 31) ^ (((bin0 + 1) >>> 16) & (word0 >>> 8))) & 1);
        slot1 =
          2 * slot1 + 1 + (((((word1 >>> 9) - bin1) >>> 31) ^ (((bin1 + 1) >>> 16) & (word1 >>> 8))) & 1);
        slot2 =
          2 * slot2 + 1 + (((((word2 >>> 9) - bin2) >>> 31) ^ (((bin2 + 1) >>> 16) & (word2 >>> 8))) & 1);
        slot3 =
          2 * slot3 + 1 + (((((word3 >>> 9) - bin3) >>> 31) ^ (((bin3 + 1) >>> 16) & (word3 >>> 8))) & 1);
        slot4 =
          2 * slot4 + 1 + (((((word4 >>> 9) - bin4) >>> 31) ^ (((bin4 + 1) >>> 16) & (word4 >>> 8))) & 1);
        slot5 =
          2 * slot5 + 1 + (((((word5 >>> 9) - bin5) >>> 31) ^ (((bin5 + 1) >>> 16) & (word5 >>> 8))) & 1);
        slot6 =
          2 * slot6 + 1 + (((((word6 >>> 9) - bin6) >>> 31) ^ (((bin6 + 1) >>> 16) & (word6 >>> 8))) & 1);
        slot7 =
          2 * slot7 + 1 + (((((word7 >>> 9) - bin7) >>> 31) ^ (((bin7 + 1) >>> 16) & (word7 >>> 8))) & 1);
      }
      scores[blockStart + row + 0]! += leaves[leafBase + slot0]!;
      scores[blockStart + row + 1]! += leaves[leafBase + slot1]!;
      scores[blockStart + row + 2]! += leaves[leafBase + slot2]!;
      scores[blockStart + row + 3]! += leaves[leafBase + slot3]!;
      scores[blockStart + row + 4]! += leaves[leafBase + slot4]!;
      scores[blockStart + row + 5]! += leaves[leafBase + slot5]!;
      scores[blockStart + row + 6]! += leaves[leafBase + slot6]!;
      scores[blockStart + row + 7]! += leaves[leafBase + slot7]!;
    }
    for (; row < blockSize; row += 1) {
      const binBase = row * nFeatures;
      let slot = 0;
      for (let level = 0; level < depth; level += 1) {
        const word = nodes[nodeBase + slot]!;
        const bin = bins[binBase + (word & 255)]!;
        slot = 2 * slot + 1 + (((((word >>> 9) - bin) >>> 31) ^ (((bin + 1) >>> 16) & (word >>> 8))) & 1);
      }
      scores[blockStart + row]! += leaves[leafBase + slot]!;
    }
  }
}
