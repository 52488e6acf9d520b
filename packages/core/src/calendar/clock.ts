/**
 * Where "now" comes from. Engines never read the clock: they take an explicit `asOf`. Only the edges
 * (the outbox, the worker, the notifiers' retry timers) ask a clock, so tests can control time.
 */
export interface Clock {
  /** The current instant in epoch milliseconds. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can set and move forward. */
export interface ManualClock extends Clock {
  /** Sets the current instant (epoch ms or ISO string). */
  set(instant: number | string): void;
  /** Moves the clock forward by `milliseconds`. */
  advance(milliseconds: number): void;
}

/**
 * Creates a clock that stands still until you move it.
 *
 * @param start - the starting instant, epoch ms or ISO string
 * @example
 * ```ts
 * const clock = createManualClock('2026-04-01T00:00:00Z');
 * clock.advance(86_400_000); // one day later
 * console.log(new Date(clock.now()).toISOString()); // 2026-04-02T00:00:00.000Z
 * ```
 */
export function createManualClock(start: number | string): ManualClock {
  let current = toEpochMilliseconds(start);
  return {
    now: () => current,
    set: (instant) => {
      current = toEpochMilliseconds(instant);
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

/** Converts an ISO instant or epoch milliseconds to epoch milliseconds. */
export function toEpochMilliseconds(instant: number | string | Date): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  return Date.parse(instant);
}

/** Converts epoch milliseconds (or a Date) to the canonical ISO instant `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function toInstant(instant: number | Date): string {
  return new Date(instant).toISOString();
}
