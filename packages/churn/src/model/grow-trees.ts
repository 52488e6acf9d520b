import {
  allFeaturesKernel,
  bundledKernel,
  foldPartialHistogram,
  sampledFeaturesKernel,
  touchedLength,
} from './block-histograms';
import { expandBundles } from './feature-bundles';
import {
  bestBinSlot,
  bestFeatureSlot,
  bestGainSlot,
  bestLeftGradientSlot,
  bestLeftHessianSlot,
  bestMissingLeftSlot,
  findBestSplit,
} from './find-best-split';
import type { GradientBoostingOptions } from './gradient-boosting-options';
import { createSeededRandom, shuffleInPlace } from './seeded-random';
import { awaitPhase, releasePhase } from './training-barrier';
import { blocksOfThread } from './training-blocks';
import {
  controlFeatureCount,
  controlPendingRowTasks,
  controlPhase,
  controlRootKernel,
  controlSampledAll,
  controlTaskBase,
  controlTaskCount,
  createPhaseThreadState,
  histogramsPhase,
  leafPairTask,
  leafTask,
  partialOffset,
  partitionTask,
  roundStartPhase,
  rowsPhase,
  runTrainingPhase,
  skipTask,
  stopPhase,
} from './training-phases';
import { type BoostingPlan, histogramTaskWidth, rowTaskWidth } from './training-workspace';
import type { TreeEnsemble } from './tree-ensemble';

/** The smallest positive float32 (2^−149): what a split's gain is stored as at least. */
const smallestFloat32 = 2 ** -149;

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

/** A node of the tree being grown, before the tree is written in pre-order. */
interface GrowingNode {
  feature: number;
  bin: number;
  missingLeft: number;
  value: number;
  hessianSum: number;
  gain: number;
  left: number;
  right: number;
}

/** A node of the current level whose histogram is known. */
interface FrontierNode {
  readonly node: number;
  readonly histogram: Float64Array;
  readonly gradientSum: number;
  readonly hessianSum: number;
  readonly count: number;
}

/**
 * Histogram gradient boosting for binary log loss. Internal: {@link trainGradientBoostedTrees} is
 * the public entry point, which validates and bins the data first.
 *
 * Per tree: gradients g = (p − y)·w and hessians h = p(1 − p)·w; the tree grows level by level to
 * `maxDepth`; each node's split is the best over gradient/hessian histograms of the sampled features
 * (both directions for missing values tried); only the smaller child's histogram is built and the
 * sibling's is the parent's minus it; leaves take one Newton step −G / (H + λ), shrunk by the
 * learning rate. Rows work in blocks (see `training-blocks.ts`), so threads change who adds the
 * numbers, never their order: the model is the same bit for bit with any number of threads. With
 * `plan.threads` above 1 this is thread 0, and the caller must have the others serve the phases of
 * the plan's workspace (`serveTrainingPhases`).
 *
 * @param onPhase - called before each phase with how many phases ran before, and with −1 first
 *   (before the setup: a test hook)
 * @throws TrainingAbortedError when the run was aborted (another thread died or failed)
 */
export function boostTrees(
  plan: BoostingPlan,
  options: GradientBoostingOptions,
  onPhase: ((phasesBefore: number) => void) | null = null,
): { ensemble: TreeEnsemble; report: BoostingReport } {
  if (plan.threads === 1) return growEnsemble(plan, options, onPhase);
  // Whatever fails on this thread, from its first allocation on, the other threads get the stop
  // phase: they wait for it at the barrier and would otherwise wait until the run is aborted.
  const { control } = plan.workspace;
  try {
    return growEnsemble(plan, options, onPhase);
  } finally {
    control[controlPhase] = stopPhase;
    releasePhase(control);
    awaitPhase(control, plan.threads - 1);
  }
}

