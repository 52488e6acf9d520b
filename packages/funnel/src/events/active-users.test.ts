import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countActiveUsers } from './active-users';

const t0 = Date.parse('2026-04-01T00:00:00Z');
const hour = 3_600_000;

describe('countActiveUsers', () => {
  it('counts distinct users per local day, overall and per event name', () => {
    // Tokyo (UTC+9): 14:00Z is April 1, 16:00Z is April 2.
    const events = [
      { userId: 'a', name: 'open', timestamp: t0 + hour },
      { userId: 'a', name: 'open', timestamp: t0 + 2 * hour },
      { userId: 'b', name: 'click', timestamp: t0 + 14 * hour },
      { userId: 'a', name: 'click', timestamp: t0 + 16 * hour },
    ];
    const result = countActiveUsers(events);
    // April 1: a, a, b → 2 users, 3 events; April 2: a → 1 user.
    expect(result.periods).toEqual([
      { periodStart: '2026-04-01', activeUsers: 2, events: 3 },
      { periodStart: '2026-04-02', activeUsers: 1, events: 1 },
    ]);
    expect(result.distinctUsers).toBe(2);
    expect(result.byName).toEqual([
      { name: 'click', users: 2, events: 2 },
      { name: 'open', users: 1, events: 2 },
    ]);
    expect(countActiveUsers(events, { timeZone: 'UTC' }).periods).toEqual([
      { periodStart: '2026-04-01', activeUsers: 2, events: 4 },
    ]);
  });

  it('counts weekly users from the Monday of the ISO week', () => {
    // 2026-04-01 is a Wednesday: the week starts Monday 2026-03-30.
    const result = countActiveUsers([{ userId: 1, name: 'x', timestamp: t0 }], {
      period: 'week',
      timeZone: 'UTC',
    });
    expect(result.periods[0]!.periodStart).toBe('2026-03-30');
  });

  it('does not depend on the order of the input', () => {
    const eventArbitrary = fc.record({
      userId: fc.integer({ min: 0, max: 4 }),
      name: fc.constantFrom('a', 'b'),
      timestamp: fc.integer({ min: t0, max: t0 + 72 * hour }),
    });
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 30 }), (events) => {
        const sorted = [...events].sort((left, right) => left.timestamp - right.timestamp);
        expect(countActiveUsers(events, { timeZone: 'UTC' })).toEqual(
          countActiveUsers(sorted, { timeZone: 'UTC' }),
        );
      }),
      { numRuns: 50 },
    );
  });
});
