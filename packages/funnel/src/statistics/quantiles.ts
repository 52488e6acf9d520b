import { quickselect, radixSelectSupported, selectRanks } from './radix-select';

/** From this many values on, percentiles are selected by bucketing rather than by quickselect. */
const radixSelectMinimum = 65_536;

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
  const lower = quickselect(values, lowerRank, 0, n - 1);
  if (lowerRank === position || lowerRank + 1 >= n) return lower;
  // After selecting rank k, everything right of k is ≥ it: the next rank is their minimum.
  let upper = Number.POSITIVE_INFINITY;
  for (let index = lowerRank + 1; index < n; index += 1) if (values[index]! < upper) upper = values[index]!;
  return lower + (position - lowerRank) * (upper - lower);
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
 * {@link summarizeDistribution} that may reorder `values` instead of copying them. Below 65,536
 * values the three percentiles are selected one inside the other by quickselect (p90 right of the
 * median, p95 right of p90); from there on by bucketing the values' bit patterns (see
 * `radix-select.ts`): about two linear passes either way.
 */
export function summarizeInPlace(values: Float64Array): DistributionSummary | null {
  const n = values.length;
  if (n === 0) return null;
  const quantiles = [0.5, 0.9, 0.95];
  // Rank of each percentile's lower and upper neighbour: position h = (n − 1) × q.
  const ranks = quantiles.flatMap((q) => {
    const lowerRank = Math.floor((n - 1) * q);
    return [lowerRank, Math.min(lowerRank + 1, n - 1)];
  });
  const distinct = [...new Set(ranks)].sort((left, right) => left - right);
  let selected: number[] | undefined;
  let sum = 0;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  if (n >= radixSelectMinimum && radixSelectSupported) {
    // The histogram pass also sums; a NaN sum means a NaN value, which the bucketing cannot rank.
    const bucketed = selectRanks(values, distinct);
    ({ sum, minimum, maximum } = bucketed);
    if (!Number.isNaN(sum)) selected = bucketed.selected;
  }
  if (selected === undefined) {
    sum = 0;
    minimum = Number.POSITIVE_INFINITY;
    maximum = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < n; index += 1) {
      const value = values[index]!;
      sum += value;
      if (value < minimum) minimum = value;
      if (value > maximum) maximum = value;
    }
    // Quickselect, each rank inside the range right of the previous one: after selecting rank r,
    // everything right of r is ≥ it.
    selected = [];
    let left = 0;
    for (const rank of distinct) {
      selected.push(quickselect(values, rank, left, n - 1));
      left = rank;
    }
  }
  const ranked = ranks.map((rank) => selected[distinct.indexOf(rank)]!);
  const [median, p90, p95] = quantiles.map((q, index) => {
    const position = (n - 1) * q;
    const lower = ranked[index * 2]!;
    const lowerRank = Math.floor(position);
    if (lowerRank === position) return lower;
    return lower + (position - lowerRank) * (ranked[index * 2 + 1]! - lower);
  }) as [number, number, number];
  return { count: n, mean: sum / n, median, p90, p95, minimum, maximum };
}
