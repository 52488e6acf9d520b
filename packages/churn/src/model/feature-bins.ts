import { createSeededRandom } from './seeded-random';
import type { FeatureMatrix } from './training-data';

/** The bin code of a missing value (`NaN`). Value bins are `0 … maxBins − 1 ≤ 254`. */
export const missingBin = 255;

/**
 * Quantile bins of each feature: a value `v` falls in the first bin `b` with `v <= upperBounds[b]`,
 * or in the last bin when it is above every bound. A split "bin ≤ b goes left" is therefore the
 * split "value ≤ upperBounds[b] goes left", which is what the trained trees store.
 */
export interface FeatureBins {
  /** Per feature, the ascending upper bounds (at most `maxBins − 1` of them). */
  readonly upperBounds: readonly Float64Array[];
  /** Per feature, the number of value bins (`upperBounds.length + 1`). */
  readonly binCounts: Uint16Array;
  /**
   * Per feature, its first histogram slot: feature `f` owns slots `slotOffsets[f] …
   * slotOffsets[f] + binCounts[f]`, the last of which holds missing values.
   */
  readonly slotOffsets: Int32Array;
  /** Histogram slots of all features together. */
  readonly slotCount: number;
}

/**
 * Finds quantile bin bounds per feature. With at most `maxBins` distinct values, each value gets its
 * own bin (bounds at the midpoints); otherwise the bounds are the `k / maxBins` quantiles. Above
 * `sampleSize` rows, the quantiles come from a seeded sample of rows, as LightGBM and XGBoost do.
 *
 * @param matrix - the training rows
 * @param maxBins - value bins per feature, 2 … 255
 * @param sampleSize - rows used to find the bounds
 * @param seed - seed of the row sample
 * @example
 * ```ts fragment
 * const bins = findFeatureBins(toFeatureMatrix([[1], [2], [3]]), 255, 200_000, 0);
 * bins.upperBounds[0]; // Float64Array [1.5, 2.5]
 * ```
 */
export function findFeatureBins(
  matrix: FeatureMatrix,
  maxBins: number,
  sampleSize: number,
  seed: number,
): FeatureBins {
  const rows = Uint32Array.from({ length: matrix.nRows }, (_, row) => row);
  const sampleRows = sampleBinRows(rows, sampleSize, seed);
  const column = new Float64Array(sampleRows.length);
  const upperBounds = Array.from({ length: matrix.nFeatures }, (_, feature) =>
    findFeatureBounds(matrix, sampleRows, feature, maxBins, column),
  );
  return toFeatureBins(upperBounds);
}

/**
 * The rows whose values set the bin bounds: `rows` itself up to `sampleSize` rows, else an ordered
 * seeded sample of exactly `sampleSize` of them (Knuth's selection sampling, algorithm S).
 */
export function sampleBinRows(rows: Uint32Array, sampleSize: number, seed: number): Uint32Array {
  if (rows.length <= sampleSize) return rows;
  const random = createSeededRandom(seed ^ 0x5bd1e995);
  const sampleRows = new Uint32Array(sampleSize);
  let chosen = 0;
  for (let index = 0; index < rows.length && chosen < sampleSize; index += 1) {
    if ((rows.length - index) * random() < sampleSize - chosen) sampleRows[chosen++] = rows[index]!;
  }
  return sampleRows;
}

/**
 * The ascending upper bounds of one feature's bins (see {@link findFeatureBins}) from the values of
 * `sampleRows`. Features are independent, so threads may take them in any order.
 *
 * @param column - scratch of at least `sampleRows.length` numbers
 */
