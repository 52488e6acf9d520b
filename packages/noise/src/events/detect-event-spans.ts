/** A run of history points, `[startIndex, endIndex)`. */
export interface EventSpan {
  readonly startIndex: number;
  readonly endIndex: number;
}

/**
 * Finds where `levels` stay above `threshold`: runs of points above it, merged when the gap between
 * them is at most `mergeGapPoints`, then dropped when shorter than `minimumPoints`.
 *
 * @example
 * ```ts
 * console.log(detectEventSpans([30, 50, 52, 30, 30, 51, 30], 45, 1, 1));
 * // [{ startIndex: 1, endIndex: 3 }, { startIndex: 5, endIndex: 6 }]: the gap of 2 points is wider than 1
 * ```
 */
export function detectEventSpans(
  levels: ArrayLike<number>,
  threshold: number,
  mergeGapPoints: number,
  minimumPoints: number,
): readonly EventSpan[] {
  const runs: Array<{ startIndex: number; endIndex: number }> = [];
  let start = -1;
  for (let index = 0; index <= levels.length; index += 1) {
    const above = index < levels.length && levels[index]! > threshold;
    if (above && start < 0) start = index;
    if (!above && start >= 0) {
      const previous = runs[runs.length - 1];
      if (previous !== undefined && start - previous.endIndex <= mergeGapPoints) previous.endIndex = index;
      else runs.push({ startIndex: start, endIndex: index });
      start = -1;
    }
  }
  return runs.filter((run) => run.endIndex - run.startIndex >= minimumPoints);
}
