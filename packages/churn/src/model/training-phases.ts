import { accumulateHistogram, foldPartialHistogram, touchedLength } from './block-histograms';
import { histogramTaskWidth, rowTaskWidth, type TrainingWorkspace } from './training-workspace';
import { createWasmHistograms, type WasmHistograms } from './wasm/wasm-histograms';

/*
 * Training runs as a sequence of phases; in each phase every thread does the same work on its own
 * blocks of rows, reading its orders from the workspace's `control` and task arrays. One thread runs
 * them all itself; several meet at a barrier after each phase (see `training-barrier.ts`).
 */

/** `control` slot: bumped by the first thread to start a phase. */
export const controlGeneration = 0;
/** `control` slot: how many other threads finished the phase. */
export const controlDone = 1;
/** `control` slot: the phase to run. */
export const controlPhase = 2;
/** `control` slot: tasks in this phase (row or histogram tasks). */
export const controlTaskCount = 3;
/** `control` slot: index of the first histogram task of this phase. */
export const controlTaskBase = 4;
/** `control` slot: how many of `features` the tree uses. */
export const controlFeatureCount = 5;
/** `control` slot: 1 when the tree grows on every training row (leaves update the odds). */
export const controlSampledAll = 6;
/** `control` slot: row tasks left from the previous tree, run before the gradients. */
export const controlPendingRowTasks = 7;
/** `control` slot: the kernel of the root histogram built with the gradients, −1 for none. */
export const controlRootKernel = 8;
/** `control` slot: the first block whose partial histograms go to the shared `partials`. */
export const controlFirstSharedBlock = 9;
/** `control` slot: set to 1 by a thread that failed. */
export const controlFailed = 10;
/** `control` slot: set to 1 by whoever coordinates the threads when one of them died. */
export const controlAborted = 11;
/** Numbers in `control`. */
export const controlLength = 12;

/** Phase: leaves of the previous tree, gradients and hessians, and the root's histogram. */
export const roundStartPhase = 1;
/** Phase: the row tasks of one level (leaves, splits into leaves, partitions). */
export const rowsPhase = 2;
/** Phase: histograms of the nodes of one level. */
export const histogramsPhase = 3;
/** Phase: the other threads leave. */
export const stopPhase = 4;

/** Row task: a leaf; its rows' odds take the factor. */
export const leafTask = 0;
/** Row task: a split into two leaves; each row's odds take its side's factor. */
export const leafPairTask = 1;
/** Row task: a split whose children grow on; the rows are partitioned, left first. */
export const partitionTask = 2;
/** Row task: nothing to do with the rows (leaves of a tree grown on a row sample). */
export const skipTask = 3;

/** What only one thread has. */
export interface PhaseThreadState {
  /**
   * On the first thread, the histogram of each task of a histograms phase (zeroed before; the task
   * at `controlTaskBase` first). `null` on the other threads, which write `partials`.
   */
  targets: Float64Array[] | null;
  /** A zeroed histogram buffer for the first thread's blocks after its first. */
  readonly partial: Float64Array;
  /** Spare histogram of the two-rows-at-a-time kernel. */
  readonly spare: Float64Array;
  /**
   * The thread's WebAssembly histogram kernels over a copy of its blocks' rows, made at its first
   * phase (`undefined` before); `null` where WebAssembly is missing or refuses, and the JavaScript
   * kernels build every histogram.
   */
  wasm: WasmHistograms | null | undefined;
}

/** Creates a thread's private buffers. */
export function createPhaseThreadState(workspace: TrainingWorkspace): PhaseThreadState {
  return {
    targets: null,
    partial: new Float64Array(workspace.bufferSize),
    spare: new Float64Array(workspace.bufferSize),
    wasm: undefined,
  };
}

/**
 * The kernels of blocks `[blockFrom, blockTo)`: their rows are `trainRows` from the first block's
 * start to the last one's end, ascending, so the copy holds the row ids between the first and the
 * last of them (validation rows among them too: fewer copies than a map from row id to position).
 */
function createBlocksHistograms(workspace: TrainingWorkspace, blockFrom: number, blockTo: number) {
  if (blockTo <= blockFrom) return null;
  const { blockStarts, trainRows } = workspace;
  let segmentRows = 0;
  for (let block = blockFrom; block < blockTo; block += 1) {
    segmentRows = Math.max(segmentRows, blockStarts[block + 1]! - blockStarts[block]!);
  }
  const rowFrom = trainRows[blockStarts[blockFrom]!]!;
  const rowTo = trainRows[blockStarts[blockTo]! - 1]! + 1;
  return createWasmHistograms(workspace, rowFrom, rowTo, segmentRows, {
    trainRows,
    positionFrom: blockStarts[blockFrom]!,
    positionTo: blockStarts[blockTo]!,
    weights: workspace.weights,
    labels: workspace.labels,
  });
}

