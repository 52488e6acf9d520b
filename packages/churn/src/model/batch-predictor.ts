import {
  addBinnedScores,
  type BinnedPredictor,
  binnedBlockRows,
  createBinScratch,
  toBinnedPredictor,
} from './binned-predictor';
import { addHeapScores, type HeapLayout, type TreeEnsemble, toHeapLayout } from './tree-ensemble';
import {
  type CompiledHeapWalk,
  compileHeapWalk,
  instantiateHeapWalk,
  type WasmHeapWalk,
} from './wasm/wasm-heap-walk';

/**
 * Everything batch prediction needs, built once per model: the trees as complete heaps (raw
 * thresholds), the WebAssembly kernel compiled for them when the runtime allows it, and, when the
 * model fits its packing, the binned form for blocks with missing values.
 */
export interface BatchPredictor {
  readonly nFeatures: number;
  readonly baseScore: number;
  readonly layout: HeapLayout;
  /** `null` when the model has too many features or cuts for the packed integer nodes. */
  readonly binned: BinnedPredictor | null;
  /** `null` without WebAssembly (missing, refused by a Content Security Policy) or for huge models. */
  readonly webAssembly: CompiledHeapWalk | null;
}

/** Options of {@link toBatchPredictor}. */
export interface BatchPredictorOptions {
  /** Compile the WebAssembly kernel; `false` keeps the JavaScript kernels. @defaultValue true */
  readonly webAssembly?: boolean;
}

/** Rows per block: the block's rows (13 features × 8 bytes × 256 ≈ 27 KB) and one tree stay in L1. */
const blockRows = binnedBlockRows;

/** Builds the {@link BatchPredictor} of an ensemble. */
export function toBatchPredictor(
  ensemble: TreeEnsemble,
  options: BatchPredictorOptions = {},
): BatchPredictor {
  const nFeatures = ensemble.featureNames.length;
  const layout = toHeapLayout(ensemble);
  const webAssembly =
    options.webAssembly === false ? null : compileHeapWalk(layout, nFeatures, ensemble.baseScore, blockRows);
  return {
    nFeatures,
    baseScore: ensemble.baseScore,
    layout,
    binned: toBinnedPredictor(layout, nFeatures),
    webAssembly,
  };
}

/**
 * Scratch space of one caller of {@link scoreRowRange}, so one per thread: the bins of a block and
 * this thread's own instance of the WebAssembly kernel (its memory holds the block being scored).
 */
export interface BatchScratch {
  readonly bins: Int32Array | null;
  readonly webAssembly: WasmHeapWalk | null;
}

/** Allocates the scratch space {@link scoreRowRange} needs for a predictor. */
export function createBatchScratch(predictor: BatchPredictor): BatchScratch {
  return {
    bins: predictor.binned === null ? null : createBinScratch(predictor.binned),
    webAssembly: predictor.webAssembly === null ? null : instantiateHeapWalk(predictor.webAssembly),
  };
}

/**
 * Writes the raw score (base score plus every tree's leaf) of rows `rowStart … rowEnd − 1` into
 * `scores[row]` (absolute indices into the row-major `values` and `scores`; other entries are left
 * alone, so workers can fill disjoint ranges of one shared array).
 *
 * A block of rows without missing values takes the fast path: the raw value is compared with the
 * raw threshold, one comparison per level, eight rows at a time so their chains of loads overlap —
 * in WebAssembly when the scratch has a kernel instance (≈ 2.6× the rows per CPU second of the
 * JavaScript kernel on 100 depth-5 trees), else in JavaScript. A block with a `NaN` takes the binned
 * walk (or the general walk) that applies each split's learned missing direction. The paths make
 * the same decision at every split ("value ≤ threshold" goes left) and add the same leaves in the
 * same order, so the result does not depend on the path, bit for bit.
 */
