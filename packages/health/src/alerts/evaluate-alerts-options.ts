import { instantSchema } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link evaluateAlerts}. */
export const evaluateAlertsOptionsSchema = z.object({
  /** The instant of the run. Must not be before the snapshot's `asOf`. */
  asOf: instantSchema,
  /** Usage-drop trigger: last-30-day measurements below this share of the monthly limit. @defaultValue 0.5 */
  usageDropBelow: z.number().finite().min(0).default(0.5),
  /** Detractor trigger: an NPS answer at or below this. @defaultValue 6 */
  detractorAtOrBelow: z.number().int().min(0).max(10).default(6),
  /** Renewal trigger: at most this many calendar days to the contract end. @defaultValue 90 */
  renewalWithinDays: z.number().int().positive().default(90),
  /** Renewal trigger: the band statuses that count as at risk. @defaultValue ['yellow', 'red'] */
  renewalStatuses: z.array(z.enum(['red', 'yellow', 'green'])).default(['yellow', 'red']),
  /** Link to book a free consultation, put in the usage-drop e-mail's payload. */
  consultationUrl: z.url().optional(),
});

/** Options of {@link evaluateAlerts} as you may write them. */
export type EvaluateAlertsOptions = z.input<typeof evaluateAlertsOptionsSchema>;
