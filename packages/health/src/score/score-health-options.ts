import { instantSchema } from '@kizuna/core';
import * as z from 'zod';
import { scorecardSchema, segmentScorecardSchema } from '../scorecards/scorecard';

/** A manual override of the score or band, with its reason and expiry. */
export const healthOverrideSchema = z
  .object({
    /** The score to report instead, 0–100. */
    score: z.number().finite().min(0).max(100).optional(),
    /** The band id to report instead (must exist in the scorecard). */
    band: z.string().min(1).optional(),
    /** Why, for the audit trail. */
    reason: z.string().trim().min(1, { error: 'an override needs a reason' }),
    /** The override stops applying at this instant. */
    expiresAt: instantSchema,
    /** Who set it. */
    setBy: z.string().min(1).optional(),
  })
  .refine((override) => override.score !== undefined || override.band !== undefined, {
    error: 'an override needs a score or a band',
    path: ['score'],
  });

/** A previous result to compare against: a {@link HealthResult} or the fields the delta needs. */
export const previousHealthSchema = z.object({
  score: z.number().finite().min(0).max(100),
  scorecardId: z.string().optional(),
  components: z.array(
    z.object({
      id: z.string(),
      points: z.number().finite(),
      parts: z
        .array(z.object({ id: z.string(), points: z.number().finite(), status: z.string().optional() }))
        .optional(),
    }),
  ),
});

/** Options of {@link scoreHealth}. */
export const scoreHealthOptionsSchema = z.object({
  /** The scorecard. Takes precedence over `scorecards`. */
  scorecard: scorecardSchema.optional(),
  /**
   * Scorecards chosen by segment: the first whose `when` holds on the signals wins.
   * @defaultValue {@link defaultScorecards} (B2C card for `segment: 'b2c'`, else the B2B card)
   */
  scorecards: z.array(segmentScorecardSchema).min(1).optional(),
  /** The previous result, for the per-component delta and `carry-forward`. */
  previous: previousHealthSchema.optional(),
  /** A manual override, applied while `asOf` is before its `expiresAt`. */
  override: healthOverrideSchema.optional(),
  /** The instant of scoring (for override expiry). @defaultValue the signals' `asOf` */
  asOf: instantSchema.optional(),
});

/** A previous result as you may pass it: a {@link HealthResult} fits. */
export interface PreviousHealth {
  readonly score: number;
  readonly scorecardId?: string;
  readonly components: readonly {
    readonly id: string;
    readonly points: number;
    readonly parts?: readonly { readonly id: string; readonly points: number; readonly status?: string }[];
  }[];
}

/** Options of {@link scoreHealth} as you may write them. */
export type ScoreHealthOptions = Omit<z.input<typeof scoreHealthOptionsSchema>, 'previous'> & {
  readonly previous?: PreviousHealth;
};
/** A manual override as you may write it. */
export type HealthOverride = z.input<typeof healthOverrideSchema>;
