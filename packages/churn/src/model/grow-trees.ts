import { bundleFeatures, expandBundles, type FeatureBundles } from './feature-bundles';
import type { GradientBoostingOptions } from './gradient-boosting-options';
import { createSeededRandom, shuffleInPlace } from './seeded-random';
import type { TreeEnsemble } from './tree-ensemble';

/** Everything the booster needs, already validated and binned. */
export interface BoostingInput {
  /** Row-major histogram slots, `nRows × nFeatures` (see `binFeatureMatrix`). */
  readonly binned: Uint16Array;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly binCounts: Uint16Array;
  readonly slotOffsets: Int32Array;
  readonly slotCount: number;
  readonly upperBounds: readonly Float64Array[];
  readonly labels: Uint8Array;
  /** Weight of each row (class weights applied). */
  readonly weights: Float64Array;
  /** Rows trained on. */
  readonly trainRows: Uint32Array;
  /** Rows held out for early stopping (may be empty). */
  readonly validationRows: Uint32Array;
  readonly featureNames: readonly string[];
}

/** What happened during boosting. */
export interface BoostingReport {
  /** Trees kept in the model. */
  readonly treesKept: number;
  /** Rounds run (more than kept when early stopping cut the tail). */
  readonly roundsRun: number;
  /** Weighted validation log loss after each round; empty without a validation fraction. */
  readonly validationLoss: readonly number[];
}

/** Numerically stable log(1 + e^x). */
function softplus(value: number): number {
  return value > 0 ? value + Math.log1p(Math.exp(-value)) : Math.log1p(Math.exp(value));
}

function weightedLogLoss(
  raw: Float64Array,
  labels: Uint8Array,
  weights: Float64Array,
  rows: Uint32Array,
): number {
  let loss = 0;
  let total = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    const score = raw[row]!;
    loss += weights[row]! * (labels[row] === 1 ? softplus(-score) : softplus(score));
    total += weights[row]!;
  }
  return loss / total;
}

/** Codes per feature bundle: 64 keeps a bundle's expansion cheap against the rows it saves. */
const maxBundleCodes = 256;

const bestGainSlot = 0;
const bestFeatureSlot = 1;
const bestBinSlot = 2;
const bestMissingLeftSlot = 3;
const bestLeftGradientSlot = 4;
const bestLeftHessianSlot = 5;
const bestLeftCountSlot = 6;

/** Gradient/hessian (and count) histogram of rows[start, end) over the selected features. */
function fillHistogram(
  histogram: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  binned: Uint16Array,
  gradients: Float64Array,
  nFeatures: number,
  features: Int32Array,
  withCounts: boolean,
  spare: Float64Array | null,
  bundles: FeatureBundles | null,
  slotCount: number,
): void {
  histogram.fill(0);
  if (
    bundles !== null &&
    !withCounts &&
    features.length === nFeatures &&
    (end - start) * (nFeatures - bundles.count) * 2 > bundles.expansionCost
  ) {
    // One addition per bundle instead of per feature, then the bundles' codes spread to features.
    const { codes, count } = bundles;
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const gradient = gradients[2 * row]!;
      const hessian = gradients[2 * row + 1]!;
      const base = row * count;
      for (let bundle = 0; bundle < count; bundle += 1) {
        const at = 2 * codes[base + bundle]!;
        histogram[at]! += gradient;
        histogram[at + 1]! += hessian;
      }
    }
    expandBundles(histogram, bundles, slotCount);
    return;
  }
  if (!withCounts && features.length === nFeatures && end - start >= histogram.length && spare !== null) {
    // Two rows at a time into two histograms: consecutive rows often share a bin (binary
    // features), and two copies halve the chains of read-modify-writes on one address.
    spare.fill(0);
    let index = start;
    for (; index + 1 < end; index += 2) {
      const first = rows[index]!;
      const second = rows[index + 1]!;
      const firstGradient = gradients[2 * first]!;
      const firstHessian = gradients[2 * first + 1]!;
      const secondGradient = gradients[2 * second]!;
      const secondHessian = gradients[2 * second + 1]!;
      const firstBase = first * nFeatures;
      const secondBase = second * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const firstAt = 2 * binned[firstBase + feature]!;
        const secondAt = 2 * binned[secondBase + feature]!;
        histogram[firstAt]! += firstGradient;
        histogram[firstAt + 1]! += firstHessian;
        spare[secondAt]! += secondGradient;
        spare[secondAt + 1]! += secondHessian;
      }
    }
    for (; index < end; index += 1) {
      const row = rows[index]!;
      const base = row * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const at = 2 * binned[base + feature]!;
        histogram[at]! += gradients[2 * row]!;
        histogram[at + 1]! += gradients[2 * row + 1]!;
      }
    }
    for (let at = 0; at < histogram.length; at += 1) histogram[at]! += spare[at]!;
    return;
  }
  if (!withCounts && features.length === nFeatures) {
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const gradient = gradients[2 * row]!;
      const hessian = gradients[2 * row + 1]!;
      const base = row * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const at = 2 * binned[base + feature]!;
        histogram[at]! += gradient;
        histogram[at + 1]! += hessian;
      }
    }
    return;
  }
  const stride = withCounts ? 3 : 2;
  for (let index = start; index < end; index += 1) {
    const row = rows[index]!;
    const gradient = gradients[2 * row]!;
    const hessian = gradients[2 * row + 1]!;
    const base = row * nFeatures;
    for (let position = 0; position < features.length; position += 1) {
      const feature = features[position]!;
      const at = binned[base + feature]! * stride;
      histogram[at]! += gradient;
      histogram[at + 1]! += hessian;
      if (withCounts) histogram[at + 2]! += 1;
    }
  }
}

