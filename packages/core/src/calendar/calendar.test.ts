import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  dayBandOf,
  elapsedDays,
  localDate,
  offsetMilliseconds,
  zonedDateTime,
  zonedInstant,
} from './calendar';
import { createManualClock, toInstant } from './clock';

describe('calendarDaysBetween', () => {
  it('counts calendar days on the Tokyo wall clock by default', () => {
    // 15:30Z on 31 March is 00:30 on 1 April in Tokyo; 15:00Z on 1 April is 00:00 on 2 April.
    expect(calendarDaysBetween('2026-03-31T15:30:00Z', '2026-04-01T15:00:00Z')).toBe(1);
    // The same instants are both on 31 March / 1 April in UTC.
    expect(calendarDaysBetween('2026-03-31T15:30:00Z', '2026-04-01T15:00:00Z', 'UTC')).toBe(1);
    // One minute apart across Tokyo midnight is one calendar day.
    expect(calendarDaysBetween('2026-04-01T14:59:00Z', '2026-04-01T15:00:00Z')).toBe(1);
    expect(calendarDaysBetween('2026-04-10T00:00:00Z', '2026-04-01T00:00:00Z')).toBe(-9);
  });

  it('counts one day across a 23-hour DST day in New York', () => {
    // 12:00 EST on 7 March 2026 to 12:00 EDT on 8 March: 23 hours elapsed, one calendar day.
    expect(calendarDaysBetween('2026-03-07T17:00:00Z', '2026-03-08T16:00:00Z', 'America/New_York')).toBe(1);
    expect(elapsedDays('2026-03-07T17:00:00Z', '2026-03-08T16:00:00Z')).toBeCloseTo(23 / 24, 12);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom('Asia/Tokyo', 'America/New_York', 'Europe/London', 'UTC'),
        (from, to, zone) => calendarDaysBetween(from, to, zone) === -calendarDaysBetween(to, from, zone),
      ),
    );
  });
});

describe('zonedDateTime and localDate', () => {
  it('reads an instant on the wall clock of a zone', () => {
    expect(zonedDateTime('2026-04-01T15:30:45Z')).toEqual({
      year: 2026,
      month: 4,
      day: 2,
      hour: 0,
      minute: 30,
      second: 45,
      weekday: 4,
    });
    expect(localDate('2026-04-01T15:30:00Z')).toBe('2026-04-02');
    expect(localDate('2026-04-01T15:30:00Z', 'America/New_York')).toBe('2026-04-01');
  });
});

describe('zonedInstant', () => {
  it('finds the instant of a wall-clock reading', () => {
    expect(toInstant(zonedInstant('2026-04-02', '09:00'))).toBe('2026-04-02T00:00:00.000Z');
    expect(toInstant(zonedInstant('2026-03-07', '12:00', 'America/New_York'))).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    expect(toInstant(zonedInstant('2026-03-08', '12:00', 'America/New_York'))).toBe(
      '2026-03-08T16:00:00.000Z',
    );
  });

  it('moves a reading in the spring-forward gap forward and takes the earlier of a repeated reading', () => {
    // 02:30 does not exist on 8 March 2026 in New York: it becomes 03:30 EDT = 07:30Z.
    expect(toInstant(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // 01:30 happens twice on 1 November 2026: first in EDT (05:30Z), then in EST (06:30Z).
    expect(toInstant(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('round-trips every instant through its wall-clock reading outside repeated hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000 }).map((seconds) => seconds * 1000),
        fc.constantFrom('Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Sydney'),
        (instant, zone) => {
          const local = zonedDateTime(instant, zone);
          const back = zonedInstant(
            localDate(instant, zone),
            `${local.hour}:${local.minute}:${local.second}`,
            zone,
          );
          // Either the same instant, or the earlier twin of a repeated reading (one offset change earlier).
          return back === instant || (back < instant && instant - back <= 3_600_000);
        },
      ),
    );
  });
});

describe('offsetMilliseconds', () => {
  it('gives +9 h for Tokyo and the DST offsets of New York', () => {
    expect(offsetMilliseconds(Date.parse('2026-01-15T00:00:00Z'))).toBe(9 * 3_600_000);
    expect(offsetMilliseconds(Date.parse('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetMilliseconds(Date.parse('2026-07-15T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });
});

describe('dayBandOf', () => {
  it('puts 06:00–21:59 in the day band and 22:00–05:59 in the night band (環境基準)', () => {
    // Tokyo wall clock = UTC + 9 h.
    expect(dayBandOf('2026-04-01T21:00:00Z')).toBe('day'); // 06:00 JST
    expect(dayBandOf('2026-04-01T12:59:59Z')).toBe('day'); // 21:59:59 JST
    expect(dayBandOf('2026-04-01T13:00:00Z')).toBe('night'); // 22:00 JST
    expect(dayBandOf('2026-04-01T20:59:59Z')).toBe('night'); // 05:59:59 JST
  });

  it('returns undefined when no band covers the instant', () => {
    expect(
      dayBandOf('2026-04-01T03:00:00Z', [{ name: 'morning', startHour: 6, endHour: 8 }]),
    ).toBeUndefined();
  });
});

describe('addCalendarDays', () => {
  it('adds days across month and year ends', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('createManualClock', () => {
  it('stands still until set or advanced', () => {
    const clock = createManualClock('2026-04-01T00:00:00Z');
    expect(toInstant(clock.now())).toBe('2026-04-01T00:00:00.000Z');
    clock.advance(86_400_000);
    expect(toInstant(clock.now())).toBe('2026-04-02T00:00:00.000Z');
    clock.set(0);
    expect(clock.now()).toBe(0);
  });
});
