import { toEpochMilliseconds } from './clock';

/** The time zone Kizuna uses when none is given: the seed business is in Japan. */
export const defaultTimeZone = 'Asia/Tokyo';

/** Milliseconds in one day of 24 hours. */
export const millisecondsPerDay = 86_400_000;

/** The wall-clock reading of an instant in a time zone. */
export interface ZonedDateTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0–23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The offset read from Intl at one instant (slow: a formatToParts call). */
function readOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Offsets change only at quarter-hour boundaries (for every zone since 1970), so one Intl reading
// per zone and quarter hour serves every instant in it. This makes calendar maths cheap enough for
// batch runs over millions of records.
const quarterHour = 900_000;
const offsetCache = new Map<string, number>();
const offsetCacheLimit = 200_000;

/**
 * The UTC offset of `timeZone` at `instant`, in milliseconds (Tokyo: +9 h). Exact for instants since
 * 1970, when every zone changes its offset on a quarter hour.
 */
export function offsetMilliseconds(instant: number, timeZone: string = defaultTimeZone): number {
  const bucket = Math.floor(instant / quarterHour);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = readOffset(bucket * quarterHour, timeZone);
    if (offsetCache.size >= offsetCacheLimit) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/**
 * Reads an instant on the wall clock of `timeZone`.
 *
 * @param instant - ISO string, epoch ms or Date
 * @param timeZone - IANA time zone @defaultValue 'Asia/Tokyo'
 */
export function zonedDateTime(
  instant: number | string | Date,
  timeZone: string = defaultTimeZone,
): ZonedDateTime {
  const milliseconds = toEpochMilliseconds(instant);
  const local = new Date(milliseconds + offsetMilliseconds(milliseconds, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** The local calendar date `YYYY-MM-DD` of an instant in `timeZone`. */
export function localDate(instant: number | string | Date, timeZone: string = defaultTimeZone): string {
  const { year, month, day } = zonedDateTime(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of a calendar date counted from 1970-01-01 (a DST-free count of calendar days). */
function epochDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / millisecondsPerDay);
}

/**
 * Whole calendar days from `from` to `to` as seen on the wall clock of `timeZone`: 23:59 on Monday to
 * 00:01 on Tuesday is one day. Calendar days, not 24-hour periods, so a DST change does not shift the
 * count. Negative when `to` is before `from`.
 *
 * @example
 * ```ts
 * // 00:30 on 1 April to 00:00 on 2 April in Asia/Tokyo (the default zone): under 24 hours, one day.
 * console.log(calendarDaysBetween('2026-03-31T15:30:00Z', '2026-04-01T15:00:00Z')); // 1
 * ```
 */
export function calendarDaysBetween(
  from: number | string | Date,
  to: number | string | Date,
  timeZone: string = defaultTimeZone,
): number {
  return epochDay(localDate(to, timeZone)) - epochDay(localDate(from, timeZone));
}

/** Elapsed time from `from` to `to` in days of 24 hours (fractional). */
export function elapsedDays(from: number | string | Date, to: number | string | Date): number {
  return (toEpochMilliseconds(to) - toEpochMilliseconds(from)) / millisecondsPerDay;
}

/**
 * The instant at which the wall clock of `timeZone` reads `date` at `time` (`HH:mm` or `HH:mm:ss`).
 * Readings that happen twice (when clocks go back) give the earlier instant; readings that never
 * happen (when clocks go forward) are moved forward by the length of the gap (02:30 on a spring-forward
 * night in New York becomes 03:30). This is the "compatible" rule of JavaScript's Temporal.
 */
export function zonedInstant(date: string, time: string, timeZone: string = defaultTimeZone): number {
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  const target = Date.parse(`${date}T00:00:00Z`) + ((hour * 60 + minute) * 60 + second) * 1000;
  const halfDay = 12 * 3_600_000;
  const withEarlierOffset = target - offsetMilliseconds(target - halfDay, timeZone);
  const withLaterOffset = target - offsetMilliseconds(target + halfDay, timeZone);
  const reads = (instant: number) => instant + offsetMilliseconds(instant, timeZone) === target;
  const candidates = [withEarlierOffset, withLaterOffset].filter(reads);
  if (candidates.length > 0) return Math.min(...candidates);
  return Math.max(withEarlierOffset, withLaterOffset);
}

/** Adds calendar days to a `YYYY-MM-DD` date. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * millisecondsPerDay).toISOString().slice(0, 10);
}

/** A named band of the day on the local wall clock, `[startHour, endHour)`; may wrap midnight. */
export interface DayBand {
  readonly name: string;
  /** Inclusive start hour 0–23. */
  readonly startHour: number;
  /** Exclusive end hour 0–24; smaller than `startHour` when the band wraps past midnight. */
  readonly endHour: number;
}

/** Japan's environmental quality standard bands (環境基準): day 06–22, night 22–06. */
export const environmentalStandardBands: readonly DayBand[] = [
  { name: 'day', startHour: 6, endHour: 22 },
  { name: 'night', startHour: 22, endHour: 6 },
];

/**
 * The name of the band that contains `instant` on the wall clock of `timeZone`, or `undefined` when
 * no band covers it.
 */
export function dayBandOf(
  instant: number | string | Date,
  bands: readonly DayBand[] = environmentalStandardBands,
  timeZone: string = defaultTimeZone,
): string | undefined {
  const { hour, minute, second } = zonedDateTime(instant, timeZone);
  const hours = hour + minute / 60 + second / 3600;
  for (const band of bands) {
    const inside =
      band.startHour <= band.endHour
        ? hours >= band.startHour && hours < band.endHour
        : hours >= band.startHour || hours < band.endHour;
    if (inside) return band.name;
  }
  return undefined;
}
