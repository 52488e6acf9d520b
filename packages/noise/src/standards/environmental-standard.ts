import * as z from 'zod';
import type { BandOccurrence } from '../time/time-bands';

/**
 * The area types of Japan's environmental quality standard for noise (騒音に係る環境基準):
 * AA (quiet, e.g. hospitals), A (residential), B (mainly residential), C (mixed with commerce and
 * industry), road-facing A, road-facing B or C, next to a trunk road, and indoors with windows closed
 * next to a trunk road.
 */
export const areaTypeSchema = z.enum([
  'AA',
  'A',
  'B',
  'C',
  'road-facing-A',
  'road-facing-B-C',
  'trunk-road',
  'indoor',
]);

/** An area type: see {@link areaTypeSchema}. */
export type AreaType = z.infer<typeof areaTypeSchema>;

/** LAeq limits of 環境基準 per area type: day 06–22 and night 22–06, dB. */
export const environmentalStandardLimits: Readonly<
  Record<AreaType, { readonly day: number; readonly night: number }>
> = {
  AA: { day: 50, night: 40 },
  A: { day: 55, night: 45 },
  B: { day: 55, night: 45 },
  C: { day: 60, night: 50 },
  'road-facing-A': { day: 60, night: 55 },
  'road-facing-B-C': { day: 65, night: 60 },
  'trunk-road': { day: 70, night: 65 },
  indoor: { day: 45, night: 40 },
};

/** The comparison of one measured band stretch with its limit. */
export interface StandardComparison {
  readonly band: 'day' | 'night';
  /** The local date the stretch started on. */
  readonly date: string;
  readonly limit: number;
  readonly laeq: number;
  /** The measured share of the band's 16 h (day) or 8 h (night), 0–1. */
  readonly coverage: number;
  /** True when LAeq ≤ limit (compared unrounded; silence counts as met). */
  readonly met: boolean;
  /** LAeq − limit when above the limit, else 0, dB. */
  readonly exceedanceDecibels: number;
}

/**
 * Compares each 環境基準 band stretch of a recording with the limit for `areaType`. A stretch
 * measured for only part of the band is compared as measured; `coverage` says how much was measured.
 *
 * @example
 * ```ts
 * // LAeq per minute over one night in Tokyo: 22:00–06:00 local is 13:00–21:00 UTC.
 * const night = analyzeLevels(new Array(480).fill(47.2), { intervalSeconds: 60, startTime: '2026-11-20T13:00:00Z' });
 * const [comparison] = compareWithEnvironmentalStandard(night.timeBands?.environmental ?? [], 'A');
 * console.log(comparison?.band, comparison?.limit, comparison?.laeq.toFixed(1)); // night 45 47.2
 * console.log(comparison?.met, comparison?.exceedanceDecibels, comparison?.coverage); // false 2.2 1
 * ```
 */
export function compareWithEnvironmentalStandard(
  occurrences: readonly BandOccurrence[],
  areaType: AreaType,
): readonly StandardComparison[] {
  const limits = environmentalStandardLimits[areaType];
  return occurrences
    .filter((occurrence) => occurrence.band === 'day' || occurrence.band === 'night')
    .map((occurrence) => {
      const band = occurrence.band as 'day' | 'night';
      const limit = limits[band];
      const bandSeconds = band === 'day' ? 16 * 3600 : 8 * 3600;
      const exceedance = occurrence.laeq - limit;
      return {
        band,
        date: occurrence.date,
        limit,
        laeq: occurrence.laeq,
        coverage: Math.min(1, occurrence.durationSeconds / bandSeconds),
        met: !(exceedance > 0),
        exceedanceDecibels: exceedance > 0 ? Math.round(exceedance * 10) / 10 : 0,
      };
    });
}
