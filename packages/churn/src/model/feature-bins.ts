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
  const sampled = new Float64Array(sampleRows.length * matrix.nFeatures);
  gatherSampleColumns(matrix, sampleRows, 0, sampleRows.length, sampled);
  const column = new Float64Array(sampleRows.length);
  const upperBounds = Array.from({ length: matrix.nFeatures }, (_, feature) =>
    findFeatureBounds(
      sampled.subarray(feature * sampleRows.length, (feature + 1) * sampleRows.length),
      maxBins,
      column,
    ),
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
 * Copies the values of the sample rows at positions `[from, to)` of `sampleRows` into `sampled`,
 * column-major (feature `f`'s values start at `f × sampleRows.length`, in the order of `sampleRows`):
 * one pass over the row-major matrix in memory order, where finding each feature's bounds straight
 * from the matrix would read all of it once per feature. Ranges are independent, so threads may share
 * the rows.
 */
export function gatherSampleColumns(
  matrix: FeatureMatrix,
  sampleRows: Uint32Array,
  from: number,
  to: number,
  sampled: Float64Array,
): void {
  const { values, nFeatures } = matrix;
  const sampleCount = sampleRows.length;
  for (let position = from; position < to; position += 1) {
    const base = sampleRows[position]! * nFeatures;
    for (let feature = 0, at = position; feature < nFeatures; feature += 1, at += sampleCount) {
      sampled[at] = values[base + feature]!;
    }
  }
}

/**
 * The ascending upper bounds of one feature's bins (see {@link findFeatureBins}) from its values in
 * the sample rows (see {@link gatherSampleColumns}; `NaN` is missing and ignored). Features are
 * independent, so threads may take them in any order.
 *
 * @param scratch - at least `sampled.length` numbers
 */
export function findFeatureBounds(
  sampled: Float64Array,
  maxBins: number,
  scratch: Float64Array,
): Float64Array {
  const column = scratch;
  let present = 0;
  for (let index = 0; index < sampled.length; index += 1) {
    const value = sampled[index]!;
    if (!Number.isNaN(value)) column[present++] = value;
  }
  // Few distinct values (flags, counts) need no sort of the whole column.
  const few = distinctValuesUpTo(column, present, maxBins);
  const sorted = few ?? sortNumbers(column.subarray(0, present));
  const distinct: number[] = [];
  for (let index = 0; index < sorted.length && distinct.length <= maxBins; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) distinct.push(sorted[index]!);
  }
  const bounds: number[] = [];
  if (distinct.length <= maxBins) {
    for (let index = 0; index + 1 < distinct.length; index += 1) {
      const low = distinct[index]!;
      const high = distinct[index + 1]!;
      const midpoint = low + (high - low) / 2;
      // Far apart beyond ±9e307, high − low overflows: halve each instead.
      bounds.push(Number.isFinite(midpoint) ? midpoint : low / 2 + high / 2);
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

/** Radix digits of 16 bits: four passes over a 64-bit key. */
const radixBuckets = 65_536;
/**
 * Below this many numbers the built-in sort is faster: the radix sort's fixed cost (its 1 MiB of
 * digit counts and their prefix sums, ~0.5 ms) outweighs n log n comparisons.
 */
const radixMinimum = 16_384;
/** The radix sort reads a number's two 32-bit halves in little-endian order. */
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Sorts `values` ascending in place, in the order of `Float64Array.prototype.sort` (−0 before 0;
 * no NaN here): that sort below 16,384 numbers, {@link radixSortNumbers} from there on (more than
 * twice as fast on 200k numbers).
 */
export function sortNumbers(values: Float64Array): Float64Array {
  return values.length < radixMinimum || !littleEndian ? values.sort() : radixSortNumbers(values);
}

/**
 * {@link sortNumbers} for any length on a little-endian machine: an LSD radix sort of each number's
 * bits as a key that orders like the number (negative numbers' bits flipped, the others' sign bit
 * set), skipping the digits every key shares.
 *
 * @internal Exported for its tests.
 */
export function radixSortNumbers(values: Float64Array): Float64Array {
  const count = values.length;
  if (count < 2) return values;
  // Little-endian words: the low half of number i at 2i, the high half (sign, exponent) at 2i + 1.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * count);
  const counts = new Int32Array(4 * radixBuckets);
  for (let index = 0; index < count; index += 1) {
    let low = words[2 * index]!;
    let high = words[2 * index + 1]!;
    if (high >>> 31 === 1) {
      low = ~low >>> 0;
      high = ~high >>> 0;
      words[2 * index] = low;
    } else high = (high | 0x80000000) >>> 0;
    words[2 * index + 1] = high;
    counts[low & 0xffff]! += 1;
    counts[radixBuckets + (low >>> 16)]! += 1;
    counts[2 * radixBuckets + (high & 0xffff)]! += 1;
    counts[3 * radixBuckets + (high >>> 16)]! += 1;
  }
  let source: Uint32Array = words;
  let target: Uint32Array = new Uint32Array(2 * count);
  for (let pass = 0; pass < 4; pass += 1) {
    const base = pass * radixBuckets;
    let start = 0;
    let shared = false;
    for (let digit = 0; digit < radixBuckets; digit += 1) {
      const inBucket = counts[base + digit]!;
      if (inBucket === count) {
        shared = true;
        break;
      }
      counts[base + digit] = start;
      start += inBucket;
    }
    if (shared) continue;
    scatterByDigit(source, target, counts, base, pass >> 1, (pass & 1) * 16);
    const sorted = source;
    source = target;
    target = sorted;
  }
  if (source !== words) words.set(source);
  for (let index = 0; index < count; index += 1) {
    const high = words[2 * index + 1]!;
    if (high >>> 31 === 1) words[2 * index + 1] = high & 0x7fffffff;
    else {
      words[2 * index] = ~words[2 * index]!;
      words[2 * index + 1] = ~high;
    }
  }
  return values;
}

/**
 * One radix pass: moves each number (two words) of `source` to `target` at the next position of its
 * digit (`word` 0 low, 1 high; 16 bits from `shift`). Its own function, so that the first pass
 * optimises it for the others.
 */
function scatterByDigit(
  source: Uint32Array,
  target: Uint32Array,
  counts: Int32Array,
  base: number,
  word: number,
  shift: number,
): void {
  const count = source.length >> 1;
  for (let index = 0; index < count; index += 1) {
    const low = source[2 * index]!;
    const high = source[2 * index + 1]!;
    const digit = ((word === 0 ? low : high) >>> shift) & 0xffff;
    const at = counts[base + digit]!;
    counts[base + digit] = at + 1;
    target[2 * at] = low;
    target[2 * at + 1] = high;
  }
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
 *
 * The bins are those of {@link binOf} (the number of bounds below the value), found faster: rows are
 * read in memory order (a pass per feature would stride over the whole matrix once per feature); a
 * feature with many bounds starts from a table over equal value cells and steps up past the few
 * bounds of the value's cell, the others search without data-dependent branches (a value's bin is
 * as hard to predict as a coin toss).
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
  const { padded, paddedOffsets, topSteps, cellTables, cellLows, cellScales } = createBinFinder(bins);
  const { slotOffsets, binCounts } = bins;
  const missing = new Uint8Array(nFeatures);
  for (let row = from; row < to; row += 1) {
    const base = row * nFeatures;
    for (let feature = 0; feature < nFeatures; feature += 1) {
      const value = values[base + feature]!;
      let slot: number;
      if (!Number.isNaN(value)) {
        const first = paddedOffsets[feature]!;
        let below = 0;
        const topStep = topSteps[feature]!;
        if (cellScales[feature]! > 0) {
          // Bounds in cells before the value's are below it (the cell is monotone in the value):
          // the table's count is a lower bound, and the +∞ padding stops the steps.
          below = cellTables[feature * tableCells + cellOf(value, cellLows[feature]!, cellScales[feature]!)]!;
          while (padded[first + below]! < value) below += 1;
        } else {
          for (let step = topStep; step > 0; step >>= 1) {
            below += padded[first + below + step - 1]! < value ? step : 0;
          }
        }
        slot = slotOffsets[feature]! + below;
      } else {
        slot = slotOffsets[feature]! + binCounts[feature]!;
        missing[feature] = 1;
      }
      slots[base + feature] = slot;
      columns[feature * nRows + row] = slot;
    }
  }
  for (let feature = 0; feature < nFeatures; feature += 1)
    if (missing[feature] === 1) hasMissing[feature] = 1;
}

/** Cells of a feature's table in {@link binRowRange}. */
const tableCells = 4096;
/** Features whose padded bounds are at least twice this long may use a table (16 numbers and up). */
const minTableStep = 8;
/** A table whose cell holds more bounds than this would step too long: the search serves instead. */
const maxBoundsPerCell = 8;

/** What {@link binRowRange} searches. */
interface BinFinder {
  /** Each feature's bounds padded with +∞ to a power of two (at least 1), one after the other. */
  readonly padded: Float64Array;
  readonly paddedOffsets: Int32Array;
  /** Half the padded length (0 for a single slot): the first step of the branch-free search. */
  readonly topSteps: Int32Array;
  /**
   * Per feature, `tableCells` counts (used where the feature's scale is above 0): how many bounds lie in the cells before each
   * cell, the cell of a value being ⌊(value − low) × scale⌋ clamped to the table.
   */
  readonly cellTables: Uint16Array;
  readonly cellLows: Float64Array;
  /** 0 for a feature without a table. */
  readonly cellScales: Float64Array;
}

function createBinFinder(bins: FeatureBins): BinFinder {
  const nFeatures = bins.upperBounds.length;
  const paddedOffsets = new Int32Array(nFeatures + 1);
  const topSteps = new Int32Array(nFeatures);
  for (let feature = 0; feature < nFeatures; feature += 1) {
    let length = 1;
    while (length < bins.upperBounds[feature]!.length + 1) length *= 2;
    topSteps[feature] = length >> 1;
    paddedOffsets[feature + 1] = paddedOffsets[feature]! + length;
  }
  const padded = new Float64Array(paddedOffsets[nFeatures]!).fill(Number.POSITIVE_INFINITY);
  const cellTables = new Uint16Array(nFeatures * tableCells);
  const cellLows = new Float64Array(nFeatures);
  const cellScales = new Float64Array(nFeatures);
  for (let feature = 0; feature < nFeatures; feature += 1) {
    const bounds = bins.upperBounds[feature]!;
    padded.set(bounds, paddedOffsets[feature]!);
    if (topSteps[feature]! < minTableStep) continue;
    const low = bounds[0]!;
    const span = bounds[bounds.length - 1]! - low;
    const scale = (tableCells - 1) / span;
    // A span that overflows or is too small to divide by keeps the search.
    if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) continue;
    const table = cellTables.subarray(feature * tableCells, (feature + 1) * tableCells);
    let count = 0;
    let crowded = false;
    for (let cell = 0; cell < tableCells; cell += 1) {
      while (count < bounds.length && cellOf(bounds[count]!, low, scale) < cell) count += 1;
      table[cell] = count;
      if (cell > 0 && count - table[cell - 1]! > maxBoundsPerCell) crowded = true;
    }
    // The last cell holds the bounds not counted before it.
    if (bounds.length - count > maxBoundsPerCell || crowded) continue;
    cellLows[feature] = low;
    cellScales[feature] = scale;
  }
  return { padded, paddedOffsets, topSteps, cellTables, cellLows, cellScales };
}

/** The table cell of a value, exactly as {@link binRowRange} computes it. */
function cellOf(value: number, low: number, scale: number): number {
  const cell = (value - low) * scale;
  return cell >= 0 ? (cell < tableCells ? cell | 0 : tableCells - 1) : 0;
}