export function scoreRowRange(
  predictor: BatchPredictor,
  values: Float64Array,
  rowStart: number,
  rowEnd: number,
  scores: Float64Array,
  scratch: BatchScratch,
): void {
  const { nFeatures, baseScore, layout, binned } = predictor;
  const kernel = scratch.webAssembly;
  for (let blockStart = rowStart; blockStart < rowEnd; blockStart += blockRows) {
    const blockEnd = Math.min(rowEnd, blockStart + blockRows);
    // The kernel declines a block with a NaN; it goes to the binned walk below.
    if (kernel?.score(values, blockStart, blockEnd, scores)) continue;
    scores.fill(baseScore, blockStart, blockEnd);
    if (kernel === null && !hasMissing(values, blockStart * nFeatures, blockEnd * nFeatures)) {
      if (layout.depth === 5) addDepthFiveScores(layout, values, nFeatures, blockStart, blockEnd, scores);
      else addRawThresholdScores(layout, values, nFeatures, blockStart, blockEnd, scores);
    } else if (binned !== null && scratch.bins !== null) {
      addBinnedScores(binned, values, blockStart, blockEnd, scores, scratch.bins);
    } else {
      addHeapScores(layout, values, nFeatures, blockStart, blockEnd, scores);
    }
  }
}

function hasMissing(values: Float64Array, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const value = values[index]!;
    // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test in a hot loop
    if (value !== value) return true;
  }
  return false;
}

/**
 * The fast path of {@link scoreRowRange} for rows without `NaN`: at each slot, right when
 * `value > threshold` (padding slots have threshold +∞, so every value, +∞ included, goes left).
 * `+(a > b)` turns the comparison into 0 or 1 without a branch.
 */
function addRawThresholdScores(
  layout: HeapLayout,
  values: Float64Array,
  nFeatures: number,
  blockStart: number,
  blockEnd: number,
  scores: Float64Array,
): void {
  const { depth, nTrees, feature, threshold, leaf } = layout;
  const internal = (1 << depth) - 1;
  const leafCount = 1 << depth;
  for (let tree = 0; tree < nTrees; tree += 1) {
    const nodeBase = tree * internal;
    const leafBase = tree * leafCount - internal;
    let row = blockStart;
    for (; row + 8 <= blockEnd; row += 8) {
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
        const at0 = nodeBase + slot0;
        const at1 = nodeBase + slot1;
        const at2 = nodeBase + slot2;
        const at3 = nodeBase + slot3;
        const at4 = nodeBase + slot4;
        const at5 = nodeBase + slot5;
        const at6 = nodeBase + slot6;
        const at7 = nodeBase + slot7;
        slot0 = 2 * slot0 + 1 + +(values[base0 + feature[at0]!]! > threshold[at0]!);
        slot1 = 2 * slot1 + 1 + +(values[base1 + feature[at1]!]! > threshold[at1]!);
        slot2 = 2 * slot2 + 1 + +(values[base2 + feature[at2]!]! > threshold[at2]!);
        slot3 = 2 * slot3 + 1 + +(values[base3 + feature[at3]!]! > threshold[at3]!);
        slot4 = 2 * slot4 + 1 + +(values[base4 + feature[at4]!]! > threshold[at4]!);
        slot5 = 2 * slot5 + 1 + +(values[base5 + feature[at5]!]! > threshold[at5]!);
        slot6 = 2 * slot6 + 1 + +(values[base6 + feature[at6]!]! > threshold[at6]!);
        slot7 = 2 * slot7 + 1 + +(values[base7 + feature[at7]!]! > threshold[at7]!);
      }
      scores[row]! += leaf[leafBase + slot0]!;
      scores[row + 1]! += leaf[leafBase + slot1]!;
      scores[row + 2]! += leaf[leafBase + slot2]!;
      scores[row + 3]! += leaf[leafBase + slot3]!;
      scores[row + 4]! += leaf[leafBase + slot4]!;
      scores[row + 5]! += leaf[leafBase + slot5]!;
      scores[row + 6]! += leaf[leafBase + slot6]!;
      scores[row + 7]! += leaf[leafBase + slot7]!;
    }
    for (; row < blockEnd; row += 1) {
      const base = row * nFeatures;
      let slot = 0;
      for (let level = 0; level < depth; level += 1) {
        const at = nodeBase + slot;
        slot = 2 * slot + 1 + +(values[base + feature[at]!]! > threshold[at]!);
      }
      scores[row]! += leaf[leafBase + slot]!;
    }
  }
}

