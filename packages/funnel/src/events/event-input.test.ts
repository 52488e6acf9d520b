import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeColumnScans, normalizeEvents, scanColumns } from './event-input';

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

describe('scanColumns and mergeColumnScans', () => {
  it('the scans of consecutive parts merge into the scan of the whole, wherever the parts are cut', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            user: fc.integer({ min: -2, max: 6 }),
            name: fc.integer({ min: 0, max: 3 }),
            time: fc.constantFrom(0, 1.5, 7, Number.NaN, Number.POSITIVE_INFINITY),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, cuts) => {
          const user = Int32Array.from(rows, (row) => row.user);
          const name = Uint8Array.from(rows, (row) => row.name);
          const timestamp = Float64Array.from(rows, (row) => row.time);
          const bounds = [
            0,
            ...cuts.map((cut) => cut % (rows.length + 1)).sort((left, right) => left - right),
            rows.length,
          ];
          const parts = bounds
            .slice(1)
            .map((to, index) => scanColumns(user, name, timestamp, bounds[index]!, to));
          const whole = scanColumns(user, name, timestamp, 0, rows.length);
          const merged = mergeColumnScans(user, parts);
          // NaN ≠ NaN: compare the time check as "finite or not".
          expect({ ...merged, timeCheck: merged.timeCheck === 0 }).toEqual({
            ...whole,
            timeCheck: whole.timeCheck === 0,
          });
          // The reference: changes and descents counted event by event.
          let changes = 0;
          let descents = 0;
          for (let index = 1; index < rows.length; index += 1) {
            if (user[index] !== user[index - 1]) changes += 1;
            if (user[index]! < user[index - 1]!) descents += 1;
          }
          expect([whole.userChanges, whole.userDescents]).toEqual([changes, descents]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