/** Runs the phase in `control` on blocks `[blockFrom, blockTo)`. */
export function runTrainingPhase(
  workspace: TrainingWorkspace,
  blockFrom: number,
  blockTo: number,
  state: PhaseThreadState,
): void {
  const { control } = workspace;
  const phase = control[controlPhase]!;
  if (state.wasm === undefined) state.wasm = createBlocksHistograms(workspace, blockFrom, blockTo);
  for (let block = blockFrom; block < blockTo; block += 1) {
    if (phase === roundStartPhase) {
      runRowTasks(workspace, block, control[controlPendingRowTasks]!);
      // On every row, only this thread's kernels read its gradients; on a row sample, the first
      // thread sums the sampled rows' from `gradients`.
      const sampledAll = control[controlSampledAll] === 1;
      computeGradients(workspace, block, sampledAll, state.wasm, sampledAll);
      const rootKernel = control[controlRootKernel]!;
      if (rootKernel >= 0) {
        const start = workspace.blockStarts[block]!;
        buildBlockHistogram(workspace, state, 0, block, start, workspace.blockStarts[block + 1]!, rootKernel);
      }
    } else if (phase === rowsPhase) runRowTasks(workspace, block, control[controlTaskCount]!);
    else if (phase === histogramsPhase) {
      const base = control[controlTaskBase]!;
      const end = base + control[controlTaskCount]!;
      const blockCount = workspace.blockStarts.length - 1;
      for (let task = base; task < end; task += 1) {
        const node = workspace.histogramTasks[task * histogramTaskWidth]!;
        const at = 2 * (node * blockCount + block);
        buildBlockHistogram(
          workspace,
          state,
          task - base,
          block,
          workspace.ranges[at]!,
          workspace.ranges[at + 1]!,
          workspace.histogramTasks[task * histogramTaskWidth + 1]!,
        );
      }
    }
  }
}

/** Numbers of `partials` one phase may use (see {@link partialOffset}). */
export function partialOffset(
  workspace: TrainingWorkspace,
  taskInPhase: number,
  block: number,
  firstSharedBlock: number,
): number {
  const sharedBlocks = workspace.blockStarts.length - 1 - firstSharedBlock;
  return (taskInPhase * sharedBlocks + block - firstSharedBlock) * workspace.bufferSize;
}

function buildBlockHistogram(
  workspace: TrainingWorkspace,
  state: PhaseThreadState,
  taskInPhase: number,
  block: number,
  start: number,
  end: number,
  kernel: number,
): void {
  const featureCount = workspace.control[controlFeatureCount]!;
  const targets = state.targets;
  if (targets === null) {
    if (start >= end) return;
    const offset = partialOffset(workspace, taskInPhase, block, workspace.control[controlFirstSharedBlock]!);
    const partial = workspace.partials.subarray(offset, offset + workspace.bufferSize);
    accumulate(state, partial, workspace, start, end, kernel, featureCount);
    return;
  }
  const target = targets[taskInPhase]!;
  // Block 0 adds straight into the node's zeroed histogram: 0 + x is x, so this is its fold.
  if (block === 0) {
    accumulate(state, target, workspace, start, end, kernel, featureCount);
    return;
  }
  if (start >= end) return;
  accumulate(state, state.partial, workspace, start, end, kernel, featureCount);
  foldPartialHistogram(
    target,
    state.partial,
    workspace,
    start,
    end,
    kernel,
    featureCount,
    touchedLength(workspace, kernel),
  );
}

/** `accumulateHistogram` in WebAssembly when the thread has the kernels and the rows are worth it. */
function accumulate(
  state: PhaseThreadState,
  target: Float64Array,
  workspace: TrainingWorkspace,
  start: number,
  end: number,
  kernel: number,
  featureCount: number,
): void {
  if (state.wasm?.accumulate(target, start, end, kernel, featureCount) === true) return;
  accumulateHistogram(target, state.spare, workspace, start, end, kernel, featureCount);
}

/**
 * Gradients g = (p − y)·w and hessians h = p(1 − p)·w of a block's rows, and their sums, from the
 * odds o = e^raw the leaves keep up to date: 1 − p = 1 / (1 + o) and p = o·(1 − p), one division
 * and no exponential per row, and 1 − p is never taken as a difference of numbers near 1.
 *
 * @param keepInKernel - with `wasm`: the gradients stay in the thread's kernel (its histograms are
 *   the only reader), and `gradients` gets only those of rows left to the JavaScript kernels
 * @internal Exported for its tests.
 */
