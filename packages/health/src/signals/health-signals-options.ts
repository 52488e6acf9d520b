import { instantSchema } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link healthSignals}. */
export const healthSignalsOptionsSchema = z.object({
  /**
   * The instant the signals describe. Must not be before the snapshot's `asOf`; day counts with a
   * known instant (last login, NPS answer, renewal, unpaid invoices) are recomputed at this instant,
   * window counts are taken from the snapshot as they are.
   */
  asOf: instantSchema,
  /**
   * The features that count for `featureAdoptionRate` (= catalogue features used in the last 30 days
   * ÷ catalogue size). Without a catalogue the rate is `null` (no data), because the denominator is
   * unknown. @defaultValue []
   */
  featureCatalogue: z.array(z.string().min(1)).default([]),
});

/** Options of {@link healthSignals} as you may write them. */
export type HealthSignalsOptions = z.input<typeof healthSignalsOptionsSchema>;
