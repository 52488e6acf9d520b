import { describe, expect, it } from 'vitest';
import { normalizeEvents } from './event-input';

const names = ['visit', 'pay'];

describe('normalizeEvents: runs of users', () => {
  it('counts runs of equal consecutive user indexes in columns, odd and even lengths', () => {
    // Users 0 0 1 1 1 2: three runs, three users — every user contiguous.
    const grouped = normalizeEvents({
      user: Int32Array.of(0, 0, 1, 1, 1, 2),
      name: Uint8Array.of(0, 1, 0, 0, 1, 0),
      names,
      timestamp: Float64Array.of(1, 2, 3, 4, 5, 6),
    });
    expect(grouped.userRuns).toBe(3);
    expect(grouped.userCount).toBe(3);
    // Users 0 1 0 1 2: runs 0 | 1 | 0 | 1 | 2 = 5 > 3 users, so some user is not contiguous.
    const interleaved = normalizeEvents({
      user: Int32Array.of(0, 1, 0, 1, 2),
      name: Uint8Array.of(0, 0, 1, 1, 0),
      names,
      timestamp: Float64Array.of(1, 2, 3, 4, 5),
    });
    expect(interleaved.userRuns).toBe(5);
    expect(interleaved.userCount).toBe(3);
    const empty = normalizeEvents({
      user: new Int32Array(0),
      name: new Uint8Array(0),
      names,
      timestamp: new Float64Array(0),
    });
    expect(empty.userRuns).toBe(0);
  });

  it('counts runs of users for an array of events', () => {
    // a a b a: runs a | b | a = 3 over 2 users.
    const events = ['a', 'a', 'b', 'a'].map((userId, index) => ({ userId, name: 'visit', timestamp: index }));
    const normalized = normalizeEvents(events);
    expect(normalized.userRuns).toBe(3);
    expect(normalized.userCount).toBe(2);
  });

  it('still finds a bad timestamp in the last, unpaired event', () => {
    expect(() =>
      normalizeEvents({
        user: Int32Array.of(0, 0, 0),
        name: Uint8Array.of(0, 0, 0),
        names,
        timestamp: Float64Array.of(1, 2, Number.NaN),
      }),
    ).toThrow(/timestamp\[2\]/);
  });
});