/**
 * The best split of a node from its histogram, written into `best` (gain, feature, bin, missing
 * left, left gradient, left hessian, left count); feature −1 when no split beats `minSplitGain`.
 * Both directions for missing values are tried, and with missing values present the last bin too
 * (every value left, missing right).
 */
function findBestSplit(
  histogram: Float64Array,
  gradientSum: number,
  hessianSum: number,
  count: number,
  features: Int32Array,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  stride: number,
  limits: Float64Array,
  best: Float64Array,
): void {
  const lambda = limits[0]!;
  const minChildWeight = limits[1]!;
  const minSamplesLeaf = limits[2]!;
  const withCounts = stride === 3;
  let bestGain = limits[3]!;
  best[bestFeatureSlot] = -1;
  best[bestGainSlot] = bestGain;
  const parentScore = (gradientSum * gradientSum) / (hessianSum + lambda);
  for (let position = 0; position < features.length; position += 1) {
    const feature = features[position]!;
    const base = slotOffsets[feature]! * stride;
    const bins = binCounts[feature]!;
    const missingAt = base + bins * stride;
    const missingGradient = histogram[missingAt]!;
    const missingHessian = histogram[missingAt + 1]!;
    const missingCount = withCounts ? histogram[missingAt + 2]! : 0;
    const hasMissing = missingHessian > 0;
    let leftGradient = 0;
    let leftHessian = 0;
    let leftCount = 0;
    const lastBin = hasMissing ? bins - 1 : bins - 2;
    for (let bin = 0; bin <= lastBin; bin += 1) {
      const at = base + bin * stride;
      leftGradient += histogram[at]!;
      leftHessian += histogram[at + 1]!;
      if (withCounts) leftCount += histogram[at + 2]!;
      // Missing values go right.
      let rightHessian = hessianSum - leftHessian;
      if (
        leftHessian >= minChildWeight &&
        rightHessian >= minChildWeight &&
        leftHessian > 0 &&
        rightHessian > 0 &&
        (!withCounts || (leftCount >= minSamplesLeaf && count - leftCount >= minSamplesLeaf))
      ) {
        const rightGradient = gradientSum - leftGradient;
        const gain =
          0.5 *
          ((leftGradient * leftGradient) / (leftHessian + lambda) +
            (rightGradient * rightGradient) / (rightHessian + lambda) -
            parentScore);
        if (gain > bestGain) {
          bestGain = gain;
          best[bestGainSlot] = gain;
          best[bestFeatureSlot] = feature;
          best[bestBinSlot] = bin;
          best[bestMissingLeftSlot] = 0;
          best[bestLeftGradientSlot] = leftGradient;
          best[bestLeftHessianSlot] = leftHessian;
          best[bestLeftCountSlot] = leftCount;
        }
      }
      if (hasMissing && bin < bins - 1) {
        // Missing values go left.
        const withMissingGradient = leftGradient + missingGradient;
        const withMissingHessian = leftHessian + missingHessian;
        const withMissingCount = leftCount + missingCount;
        rightHessian = hessianSum - withMissingHessian;
        if (
          withMissingHessian >= minChildWeight &&
          rightHessian >= minChildWeight &&
          rightHessian > 0 &&
          (!withCounts || (withMissingCount >= minSamplesLeaf && count - withMissingCount >= minSamplesLeaf))
        ) {
          const rightGradient = gradientSum - withMissingGradient;
          const gain =
            0.5 *
            ((withMissingGradient * withMissingGradient) / (withMissingHessian + lambda) +
              (rightGradient * rightGradient) / (rightHessian + lambda) -
              parentScore);
          if (gain > bestGain) {
            bestGain = gain;
            best[bestGainSlot] = gain;
            best[bestFeatureSlot] = feature;
            best[bestBinSlot] = bin;
            best[bestMissingLeftSlot] = 1;
            best[bestLeftGradientSlot] = withMissingGradient;
            best[bestLeftHessianSlot] = withMissingHessian;
            best[bestLeftCountSlot] = withMissingCount;
          }
        }
      }
    }
  }
}

