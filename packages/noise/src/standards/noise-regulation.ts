import * as z from 'zod';
import type { BandOccurrence } from '../time/time-bands';

/**
 * The ranges within which prefectures set the 騒音規制法 (Noise Regulation Act) limits for
 * factories and workplaces, per area class, in dB (LA5 for fluctuating noise). The actual limit is
 * the prefecture's choice inside the range: pass it to {@link compareWithRegulationLimits}.
 */
export const noiseRegulationLimitRanges = {
  'class-1': { day: [45, 50], morningEvening: [40, 45], night: [40, 45] },
  'class-2': { day: [50, 60], morningEvening: [45, 50], night: [40, 50] },
  'class-3': { day: [60, 65], morningEvening: [55, 65], night: [50, 55] },
  'class-4': { day: [65, 70], morningEvening: [60, 70], night: [55, 65] },
} as const;

/** The limits that apply at the site, per 騒音規制法 band, dB (LA5). */
export const regulationLimitsSchema = z.object({
  /** Limit in the morning band, dB. */
  morning: z.number().min(0).max(140).optional(),
  /** Limit in the day band, dB. */
  day: z.number().min(0).max(140).optional(),
  /** Limit in the evening band, dB. */
  evening: z.number().min(0).max(140).optional(),
  /** Limit in the night band, dB. */
  night: z.number().min(0).max(140).optional(),
});

/** Site limits per 騒音規制法 band: see {@link regulationLimitsSchema}. */
export type RegulationLimits = z.infer<typeof regulationLimitsSchema>;

/** The comparison of one 騒音規制法 band stretch's LA5 with its limit. */
export interface RegulationComparison {
  readonly band: string;
  readonly date: string;
  readonly limit: number;
  readonly la5: number;
  /** True when LA5 ≤ limit. */
  readonly met: boolean;
  /** LA5 − limit when above, else 0, dB (0.1 dB). */
  readonly exceedanceDecibels: number;
}

/**
 * Compares the LA5 of each 騒音規制法 band stretch with the site's limit for that band (bands
 * without a limit are skipped). LA5 is the value the Act evaluates for fluctuating noise.
 *
 * @example
 * ```ts
 * // LAeq per minute beside a workshop, 07:00–09:00 in Tokyo (22:00–00:00 UTC):
 * // 44 dB before the machines start at 08:00, then 48–57 dB.
 * const laeq = Array.from({ length: 120 }, (_, minute) => (minute < 60 ? 44 : 48 + (minute % 10)));
 * const analysis = analyzeLevels(laeq, { intervalSeconds: 60, startTime: '2026-11-19T22:00:00Z' });
 * const comparisons = compareWithRegulationLimits(analysis.timeBands?.regulation ?? [], { morning: 45, day: 50 });
 * console.log(comparisons.map((comparison) => `${comparison.band}: LA5 ${comparison.la5} dB, met ${comparison.met}`));
 * // ['morning: LA5 44 dB, met true', 'day: LA5 57 dB, met false']
 * console.log(comparisons[1]?.exceedanceDecibels); // 7
 * ```
 */
export function compareWithRegulationLimits(
  occurrences: readonly BandOccurrence[],
  limits: RegulationLimits,
): readonly RegulationComparison[] {
  return occurrences.flatMap((occurrence) => {
    const limit = limits[occurrence.band as keyof RegulationLimits];
    if (limit === undefined) return [];
    const exceedance = occurrence.la5 - limit;
    return [
      {
        band: occurrence.band,
        date: occurrence.date,
        limit,
        la5: occurrence.la5,
        met: !(exceedance > 0),
        exceedanceDecibels: exceedance > 0 ? Math.round(exceedance * 10) / 10 : 0,
      },
    ];
  });
}
