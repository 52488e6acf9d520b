import { defaultTimeZone, millisecondsPerDay, offsetMilliseconds } from '@kizuna/core';

const probeStep = millisecondsPerDay;
const probeLimit = 64;

interface OffsetInterval {
  readonly from: number;
  readonly to: number;
  readonly offset: number;
}

/**
 * Maps instants (epoch ms) to local calendar-day numbers (days since 1970-01-01 on the wall clock
 * of `timeZone`) fast enough for millions of events: the UTC offset is looked up once per interval
 * in which it is constant (between daylight-saving changes) rather than once per event.
 */
export interface LocalDayIndexer {
  /** The local day number of `instant`. */
  dayOf(instant: number): number;
  /** The UTC offset of `timeZone` at `instant`, in milliseconds. */
  offsetAt(instant: number): number;
}

/** `YYYY-MM-DD` of a local day number. */
export function dayNumberToDate(day: number): string {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

/** Local day number of a `YYYY-MM-DD` date. */
export function dateToDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / millisecondsPerDay);
}

/**
 * Creates a {@link LocalDayIndexer} for `timeZone`.
 *
 * @example
 * ```ts
 * const days = createLocalDayIndexer('Asia/Tokyo');
 * dayNumberToDate(days.dayOf(Date.parse('2026-03-31T15:30:00Z'))); // '2026-04-01'
 * ```
 */
export function createLocalDayIndexer(timeZone: string = defaultTimeZone): LocalDayIndexer {
  const intervals: OffsetInterval[] = [];
  let current: OffsetInterval = { from: 1, to: 0, offset: 0 };

  function boundary(inside: number, outside: number, offset: number): number {
    // Largest distance from `inside` towards `outside` that keeps the offset, to the minute.
    while (Math.abs(outside - inside) > 60_000) {
      const middle = Math.floor((inside + outside) / 2 / 60_000) * 60_000;
      if (middle === inside || middle === outside) break;
      if (offsetMilliseconds(middle, timeZone) === offset) inside = middle;
      else outside = middle;
    }
    return outside;
  }

  function intervalAt(instant: number): OffsetInterval {
    if (instant >= current.from && instant < current.to) return current;
    for (const interval of intervals) {
      if (instant >= interval.from && instant < interval.to) return (current = interval);
    }
    const aligned = Math.floor(instant / 60_000) * 60_000;
    const offset = offsetMilliseconds(aligned, timeZone);
    let to = aligned + probeStep;
    let probes = 0;
    while (probes < probeLimit && offsetMilliseconds(to, timeZone) === offset) {
      to += probeStep;
      probes += 1;
    }
    if (probes < probeLimit) to = boundary(to - probeStep, to, offset);
    let from = aligned - probeStep;
    probes = 0;
    while (probes < probeLimit && offsetMilliseconds(from, timeZone) === offset) {
      from -= probeStep;
      probes += 1;
    }
    from = probes < probeLimit ? boundary(from + probeStep, from, offset) + 60_000 : from;
    current = { from, to, offset };
    intervals.push(current);
    return current;
  }

  return {
    dayOf(instant) {
      const offset =
        instant >= current.from && instant < current.to ? current.offset : intervalAt(instant).offset;
      return Math.floor((instant + offset) / millisecondsPerDay);
    },
    offsetAt(instant) {
      return intervalAt(instant).offset;
    },
  };
}

/** A reporting period for trends and revenue. */
export type Period = 'day' | 'week' | 'month';

/**
 * The first local day of the period containing local day `day`: the day itself, the Monday of
 * its ISO week, or the 1st of its month.
 */
export function periodStartDay(day: number, period: Period): number {
  if (period === 'day') return day;
  if (period === 'week') {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    return day - ((((day + 3) % 7) + 7) % 7);
  }
  const date = new Date(day * millisecondsPerDay);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / millisecondsPerDay);
}
