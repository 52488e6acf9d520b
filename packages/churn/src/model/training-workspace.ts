import type { HistogramSource } from './block-histograms';
import type { FeatureBundles } from './feature-bundles';
import type { GradientBoostingOptions } from './gradient-boosting-options';
import { blocksOfThread, planTrainingBlocks } from './training-blocks';
import { controlFirstSharedBlock, controlLength } from './training-phases';
import { allocate, type BinStep, type BundleStep, place } from './training-setup';

/**
 * Every array the phases of training read or write, as typed arrays that may sit on
 * `SharedArrayBuffer`s: the trainer on worker threads hands the same workspace to each thread, and
 * each thread works on its own blocks of rows (see `training-blocks.ts`).
 */
export interface TrainingWorkspace extends HistogramSource {
  readonly nRows: number;
  readonly binCounts: Uint16Array;
  readonly slotOffsets: Int32Array;
  /** Column-major copy of `binned`, `nFeatures × nRows`, for partitioning. */
  readonly columns: Uint16Array;
  readonly labels: Uint8Array;
  readonly weights: Float64Array;
  /** Rows trained on, ascending. */
  readonly trainRows: Uint32Array;
  /** Each block's first position in `trainRows` and `rows`, then `trainRows.length`. */
  readonly blockStarts: Int32Array;
  /** Raw score (log-odds) of every validation row. */
  readonly raw: Float64Array;
  /**
   * Odds e^raw of every training row instead of its raw score, so the gradients need no exponential
   * per row: each leaf multiplies its rows' odds by e^value, computed once per leaf.
   */
  readonly odds: Float64Array;
  /** Partition scratch, as long as `rows`. */
  readonly scratch: Uint32Array;
  /** Per node task and block: the start and end of the node's rows of that block in `rows`. */
  readonly ranges: Int32Array;
  /** Per row task and block: the first right row after partitioning. */
  readonly middles: Int32Array;
  /** Per row task: kind, feature, bin, missing-left flag (see `training-phases.ts`). */
  readonly rowTasks: Int32Array;
  /** Per row task: e^value of its leaves' values (left, right), the factors of their rows' odds. */
  readonly rowTaskFactors: Float64Array;
  /** Per histogram task: the node task whose ranges it reads, and the kernel. */
  readonly histogramTasks: Int32Array;
  /** Per block: its rows' gradient sum and hessian sum after the gradient pass. */
  readonly blockSums: Float64Array;
  /** Partial histograms of the blocks of threads other than the first: task × block × bufferSize. */
  readonly partials: Float64Array;
  /** Phase, counts and the barrier's counters (see `training-phases.ts`). */
  readonly control: Int32Array;
}

/** Numbers per row task in `rowTasks`. */
export const rowTaskWidth = 4;
/** Numbers per histogram task in `histogramTasks`. */
export const histogramTaskWidth = 2;

/** Partial histograms of one histograms phase take at most this many numbers (32 MB). */
const maxPartialNumbers = 1 << 22;

/** What boosting needs besides the options: the workspace and what only the first thread reads. */
export interface BoostingPlan {
  readonly workspace: TrainingWorkspace;
  /** Histogram slots of all features. */
  readonly slotCount: number;
  readonly bundles: FeatureBundles | null;
  readonly upperBounds: readonly Float64Array[];
  /** Rows held out for early stopping (may be empty). */
  readonly validationRows: Uint32Array;
  readonly featureNames: readonly string[];
  /** Threads that train (at most one per block of rows). */
  readonly threads: number;
  /** Histogram tasks per histograms phase, so that their partial histograms fit `partials`. */
  readonly histogramTasksPerPhase: number;
}

/** The prepared training data a plan is made from. */
export interface BoostingData {
  readonly labels: Uint8Array;
  /** Weight of each row (class weights applied). */
  readonly weights: Float64Array;
  /** Rows trained on, ascending. */
  readonly trainRows: Uint32Array;
  readonly validationRows: Uint32Array;
  readonly featureNames: readonly string[];
}

/**
 * Allocates the workspace of a training run on at most `threads` threads (on shared memory when
 * `shared`) from the binned rows and their bundle codes (see `training-setup.ts`).
 */
export function createBoostingPlan(
  data: BoostingData,
  binning: BinStep,
  bundling: BundleStep | null,
  options: GradientBoostingOptions,
  threads: number,
  shared: boolean,
): BoostingPlan {
  const { bins, matrix } = binning;
  const { nRows, nFeatures } = matrix;
  const stride = options.minSamplesLeaf > 1 ? 3 : 2;
  const histogramSize = bins.slotCount * stride;
  const bundles = bundling === null ? null : bundling.bundles;
  const bufferSize = histogramSize + (bundles === null ? 0 : 2 * bundles.extraSlots);
  const trainCount = data.trainRows.length;
  const blockStarts = planTrainingBlocks(trainCount);
  const blockCount = blockStarts.length - 1;
  const threadCount = Math.max(1, Math.min(threads, blockCount));
  const ownBlocks = blocksOfThread(0, threadCount, blockCount)[1];
  const sharedBlocks = blockCount - ownBlocks;
  // A level has at most 2^(maxDepth − 1) nodes with histograms, and never more than the rows.
  const maxTasks = Math.max(1, Math.min(2 ** (options.maxDepth - 1), trainCount));
  const histogramTasksPerPhase =
    sharedBlocks === 0
      ? maxTasks
      : Math.max(1, Math.min(maxTasks, Math.floor(maxPartialNumbers / (sharedBlocks * bufferSize))));
  const features = allocate(Int32Array, nFeatures, shared);
  for (let feature = 0; feature < nFeatures; feature += 1) features[feature] = feature;
  const workspace: TrainingWorkspace = {
    nRows,
    nFeatures,
    binned: binning.slots,
    columns: binning.columns,
    bundleCodes: bundling === null ? new Uint16Array(0) : bundling.codes,
    bundleCount: bundles === null ? 0 : bundles.count,
    binCounts: place(bins.binCounts, shared),
    slotOffsets: place(bins.slotOffsets, shared),
    stride,
    histogramSize,
    bufferSize,
    labels: place(data.labels, shared),
    weights: place(data.weights, shared),
    trainRows: place(data.trainRows, shared),
    blockStarts: place(blockStarts, shared),
    gradients: allocate(Float64Array, 2 * nRows, shared),
    raw: allocate(Float64Array, nRows, shared),
    odds: allocate(Float64Array, nRows, shared),
    rows: allocate(Uint32Array, trainCount, shared),
    scratch: allocate(Uint32Array, trainCount, shared),
    features,
    ranges: allocate(Int32Array, 2 * maxTasks * blockCount, shared),
    middles: allocate(Int32Array, maxTasks * blockCount, shared),
    rowTasks: allocate(Int32Array, rowTaskWidth * maxTasks, shared),
    rowTaskFactors: allocate(Float64Array, 2 * maxTasks, shared),
    histogramTasks: allocate(Int32Array, histogramTaskWidth * maxTasks, shared),
    blockSums: allocate(Float64Array, 2 * blockCount, shared),
    partials: allocate(Float64Array, histogramTasksPerPhase * sharedBlocks * bufferSize, shared),
    control: allocate(Int32Array, controlLength, shared),
  };
  workspace.control[controlFirstSharedBlock] = ownBlocks;
  return {
    workspace,
    slotCount: bins.slotCount,
    bundles,
    upperBounds: bins.upperBounds,
    validationRows: data.validationRows,
    featureNames: data.featureNames,
    threads: threadCount,
    histogramTasksPerPhase,
  };
}