/** {@link boostTrees} without the stop phase. */
function growEnsemble(
  plan: BoostingPlan,
  options: GradientBoostingOptions,
  onPhase: ((phasesBefore: number) => void) | null,
): { ensemble: TreeEnsemble; report: BoostingReport } {
  onPhase?.(-1);
  const { workspace, bundles, upperBounds, validationRows, slotCount, histogramTasksPerPhase } = plan;
  const { nFeatures, binCounts, slotOffsets, binned, labels, weights, trainRows, blockStarts } = workspace;
  const { histogramSize, bufferSize, stride } = workspace;
  const lambda = options.l2Regularization;
  const minChildWeight = options.minChildWeight;
  const minSamplesLeaf = options.minSamplesLeaf;
  const minGain = options.minSplitGain;
  const maxDepth = options.maxDepth;
  const learningRate = options.learningRate;
  const withCounts = stride === 3;
  const random = createSeededRandom(options.seed);

  const trainCount = trainRows.length;
  const blockCount = blockStarts.length - 1;
  const threadCount = plan.threads;
  const shared = threadCount > 1;
  const ownBlocks = blocksOfThread(0, threadCount, blockCount)[1];
  const sharedBlocks = blockCount - ownBlocks;

  let positive = 0;
  let total = 0;
  for (let index = 0; index < trainCount; index += 1) {
    const row = trainRows[index]!;
    total += weights[row]!;
    if (labels[row] === 1) positive += weights[row]!;
  }
  const prior = Math.min(Math.max(positive / total, 1e-12), 1 - 1e-12);
  const baseScore = Math.log(prior / (1 - prior));

  const {
    control,
    raw,
    rows,
    ranges,
    middles,
    rowTasks,
    rowTaskFactors,
    histogramTasks,
    gradients,
    features,
  } = workspace;
  raw.fill(baseScore);
  workspace.odds.fill(Math.exp(baseScore));
  const threadState = createPhaseThreadState(workspace);
  let phasesRun = 0;

  const runPhase = (phase: number): void => {
    onPhase?.(phasesRun);
    phasesRun += 1;
    control[controlPhase] = phase;
    if (shared) releasePhase(control);
    runTrainingPhase(workspace, 0, ownBlocks, threadState);
    if (shared) awaitPhase(control, threadCount - 1);
  };
  /** The other threads' blocks of histogram task `taskInPhase`, folded in block order. */
  const foldSharedPartials = (
    target: Float64Array,
    taskInPhase: number,
    node: number,
    kernel: number,
  ): void => {
    const featureCount = control[controlFeatureCount]!;
    const length = touchedLength(workspace, kernel);
    for (let block = ownBlocks; block < blockCount; block += 1) {
      const at = 2 * (node * blockCount + block);
      const offset = partialOffset(workspace, taskInPhase, block, ownBlocks);
      foldPartialHistogram(
        target,
        workspace.partials.subarray(offset, offset + bufferSize),
        workspace,
        ranges[at]!,
        ranges[at + 1]!,
        kernel,
        featureCount,
        length,
      );
    }
  };

  const pool: Float64Array[] = [];
  const takeHistogram = (): Float64Array => {
    const histogram = pool.pop();
    if (histogram === undefined) return new Float64Array(bufferSize);
    histogram.fill(0);
    return histogram;
  };
  const kernelFor = (count: number, featureCount: number): number => {
    if (withCounts || featureCount < nFeatures) return sampledFeaturesKernel;
    return bundles !== null && count * (nFeatures - bundles.count) * 2 > bundles.expansionCost
      ? bundledKernel
      : allFeaturesKernel;
  };

  const shuffledRows = Uint32Array.from(trainRows);
  const sampleSize = Math.max(1, Math.round(trainCount * options.rowSampleRate));
  const sampledAll = sampleSize === trainCount;
  const allFeatures = Int32Array.from({ length: nFeatures }, (_, index) => index);
  const sampledFeatureCount = Math.max(1, Math.round(nFeatures * options.columnSampleRate));
  const splitLimits = Float64Array.of(lambda, minChildWeight, minSamplesLeaf, minGain);
  const best = new Float64Array(8);

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

  const growing: GrowingNode[] = [];
  const newNode = (hessianSum: number): number => {
    growing.push({ feature: -1, bin: 0, missingLeft: 0, value: 0, hessianSum, gain: 0, left: 0, right: 0 });
    return growing.length - 1;
  };
  /** Writes the grown tree in pre-order (left child next, right child at `nodeRight`). */
  const writeNode = (index: number): void => {
    const node = growing[index]!;
    const at = nodeFeature.length;
    nodeFeature.push(node.feature);
    nodeCover.push(Math.fround(node.hessianSum));
    nodeRight.push(0);
    nodeBin.push(node.bin);
    nodeMissingLeft.push(node.missingLeft);
    if (node.feature < 0) {
      nodeThreshold.push(0);
      nodeValue.push(node.value);
      nodeGain.push(0);
      return;
    }
    const bounds = upperBounds[node.feature]!;
    // The last bin (every value left, missing right) has no finite bound: +∞ would not survive JSON.
    nodeThreshold.push(node.bin < bounds.length ? bounds[node.bin]! : Number.MAX_VALUE);
    nodeValue.push(0);
    // Stored as float32; a split's gain is positive, and one below float32's smallest value (a
    // hessian near 0 with minChildWeight 0) keeps that smallest value rather than reading as no gain.
    nodeGain.push(Math.max(Math.fround(node.gain), smallestFloat32));
    writeNode(node.left);
    nodeRight[at] = nodeFeature.length;
    writeNode(node.right);
  };
  const leafValueOf = (gradientSum: number, hessianSum: number): number =>
    (-gradientSum / (hessianSum + lambda)) * learningRate;

  /**
   * Adds the newest tree's leaf to the raw scores of validation rows or, `toOdds`, multiplies the
   * odds of training rows the tree was not grown on by its e^value (binned walk).
   */
  const applyTree = (treeStart: number, targetRows: Uint32Array, toOdds: boolean): void => {
    // e^value once per node of the tree, not per row.
    const factors = toOdds ? Float64Array.from(nodeValue.slice(treeStart), Math.exp) : null;
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
      if (factors === null) raw[row]! += nodeValue[node]!;
      else workspace.odds[row]! *= factors[node - treeStart]!;
    }
  };

  /**
   * Grows one tree from its root; returns how many row tasks of its last level are left for the
   * next round's first phase (leaf values still to add to raw scores).
   */
  const growTree = (root: FrontierNode): number => {
    let frontier: FrontierNode[] = [root];
    const featureCount = control[controlFeatureCount]!;
    const treeFeatures = features.subarray(0, featureCount);
    for (let depth = 0; ; depth += 1) {
      // Split tasks of this level: the frontier position and the left child's sums.
      const partitioned: { task: number; leftGradient: number; leftHessian: number }[] = [];
      let rowWork = false;
      for (let task = 0; task < frontier.length; task += 1) {
        const { node, histogram, gradientSum, hessianSum, count } = frontier[task]!;
        let kind = leafTask;
        if (count >= 2 * minSamplesLeaf) {
          findBestSplit(
            histogram,
            gradientSum,
            hessianSum,
            count,
            treeFeatures,
            binCounts,
            slotOffsets,
            stride,
            splitLimits,
            best,
          );
          if (best[bestFeatureSlot]! >= 0) kind = depth + 1 >= maxDepth ? leafPairTask : partitionTask;
        }
        const grown = growing[node]!;
        if (kind === leafTask) {
          grown.value = leafValueOf(gradientSum, hessianSum);
          rowTaskFactors[2 * task] = Math.exp(grown.value);
        } else {
          const feature = best[bestFeatureSlot]!;
          const bin = best[bestBinSlot]!;
          const missingLeft = best[bestMissingLeftSlot]!;
          const leftGradient = best[bestLeftGradientSlot]!;
          const leftHessian = best[bestLeftHessianSlot]!;
          const rightHessian = hessianSum - leftHessian;
          grown.feature = feature;
          grown.bin = bin;
          grown.gain = best[bestGainSlot]!;
          // Without missing values at training time, unseen NaN follows the heavier child.
          const hasMissing = histogram[(slotOffsets[feature]! + binCounts[feature]!) * stride + 1]! > 0;
          grown.missingLeft = (hasMissing ? missingLeft === 1 : leftHessian >= rightHessian) ? 1 : 0;
          grown.left = newNode(leftHessian);
          grown.right = newNode(rightHessian);
          rowTasks[task * rowTaskWidth + 1] = feature;
          rowTasks[task * rowTaskWidth + 2] = bin;
          rowTasks[task * rowTaskWidth + 3] = missingLeft;
          if (kind === partitionTask) partitioned.push({ task, leftGradient, leftHessian });
          else {
            const leftValue = leafValueOf(leftGradient, leftHessian);
            const rightValue = leafValueOf(gradientSum - leftGradient, rightHessian);
            growing[grown.left]!.value = leftValue;
            growing[grown.right]!.value = rightValue;
            rowTaskFactors[2 * task] = Math.exp(leftValue);
            rowTaskFactors[2 * task + 1] = Math.exp(rightValue);
          }
        }
        // A parent's histogram becomes its larger child's; the others are done with theirs.
        if (kind !== partitionTask) pool.push(histogram);
        // On a row sample, leaves reach raw scores through applyTree instead.
        const rowKind = kind === partitionTask || sampledAll ? kind : skipTask;
        rowTasks[task * rowTaskWidth] = rowKind;
        if (rowKind !== skipTask) rowWork = true;
      }
      if (partitioned.length === 0) return rowWork ? frontier.length : 0;
      control[controlTaskCount] = frontier.length;
      runPhase(rowsPhase);

      // Children: the smaller one's histogram is built, the larger one's is the parent's minus it.
      const next: FrontierNode[] = [];
      const nextRanges = new Int32Array(2 * 2 * partitioned.length * blockCount);
      const builds: { small: number; large: number; kernel: number }[] = [];
      for (const { task, leftGradient, leftHessian } of partitioned) {
        const parent = frontier[task]!;
        let leftCount = 0;
        for (let block = 0; block < blockCount; block += 1) {
          leftCount += middles[task * blockCount + block]! - ranges[2 * (task * blockCount + block)]!;
        }
        const rightCount = parent.count - leftCount;
        const leftIsSmaller = leftCount <= rightCount;
        const leftAt = next.length;
        for (let block = 0; block < blockCount; block += 1) {
          const from = 2 * (task * blockCount + block);
          const middle = middles[task * blockCount + block]!;
          nextRanges[2 * (leftAt * blockCount + block)] = ranges[from]!;
          nextRanges[2 * (leftAt * blockCount + block) + 1] = middle;
          nextRanges[2 * ((leftAt + 1) * blockCount + block)] = middle;
          nextRanges[2 * ((leftAt + 1) * blockCount + block) + 1] = ranges[from + 1]!;
        }
        const small = takeHistogram();
        const grown = growing[parent.node]!;
        next.push(
          {
            node: grown.left,
            histogram: leftIsSmaller ? small : parent.histogram,
            gradientSum: leftGradient,
            hessianSum: leftHessian,
            count: leftCount,
          },
          {
            node: grown.right,
            histogram: leftIsSmaller ? parent.histogram : small,
            gradientSum: parent.gradientSum - leftGradient,
            hessianSum: parent.hessianSum - leftHessian,
            count: rightCount,
          },
        );
        builds.push({
          small: leftIsSmaller ? leftAt : leftAt + 1,
          large: leftIsSmaller ? leftAt + 1 : leftAt,
          kernel: kernelFor(Math.min(leftCount, rightCount), featureCount),
        });
      }
      ranges.set(nextRanges);
      for (let base = 0; base < builds.length; base += histogramTasksPerPhase) {
        const end = Math.min(builds.length, base + histogramTasksPerPhase);
        const targets: Float64Array[] = [];
        for (let task = base; task < end; task += 1) {
          const build = builds[task]!;
          histogramTasks[task * histogramTaskWidth] = build.small;
          histogramTasks[task * histogramTaskWidth + 1] = build.kernel;
          targets.push(next[build.small]!.histogram);
        }
        control[controlTaskBase] = base;
        control[controlTaskCount] = end - base;
        threadState.targets = targets;
        runPhase(histogramsPhase);
        threadState.targets = null;
        for (let task = base; task < end; task += 1) {
          const build = builds[task]!;
          const small = next[build.small]!.histogram;
          if (sharedBlocks > 0) foldSharedPartials(small, task - base, build.small, build.kernel);
          if (build.kernel === bundledKernel) expandBundles(small, bundles!, slotCount);
          const large = next[build.large]!.histogram;
          for (let index = 0; index < histogramSize; index += 1) large[index]! -= small[index]!;
        }
      }
      frontier = next;
    }
  };

  const validationLoss: number[] = [];
  let bestValidation = Number.POSITIVE_INFINITY;
  let bestRound = 0;
  let roundsRun = 0;
  let pendingRowTasks = 0;
  control[controlSampledAll] = sampledAll ? 1 : 0;
  control[controlFeatureCount] = nFeatures;

  for (let round = 0; round < options.nEstimators; round += 1) {
    // The same random draws in the same order as ever: the row sample, then the features.
    let sample: Uint32Array | null = null;
    if (!sampledAll) {
      shuffleInPlace(shuffledRows, random);
      sample = shuffledRows.slice(0, sampleSize).sort();
    }
    if (sampledFeatureCount < nFeatures) {
      const shuffled = shuffleInPlace(Int32Array.from(allFeatures), random);
      features.set(shuffled.subarray(0, sampledFeatureCount).sort());
      control[controlFeatureCount] = sampledFeatureCount;
    }
    const rootKernel = kernelFor(sampleSize, control[controlFeatureCount]!);
    const root = takeHistogram();
    // Leaves of the previous tree, the gradients and, on every row, the root's histogram: one phase.
    control[controlPendingRowTasks] = pendingRowTasks;
    control[controlRootKernel] = sample === null ? rootKernel : -1;
    threadState.targets = [root];
    runPhase(roundStartPhase);
    threadState.targets = null;
    if (sample === null) {
      for (let block = 0; block < blockCount; block += 1) {
        ranges[2 * block] = blockStarts[block]!;
        ranges[2 * block + 1] = blockStarts[block + 1]!;
      }
    } else {
      // Each block takes the sampled rows among its own training rows.
      let taken = 0;
      for (let block = 0; block < blockCount; block += 1) {
        const last = trainRows[blockStarts[block + 1]! - 1]!;
        const start = blockStarts[block]!;
        let end = start;
        let blockGradient = 0;
        let blockHessian = 0;
        for (; taken < sampleSize && sample[taken]! <= last; taken += 1) {
          const row = sample[taken]!;
          rows[end] = row;
          blockGradient += gradients[2 * row]!;
          blockHessian += gradients[2 * row + 1]!;
          end += 1;
        }
        workspace.blockSums[2 * block] = blockGradient;
        workspace.blockSums[2 * block + 1] = blockHessian;
        ranges[2 * block] = start;
        ranges[2 * block + 1] = end;
      }
      histogramTasks[0] = 0;
      histogramTasks[1] = rootKernel;
      control[controlTaskBase] = 0;
      control[controlTaskCount] = 1;
      threadState.targets = [root];
      runPhase(histogramsPhase);
      threadState.targets = null;
    }
    if (sharedBlocks > 0) foldSharedPartials(root, 0, 0, rootKernel);
    if (rootKernel === bundledKernel) expandBundles(root, bundles!, slotCount);
    let gradientSum = 0;
    let hessianSum = 0;
    for (let block = 0; block < blockCount; block += 1) {
      gradientSum += workspace.blockSums[2 * block]!;
      hessianSum += workspace.blockSums[2 * block + 1]!;
    }

    const treeStart = nodeFeature.length;
    growing.length = 0;
    const rootNode = newNode(hessianSum);
    pendingRowTasks = growTree({
      node: rootNode,
      histogram: root,
      gradientSum,
      hessianSum,
      count: sampleSize,
    });
    writeNode(rootNode);
    treeStarts.push(nodeFeature.length);
    if (!sampledAll) applyTree(treeStart, trainRows, true);
    if (validationRows.length > 0) applyTree(treeStart, validationRows, false);
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
    featureNames: plan.featureNames,
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