export function computeGradients(
  workspace: TrainingWorkspace,
  block: number,
  resetRows: boolean,
  wasm: WasmHistograms | null = null,
  keepInKernel = false,
): void {
  const { trainRows, odds, weights, labels, gradients, rows, blockSums } = workspace;
  const start = workspace.blockStarts[block]!;
  const end = workspace.blockStarts[block + 1]!;
  if (wasm !== null) {
    // The same pass in the thread's kernel, which keeps the gradients for its histograms.
    wasm.computeGradients(
      odds,
      gradients,
      start,
      end,
      minOdds,
      maxOdds,
      blockSums.subarray(2 * block, 2 * block + 2),
      keepInKernel,
    );
    if (resetRows) rows.set(trainRows.subarray(start, end), start);
    return;
  }
  let gradientSum = 0;
  let hessianSum = 0;
  for (let index = start; index < end; index += 1) {
    const row = trainRows[index]!;
    let rowOdds = odds[row]!;
    if (!(rowOdds >= minOdds && rowOdds <= maxOdds)) {
      rowOdds = rowOdds < minOdds ? minOdds : maxOdds;
      odds[row] = rowOdds;
    }
    const complement = 1 / (1 + rowOdds);
    const probability = rowOdds * complement;
    const weight = weights[row]!;
    // p − 1 is −(1 − p): exact where p is near 1.
    const gradient = (labels[row] === 1 ? -complement : probability) * weight;
    const hessian = Math.max(probability * complement, 1e-16) * weight;
    gradients[2 * row] = gradient;
    gradients[2 * row + 1] = hessian;
    gradientSum += gradient;
    hessianSum += hessian;
  }
  if (resetRows) rows.set(trainRows.subarray(start, end), start);
  blockSums[2 * block] = gradientSum;
  blockSums[2 * block + 1] = hessianSum;
}

/**
 * Odds are clamped to [e^−690, e^690] (raw scores ±690) before they overflow to ∞ (p = NaN) or
 * underflow to 0 (no way back): there p(1 − p) is far below the hessian's floor of 1e−16 and p is 0
 * or 1 to double precision, so the gradients are those of the true score; only a row whose score
 * later comes back from beyond ±690 would differ.
 */
const maxOdds = Math.exp(690);
const minOdds = Math.exp(-690);

function runRowTasks(workspace: TrainingWorkspace, block: number, taskCount: number): void {
  const { ranges, rowTasks, middles } = workspace;
  const blockCount = workspace.blockStarts.length - 1;
  for (let task = 0; task < taskCount; task += 1) {
    const kind = rowTasks[task * rowTaskWidth]!;
    if (kind === skipTask) continue;
    const at = 2 * (task * blockCount + block);
    const start = ranges[at]!;
    const end = ranges[at + 1]!;
    const feature = rowTasks[task * rowTaskWidth + 1]!;
    const bin = rowTasks[task * rowTaskWidth + 2]!;
    const missingLeft = rowTasks[task * rowTaskWidth + 3]!;
    if (kind === leafTask) {
      const { odds, rows } = workspace;
      const factor = workspace.rowTaskFactors[2 * task]!;
      for (let index = start; index < end; index += 1) odds[rows[index]!]! *= factor;
    } else if (kind === leafPairTask) {
      addToSplitLeaves(workspace, start, end, feature, bin, missingLeft, 2 * task);
    } else {
      middles[task * blockCount + block] = partitionRows(workspace, start, end, feature, bin, missingLeft);
    }
  }
}

/**
 * 1 when a row in `slot` goes left at the split (slot ≤ splitSlot, or missing with missing values
 * going left), branch-free.
 */
function goesLeft(slot: number, splitSlot: number, missingSlot: number, missingLeftBit: number): number {
  return (((splitSlot - slot) >>> 31) ^ 1) | ((((slot ^ missingSlot) - 1) >>> 31) & missingLeftBit);
}

/** Stable partition of rows[start, end): left rows first; returns the first right index. */
function partitionRows(
  workspace: TrainingWorkspace,
  start: number,
  end: number,
  feature: number,
  bin: number,
  missingLeftBit: number,
): number {
  const { rows, scratch, slotOffsets, binCounts, nRows } = workspace;
  const splitSlot = slotOffsets[feature]! + bin;
  const missingSlot = slotOffsets[feature]! + binCounts[feature]!;
  // The feature's column: rows stay in ascending order, so this walks it forwards.
  const column = workspace.columns.subarray(feature * nRows, (feature + 1) * nRows);
  let write = start;
  let spill = start;
  for (let index = start; index < end; index += 1) {
    const row = rows[index]!;
    // Write the row to both sides and advance only the side it belongs to.
    const left = goesLeft(column[row]!, splitSlot, missingSlot, missingLeftBit);
    rows[write] = row;
    scratch[spill] = row;
    write += left;
    spill += 1 - left;
  }
  rows.set(scratch.subarray(start, spill), write);
  return write;
}

/**
 * A split whose children are leaves: no partition, each row's odds take its side's factor
 * (`rowTaskFactors[valueAt]` left, the next one right) directly.
 */
function addToSplitLeaves(
  workspace: TrainingWorkspace,
  start: number,
  end: number,
  feature: number,
  bin: number,
  missingLeftBit: number,
  valueAt: number,
): void {
  const { rows, odds, slotOffsets, binCounts, nRows, rowTaskFactors } = workspace;
  const splitSlot = slotOffsets[feature]! + bin;
  const missingSlot = slotOffsets[feature]! + binCounts[feature]!;
  const column = workspace.columns.subarray(feature * nRows, (feature + 1) * nRows);
  const rightAt = valueAt + 1;
  for (let index = start; index < end; index += 1) {
    const row = rows[index]!;
    odds[row]! *= rowTaskFactors[rightAt - goesLeft(column[row]!, splitSlot, missingSlot, missingLeftBit)]!;
  }
}
