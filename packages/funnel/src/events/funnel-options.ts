import { defaultTimeZone, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import { durationSchema } from '../time/duration';

/** One funnel step: an event name, or an object with per-step rules. */
export const funnelStepSchema = z.union([
  z.string().min(1, { error: 'expected a non-empty event name' }),
  z
    .object({
      /** The event name that completes this step. */
      name: z.string().min(1, { error: 'expected a non-empty event name' }),
      /**
       * An optional step may be skipped: users reach the next step without it. Its count is the
       * users who did it. The first step cannot be optional. @defaultValue false
       */
      optional: z.boolean().default(false),
      /**
       * Per-step window, the maximum time from the previous step performed (the "max time between
       * steps"), on top of the funnel-wide window. @defaultValue no limit
       */
      within: durationSchema.optional(),
      /** The minimum time from the previous step performed. @defaultValue 0 */
      after: durationSchema.optional(),
    })
    .strict(),
]);

/** A funnel step as you may write it. */
export type FunnelStepInput = z.input<typeof funnelStepSchema>;

/** The order rule between steps. */
export const funnelOrderSchema = z.enum(['sequential', 'strict', 'any']);

/**
 * How a breakdown value is attributed to a user (PostHog's "attribution type"):
 * - `first_touch`: the property on the user's first-step event;
 * - `last_touch`: the property on the event of the furthest step the user reached;
 * - `all_steps`: every step must carry the same value; the funnel runs once per value and a user
 *   may appear under several values;
 * - `specific_step`: the property on the event of step `step` (users who never reached it fall in
 *   the `null` group).
 */
export const breakdownAttributionSchema = z.enum(['first_touch', 'last_touch', 'all_steps', 'specific_step']);

/** Options of {@link computeFunnel}. */
export const funnelOptionsSchema = z
  .object({
    /** The steps in order (2–31 in practice; at least 1). */
    steps: z
      .array(funnelStepSchema)
      .min(1, { error: 'a funnel needs at least one step' })
      .max(31, { error: 'a funnel has at most 31 steps' }),
    /**
     * Conversion window: the maximum time from the first step to each later step.
     * @defaultValue { days: 14 } (PostHog's default)
     */
    window: durationSchema.default(14 * 86_400_000),
    /**
     * - `sequential`: steps at non-decreasing times, other events in between allowed;
     * - `strict`: steps on consecutive events of the user — any other event in between breaks it;
     * - `any`: steps in any order; step k counts users who did any k of the steps in one window.
     * @defaultValue 'sequential'
     */
    order: funnelOrderSchema.default('sequential'),
    /** Default minimum / maximum time between consecutive steps; a step's own `after` / `within` wins. */
    betweenSteps: z
      .object({ minimum: durationSchema.optional(), maximum: durationSchema.optional() })
      .strict()
      .optional(),
    /**
     * Exclusion steps: a user who does `name` after reaching step `fromStep` and before reaching step
     * `toStep` (inside the window) is removed from the whole funnel (PostHog's rule).
     * Indexes are 0-based. @defaultValue []
     */
    exclusions: z
      .array(
        z
          .object({
            name: z.string().min(1),
            /** @defaultValue 0 */
            fromStep: z.number().int().nonnegative().default(0),
            /** @defaultValue the last step */
            toStep: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * Compute the time between steps (mean, median, p90, p95). Set `false` for counts only, which
     * is faster on very large inputs; the `time…` fields are then `null`. @defaultValue true
     */
    timeToConvert: z.boolean().default(true),
    /** Break the funnel down by one event property. */
    breakdown: z
      .object({
        property: z.string().min(1),
        /** @defaultValue 'first_touch' */
        attribution: breakdownAttributionSchema.default('first_touch'),
        /** The step index read by `specific_step`. */
        step: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    /**
     * Trend of conversion and time to convert by period. A user belongs to the period (local
     * calendar, in `timeZone`) in which their conversion attempt started.
     */
    trend: z
      .object({
        /** @defaultValue 'day' */
        period: z.enum(['day', 'week', 'month']).default('day'),
        /** @defaultValue 'Asia/Tokyo' */
        timeZone: timeZoneSchema.default(defaultTimeZone),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Options of {@link computeFunnel} as you may write them. */
export type FunnelOptionsInput = z.input<typeof funnelOptionsSchema>;
/** Options of {@link computeFunnel} after validation. */
export type FunnelOptions = z.output<typeof funnelOptionsSchema>;
