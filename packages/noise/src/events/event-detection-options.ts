import * as z from 'zod';

/** How noise events are found in a level history. */
export const eventDetectionOptionsSchema = z.object({
  /** An event is where the level rises this far above the background L90, dB. @defaultValue 10 */
  marginDecibels: z.number().min(0).max(60).default(10),
  /** Parts of one event closer than this are merged (a walk is one event), s. @defaultValue 1 */
  mergeGapSeconds: z.number().min(0).max(60).default(1),
  /** Shorter candidates are dropped, s. @defaultValue 0.1 */
  minimumDurationSeconds: z.number().min(0).max(3600).default(0.1),
  /** A fixed threshold in dB that replaces L90 + margin, for a known background. */
  thresholdDecibels: z.number().optional(),
});

/** Event detection options before defaults. */
export type EventDetectionOptions = z.input<typeof eventDetectionOptionsSchema>;
