import { describe, expect, it } from 'vitest';
import { timeBasedSplit } from './time-based-split';

describe('timeBasedSplit', () => {
  const items = [
    { id: 'c', at: '2026-03-01T00:00:00Z' },
    { id: 'a', at: '2025-10-01T00:00:00Z' },
    { id: 'b', at: '2025-12-20T00:00:00Z' },
    { id: 'd', at: '2026-01-01T00:00:00Z' },
  ];

  it('trains on the past and tests on the future, oldest first', () => {
    const split = timeBasedSplit(items, (item) => item.at, { cutoff: '2026-01-01T00:00:00Z' });
    expect(split.past.map((item) => item.id)).toEqual(['a', 'b']);
    expect(split.future.map((item) => item.id)).toEqual(['d', 'c']);
  });

  it('drops items inside the gap before the cutoff', () => {
    const split = timeBasedSplit(items, (item) => item.at, { cutoff: '2026-01-01T00:00:00Z', gapDays: 30 });
    expect(split.past.map((item) => item.id)).toEqual(['a']);
    expect(split.dropped).toBe(1);
  });

  it('names the item with a bad instant', () => {
    expect(() =>
      timeBasedSplit([{ at: 'yesterday' }], (item) => item.at, { cutoff: '2026-01-01T00:00:00Z' }),
    ).toThrow(/\[0\]/);
  });
});
