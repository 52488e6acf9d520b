import * as z from 'zod';

/**
 * A length of time: either milliseconds as a number, or an object of `days`, `hours`, `minutes`
 * and `seconds` (each optional, summed). Days are 24-hour days here: funnel windows are elapsed time,
 * not calendar days.
 */
export const durationSchema = z
  .union([
    z.number().nonnegative({ error: 'expected a non-negative number of milliseconds' }),
    z
      .object({
        days: z.number().nonnegative().default(0),
        hours: z.number().nonnegative().default(0),
        minutes: z.number().nonnegative().default(0),
        seconds: z.number().nonnegative().default(0),
      })
      .strict(),
  ])
  .transform((value) =>
    typeof value === 'number'
      ? value
      : ((value.days * 24 + value.hours) * 60 + value.minutes) * 60_000 + value.seconds * 1000,
  );

/** A duration as you may write it: milliseconds or `{ days, hours, minutes, seconds }`. */
export type DurationInput = z.input<typeof durationSchema>;
