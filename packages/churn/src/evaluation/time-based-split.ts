import { instantSchema, KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link timeBasedSplit}. */
export const timeBasedSplitOptionsSchema = z.object({
  /** Items observed before this instant train; items at or after it test. */
  cutoff: instantSchema,
  /**
   * Items observed within this many days before the cutoff are dropped from training, so a
   * training label ("churned within 90 days") cannot peek past the cutoff. @defaultValue 0
   */
  gapDays: z.number().int().nonnegative().default(0),
});

/** Options of {@link timeBasedSplit} as you may write them. */
export type TimeBasedSplitOptionsInput = z.input<typeof timeBasedSplitOptionsSchema>;

/** Past and future sides of a time-based split. */
export interface TimeBasedSplit<Item> {
  /** Items observed before `cutoff − gapDays`, oldest first: train on these. */
  readonly past: readonly Item[];
  /** Items observed at or after `cutoff`, oldest first: test on these. */
  readonly future: readonly Item[];
  /** Items inside the gap, neither trained nor tested on. */
  readonly dropped: number;
}

/**
 * Splits items by when they were observed: train on the past, test on the future. This is the honest
 * split for churn — a random split lets the model learn from the future of the customers it is then
 * tested on (seasonality, price changes, a product launch).
 *
 * @param items - anything with an observation instant, e.g. snapshots or labelled rows
 * @param observedAt - reads an item's ISO-8601 UTC instant (a snapshot's `asOf`)
 * @throws KizunaValidationError on a bad cutoff or an item whose instant is invalid (named by index)
 * @example
 * ```ts
 * const snapshots = [
 *   { customerId: 'a', asOf: '2025-08-01T00:00:00Z' },
 *   { customerId: 'b', asOf: '2025-11-15T00:00:00Z' },
 *   { customerId: 'c', asOf: '2026-02-01T00:00:00Z' },
 * ];
 * const { past, future, dropped } = timeBasedSplit(snapshots, (snapshot) => snapshot.asOf, {
 *   cutoff: '2026-01-01T00:00:00Z',
 *   gapDays: 90,
 * });
 * console.log(past.map((s) => s.customerId), future.map((s) => s.customerId), dropped);
 * // ['a'] ['c'] 1 — b falls in the 90-day gap before the cutoff
 * ```
 */
export function timeBasedSplit<Item>(
  items: readonly Item[],
  observedAt: (item: Item) => string,
  options: TimeBasedSplitOptionsInput,
): TimeBasedSplit<Item> {
  const { cutoff, gapDays } = parseInput(timeBasedSplitOptionsSchema, options, 'time-based split options');
  const cutoffTime = Date.parse(cutoff);
  const gapStart = cutoffTime - gapDays * 86_400_000;
  const dated = items.map((item, index) => {
    const parsed = instantSchema.safeParse(observedAt(item));
    if (!parsed.success) {
      throw KizunaValidationError.forField(
        'items',
        `[${index}]`,
        'expected an ISO-8601 UTC observation instant',
      );
    }
    return { item, time: Date.parse(parsed.data), index };
  });
  dated.sort((left, right) => left.time - right.time || left.index - right.index);
  const past: Item[] = [];
  const future: Item[] = [];
  let dropped = 0;
  for (const { item, time } of dated) {
    if (time >= cutoffTime) future.push(item);
    else if (time < gapStart) past.push(item);
    else dropped += 1;
  }
  return { past, future, dropped };
}