export function findFeatureBounds(
  matrix: FeatureMatrix,
  sampleRows: Uint32Array,
  feature: number,
  maxBins: number,
  column: Float64Array,
): Float64Array {
  const { values, nFeatures } = matrix;
  let present = 0;
  for (let index = 0; index < sampleRows.length; index += 1) {
    const value = values[sampleRows[index]! * nFeatures + feature]!;
    if (!Number.isNaN(value)) column[present++] = value;
  }
  // Few distinct values (flags, counts) need no sort of the whole column.
  const few = distinctValuesUpTo(column, present, maxBins);
  const sorted = few ?? column.subarray(0, present).sort();
  const distinct: number[] = [];
  for (let index = 0; index < sorted.length && distinct.length <= maxBins; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) distinct.push(sorted[index]!);
  }
  const bounds: number[] = [];
  if (distinct.length <= maxBins) {
    for (let index = 0; index + 1 < distinct.length; index += 1) {
      const midpoint = distinct[index]! + (distinct[index + 1]! - distinct[index]!) / 2;
      bounds.push(midpoint);
    }
  } else {
    const maximum = sorted[present - 1]!;
    for (let k = 1; k < maxBins; k += 1) {
      const bound = sorted[Math.floor((k * present) / maxBins) - 1]!;
      if (bound < maximum && (bounds.length === 0 || bound > bounds[bounds.length - 1]!)) bounds.push(bound);
    }
  }
  return Float64Array.from(bounds);
}

/** The bins of every feature from its upper bounds: bin counts and histogram slots. */
export function toFeatureBins(upperBounds: readonly Float64Array[]): FeatureBins {
  const nFeatures = upperBounds.length;
  const binCounts = Uint16Array.from(upperBounds, (bounds) => bounds.length + 1);
  const slotOffsets = new Int32Array(nFeatures);
  let slotCount = 0;
  for (let feature = 0; feature < nFeatures; feature += 1) {
    slotOffsets[feature] = slotCount;
    slotCount += binCounts[feature]! + 1;
  }
  return { upperBounds, binCounts, slotOffsets, slotCount };
}

const hashCapacity = 1024;
const hashKeys = new Float64Array(hashCapacity);
const hashUsed = new Uint8Array(hashCapacity);
const bitsView = new Float64Array(1);
const bitsWords = new Uint32Array(bitsView.buffer);

/**
 * The distinct values of `values[0, count)` sorted ascending (−0 counted as 0), or `null` when there
 * are more than `limit` (≤ 255) of them. One pass with a small open-addressing hash set.
 */
function distinctValuesUpTo(values: Float64Array, count: number, limit: number): Float64Array | null {
  hashUsed.fill(0);
  const found: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const value = values[index]! + 0;
    bitsView[0] = value;
    let slot = Math.imul(bitsWords[0]! ^ bitsWords[1]!, 0x9e3779b1) >>> 22;
    while (hashUsed[slot] === 1 && hashKeys[slot] !== value) slot = (slot + 1) & (hashCapacity - 1);
    if (hashUsed[slot] === 1) continue;
    if (found.length === limit) return null;
    hashUsed[slot] = 1;
    hashKeys[slot] = value;
    found.push(value);
  }
  return Float64Array.from(found).sort();
}

/** The bin of one value: binary search over the bounds; `missingBin` for `NaN`. */
export function binOf(value: number, bounds: Float64Array): number {
  if (Number.isNaN(value)) return missingBin;
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (value <= bounds[middle]!) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Bins the values of rows `[from, to)` into their histogram slots: the value of feature `f` in bin
 * `b` becomes `slotOffsets[f] + b` and a missing value `slotOffsets[f] + binCounts[f]`. Slots index
 * one shared histogram directly. Writes them row-major into `slots` (`nRows × nFeatures`, for
 * histograms) and column-major into `columns` (`nFeatures × nRows`, for partitions), and sets
 * `hasMissing[f]` to 1 when one of the rows misses feature `f`. Rows are independent, so threads
 * may bin their own ranges.
 */
export function binRowRange(
  matrix: FeatureMatrix,
  bins: FeatureBins,
  from: number,
  to: number,
  slots: Uint16Array,
  columns: Uint16Array,
  hasMissing: Uint8Array,
): void {
  const { values, nRows, nFeatures } = matrix;
  for (let feature = 0; feature < nFeatures; feature += 1) {
    const bounds = bins.upperBounds[feature]!;
    const offset = bins.slotOffsets[feature]!;
    const missingSlot = offset + bins.binCounts[feature]!;
    const column = feature * nRows;
    let missing = 0;
    for (let row = from, at = from * nFeatures + feature; row < to; row += 1, at += nFeatures) {
      const value = values[at]!;
      let slot = missingSlot;
      if (Number.isNaN(value)) missing = 1;
      else slot = offset + binOf(value, bounds);
      slots[at] = slot;
      columns[column + row] = slot;
    }
    if (missing === 1) hasMissing[feature] = 1;
  }
}
