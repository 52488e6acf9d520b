import { instantSchema, millisecondsPerDay, parseInput } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link healthTrend}. */
export const healthTrendOptionsSchema = z.object({
  /** How many of the latest scores the slope uses. @defaultValue 6 */
  window: z.number().int().min(2).default(6),
  /** A slope (points per 30 days) beyond ± this is a direction; inside it, `stable`. @defaultValue 2 */
  stableWithin: z.number().finite().nonnegative().default(2),
});

/** Options of {@link healthTrend} as you may write them. */
export type HealthTrendOptions = z.input<typeof healthTrendOptionsSchema>;

const historySchema = z.array(z.object({ asOf: instantSchema, score: z.number().finite().min(0).max(100) }));

/** The trend of a customer's health. */
export interface HealthTrend {
  /** Least-squares slope in points per 30 days; `null` with fewer than 2 scores at distinct instants. */
  readonly slopePer30Days: number | null;
  readonly direction: 'improving' | 'declining' | 'stable' | 'insufficient-data';
  /** Scores used (the latest `window`). */
  readonly points: number;
}

/**
 * The trend of the latest `window` scores: the least-squares slope of score over time, in points per
 * 30 days, and its direction (`improving` above `+stableWithin`, `declining` below `−stableWithin`).
 *
 * @throws KizunaValidationError when the history or options are invalid
 * @example
 * ```ts
 * healthTrend([{ asOf: '2026-01-01T00:00:00Z', score: 80 }, { asOf: '2026-01-31T00:00:00Z', score: 70 }]);
 * // { slopePer30Days: -10, direction: 'declining', points: 2 }
 * ```
 */
export function healthTrend(
  history: readonly { readonly asOf: string; readonly score: number }[],
  options: HealthTrendOptions = {},
): HealthTrend {
  const entries = parseInput(historySchema, history, 'health history');
  const { window, stableWithin } = parseInput(healthTrendOptionsSchema, options, 'health trend options');
  const latest = [...entries]
    .sort((left, right) => (left.asOf < right.asOf ? -1 : left.asOf > right.asOf ? 1 : 0))
    .slice(-window);
  const xs = latest.map((entry) => Date.parse(entry.asOf) / millisecondsPerDay);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / Math.max(1, xs.length);
  const meanY = latest.reduce((sum, entry) => sum + entry.score, 0) / Math.max(1, latest.length);
  let covariance = 0;
  let variance = 0;
  latest.forEach((entry, index) => {
    covariance += (xs[index]! - meanX) * (entry.score - meanY);
    variance += (xs[index]! - meanX) ** 2;
  });
  if (latest.length < 2 || variance === 0) {
    return { slopePer30Days: null, direction: 'insufficient-data', points: latest.length };
  }
  const slopePer30Days = Math.round((covariance / variance) * 30 * 1e6) / 1e6;
  const direction =
    slopePer30Days > stableWithin ? 'improving' : slopePer30Days < -stableWithin ? 'declining' : 'stable';
  return { slopePer30Days, direction, points: latest.length };
}