/**
 * {@link addRawThresholdScores} for depth-5 heaps (the default `maxDepth`), the five levels written
 * out: without the level loop the eight rows' steps interleave better (≈ 1.4× the rows per CPU
 * second on 100 depth-5 trees). Same comparisons, same scores.
 */
function addDepthFiveScores(
  layout: HeapLayout,
  values: Float64Array,
  nFeatures: number,
  blockStart: number,
  blockEnd: number,
  scores: Float64Array,
): void {
  const { nTrees, feature, threshold, leaf } = layout;
  for (let tree = 0; tree < nTrees; tree += 1) {
    const nodeBase = tree * 31;
    const leafBase = tree * 32 - 31;
    let row = blockStart;
    for (; row + 8 <= blockEnd; row += 8) {
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
      // Level 0.
      slot0 = 2 * slot0 + 1 + +(values[base0 + feature[nodeBase + slot0]!]! > threshold[nodeBase + slot0]!);
      slot1 = 2 * slot1 + 1 + +(values[base1 + feature[nodeBase + slot1]!]! > threshold[nodeBase + slot1]!);
      slot2 = 2 * slot2 + 1 + +(values[base2 + feature[nodeBase + slot2]!]! > threshold[nodeBase + slot2]!);
      slot3 = 2 * slot3 + 1 + +(values[base3 + feature[nodeBase + slot3]!]! > threshold[nodeBase + slot3]!);
      slot4 = 2 * slot4 + 1 + +(values[base4 + feature[nodeBase + slot4]!]! > threshold[nodeBase + slot4]!);
      slot5 = 2 * slot5 + 1 + +(values[base5 + feature[nodeBase + slot5]!]! > threshold[nodeBase + slot5]!);
      slot6 = 2 * slot6 + 1 + +(values[base6 + feature[nodeBase + slot6]!]! > threshold[nodeBase + slot6]!);
      slot7 = 2 * slot7 + 1 + +(values[base7 + feature[nodeBase + slot7]!]! > threshold[nodeBase + slot7]!);
      // Level 1.
      slot0 = 2 * slot0 + 1 + +(values[base0 + feature[nodeBase + slot0]!]! > threshold[nodeBase + slot0]!);
      slot1 = 2 * slot1 + 1 + +(values[base1 + feature[nodeBase + slot1]!]! > threshold[nodeBase + slot1]!);
      slot2 = 2 * slot2 + 1 + +(values[base2 + feature[nodeBase + slot2]!]! > threshold[nodeBase + slot2]!);
      slot3 = 2 * slot3 + 1 + +(values[base3 + feature[nodeBase + slot3]!]! > threshold[nodeBase + slot3]!);
      slot4 = 2 * slot4 + 1 + +(values[base4 + feature[nodeBase + slot4]!]! > threshold[nodeBase + slot4]!);
      slot5 = 2 * slot5 + 1 + +(values[base5 + feature[nodeBase + slot5]!]! > threshold[nodeBase + slot5]!);
      slot6 = 2 * slot6 + 1 + +(values[base6 + feature[nodeBase + slot6]!]! > threshold[nodeBase + slot6]!);
      slot7 = 2 * slot7 + 1 + +(values[base7 + feature[nodeBase + slot7]!]! > threshold[nodeBase + slot7]!);
      // Level 2.
      slot0 = 2 * slot0 + 1 + +(values[base0 + feature[nodeBase + slot0]!]! > threshold[nodeBase + slot0]!);
      slot1 = 2 * slot1 + 1 + +(values[base1 + feature[nodeBase + slot1]!]! > threshold[nodeBase + slot1]!);
      slot2 = 2 * slot2 + 1 + +(values[base2 + feature[nodeBase + slot2]!]! > threshold[nodeBase + slot2]!);
      slot3 = 2 * slot3 + 1 + +(values[base3 + feature[nodeBase + slot3]!]! > threshold[nodeBase + slot3]!);
      slot4 = 2 * slot4 + 1 + +(values[base4 + feature[nodeBase + slot4]!]! > threshold[nodeBase + slot4]!);
      slot5 = 2 * slot5 + 1 + +(values[base5 + feature[nodeBase + slot5]!]! > threshold[nodeBase + slot5]!);
      slot6 = 2 * slot6 + 1 + +(values[base6 + feature[nodeBase + slot6]!]! > threshold[nodeBase + slot6]!);
      slot7 = 2 * slot7 + 1 + +(values[base7 + feature[nodeBase + slot7]!]! > threshold[nodeBase + slot7]!);
      // Level 3.
      slot0 = 2 * slot0 + 1 + +(values[base0 + feature[nodeBase + slot0]!]! > threshold[nodeBase + slot0]!);
      slot1 = 2 * slot1 + 1 + +(values[base1 + feature[nodeBase + slot1]!]! > threshold[nodeBase + slot1]!);
      slot2 = 2 * slot2 + 1 + +(values[base2 + feature[nodeBase + slot2]!]! > threshold[nodeBase + slot2]!);
      slot3 = 2 * slot3 + 1 + +(values[base3 + feature[nodeBase + slot3]!]! > threshold[nodeBase + slot3]!);
      slot4 = 2 * slot4 + 1 + +(values[base4 + feature[nodeBase + slot4]!]! > threshold[nodeBase + slot4]!);
      slot5 = 2 * slot5 + 1 + +(values[base5 + feature[nodeBase + slot5]!]! > threshold[nodeBase + slot5]!);
      slot6 = 2 * slot6 + 1 + +(values[base6 + feature[nodeBase + slot6]!]! > threshold[nodeBase + slot6]!);
      slot7 = 2 * slot7 + 1 + +(values[base7 + feature[nodeBase + slot7]!]! > threshold[nodeBase + slot7]!);
      // Level 4.
      slot0 = 2 * slot0 + 1 + +(values[base0 + feature[nodeBase + slot0]!]! > threshold[nodeBase + slot0]!);
      slot1 = 2 * slot1 + 1 + +(values[base1 + feature[nodeBase + slot1]!]! > threshold[nodeBase + slot1]!);
      slot2 = 2 * slot2 + 1 + +(values[base2 + feature[nodeBase + slot2]!]! > threshold[nodeBase + slot2]!);
      slot3 = 2 * slot3 + 1 + +(values[base3 + feature[nodeBase + slot3]!]! > threshold[nodeBase + slot3]!);
      slot4 = 2 * slot4 + 1 + +(values[base4 + feature[nodeBase + slot4]!]! > threshold[nodeBase + slot4]!);
      slot5 = 2 * slot5 + 1 + +(values[base5 + feature[nodeBase + slot5]!]! > threshold[nodeBase + slot5]!);
      slot6 = 2 * slot6 + 1 + +(values[base6 + feature[nodeBase + slot6]!]! > threshold[nodeBase + slot6]!);
      slot7 = 2 * slot7 + 1 + +(values[base7 + feature[nodeBase + slot7]!]! > threshold[nodeBase + slot7]!);
      scores[row]! += leaf[leafBase + slot0]!;
      scores[row + 1]! += leaf[leafBase + slot1]!;
      scores[row + 2]! += leaf[leafBase + slot2]!;
      scores[row + 3]! += leaf[leafBase + slot3]!;
      scores[row + 4]! += leaf[leafBase + slot4]!;
      scores[row + 5]! += leaf[leafBase + slot5]!;
      scores[row + 6]! += leaf[leafBase + slot6]!;
      scores[row + 7]! += leaf[leafBase + slot7]!;
    }
    for (; row < blockEnd; row += 1) {
      const base = row * nFeatures;
      let slot = 0;
      for (let level = 0; level < 5; level += 1) {
        slot = 2 * slot + 1 + +(values[base + feature[nodeBase + slot]!]! > threshold[nodeBase + slot]!);
      }
      scores[row]! += leaf[leafBase + slot]!;
    }
  }
}

/** Turns raw scores into probabilities in place, σ(s) = 1 / (1 + e^−s), for `start … end − 1`. */
export function toProbabilities(scores: Float64Array, start: number, end: number): void {
  for (let index = start; index < end; index += 1) scores[index] = 1 / (1 + Math.exp(-scores[index]!));
}
