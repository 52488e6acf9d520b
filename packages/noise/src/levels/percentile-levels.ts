/** The percentile levels a noise survey reports: LN is the level exceeded N % of the time, dB. */
export interface PercentileLevels {
  readonly l5: number;
  readonly l10: number;
  readonly l50: number;
  readonly l90: number;
  readonly l95: number;
}

/**
 * The level exceeded `percent` % of the time in a series of equally spaced levels (dB). Uses the
 * nearest-rank rule on the series sorted from loud to quiet: LN is the value at rank ⌈N/100 · n⌉,
 * so with 100 values L90 is the 90th loudest. An empty series gives −Infinity.
 *
 * @param levels - levels sampled at equal intervals, dB
 * @param percent - 0 < N < 100
 * @example
 * ```ts
 * console.log(exceededLevel([40, 41, 42, 43, 44, 45, 46, 47, 48, 49], 90)); // 41
 * ```
 */
export function exceededLevel(levels: ArrayLike<number>, percent: number): number {
  if (levels.length === 0) return Number.NEGATIVE_INFINITY;
  const sorted = Float64Array.from(levels).sort();
  return exceededLevelSorted(sorted, percent);
}

/** {@link exceededLevel} on levels already sorted from quiet to loud. */
export function exceededLevelSorted(sortedAscending: ArrayLike<number>, percent: number): number {
  const count = sortedAscending.length;
  if (count === 0) return Number.NEGATIVE_INFINITY;
  const rank = Math.min(count, Math.max(1, Math.ceil((percent / 100) * count)));
  return sortedAscending[count - rank]!;
}

/**
 * L5, L10, L50, L90 and L95 of a series of equally spaced levels (dB), by {@link exceededLevel}.
 *
 * @example
 * ```ts
 * // LAF every 0.1 s for 10 s: a 35 dB room and a car passing outside for 2 s at 55 dB.
 * const laf = Array.from({ length: 100 }, (_, index) => (index >= 40 && index < 60 ? 55 : 35));
 * console.log(percentileLevels(laf)); // { l5: 55, l10: 55, l50: 35, l90: 35, l95: 35 }: L90 is the background
 * ```
 */
export function percentileLevels(levels: ArrayLike<number>): PercentileLevels {
  const sorted = Float64Array.from(levels).sort();
  return {
    l5: exceededLevelSorted(sorted, 5),
    l10: exceededLevelSorted(sorted, 10),
    l50: exceededLevelSorted(sorted, 50),
    l90: exceededLevelSorted(sorted, 90),
    l95: exceededLevelSorted(sorted, 95),
  };
}
