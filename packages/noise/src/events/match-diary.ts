import { instantSchema, parseInput } from '@kizuna/core';
import * as z from 'zod';
import type { NoiseEvent } from './describe-events';

/** One entry of the customer's noise diary: when they heard something and what. */
export const diaryEntrySchema = z.object({
  /** When the customer noted the noise, ISO-8601 UTC. */
  time: instantSchema,
  /** What they heard, in their words. */
  note: z.string().max(2000),
});

/** A diary entry: see {@link diaryEntrySchema}. */
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

/** A diary entry with the events that happened near it. */
export interface DiaryMatch {
  readonly entry: DiaryEntry;
  /** Ids of the events within the tolerance of the entry's time, nearest first. */
  readonly eventIds: readonly string[];
}

/**
 * Matches diary entries to events by time: an event matches when the entry's time lies within
 * `toleranceSeconds` of the event (before its start or after its end). People note the time
 * roughly, so the default tolerance is 5 minutes.
 *
 * @throws KizunaValidationError when an entry is malformed
 * @example
 * ```ts
 * // LAeq per second from 14:00 UTC: 32 dB, and 20 s of thuds at 48 dB from 14:04:50.
 * const perSecondLaeq = Array.from({ length: 600 }, (_, second) => (second >= 290 && second < 310 ? 48 : 32));
 * const { events } = analyzeLevels(perSecondLaeq, { intervalSeconds: 1, startTime: '2026-11-20T14:00:00Z' });
 * const matches = matchDiary(events, [
 *   { time: '2026-11-20T14:05:00Z', note: 'thud upstairs' },
 *   { time: '2026-11-20T14:30:00Z', note: 'door slammed' },
 * ]);
 * console.log(matches.map((match) => `${match.entry.note}: ${match.eventIds.join(', ') || 'no event'}`));
 * // ['thud upstairs: E1', 'door slammed: no event']
 * ```
 */
export function matchDiary(
  events: readonly NoiseEvent[],
  diary: readonly DiaryEntry[],
  toleranceSeconds = 300,
): readonly DiaryMatch[] {
  const entries = parseInput(z.array(diaryEntrySchema), diary, 'diary');
  return entries.map((entry) => {
    const time = Date.parse(entry.time);
    const near = events
      .filter((event) => event.startTime !== null)
      .map((event) => {
        const start = Date.parse(event.startTime!);
        const end = start + event.durationSeconds * 1000;
        const distance = time < start ? start - time : time > end ? time - end : 0;
        return { id: event.id, distance };
      })
      .filter((candidate) => candidate.distance <= toleranceSeconds * 1000)
      .sort((left, right) => left.distance - right.distance);
    return { entry, eventIds: near.map((candidate) => candidate.id) };
  });
}
