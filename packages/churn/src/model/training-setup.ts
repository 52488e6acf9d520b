import {
  binRowRange,
  type FeatureBins,
  findFeatureBounds,
  gatherSampleColumns,
  sampleBinRows,
  toFeatureBins,
} from './feature-bins';
import { codeBundleRows, type FeatureBundles, planFeatureBundles } from './feature-bundles';
import type { GradientBoostingOptions } from './gradient-boosting-options';
import type { FeatureMatrix } from './training-data';

/*
 * The setup before boosting, in three steps any number of threads can share: the bin bounds (each
 * thread takes the next feature from a shared counter until none is left), the binning (each thread
 * bins its own range of rows) and the bundle codes (each thread codes its own range of rows). Every
 * feature and every row is computed by the same code whichever thread takes it, so the result is the
 * same with any number of threads. One thread runs each step over everything.
 */

/** Codes per feature bundle: 256 keeps a bundle's expansion cheap against the rows it saves. */
export const maxBundleCodes = 256;

type SharedArrayType = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A zeroed typed array, on a `SharedArrayBuffer` when `shared`. */
export function allocate<Values extends SharedArrayType>(
  type: { new (buffer: ArrayBuffer | SharedArrayBuffer): Values; readonly BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): Values {
  const bytes = length * type.BYTES_PER_ELEMENT;
  return new type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** A typed array on shared memory (copied there unless it already is), or itself when not `shared`. */
export function place<Values extends SharedArrayType>(values: Values, shared: boolean): Values {
  if (!shared || values.buffer instanceof SharedArrayBuffer) return values;
  const copy = allocate(values.constructor as never, values.length, true) as Values;
  copy.set(values as never);
  return copy;
}

/**
 * Step 1: the bin bounds of every feature, in two halves: the sample rows' values are gathered
 * column by column (each thread its range of sample rows, {@link runSampleStep}), then each feature's
 * bounds found from its column ({@link runBoundsStep}).
 */
export interface BoundsStep {
  readonly matrix: FeatureMatrix;
  /** The rows whose values set the bounds (see `sampleBinRows`). */
  readonly sampleRows: Uint32Array;
  /** Their values, column-major (see `gatherSampleColumns`): the first half of the step fills it. */
  readonly sampled: Float64Array;
  readonly maxBins: number;
  /** Feature `f`'s bounds start at `f × (maxBins − 1)`. */
  readonly bounds: Float64Array;
  /** How many bounds each feature has. */
  readonly boundCounts: Int32Array;
  /** The next feature to take (one number, shared by the threads). */
  readonly nextFeature: Int32Array;
}

/** The bounds step of the training rows `trainRows` of `matrix` (whose values must be shared to share the step). */
export function createBoundsStep(
  matrix: FeatureMatrix,
  trainRows: Uint32Array,
  options: GradientBoostingOptions,
  shared: boolean,
): BoundsStep {
  const { nFeatures } = matrix;
  const sampleRows = place(sampleBinRows(trainRows, options.binSampleSize, options.seed), shared);
  return {
    matrix,
    sampleRows,
    sampled: allocate(Float64Array, sampleRows.length * nFeatures, shared),
    maxBins: options.maxBins,
    bounds: allocate(Float64Array, nFeatures * (options.maxBins - 1), shared),
    boundCounts: allocate(Int32Array, nFeatures, shared),
    nextFeature: allocate(Int32Array, 1, shared),
  };
}

/** Gathers the values of the sample rows at positions `[from, to)` of `step.sampleRows`. */
export function runSampleStep(step: BoundsStep, from: number, to: number): void {
  gatherSampleColumns(step.matrix, step.sampleRows, from, to, step.sampled);
}

/**
 * Once every sample row was gathered: takes features from the step's counter and finds their bounds
 * until no feature is left.
 */
export function runBoundsStep(step: BoundsStep): void {
  const { matrix, sampleRows, sampled, maxBins, bounds, boundCounts, nextFeature } = step;
  const count = sampleRows.length;
  const column = new Float64Array(count);
  for (
    let feature = Atomics.add(nextFeature, 0, 1);
    feature < matrix.nFeatures;
    feature = Atomics.add(nextFeature, 0, 1)
  ) {
    const found = findFeatureBounds(
      sampled.subarray(feature * count, (feature + 1) * count),
      maxBins,
      column,
    );
    bounds.set(found, feature * (maxBins - 1));
    boundCounts[feature] = found.length;
  }
}

/** The feature bins once every thread has run the bounds step. */
export function collectFeatureBins(step: BoundsStep): FeatureBins {
  const width = step.maxBins - 1;
  return toFeatureBins(
    Array.from(step.boundCounts, (count, feature) =>
      step.bounds.slice(feature * width, feature * width + count),
    ),
  );
}

/** Step 2: histogram slots of every row, row-major and column-major, and which features miss values. */
export interface BinStep {
  readonly matrix: FeatureMatrix;
  readonly bins: FeatureBins;
  /** Row-major slots, `nRows × nFeatures`. */
  readonly slots: Uint16Array;
  /** Column-major slots, `nFeatures × nRows`. */
  readonly columns: Uint16Array;
  /** Per feature, 1 when some row misses it. */
  readonly hasMissing: Uint8Array;
}

export function createBinStep(matrix: FeatureMatrix, bins: FeatureBins, shared: boolean): BinStep {
  const { nRows, nFeatures } = matrix;
  return {
    matrix,
    bins,
    slots: allocate(Uint16Array, nRows * nFeatures, shared),
    columns: allocate(Uint16Array, nRows * nFeatures, shared),
    hasMissing: allocate(Uint8Array, nFeatures, shared),
  };
}

/** Bins rows `[from, to)`. */
export function runBinStep(step: BinStep, from: number, to: number): void {
  binRowRange(step.matrix, step.bins, from, to, step.slots, step.columns, step.hasMissing);
}

/** Step 3: the bundle codes of every row. */
export interface BundleStep {
  readonly bundles: FeatureBundles;
  readonly slots: Uint16Array;
  readonly nFeatures: number;
  /** Row-major codes, `nRows × bundles.count`. */
  readonly codes: Uint16Array;
}

/**
 * The bundle step after binning, or `null` when bundles do not apply: they serve the histograms of
 * every feature without row counts, and their codes must fit in 16 bits past the feature slots.
 */
export function createBundleStep(
  binning: BinStep,
  options: GradientBoostingOptions,
  shared: boolean,
): BundleStep | null {
  const { bins, matrix } = binning;
  if (
    options.minSamplesLeaf > 1 ||
    options.columnSampleRate !== 1 ||
    bins.slotCount + matrix.nFeatures * maxBundleCodes > 0xffff
  ) {
    return null;
  }
  const bundles = planFeatureBundles(
    binning.hasMissing,
    bins.binCounts,
    bins.slotOffsets,
    bins.slotCount,
    maxBundleCodes,
  );
  return {
    bundles,
    slots: binning.slots,
    nFeatures: matrix.nFeatures,
    codes: allocate(Uint16Array, matrix.nRows * bundles.count, shared),
  };
}

/** Codes rows `[from, to)`. */
export function runBundleStep(step: BundleStep, from: number, to: number): void {
  codeBundleRows(step.bundles, step.slots, step.nFeatures, from, to, step.codes);
}

/** Rows `[from, to)` of `nRows` that thread `thread` of `threads` bins and codes. */
export function rowsOfThread(thread: number, threads: number, nRows: number): [number, number] {
  return [Math.floor((thread * nRows) / threads), Math.floor(((thread + 1) * nRows) / threads)];
}