/**
 * Histogram gradient boosting for binary log loss. Internal: {@link trainGradientBoostedTrees} is
 * the public entry point, which validates and bins the data first.
 *
 * Per tree: gradients g = (p − y)·w and hessians h = p(1 − p)·w; the tree grows depth-first to
 * `maxDepth`; each node's split is the best over gradient/hessian histograms of the sampled features
 * (both directions for missing values tried); only the smaller child's histogram is built and the
 * sibling's is the parent's minus it; leaves take one Newton step −G / (H + λ), shrunk by the
 * learning rate.
 */
export function boostTrees(
  input: BoostingInput,
  options: GradientBoostingOptions,
): { ensemble: TreeEnsemble; report: BoostingReport } {
  const {
    binned,
    nFeatures,
    binCounts,
    slotOffsets,
    upperBounds,
    labels,
    weights,
    trainRows,
    validationRows,
  } = input;
  const nRows = input.nRows;
  const lambda = options.l2Regularization;
  const minChildWeight = options.minChildWeight;
  const minSamplesLeaf = options.minSamplesLeaf;
  const minGain = options.minSplitGain;
  const maxDepth = options.maxDepth;
  const learningRate = options.learningRate;
  const withCounts = minSamplesLeaf > 1;
  const stride = withCounts ? 3 : 2;
  const histogramSize = input.slotCount * stride;
  // Bundles need their codes (Uint16, past the feature slots) and apply to the full-feature path.
  const bundles =
    !withCounts && options.columnSampleRate === 1 && input.slotCount + nFeatures * maxBundleCodes <= 0xffff
      ? bundleFeatures(binned, nRows, nFeatures, binCounts, slotOffsets, input.slotCount, maxBundleCodes)
      : null;
  const bufferSize = histogramSize + (bundles === null ? 0 : 2 * bundles.extraSlots);
  const random = createSeededRandom(options.seed);

  let positive = 0;
  let total = 0;
  for (let index = 0; index < trainRows.length; index += 1) {
    const row = trainRows[index]!;
    total += weights[row]!;
    if (labels[row] === 1) positive += weights[row]!;
  }
  const prior = Math.min(Math.max(positive / total, 1e-12), 1 - 1e-12);
  const baseScore = Math.log(prior / (1 - prior));

  const raw = new Float64Array(nRows).fill(baseScore);
  const gradients = new Float64Array(2 * nRows);
  const rows = new Uint32Array(trainRows.length);
  const scratch = new Uint32Array(trainRows.length);
  const sampleSize = Math.max(1, Math.round(trainRows.length * options.rowSampleRate));
  const sampledAll = sampleSize === trainRows.length;
  const shuffledRows = Uint32Array.from(trainRows);
  const allFeatures = Int32Array.from({ length: nFeatures }, (_, index) => index);
  const featureCount = Math.max(1, Math.round(nFeatures * options.columnSampleRate));
  let features = allFeatures;

  // Column-major copy of the slots for partitioning (the row-major one feeds the histograms).
  const columns = new Uint16Array(binned.length);
  for (let row = 0; row < nRows; row += 1) {
    for (let feature = 0; feature < nFeatures; feature += 1) {
      columns[feature * nRows + row] = binned[row * nFeatures + feature]!;
    }
  }
  const splitLimits = Float64Array.of(lambda, minChildWeight, minSamplesLeaf, minGain);
  const pool: Float64Array[] = [];
  const spareHistogram = new Float64Array(bufferSize);
  const takeHistogram = (): Float64Array => pool.pop() ?? new Float64Array(bufferSize);

  // Growing arrays of the ensemble.
  const nodeFeature: number[] = [];
  const nodeThreshold: number[] = [];
  const nodeBin: number[] = [];
  const nodeMissingLeft: number[] = [];
  const nodeRight: number[] = [];
  const nodeValue: number[] = [];
  const nodeCover: number[] = [];
  const nodeGain: number[] = [];
  const treeStarts: number[] = [0];

  const best = new Float64Array(8);
  const buildHistogram = (histogram: Float64Array, start: number, end: number): void =>
    fillHistogram(
      histogram,
      rows,
      start,
      end,
      binned,
      gradients,
      nFeatures,
      features,
      withCounts,
      spareHistogram,
      bundles,
      input.slotCount,
    );

  /** Stable partition of rows[start, end): left rows first; returns the first right index. */
  const partition = (
    start: number,
    end: number,
    feature: number,
    bin: number,
    missingLeft: boolean,
  ): number => {
    const splitSlot = slotOffsets[feature]! + bin;
    const missingSlot = slotOffsets[feature]! + binCounts[feature]!;
    const missingLeftBit = missingLeft ? 1 : 0;
    // The feature's column: rows stay in ascending order, so this walks it forwards.
    const column = columns.subarray(feature * nRows, (feature + 1) * nRows);
    let write = start;
    let spill = 0;
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const slot = column[row]!;
      // Branch-free: left when slot ≤ splitSlot, or when missing and missing goes left; write the
      // row to both sides and advance only the side it belongs to.
      const left = (((splitSlot - slot) >>> 31) ^ 1) | ((((slot ^ missingSlot) - 1) >>> 31) & missingLeftBit);
      rows[write] = row;
      scratch[spill] = row;
      write += left;
      spill += 1 - left;
    }
    rows.set(scratch.subarray(0, spill), write);
    return write;
  };

  /** Appends a leaf node (no rows touched). */
  const pushLeaf = (value: number, hessianSum: number): void => {
    nodeFeature.push(-1);
    nodeThreshold.push(0);
    nodeBin.push(0);
    nodeMissingLeft.push(0);
    nodeRight.push(0);
    nodeValue.push(value);
    nodeCover.push(Math.fround(hessianSum));
    nodeGain.push(0);
  };

  const leafValueOf = (gradientSum: number, hessianSum: number): number =>
    (-gradientSum / (hessianSum + lambda)) * learningRate;

  const addLeaf = (gradientSum: number, hessianSum: number, start: number, end: number): void => {
    const value = leafValueOf(gradientSum, hessianSum);
    pushLeaf(value, hessianSum);
    if (sampledAll) for (let index = start; index < end; index += 1) raw[rows[index]!]! += value;
  };

  /**
   * A split whose children are leaves: no partition, each row's raw score takes its side's value
   * directly (the same addition the leaves would make).
   */
  const leafPair = new Float64Array(2);
  const addToSplitLeaves = (
    start: number,
    end: number,
    feature: number,
    bin: number,
    missingLeft: boolean,
  ): void => {
    const splitSlot = slotOffsets[feature]! + bin;
    const missingSlot = slotOffsets[feature]! + binCounts[feature]!;
    const missingLeftBit = missingLeft ? 1 : 0;
    const column = columns.subarray(feature * nRows, (feature + 1) * nRows);
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const slot = column[row]!;
      const left = (((splitSlot - slot) >>> 31) ^ 1) | ((((slot ^ missingSlot) - 1) >>> 31) & missingLeftBit);
      raw[row]! += leafPair[1 - left]!;
    }
  };

  const grow = (
    histogram: Float64Array | null,
    start: number,
    end: number,
    depth: number,
    gradientSum: number,
    hessianSum: number,
  ): void => {
    const count = end - start;
    if (histogram === null || depth >= maxDepth || count < 2 * minSamplesLeaf) {
      if (histogram !== null) pool.push(histogram);
      addLeaf(gradientSum, hessianSum, start, end);
      return;
    }
    findBestSplit(
      histogram,
      gradientSum,
      hessianSum,
      count,
      features,
      binCounts,
      slotOffsets,
      stride,
      splitLimits,
      best,
    );
    const bestFeature = best[bestFeatureSlot]!;
    if (bestFeature < 0) {
      pool.push(histogram);
      addLeaf(gradientSum, hessianSum, start, end);
      return;
    }
    const feature = bestFeature;
    const bin = best[bestBinSlot]!;
    const missingLeft = best[bestMissingLeftSlot] === 1;
    const gain = best[bestGainSlot]!;
    const leftGradient = best[bestLeftGradientSlot]!;
    const leftHessian = best[bestLeftHessianSlot]!;
    const rightGradient = gradientSum - leftGradient;
    const rightHessian = hessianSum - leftHessian;
    const nodeIndex = nodeFeature.length;
    const bounds = upperBounds[feature]!;
    nodeFeature.push(feature);
    // The last bin (every value left, missing right) has no finite bound: +∞ would not survive JSON.
    nodeThreshold.push(bin < bounds.length ? bounds[bin]! : Number.MAX_VALUE);
    nodeBin.push(bin);
    // Without missing values at training time, unseen NaN follows the heavier child.
    const hasMissing = histogram[(slotOffsets[feature]! + binCounts[feature]!) * stride + 1]! > 0;
    nodeMissingLeft.push((hasMissing ? missingLeft : leftHessian >= rightHessian) ? 1 : 0);
    nodeRight.push(0);
    nodeValue.push(0);
    nodeCover.push(Math.fround(hessianSum));
    nodeGain.push(Math.fround(gain));

    if (depth + 1 >= maxDepth) {
      pool.push(histogram);
      leafPair[0] = leafValueOf(leftGradient, leftHessian);
      leafPair[1] = leafValueOf(rightGradient, rightHessian);
      if (sampledAll) addToSplitLeaves(start, end, feature, bin, missingLeft);
      pushLeaf(leafPair[0]!, leftHessian);
      nodeRight[nodeIndex] = nodeFeature.length;
      pushLeaf(leafPair[1]!, rightHessian);
      return;
    }
    const middle = partition(start, end, feature, bin, missingLeft);
    const small = takeHistogram();
    const leftIsSmaller = middle - start <= end - middle;
    if (leftIsSmaller) buildHistogram(small, start, middle);
    else buildHistogram(small, middle, end);
    for (let index = 0; index < histogramSize; index += 1) histogram[index]! -= small[index]!;
    const leftHistogram = leftIsSmaller ? small : histogram;
    const rightHistogram = leftIsSmaller ? histogram : small;
    grow(leftHistogram, start, middle, depth + 1, leftGradient, leftHessian);
    nodeRight[nodeIndex] = nodeFeature.length;
    grow(rightHistogram, middle, end, depth + 1, rightGradient, rightHessian);
  };

  /** Adds the newest tree's leaf to raw scores of rows the tree was not grown on (binned walk). */
  const applyTree = (treeStart: number, targetRows: Uint32Array): void => {
    for (let index = 0; index < targetRows.length; index += 1) {
      const row = targetRows[index]!;
      const base = row * nFeatures;
      let node = treeStart;
      while (nodeFeature[node]! >= 0) {
        const split = nodeFeature[node]!;
        const slot = binned[base + split]!;
        const left =
          slot === slotOffsets[split]! + binCounts[split]!
            ? nodeMissingLeft[node] === 1
            : slot <= slotOffsets[split]! + nodeBin[node]!;
        node = left ? node + 1 : nodeRight[node]!;
      }
      raw[row]! += nodeValue[node]!;
    }
  };

  const validationLoss: number[] = [];
  let bestValidation = Number.POSITIVE_INFINITY;
  let bestRound = 0;
  let roundsRun = 0;

  for (let round = 0; round < options.nEstimators; round += 1) {
    // Without row sampling the tree grows on trainRows in this order, so the root's sums are taken
    // here, in the same order as a separate pass would (same bits).
    let allGradientSum = 0;
    let allHessianSum = 0;
    for (let index = 0; index < trainRows.length; index += 1) {
      const row = trainRows[index]!;
      const probability = 1 / (1 + Math.exp(-raw[row]!));
      const weight = weights[row]!;
      const gradient = (probability - labels[row]!) * weight;
      const hessian = Math.max(probability * (1 - probability), 1e-16) * weight;
      gradients[2 * row] = gradient;
      gradients[2 * row + 1] = hessian;
      allGradientSum += gradient;
      allHessianSum += hessian;
    }
    if (sampledAll) rows.set(trainRows);
    else {
      shuffleInPlace(shuffledRows, random);
      rows.set(shuffledRows.subarray(0, sampleSize));
      rows.subarray(0, sampleSize).sort();
    }
    if (featureCount < nFeatures) {
      const shuffled = shuffleInPlace(Int32Array.from(allFeatures), random);
      features = shuffled.subarray(0, featureCount).sort();
    }
    const end = sampledAll ? trainRows.length : sampleSize;
    let gradientSum = allGradientSum;
    let hessianSum = allHessianSum;
    if (!sampledAll) {
      gradientSum = 0;
      hessianSum = 0;
      for (let index = 0; index < end; index += 1) {
        const row = rows[index]!;
        gradientSum += gradients[2 * row]!;
        hessianSum += gradients[2 * row + 1]!;
      }
    }
    const treeStart = nodeFeature.length;
    const root = takeHistogram();
    buildHistogram(root, 0, end);
    grow(root, 0, end, 0, gradientSum, hessianSum);
    treeStarts.push(nodeFeature.length);
    if (!sampledAll) applyTree(treeStart, trainRows);
    if (validationRows.length > 0) applyTree(treeStart, validationRows);
    roundsRun = round + 1;
    if (validationRows.length > 0) {
      const loss = weightedLogLoss(raw, labels, weights, validationRows);
      validationLoss.push(loss);
      if (loss < bestValidation - 1e-12) {
        bestValidation = loss;
        bestRound = roundsRun;
      } else if (roundsRun - bestRound >= options.earlyStoppingRounds) break;
    } else bestRound = roundsRun;
  }

  const treesKept = bestRound;
  const nodeCount = treeStarts[treesKept]!;
  const ensemble: TreeEnsemble = {
    featureNames: input.featureNames,
    baseScore,
    treeStarts: Int32Array.from(treeStarts.slice(0, treesKept + 1)),
    feature: Int32Array.from(nodeFeature.slice(0, nodeCount)),
    threshold: Float64Array.from(nodeThreshold.slice(0, nodeCount)),
    missingLeft: Uint8Array.from(nodeMissingLeft.slice(0, nodeCount)),
    right: Int32Array.from(nodeRight.slice(0, nodeCount)),
    value: Float64Array.from(nodeValue.slice(0, nodeCount)),
    cover: Float64Array.from(nodeCover.slice(0, nodeCount)),
    gain: Float64Array.from(nodeGain.slice(0, nodeCount)),
  };
  return { ensemble, report: { treesKept, roundsRun, validationLoss } };
}
