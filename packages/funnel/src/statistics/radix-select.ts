/**
 * Exact order statistics of a large Float64Array by bucketing on the top 16 bits of each value's
 * bit pattern (sign, exponent and 4 bits of mantissa, flipped so that unsigned order is numeric
 * order): one pass builds the histogram, one pass copies the few buckets that hold a wanted rank,
 * and quickselect finishes inside them. About two linear passes whatever the number of ranks,
 * against one partitioning pass per rank for quickselect over the whole array.
 */

const bucketCount = 1 << 16;

const littleEndian = new Uint8Array(Float64Array.of(-0).buffer)[7] === 0x80;

/** Whether {@link selectRanks} can read the bit patterns of this platform's doubles. */
export const radixSelectSupported = littleEndian;

/** What {@link selectRanks} returns: the selected values, and the sum, minimum and maximum. */
export interface SelectedRanks {
  /** The value of rank `ranks[i]`, for each i; empty when `sum` is NaN. */
  readonly selected: number[];
  /** The values' sum, added in index order (NaN when a value is NaN). */
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

/**
 * The values of rank `ranks[i]` (0-based, in ascending order of value) of `values`, and their sum,
 * minimum and maximum, read in the same pass as the histogram. When a value is NaN (`sum` is NaN),
 * nothing is selected (`selected` is empty). `values` is not modified.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): SelectedRanks {
  const n = values.length;
  const high = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const histogram = new Int32Array(bucketCount);
  let sum = 0;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < n; index += 1) {
    const value = values[index]!;
    sum += value;
    minimum = value < minimum ? value : minimum;
    maximum = value > maximum ? value : maximum;
    histogram[bucketOf(high[index * 2 + 1]!)]! += 1;
  }
  if (Number.isNaN(sum)) return { selected: [], sum, minimum, maximum };

  // Which bucket holds each rank, and how many values lie in the buckets before it.
  const wanted = ranks
    .map((rank, position) => ({ rank, position }))
    .sort((left, right) => left.rank - right.rank);
  const bucketOfRank = new Int32Array(ranks.length);
  const before = new Int32Array(ranks.length);
  let bucket = 0;
  let below = 0;
  for (const { rank, position } of wanted) {
    while (below + histogram[bucket]! <= rank) {
      below += histogram[bucket]!;
      bucket += 1;
    }
    bucketOfRank[position] = bucket;
    before[position] = below;
  }

  // Copy the values of the wanted buckets (at most one per rank).
  const slotOfBucket = new Map<number, number>();
  for (const wantedBucket of bucketOfRank)
    if (!slotOfBucket.has(wantedBucket)) slotOfBucket.set(wantedBucket, slotOfBucket.size);
  const slotLookup = new Int8Array(bucketCount).fill(-1);
  const buffers: Float64Array[] = [];
  for (const [wantedBucket, slot] of slotOfBucket) {
    slotLookup[wantedBucket] = slot;
    buffers[slot] = new Float64Array(histogram[wantedBucket]!);
  }
  const filled = new Int32Array(buffers.length);
  for (let index = 0; index < n; index += 1) {
    const slot = slotLookup[bucketOf(high[index * 2 + 1]!)]!;
    if (slot >= 0) buffers[slot]![filled[slot]!++] = values[index]!;
  }

  const selected = ranks.map((rank, position) => {
    const buffer = buffers[slotOfBucket.get(bucketOfRank[position]!)!]!;
    return quickselect(buffer, rank - before[position]!, 0, buffer.length - 1);
  });
  return { selected, sum, minimum, maximum };
}

/** The bucket of a double from the high 32 bits of its pattern: ascending buckets, ascending values. */
function bucketOf(high: number): number {
  return high >= 0x80000000 ? ~high >>> 16 : (high >>> 16) | 0x8000;
}

/**
 * The value of rank `rank` in `values[left…right]`, reordering that range in place (Hoare
 * partition, median-of-three pivot).
 */
export function quickselect(values: Float64Array, rank: number, left: number, right: number): number {
  while (right > left) {
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let low = left;
    let high = right;
    while (low <= high) {
      while (values[low]! < pivot) low += 1;
      while (values[high]! > pivot) high -= 1;
      if (low <= high) {
        const swap = values[low]!;
        values[low] = values[high]!;
        values[high] = swap;
        low += 1;
        high -= 1;
      }
    }
    if (rank <= high) right = high;
    else if (rank >= low) left = low;
    else return values[rank]!;
  }
  return values[rank]!;
}
