/** Summary of a distribution of durations or amounts. */
export interface DistributionSummary {
  /** How many values were summarised. */
  readonly count: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** 50th percentile. */
  readonly median: number;
  /** 90th percentile. */
  readonly p90: number;
  /** 95th percentile. */
  readonly p95: number;
  readonly minimum: number;
  readonly maximum: number;
}

/**
 * The `q`-quantile (0 ≤ q ≤ 1) of `values` with linear interpolation between the closest ranks
 * (the definition of PostgreSQL's `percentile_cont`, DuckDB's `quantile_cont` and numpy's default):
 * position h = (n − 1) × q, result = x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋+1 − x⌊h⌋) over the sorted values.
 * Runs in expected linear time (quickselect) and reorders `values` in place.
 *
 * @example
 * ```ts
 * quantileInPlace(Float64Array.of(4, 1, 3, 2), 0.5); // 2.5
 * ```
 */
export function quantileInPlace(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const lowerRank = Math.floor(position);
  const lower = select(values, lowerRank, 0, n - 1);
  if (lowerRank === position || lowerRank + 1 >= n) return lower;
  // After selecting rank k, everything right of k is ≥ it: the next rank is their minimum.
  let upper = Number.POSITIVE_INFINITY;
  for (let index = lowerRank + 1; index < n; index += 1) if (values[index]! < upper) upper = values[index]!;
  return lower + (position - lowerRank) * (upper - lower);
}

function select(values: Float64Array, rank: number, left: number, right: number): number {
  while (right > left) {
    // Median of three as pivot: deterministic and robust on sorted input.
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

/**
 * Count, mean, median, p90, p95, minimum and maximum of `values` (percentiles as in
 * {@link quantileInPlace}). Returns `null` for no values rather than NaN.
 *
 * @example
 * ```ts
 * summarizeDistribution([1, 2, 3, 4]); // { count: 4, mean: 2.5, median: 2.5, p90: 3.7, ... }
 * ```
 */
export function summarizeDistribution(values: ArrayLike<number>): DistributionSummary | null {
  return summarizeInPlace(Float64Array.from(values));
}

/**
 * {@link summarizeDistribution} that reorders `values` instead of copying them. The three
 * percentiles are selected one inside the other (p90 right of the median, p95 right of p90), so the
 * whole summary costs about two linear passes.
 */
export function summarizeInPlace(values: Float64Array): DistributionSummary | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < n; index += 1) {
    const value = values[index]!;
    sum += value;
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  let left = 0;
  const quantile = (q: number): number => {
    const position = (n - 1) * q;
    const lowerRank = Math.floor(position);
    const lower = select(values, lowerRank, left, n - 1);
    left = lowerRank;
    if (lowerRank === position || lowerRank + 1 >= n) return lower;
    let upper = Number.POSITIVE_INFINITY;
    for (let index = lowerRank + 1; index < n; index += 1) if (values[index]! < upper) upper = values[index]!;
    return lower + (position - lowerRank) * (upper - lower);
  };
  const median = quantile(0.5);
  const p90 = quantile(0.9);
  const p95 = quantile(0.95);
  return { count: n, mean: sum / n, median, p90, p95, minimum, maximum };
}
