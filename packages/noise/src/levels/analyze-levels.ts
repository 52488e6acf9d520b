import {
  defaultTimeZone,
  instantSchema,
  KizunaValidationError,
  parseInput,
  timeZoneSchema,
} from '@kizuna/core';
import * as z from 'zod';
import type { AnalysisWarning } from '../analysis/signal-analysis';
import { describeEvents, type NoiseEvent } from '../events/describe-events';
import { detectEventSpans } from '../events/detect-event-spans';
import { eventDetectionOptionsSchema } from '../events/event-detection-options';
import { analyzeTimeBands, type TimeBandAnalysis } from '../time/time-bands';
import { type PercentileLevels, percentileLevels } from './percentile-levels';

/** Options of {@link analyzeLevels}. */
export const analyzeLevelsOptionsSchema = z.object({
  /** Spacing of the series, s (1 for per-second LAeq, 0.1 for 100 ms). @defaultValue 1 */
  intervalSeconds: z.number().min(0.001).max(3600).default(1),
  /** When the first interval starts, ISO-8601 UTC; without it there are no time bands. */
  startTime: instantSchema.optional(),
  /** IANA time zone of the place measured. @defaultValue 'Asia/Tokyo' */
  timeZone: timeZoneSchema.default(defaultTimeZone),
  /** How noise events are found. @defaultValue {} */
  events: eventDetectionOptionsSchema.default(eventDetectionOptionsSchema.parse({})),
});

/** Options of {@link analyzeLevels} before defaults. */
export type AnalyzeLevelsOptions = z.input<typeof analyzeLevelsOptionsSchema>;

/** The analysis of a level series exported by a sound level meter. */
export interface LevelAnalysis {
  readonly kind: 'levels';
  readonly intervalSeconds: number;
  readonly pointCount: number;
  readonly durationSeconds: number;
  readonly startTime: string | null;
  readonly timeZone: string;
  /** Energy mean of the series, dB. */
  readonly laeq: number;
  /** Highest and lowest value of the series, dB. */
  readonly lmax: number;
  readonly lmin: number;
  /** LN of the series values. */
  readonly percentiles: PercentileLevels;
  /** LAeq + 10·lg(duration), dB re (20 µPa)²·s. */
  readonly sel: number;
  /** The series itself, dB. */
  readonly levels: Float32Array;
  readonly timeBands: TimeBandAnalysis | null;
  readonly eventThreshold: { readonly background: number; readonly threshold: number };
  /** Events found in the series (no band spectrum: a series has none). */
  readonly events: readonly NoiseEvent[];
  readonly warnings: readonly AnalysisWarning[];
}

/**
 * Computes the statistics of a level series, such as the LAeq per second (or per 100 ms) a sound
 * level meter exports: LAeq, Lmax, Lmin, L5…L95, SEL, time bands and hours, and events above the
 * background. LN here are percentiles of the series values, so they depend on its interval (LN of
 * 1 s LAeq values are smoother than LN of LAF sampled every 0.1 s).
 *
 * @param series - levels in dB re 20 µPa, equally spaced; −Infinity is accepted as "below range"
 * @throws KizunaValidationError for an empty series, a NaN or +Infinity value (named by index), or bad options
 * @example
 * ```ts
 * // LAeq per second from a meter, 10 minutes: a 35–37 dB room and a vacuum cleaner at 62 dB for 30 s.
 * const perSecondLaeq = Array.from({ length: 600 }, (_, second) => (second >= 120 && second < 150 ? 62 : 35 + (second % 3)));
 * const analysis = analyzeLevels(perSecondLaeq, { intervalSeconds: 1, startTime: '2026-11-20T04:00:00Z' });
 * console.log(analysis.laeq.toFixed(1), analysis.percentiles.l90); // 49.2 35 (L90: the background)
 * console.log(analysis.events.map((event) => `${event.id} at ${event.startTime} for ${event.durationSeconds} s`));
 * // ['E1 at 2026-11-20T04:02:00.000Z for 30 s']
 * ```
 */
export function analyzeLevels(series: ArrayLike<number>, options: AnalyzeLevelsOptions = {}): LevelAnalysis {
  const parsed = parseInput(analyzeLevelsOptionsSchema, options, 'level analysis options');
  if (series.length === 0)
    throw KizunaValidationError.forField('level series', 'series', 'expected at least one level');
  for (let index = 0; index < series.length; index += 1) {
    const value = series[index];
    if (typeof value !== 'number' || Number.isNaN(value) || value === Number.POSITIVE_INFINITY) {
      throw KizunaValidationError.forField(
        'level series',
        `series[${index}]`,
        `expected a level in dB, received ${String(value)}`,
      );
    }
  }
  const levels = Float32Array.from(series);
  const { intervalSeconds } = parsed;
  const durationSeconds = levels.length * intervalSeconds;
  let energy = 0;
  let lmax = Number.NEGATIVE_INFINITY;
  let lmin = Number.POSITIVE_INFINITY;
  for (const level of levels) {
    energy += 10 ** (level / 10);
    if (level > lmax) lmax = level;
    if (level < lmin) lmin = level;
  }
  const laeq = 10 * Math.log10(energy / levels.length);
  const warnings: AnalysisWarning[] = [];
  if (laeq === Number.NEGATIVE_INFINITY) {
    warnings.push({ code: 'BELOW_RANGE', message: 'Every level of the series is below range.' });
  }
  const startMilliseconds = parsed.startTime === undefined ? null : Date.parse(parsed.startTime);
  if (startMilliseconds === null) {
    warnings.push({
      code: 'NO_START_TIME',
      message: 'No start time: time bands, hours and night flags are unavailable.',
    });
  }
  const percentiles = percentileLevels(levels);
  const eventOptions = parsed.events;
  const background = percentiles.l90;
  const threshold = eventOptions.thresholdDecibels ?? background + eventOptions.marginDecibels;
  const spans = Number.isFinite(threshold)
    ? detectEventSpans(
        levels,
        threshold,
        Math.round(eventOptions.mergeGapSeconds / intervalSeconds),
        Math.max(1, Math.round(eventOptions.minimumDurationSeconds / intervalSeconds)),
      )
    : [];
  return {
    kind: 'levels',
    intervalSeconds,
    pointCount: levels.length,
    durationSeconds,
    startTime: parsed.startTime ?? null,
    timeZone: parsed.timeZone,
    laeq,
    lmax,
    lmin,
    percentiles,
    sel: laeq + 10 * Math.log10(durationSeconds),
    levels,
    timeBands:
      startMilliseconds === null
        ? null
        : analyzeTimeBands({ laeq: levels, intervalSeconds, startMilliseconds, timeZone: parsed.timeZone }),
    eventThreshold: { background, threshold },
    events: describeEvents(spans, {
      laeq: levels,
      intervalSeconds,
      startMilliseconds,
      timeZone: parsed.timeZone,
      background,
    }),
    warnings,
  };
}
