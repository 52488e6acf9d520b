import { parseInput } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link touchSegmentOf}: thresholds are ours (seeds/004 names the segments only). */
export const touchSegmentOptionsSchema = z.object({
  /** MRR (minor units) from which an account is high-touch. @defaultValue 200000 */
  highTouchMinimumMrr: z.number().int().nonnegative().default(200_000),
  /** MRR (minor units) from which an account is low-touch. @defaultValue 50000 */
  lowTouchMinimumMrr: z.number().int().nonnegative().default(50_000),
  /** Tags that make an account high-touch whatever its MRR. @defaultValue ['key-account'] */
  highTouchTags: z.array(z.string()).default(['key-account']),
});

/** Options of {@link touchSegmentOf} as you may write them. */
export type TouchSegmentOptions = z.input<typeof touchSegmentOptionsSchema>;

/** The touch model of an account. */
export interface TouchSegment {
  /** high-touch: dedicated CSM; low-touch: one-to-many (webinars, newsletters); tech-touch: automated. */
  readonly segment: 'high-touch' | 'low-touch' | 'tech-touch';
  readonly reason: string;
}

/**
 * Segments an account into high-, low- or tech-touch (seeds/004) by a key-account tag or its MRR.
 *
 * @throws KizunaValidationError when an option is invalid
 * @example
 * ```ts
 * touchSegmentOf({ mrr: 80_000 }).segment; // 'low-touch'
 * ```
 */
export function touchSegmentOf(
  account: { readonly mrr?: number | null; readonly tags?: readonly string[] },
  options: TouchSegmentOptions = {},
): TouchSegment {
  const settings = parseInput(touchSegmentOptionsSchema, options, 'touch segment options');
  const tag = account.tags?.find((candidate) => settings.highTouchTags.includes(candidate));
  if (tag !== undefined) return { segment: 'high-touch', reason: `tag ${tag}` };
  const mrr = account.mrr ?? 0;
  if (mrr >= settings.highTouchMinimumMrr)
    return { segment: 'high-touch', reason: `MRR ${mrr} ≥ ${settings.highTouchMinimumMrr}` };
  if (mrr >= settings.lowTouchMinimumMrr)
    return { segment: 'low-touch', reason: `MRR ${mrr} ≥ ${settings.lowTouchMinimumMrr}` };
  return { segment: 'tech-touch', reason: `MRR ${mrr} < ${settings.lowTouchMinimumMrr}` };
}
