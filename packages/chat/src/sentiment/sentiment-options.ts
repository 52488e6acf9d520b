import * as z from 'zod';

/** Options of {@link analyzeSentiment}. */
export const sentimentOptionsSchema = z.object({
  /** A score at or above this is POSITIVE. @defaultValue 0.25 */
  positiveThreshold: z.number().min(-1).max(1).default(0.25),
  /** A score at or below this is NEGATIVE. @defaultValue -0.25 */
  negativeThreshold: z.number().min(-1).max(1).default(-0.25),
});

/** Sentiment options as you may write them. */
export type SentimentOptionsInput = z.input<typeof sentimentOptionsSchema>;
