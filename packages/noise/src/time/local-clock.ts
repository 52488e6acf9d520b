import { offsetMilliseconds } from '@kizuna/core';

/** The wall clock of a time zone, read quickly for many equally spaced instants. */
export interface LocalClock {
  /** Milliseconds since 1970 of the local wall-clock reading at `instant` (epoch ms). */
  localMilliseconds(instant: number): number;
}

const slotMilliseconds = 900_000;

/**
 * A wall-clock reader that asks `Intl` for the UTC offset once per quarter hour of UTC time, so a
 * 24-hour history of 864 000 points costs 96 look-ups. Offsets change only on quarter hours in every
 * IANA zone in use.
 */
export function createLocalClock(timeZone: string): LocalClock {
  const offsets = new Map<number, number>();
  return {
    localMilliseconds(instant: number) {
      const slot = Math.floor(instant / slotMilliseconds);
      let offset = offsets.get(slot);
      if (offset === undefined) {
        offset = offsetMilliseconds(slot * slotMilliseconds, timeZone);
        offsets.set(slot, offset);
      }
      return instant + offset;
    },
  };
}

/** The local hour of day (fractional, 0 ≤ h < 24) of a local-milliseconds value. */
export function hourOfDay(localMilliseconds: number): number {
  const withinDay = ((localMilliseconds % 86_400_000) + 86_400_000) % 86_400_000;
  return withinDay / 3_600_000;
}

/** `YYYY-MM-DD` of a local-milliseconds value. */
export function localDateOf(localMilliseconds: number): string {
  return new Date(localMilliseconds).toISOString().slice(0, 10);
}
